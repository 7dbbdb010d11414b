package io.essays.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.essays.PublicUrls;
import io.essays.asset.ImageType;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds an essay's {@link EssayMeta} and its ready-to-paste HTML form. */
@ApplicationScoped
public class MetaService {
    private final PublicUrls urls;
    private final EssaysConfig.Embed config;
    private final ObjectMapper mapper;

    MetaService(PublicUrls urls, EssaysConfig config, ObjectMapper mapper) {
        this.urls = urls;
        this.config = config.embed();
        this.mapper = mapper;
    }

    public EssayMeta meta(CorpusSnapshot corpus, EssayData e) {
        String url = urls.page(e.slug());
        var figure = e.assets().isEmpty() ? null : e.assets().get(0);
        String image = figure == null ? null : urls.absolute(figure.url());
        var card = socialImage(e.assets());
        String cardImage = card == null ? null : urls.absolute(card.url());
        String modified = e.updated() == null ? null : e.updated().toString();
        String series = corpus.series(e.series()).title();
        var og = new EssayMeta.OpenGraph("article", e.title(), e.summary(), url, config.providerName(), cardImage,
                card == null ? null : card.asset().width(), card == null ? null : card.asset().height(),
                card == null ? null : card.alt(), e.published().toString(), modified, series, e.tags());
        boolean large = card != null && card.asset().width() >= LARGE_CARD_WIDTH
                && card.asset().height() >= LARGE_CARD_HEIGHT;
        var twitter = new EssayMeta.TwitterCard(large ? "summary_large_image" : "summary", e.title(), e.summary(),
                cardImage, card == null ? null : card.alt());
        var oembed = new EssayMeta.OEmbedLink(urls.oembed(url), "application/json+oembed", e.title());
        var ld = new LinkedHashMap<String, Object>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Article");
        ld.put("headline", e.title());
        ld.put("description", e.summary());
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        ld.put("datePublished", e.published().toString());
        ld.put("dateModified", (e.updated() == null ? e.published() : e.updated()).toString());
        ld.put("author", ordered("@type", "Organization", "name", config.authorName()));
        ld.put("publisher", ordered("@type", "Organization", "name", config.providerName(), "url", config.providerUrl()));
        if (figure != null) {
            ld.put("image", ordered("@type", "ImageObject", "url", image, "width", figure.asset().width(),
                    "height", figure.asset().height()));
        }
        ld.put("keywords", e.tags());
        ld.put("wordCount", e.wordCount());
        ld.put("timeRequired", "PT" + e.readingMinutes() + "M");
        ld.put("isPartOf", ordered("@type", "CreativeWorkSeries", "name", series));
        return new EssayMeta(url, e.title(), e.summary(), og, twitter, oembed, ld);
    }

    /**
     * A JSON-LD object with its keys in the order given: {@code Map.of} iterates in an order that changes from one JVM
     * to the next, which gave the same release another body, and another ETag, on each replica and after each restart.
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The smallest image Facebook and LinkedIn show on a shared link's card. */
    static final int MIN_CARD_SIDE = 200;
    /** The smallest image X shows as a large card ({@code summary_large_image}). */
    static final int LARGE_CARD_WIDTH = 300;
    static final int LARGE_CARD_HEIGHT = 157;

    /**
     * The image of a shared link's card (Open Graph, Twitter): the essay's first raster image at least
     * {@value #MIN_CARD_SIDE} pixels on each side, or none. Social sites render neither SVG nor icons, so a card
     * without an image is what they would show anyway, and says so; JSON-LD, feeds and oEmbed keep the first figure,
     * since search engines and browsers render SVG.
     */
    static CorpusSnapshot.AssetUseData socialImage(List<CorpusSnapshot.AssetUseData> assets) {
        for (var use : assets) {
            var asset = use.asset();
            // an import admits only the ImageTypes, so every asset that is not SVG is a raster image
            if (!ImageType.SVG.mediaType().equals(asset.mediaType()) && asset.width() >= MIN_CARD_SIDE
                    && asset.height() >= MIN_CARD_SIDE) {
                return use;
            }
        }
        return null;
    }


    /**
     * The meta as {@code <head>} elements. Attribute values are HTML-escaped; the JSON-LD is JSON with {@code <},
     * {@code >} and {@code &} written as {@code \u003c}, {@code \u003e}, {@code \u0026} (they only occur inside JSON
     * strings, where the escapes mean the same), so no {@code </script>} or comment opener can end the script early.
     */
    public String html(EssayMeta m) {
        var out = new StringBuilder(2048);
        out.append("<title>").append(EmbedPages.escape(m.title())).append("</title>\n");
        link(out, "canonical", null, m.canonicalUrl(), null);
        meta(out, "name", "description", m.description());
        var og = m.openGraph();
        meta(out, "property", "og:type", og.type());
        meta(out, "property", "og:title", og.title());
        meta(out, "property", "og:description", og.description());
        meta(out, "property", "og:url", og.url());
        meta(out, "property", "og:site_name", og.siteName());
        if (og.image() != null) {
            meta(out, "property", "og:image", og.image());
            meta(out, "property", "og:image:width", og.imageWidth().toString());
            meta(out, "property", "og:image:height", og.imageHeight().toString());
            meta(out, "property", "og:image:alt", og.imageAlt());
        }
        meta(out, "property", "article:published_time", og.publishedTime());
        if (og.modifiedTime() != null) {
            meta(out, "property", "article:modified_time", og.modifiedTime());
        }
        meta(out, "property", "article:section", og.section());
        og.tags().forEach(tag -> meta(out, "property", "article:tag", tag));
        var tw = m.twitter();
        meta(out, "name", "twitter:card", tw.card());
        meta(out, "name", "twitter:title", tw.title());
        meta(out, "name", "twitter:description", tw.description());
        if (tw.image() != null) {
            meta(out, "name", "twitter:image", tw.image());
            meta(out, "name", "twitter:image:alt", tw.imageAlt());
        }
        link(out, "alternate", m.oembed().type(), m.oembed().href(), m.oembed().title());
        out.append("<script type=\"application/ld+json\">").append(scriptSafeJson(mapper, m.jsonLd())).append("</script>\n");
        return out.toString();
    }

    private static void meta(StringBuilder out, String attribute, String name, String content) {
        out.append("<meta ").append(attribute).append("=\"").append(EmbedPages.escape(name)).append("\" content=\"")
                .append(EmbedPages.escape(content == null ? "" : content)).append("\">\n");
    }

    private static void link(StringBuilder out, String rel, String type, String href, String title) {
        out.append("<link rel=\"").append(rel).append('"');
        if (type != null) {
            out.append(" type=\"").append(EmbedPages.escape(type)).append('"');
        }
        out.append(" href=\"").append(EmbedPages.escape(href)).append('"');
        if (title != null) {
            out.append(" title=\"").append(EmbedPages.escape(title)).append('"');
        }
        out.append(">\n");
    }

    static String scriptSafeJson(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> formats() {
        return List.of("json", "html");
    }
}
