package io.essays.feed;

import io.essays.corpus.Filters;


import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import io.essays.EssaysConfig;
import io.essays.PublicUrls;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.embed.PublishedHtml;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Atom 1.0 (with ROME), JSON Feed 1.1 (records serialized by Jackson) and the sitemap (StAX) of a release. Entries
 * are essays, newest first; an entry's id is its page URL; the content is the essay's HTML with every link and image
 * absolute ({@link PublishedHtml#absolute}). Dates are the essays' own (published, updated), as the start of that day
 * in UTC, so the feeds do not change when nothing in them did.
 */
@ApplicationScoped
public class FeedService {
    private static final Comparator<EssayData> NEWEST_FIRST = Comparator.comparing(EssayData::published).reversed()
            .thenComparing(EssayData::slug);

    private final PublicUrls urls;
    private final EssaysConfig.Embed config;

    FeedService(PublicUrls urls, EssaysConfig config) {
        this.urls = urls;
        this.config = config.embed();
    }

    /**
     * The essays of a feed, newest first, at most {@code essays.embed.feed-entries} of them: of all, or of one series
     * (a problem 400 for an unknown series).
     */
    List<EssayData> entries(CorpusSnapshot corpus, String series) {
        Filters.series(corpus, series);
        return corpus.essays().stream().filter(e -> series == null || e.series().equals(series)).sorted(NEWEST_FIRST)
                .limit(config.feedEntries()).toList();
    }

    private String title(CorpusSnapshot corpus, String series) {
        return series == null ? config.providerName() : config.providerName() + ": " + corpus.series(series).title();
    }

    private String feedPath(String path, String series) {
        return urls.service(path + (series == null ? "" : "?series=" + series));
    }

    /** The Atom 1.0 document. */
    public String atom(CorpusSnapshot corpus, String series) {
        List<EssayData> essays = entries(corpus, series);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(xml(title(corpus, series)));
        feed.setDescription(xml(series == null ? "Every essay, newest first" : corpus.series(series).description()));
        String self = feedPath("/feeds/atom.xml", series);
        feed.setUri(self);
        feed.setLanguage("en");
        var selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setType("application/atom+xml");
        selfLink.setHref(self);
        var home = new SyndLinkImpl();
        home.setRel("alternate");
        home.setType("text/html");
        home.setHref(config.providerUrl());
        feed.setLinks(List.of(selfLink, home));
        var author = new SyndPersonImpl();
        author.setName(xml(config.authorName()));
        feed.setAuthors(List.of(author));
        feed.setPublishedDate(date(essays.stream().map(FeedService::modified).max(Comparator.naturalOrder())
                .orElse(LocalDate.EPOCH)));
        List<SyndEntry> entries = new ArrayList<>();
        for (EssayData e : essays) {
            SyndEntry entry = new SyndEntryImpl();
            String page = urls.page(e.slug());
            entry.setUri(page);
            entry.setTitle(xml(e.title()));
            entry.setLink(page);
            entry.setPublishedDate(date(e.published()));
            entry.setUpdatedDate(date(modified(e)));
            // named on each entry: left out, ROME writes an empty <author>, which overrides the feed's (RFC 4287 §4.2.1)
            entry.setAuthors(List.of(author));
            var summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(xml(e.summary()));
            entry.setDescription(summary);
            var content = new SyndContentImpl();
            content.setType("html");
            content.setValue(xml(PublishedHtml.absolute(e.html(), e.slug(), urls)));
            entry.setContents(List.of(content));
            entry.setCategories(e.tags().stream().map(t -> {
                var c = new SyndCategoryImpl();
                c.setName(t);
                return (com.rometools.rome.feed.synd.SyndCategory) c;
            }).toList());
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
    }

    /**
     * {@code text} without the characters XML 1.0 cannot carry (C0 controls but tab, line feed and carriage return;
     * U+FFFE, U+FFFF; lone surrogates), which JSON and HTML can: one such character pasted into an essay must not
     * make every Atom feed that lists it fail. The same text unchanged when it has none, as it nearly always has.
     */
    static String xml(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && xmlChar(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        var kept = new StringBuilder(text.length()).append(text, 0, i);
        text.codePoints().skip(text.codePointCount(0, i)).filter(FeedService::xmlChar).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** The JSON Feed 1.1 document. */
    public JsonFeed json(CorpusSnapshot corpus, String series) {
        List<JsonFeed.Item> items = entries(corpus, series).stream().map(e -> new JsonFeed.Item(urls.page(e.slug()),
                urls.page(e.slug()), e.title(), e.summary(), PublishedHtml.absolute(e.html(), e.slug(), urls),
                e.assets().isEmpty() ? null : urls.absolute(e.assets().get(0).url()), rfc3339(e.published()),
                rfc3339(modified(e)), e.tags())).toList();
        return new JsonFeed("https://jsonfeed.org/version/1.1", title(corpus, series), config.providerUrl(),
                feedPath("/feeds/feed.json", series),
                series == null ? "Every essay, newest first" : corpus.series(series).description(), "en",
                List.of(new JsonFeed.Author(config.authorName(), config.providerUrl())), items);
    }

    /** The sitemap: every essay's page URL with its last modification (sitemaps.org 0.9). */
    public String sitemap(CorpusSnapshot corpus) {
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            for (EssayData e : corpus.essays()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                xml.writeStartElement("loc");
                xml.writeCharacters(urls.page(e.slug()));
                xml.writeEndElement();
                xml.writeStartElement("lastmod");
                xml.writeCharacters(modified(e).toString());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        return out + "\n";
    }

    private static LocalDate modified(EssayData e) {
        return e.updated() == null ? e.published() : e.updated();
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String rfc3339(LocalDate day) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atStartOfDay(ZoneOffset.UTC));
    }
}
