package io.essays.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The allow-list every rendered fragment passes through: the elements and attributes the Markdown pipeline emits, and
 * nothing else. Raw HTML is already escaped by the renderer; this is the second line of defence.
 */
final class HtmlSafety {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("del", "s", "input", "section", "hr", "mark", "figure", "figcaption")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("a", "rel", "data-essay", "class", "id", "data-footnote-ref", "data-footnote-backref")
            .addAttributes("span", "class")
            .addAttributes("div", "class")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addAttributes("section", "class", "data-footnotes")
            .addAttributes("li", "id")
            .addAttributes("sup", "class")
            .addAttributes("th", "align").addAttributes("td", "align")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("img", "loading", "decoding")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addProtocols("img", "src", "http", "https")
            .removeEnforcedAttribute("a", "rel")
            .preserveRelativeLinks(true);
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSafety() {
    }

    static String clean(String html) {
        return Jsoup.clean(html, "https://essays.invalid/", SAFELIST, OUTPUT);
    }
}
