package io.essays.embed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import io.essays.PublicUrls;
import io.essays.markdown.LinkTarget;

/**
 * An essay's sanitized HTML (rendered at import) adapted for where it is published outside the API: in an embed page
 * (cross-links and in-page anchors whose target is not embedded open the essay's page in the top window, external
 * links a new one), in a feed (every link and image absolute) or in a hover card (in-page anchors as cross-links).
 * Also cuts a section out of it. Works on the parsed fragment with jsoup, never with text substitution; the input is
 * already sanitized and nothing here adds markup from outside it.
 */
public final class PublishedHtml {
    private PublishedHtml() {
    }

    /**
     * For an embed page of essay {@code slug} ({@code html} the whole essay or one section): cross-links
     * ({@code a[data-essay]}) point to the linked essay's page URL and open in the top window; an in-page anchor
     * ({@code href="#id"}) whose target is not in {@code html}, such as a heading outside the section, points to
     * {@code slug}'s page URL with the same fragment and opens in the top window like a cross-link; in-page anchors whose
     * target is embedded (footnotes, the section's own headings) stay; external links open in a new window with
     * {@code rel="noopener noreferrer"}. An image from another site than the assets' becomes such a link.
     */
    public static String forEmbed(String html, String slug, PublicUrls urls) {
        Document doc = parse(html);
        Set<String> ids = null;
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (a.hasAttr("data-essay")) {
                toTop(a, urls.page(a.attr("data-essay"), fragment(href)));
            } else if (href.startsWith("#")) {
                ids = ids == null ? ids(doc) : ids;
                if (!targetIsIn(href, ids)) {
                    toTop(a, urls.page(slug, href.substring(1)));
                }
            } else if (isExternal(href)) {
                a.attr("target", "_blank");
                a.attr("rel", "noopener noreferrer");
            }
        }
        // the embed's CSP shows the corpus's own images only: another site's image would be a broken box and a
        // console error on every host page, so it becomes a link to the image, named by its alt text
        String assets = urls.assetBase() + "/";
        for (Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            if (isExternal(src) && !src.startsWith(assets)) {
                Element link = new Element("a").attr("href", src).attr("target", "_blank").attr("rel", "noopener noreferrer")
                        .text(img.attr("alt").isBlank() ? "Image: " + src : "Image: " + img.attr("alt"));
                img.replaceWith(link);
            }
        }
        return body(doc);
    }

    /**
     * For a hover card of essay {@code slug}, shown on other essays' pages as well as its own: an in-page anchor
     * ({@code href="#id"}) becomes what a cross-link to that heading is, the essay's URL ({@code essayUrl}, the
     * rendered cross-links' own) with the fragment and {@code data-essay}, so that it leads to {@code slug}'s heading
     * wherever the card is shown (on {@code slug}'s own page that is a jump within the page). Everything else is kept.
     */
    public static String forPreview(String html, String slug, String essayUrl) {
        if (!html.contains("href=\"#")) {
            return html;
        }
        Document doc = parse(html);
        for (Element a : doc.select("a[href^=#]")) {
            a.attr("href", essayUrl + a.attr("href"));
            a.attr("data-essay", slug);
        }
        return body(doc);
    }

    private static void toTop(Element a, String href) {
        a.attr("href", href);
        a.attr("target", "_top");
        a.removeAttr("rel");
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        return ids;
    }

    /**
     * Whether an in-page anchor finds its target among {@code ids}, as a browser looks for it: the fragment as written,
     * then percent-decoded. An empty fragment ({@code #}) names the top of the page, always there.
     */
    private static boolean targetIsIn(String href, Set<String> ids) {
        String fragment = href.substring(1);
        return fragment.isEmpty() || ids.contains(fragment) || ids.contains(LinkTarget.of(href).anchor());
    }

    /**
     * For a feed: cross-links to the linked essay's page, in-page anchors to this essay's page, any other relative link
     * and every image resolved against this service's public URL. The result holds no relative URL.
     */
    public static String absolute(String html, String slug, PublicUrls urls) {
        Document doc = parse(html);
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (a.hasAttr("data-essay")) {
                a.attr("href", urls.page(a.attr("data-essay"), fragment(href)));
            } else if (href.startsWith("#")) {
                a.attr("href", urls.page(slug, href.substring(1)));
            } else {
                a.attr("href", urls.absolute(href));
            }
        }
        for (Element img : doc.select("img[src]")) {
            img.attr("src", urls.absolute(img.attr("src")));
        }
        return body(doc);
    }

    /**
     * The section of the heading with id {@code headingId}: the heading and everything after it up to the next heading
     * of the same or a higher level or the essay's footnotes, then the footnotes the section refers to (and those they
     * refer to), in a footnotes section of their own that keeps each one's number; null when no heading has that id.
     */
    public static String section(String html, String headingId) {
        Document doc = parse(html);
        Element heading = doc.getElementById(headingId);
        int level = level(heading);
        if (level == 0) {
            return null;
        }
        List<Node> nodes = new ArrayList<>();
        for (Node n = heading; n != null; n = n.nextSibling()) {
            if (n != heading && n instanceof Element e && (level(e) != 0 && level(e) <= level || isFootnotes(e))) {
                break;
            }
            nodes.add(n);
        }
        var out = new StringBuilder();
        nodes.forEach(n -> out.append(n.outerHtml()));
        String footnotes = footnotesOf(nodes, doc);
        return footnotes.isEmpty() ? out.toString().strip() : out.toString().strip() + "\n" + footnotes;
    }

    private static boolean isFootnotes(Element e) {
        return e.normalName().equals("section") && e.hasClass("footnotes");
    }

    /**
     * The footnotes that {@code nodes} refer to, and those these refer to in turn, in their order in the essay, as a
     * footnotes section whose items keep their numbers ({@code value}); empty when they refer to none.
     */
    private static String footnotesOf(List<Node> nodes, Document doc) {
        Element all = doc.selectFirst("section.footnotes > ol");
        if (all == null) {
            return "";
        }
        Set<String> referred = new HashSet<>();
        List<Element> pending = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Element e) {
                pending.addAll(e.select("a[data-footnote-ref][href^=#]")); // e itself included
            }
        }
        while (!pending.isEmpty()) {
            String id = pending.remove(pending.size() - 1).attr("href").substring(1);
            Element note = doc.getElementById(id);
            if (note != null && note.parent() == all && referred.add(id)) {
                pending.addAll(note.select("a[data-footnote-ref][href^=#]"));
            }
        }
        if (referred.isEmpty()) {
            return "";
        }
        var out = new StringBuilder("<section class=\"footnotes\" data-footnotes>\n<ol>\n");
        int number = 0;
        for (Element li : all.children()) {
            number++;
            if (li.normalName().equals("li") && referred.contains(li.id())) {
                Element copy = li.clone();
                copy.attr("value", Integer.toString(number));
                out.append(copy.outerHtml()).append('\n');
            }
        }
        return out.append("</ol>\n</section>").toString();
    }

    private static int level(Element e) {
        if (e == null) {
            return 0;
        }
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6' ? tag.charAt(1) - '0' : 0;
    }

    private static String fragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? null : href.substring(hash + 1);
    }

    /**
     * Whether {@code href} leaves the corpus: protocol-relative, or with a scheme (RFC 3986 §3.1), read from the text
     * itself. {@link URI} would refuse what browsers follow ({@code https://example.com/a|b}, a space, brackets), and
     * such a link must still open in a new window, not inside the embed's frame.
     */
    static boolean isExternal(String href) {
        if (href.startsWith("//")) {
            return true;
        }
        int colon = href.indexOf(':');
        if (colon < 1 || href.charAt(0) >= 128 || !Character.isLetter(href.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = href.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return !href.substring(0, colon).toLowerCase(Locale.ROOT).equals("javascript");
    }

    private static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    private static String body(Document doc) {
        return doc.body().html();
    }
}
