package io.essays.markdown;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The allow-list every rendered fragment passes through: the elements and attributes the Markdown pipeline emits, and
 * nothing else. Raw HTML is already escaped by the renderer; this is the second line of defence.
 *
 * <p>Math: exactly the MathML Core elements and attributes that KaTeX emits ({@link #MATHML}). None of them can
 * navigate, load or run anything: no {@code href}, no {@code style}, no event handler, no {@code xmlns} games. KaTeX
 * runs with {@code trust: false}, so {@code \href}, {@code \htmlClass} and friends never ask for more; if it ever did,
 * this list drops it. What KaTeX emits outside MathML Core is dropped too, keeping its content: {@code <menclose>}
 * ({@code \boxed}, {@code \cancel}) and the table attributes {@code columnalign}, {@code rowspacing},
 * {@code columnlines} … (Chromium ignores them; a cell's content stays).
 */
final class HtmlSafety {
    /** MathML Core elements KaTeX emits, with the attributes of each that KaTeX emits and MathML Core defines. */
    static final Map<String, List<String>> MATHML = Map.ofEntries(
            Map.entry("math", List.of("display")),
            Map.entry("semantics", List.of()),
            Map.entry("annotation", List.of("encoding")),
            Map.entry("mrow", List.of()),
            Map.entry("mi", List.of("mathvariant")),
            Map.entry("mn", List.of()),
            Map.entry("mo", List.of("fence", "separator", "stretchy", "symmetric", "lspace", "rspace", "minsize",
                    "maxsize", "largeop", "movablelimits")),
            Map.entry("mtext", List.of()),
            Map.entry("ms", List.of()),
            Map.entry("mspace", List.of("width", "height", "depth", "mathbackground")),
            Map.entry("mpadded", List.of("width", "height", "depth", "lspace", "voffset", "mathbackground", "class")),
            Map.entry("mphantom", List.of()),
            Map.entry("mstyle", List.of("displaystyle", "scriptlevel", "mathcolor", "mathbackground", "mathsize")),
            Map.entry("mfrac", List.of("linethickness")),
            Map.entry("msqrt", List.of()),
            Map.entry("mroot", List.of()),
            Map.entry("msub", List.of()),
            Map.entry("msup", List.of()),
            Map.entry("msubsup", List.of()),
            Map.entry("munder", List.of("accentunder")),
            Map.entry("mover", List.of("accent")),
            Map.entry("munderover", List.of("accent", "accentunder")),
            Map.entry("mtable", List.of()),
            Map.entry("mtr", List.of()),
            Map.entry("mtd", List.of()));
    private static final Safelist SAFELIST = withMathMl(Safelist.relaxed())
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
    /**
     * The attribute that marks a section's first paragraph while a body renders (its number), so that the paragraph's
     * cleaned HTML can be cut from the cleaned body instead of being cleaned again on its own. Only
     * {@link #cleanDocument(String, int)} keeps it, and {@link #takeMarks} removes it before anything is serialized.
     */
    static final String MARK = "data-essays-first-paragraph";
    private static final Safelist MARKING = new Safelist(SAFELIST).addAttributes("p", MARK);
    private static final String BASE_URI = "https://essays.invalid/";
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSafety() {
    }

    private static Safelist withMathMl(Safelist safelist) {
        MATHML.forEach((tag, attributes) -> {
            safelist.addTags(tag);
            if (!attributes.isEmpty()) {
                safelist.addAttributes(tag, attributes.toArray(String[]::new));
            }
        });
        return safelist;
    }

    /** A fragment through the allow-list, as HTML: what {@code Jsoup.clean} does, in the two steps below. */
    static String clean(String html) {
        return html(cleanDocument(html));
    }

    /**
     * A fragment through the allow-list, as a document to serialize with {@link #html}, so that {@link MathSwap} can
     * serialize it a second time with MathML in place of the TeX.
     */
    static Document cleanDocument(String html) {
        return cleanDocument(html, 0);
    }

    /**
     * As {@link #cleanDocument(String)}, keeping the {@link #MARK}s on paragraphs when {@code marks} is positive, for
     * {@link #takeMarks}.
     */
    static Document cleanDocument(String html, int marks) {
        Document clean = new Cleaner(marks > 0 ? MARKING : SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE_URI));
        clean.outputSettings(OUTPUT);
        return clean;
    }

    /**
     * Removes every {@link #MARK} from a document cleaned with marks, and returns the marked paragraphs by number
     * ({@code count} of them): null where a number is missing, was used twice, or is not one. Each paragraph's
     * {@code outerHtml()} is then what cleaning it alone gives, with the document's output settings.
     */
    static Element[] takeMarks(Document clean, int count) {
        var marked = new Element[count];
        var twice = new boolean[count];
        for (Element e : clean.body().getElementsByAttribute(MARK)) {
            int number = number(e.attr(MARK), count);
            e.removeAttr(MARK);
            if (number < 0 || !e.normalName().equals("p")) {
                continue;
            }
            twice[number] = marked[number] != null;
            marked[number] = e;
        }
        for (int i = 0; i < count; i++) {
            if (twice[i]) {
                marked[i] = null;
            }
        }
        return marked;
    }

    private static int number(String value, int count) {
        try {
            int n = Integer.parseInt(value);
            return n >= 0 && n < count ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body of a document made by {@link #cleanDocument}, as HTML. */
    static String html(Document clean) {
        return clean.body().html();
    }
}
