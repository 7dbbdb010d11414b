package io.essays.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Derives the MathML variant of a cleaned fragment from its cleaned TeX variant, so that a body is parsed and cleaned
 * by jsoup once instead of twice: the two variants differ only inside the {@code span.math}/{@code div.math} elements
 * that {@link MathExtension} writes, and the MathML of one formula, cleaned on its own inside the same element, is the
 * same wherever it stands. So each math element's escaped TeX is replaced by its formula's MathML <em>after it went
 * through the same allow-list</em> ({@link HtmlSafety}), cleaned once per distinct formula and kept in a bounded
 * cache; nothing reaches the output without passing the allow-list, so safety is the allow-list's as before.
 *
 * <p>Whenever the swap cannot be sure to give what cleaning the MathML variant gives (a formula without MathML, which
 * that variant leaves as TeX; a math element whose formula is unknown; MathML that does not stay inside its element
 * when cleaned), {@link #swap} says so with null and the caller cleans the MathML variant in full.
 * {@code MathSwapTest} compares both ways over the real corpus. Thread-safe.
 */
final class MathSwap {
    /** Characters of MathML (before and after cleaning) kept; a corpus of 10,000 essays needs far less. */
    private static final long MAX_CACHED_CHARS = 8_000_000;

    /** Cleaned inner HTML of a math element by element name and MathML; absent when the MathML does not stay inside. */
    private final Cache<String, String> cleaned = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARS)
            .weigher((String key, String value) -> key.length() + value.length())
            .build();

    /**
     * The MathML attached to each formula under {@code root}, or null when some formula has none (invalid TeX, an
     * unterminated display, math left as TeX), so that the MathML variant shows TeX there and only a full clean is
     * sure to match it.
     */
    static Map<Formula, String> attachedMathMl(Node root) {
        var attached = new HashMap<Formula, String>();
        var complete = new boolean[] {true};
        root.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof InlineMath m) {
                    add(new Formula(m.tex(), m.display()), m.mathMl());
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock node) {
                if (node instanceof DisplayMath m) {
                    add(new Formula(m.tex(), true), m.mathMl());
                }
                visitChildren(node);
            }

            private void add(Formula formula, String mathMl) {
                String before = mathMl == null ? null : attached.putIfAbsent(formula, mathMl);
                if (mathMl == null || before != null && !before.equals(mathMl)) {
                    complete[0] = false;
                }
            }
        });
        return complete[0] ? attached : null;
    }

    /**
     * Turns a cleaned TeX-variant document into the cleaned MathML variant, in place, and returns it as HTML.
     *
     * <p>The HTML is spliced, not serialized again: the TeX variant's HTML with each math element's serialization
     * replaced by its serialization once swapped. Each math element's start tag (with its literal {@code class="math}
     * quotes) stands in the TeX variant's HTML only where that element is, since text there is escaped ({@code <} as
     * {@code &lt;}) and so are quotes in attribute values, and math elements come in document order, which is the
     * order of the HTML; so the first occurrence of an element's serialization after the previous element's is that
     * element's. The result is therefore exactly the swapped document serialized ({@code MathSwapTest} holds it to
     * that), at the cost of serializing the math elements alone.
     *
     * @param cleanTex a document from {@link HtmlSafety#cleanDocument}
     * @param htmlTex  that document serialized ({@link HtmlSafety#html}) before the swap: the TeX variant
     * @param mathMl   from {@link #attachedMathMl} for the node the fragment was rendered from
     * @return the MathML variant as HTML, or null when the caller must clean the MathML variant itself (the document
     * may then be partly swapped)
     */
    String swap(Document cleanTex, String htmlTex, Map<Formula, String> mathMl) {
        var elements = new ArrayList<Element>();
        for (Element e : cleanTex.body().getElementsByClass("math")) {
            elements.add(e);
        }
        var html = new StringBuilder(htmlTex.length() + htmlTex.length() / 2);
        int done = 0;
        for (Element e : elements) {
            String cls = e.attr("class");
            boolean display = cls.equals("math math-display");
            boolean known = e.normalName().equals("span") && (display || cls.equals("math math-inline"))
                    || e.normalName().equals("div") && display;
            String tex = known ? tex(e) : null;
            String formulaMathMl = tex == null ? null : mathMl.get(new Formula(tex, display));
            if (formulaMathMl == null) {
                return null;
            }
            String inner = cleaned.get(e.normalName() + '\u0000' + cls + '\u0000' + formulaMathMl,
                    key -> cleanAlone(e.normalName(), cls, formulaMathMl));
            if (inner == null) {
                return null;
            }
            String before = e.outerHtml();
            int at = htmlTex.indexOf(before, done);
            if (at < 0) {
                return null;
            }
            // a data node is written as it is: the MathML is already cleaned, and must not be escaped again
            e.empty().appendChild(new DataNode(inner));
            html.append(htmlTex, done, at).append(e.outerHtml());
            done = at + before.length();
        }
        return html.append(htmlTex, done, htmlTex.length()).toString();
    }

    /** The TeX of a TeX-variant math element: its only text, or null when it holds anything else. */
    private static String tex(Element e) {
        if (e.childNodeSize() == 0) {
            return "";
        }
        return e.childNodeSize() == 1 && e.childNode(0) instanceof TextNode t ? t.getWholeText() : null;
    }

    /** The MathML cleaned inside the element it stands in, as that element's inner HTML; null if it spills out. */
    private static String cleanAlone(String name, String cls, String mathMl) {
        Element body = HtmlSafety.cleanDocument("<" + name + " class=\"" + cls + "\">" + mathMl + "</" + name + ">").body();
        if (body.childNodeSize() != 1 || !(body.childNode(0) instanceof Element wrapper)
                || !wrapper.normalName().equals(name) || !Objects.equals(wrapper.attr("class"), cls)
                || !wrapper.attributes().asList().stream().allMatch(a -> a.getKey().equals("class"))) {
            return null;
        }
        return wrapper.html();
    }
}
