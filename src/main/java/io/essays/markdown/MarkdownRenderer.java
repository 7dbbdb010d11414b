package io.essays.markdown;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Markdown pipeline: parses an essay body once and derives its HTML, table of contents, plain text, word count,
 * cross-links and sections. Built once and shared; thread-safe.
 *
 * <p>HTML safety: raw HTML in Markdown is <em>escaped</em> (shown as text, never interpreted); link and image URLs
 * with a scheme other than http, https or mailto are dropped; the result then passes a jsoup allow-list
 * ({@link HtmlSafety}) as a second line of defence. External links get {@code rel="noopener noreferrer"}. Cross-links
 * ({@code other.md#anchor}) are rewritten to the configured URL template and carry {@code data-essay}. Relative
 * images are corpus assets, rendered with their URL and intrinsic size, captioned ones as figures ({@link Figures}).
 *
 * <p>Math: every formula is turned into MathML by the {@link MathRenderer} given at construction (a formula it cannot
 * parse is a {@link BodyProblem} with the formula's line). The HTML carries the MathML; {@link RenderedBody#htmlTex()}
 * is the same fragment with the TeX escaped in {@code span.math}/{@code div.math}, for clients that typeset it
 * themselves. Plain text keeps the TeX without its dollars.
 */
public final class MarkdownRenderer {
    static final int WORDS_PER_MINUTE = 230;
    /**
     * Most levels of block quotes and lists one line may be nested in ({@link #refusal}). commonmark parses and
     * renders nested blocks recursively, and a body nested a few thousand levels deep (3 KB of {@code >}) overflows the
     * stack; no essay comes near a hundred.
     */
    public static final int MAX_NESTING = 100;
    /** Most {@code <} in one body (the corpus's essays have at most a dozen): {@link UnrenderableBodyException}. */
    public static final int MAX_ANGLE_BRACKETS = 10_000;

    private final Parser parser;
    /**
     * Finds formulas only: no source spans and no autolinks (a post-processor that scans every text for URLs and never
     * touches math), so it finds the same formulas as {@link #parser}, for less.
     */
    private final Parser formulaParser;
    private final HtmlRenderer renderer;
    private final HtmlRenderer texRenderer;
    private final MathRenderer math;
    private final String assetBaseUrl;
    private final MathSwap mathSwap = new MathSwap();
    private final LongAdder fullMathMlCleans = new LongAdder();
    private final LongAdder cutFirstParagraphs = new LongAdder();
    /**
     * Whether the MathML variant is derived from the cleaned TeX variant ({@link MathSwap}), and sections' first
     * paragraphs are cut from the cleaned body rather than cleaned alone; false only in tests, which compare the two.
     */
    private final boolean deriveMathMl;
    /**
     * While a body renders, the first paragraphs of its sections that {@link Attributes} marks (by their number), so
     * they can be found in the cleaned body. A thread-local because the renderers are shared and made once.
     */
    private static final ThreadLocal<Map<Node, Integer>> MARKED = new ThreadLocal<>();

    /**
     * A pipeline that leaves math as TeX (the HTML equals {@link RenderedBody#htmlTex()}), for uses that need no MathML.
     *
     * @param essayUrlTemplate where cross-links point, with {@code {slug}} replaced, e.g. {@code /essays/{slug}}
     */
    public MarkdownRenderer(String essayUrlTemplate) {
        this(essayUrlTemplate, "/api/v1/assets", null);
    }

    /**
     * @param essayUrlTemplate where cross-links point, with {@code {slug}} replaced, e.g. {@code /essays/{slug}}
     * @param assetBaseUrl     where images point: {@code <base>/<hash>/<path>}, e.g. {@code /api/v1/assets}
     */
    public MarkdownRenderer(String essayUrlTemplate, String assetBaseUrl) {
        this(essayUrlTemplate, assetBaseUrl, null);
    }

    /**
     * @param essayUrlTemplate where cross-links point, with {@code {slug}} replaced, e.g. {@code /essays/{slug}}
     * @param math             turns formulas into MathML; null leaves math as TeX
     */
    public MarkdownRenderer(String essayUrlTemplate, MathRenderer math) {
        this(essayUrlTemplate, "/api/v1/assets", math);
    }

    /**
     * @param essayUrlTemplate where cross-links point, with {@code {slug}} replaced, e.g. {@code /essays/{slug}}
     * @param assetBaseUrl     where images point: {@code <base>/<hash>/<path>}, e.g. {@code /api/v1/assets}
     * @param math             turns formulas into MathML; null leaves math as TeX
     */
    public MarkdownRenderer(String essayUrlTemplate, String assetBaseUrl, MathRenderer math) {
        this(essayUrlTemplate, assetBaseUrl, math, true);
    }

    /**
     * @param deriveMathMl false cleans the MathML variant of every fragment in full, as the derived variant must
     *                     equal (for tests that compare the two)
     */
    MarkdownRenderer(String essayUrlTemplate, String assetBaseUrl, MathRenderer math, boolean deriveMathMl) {
        this.deriveMathMl = deriveMathMl;
        this.assetBaseUrl = assetBaseUrl.endsWith("/") ? assetBaseUrl.substring(0, assetBaseUrl.length() - 1) : assetBaseUrl;
        List<Extension> common = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), TaskListItemsExtension.create(), FootnotesExtension.create());
        List<Extension> tex = new ArrayList<>(common);
        tex.add(MathExtension.create());
        List<Extension> mathMl = new ArrayList<>(common);
        mathMl.add(MathExtension.mathMl());
        this.math = math;
        this.parser = Parser.builder()
                .extensions(tex)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .build();
        this.formulaParser = Parser.builder()
                .extensions(tex.stream().filter(e -> !(e instanceof AutolinkExtension)).toList())
                .build();
        this.texRenderer = htmlRenderer(tex, essayUrlTemplate);
        this.renderer = math == null ? texRenderer : htmlRenderer(mathMl, essayUrlTemplate);
    }

    private static HtmlRenderer htmlRenderer(List<Extension> extensions, String essayUrlTemplate) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new SchemeAllowList())
                .attributeProviderFactory(context -> new Attributes(essayUrlTemplate))
                .nodeRendererFactory(Figures.Renderer::new)
                .build();
    }

    /**
     * Hands the distinct formulas of all {@code bodies} to the math renderer ({@link MathRenderer#prepare}) before
     * they are rendered one by one, so that a whole corpus' math can be rendered in bulk.
     */
    public void prepare(List<String> bodies) {
        if (math == null) {
            return;
        }
        // parsed on every core; gathered in the order of the bodies
        var formulas = new LinkedHashSet<Formula>();
        bodies.parallelStream().map(this::formulasIfRenderable).toList().forEach(formulas::addAll);
        math.prepare(formulas);
    }

    /** {@link #formulas(String)}, or none for a body nested too deeply to render (rendering it reports that). */
    private Set<Formula> formulasIfRenderable(String body) {
        if (refusal(body) != null) {
            return Set.of();
        }
        try {
            return formulas(body);
        } catch (StackOverflowError e) {
            return Set.of();
        }
    }

    /** Every formula of a body, in document order, once each. */
    public Set<Formula> formulas(String body) {
        return formulas(formulaParser.parse(body));
    }

    /** {@link #formulas(String)} from the body parsed as for rendering, which it must equal (for tests). */
    Set<Formula> formulasParsedForRendering(String body) {
        return formulas(parser.parse(body));
    }

    private static Set<Formula> formulas(Node document) {
        var formulas = new LinkedHashSet<Formula>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof InlineMath m) {
                    formulas.add(new Formula(m.tex(), m.display()));
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock node) {
                if (node instanceof DisplayMath m && m.closed()) {
                    formulas.add(new Formula(m.tex(), true));
                }
                visitChildren(node);
            }
        });
        return formulas;
    }

    /**
     * Renders one body.
     *
     * @param body       the Markdown after the front matter
     * @param lineOffset how many file lines precede the body, so reported lines are file lines
     */
    public RenderedBody render(String body, int lineOffset) {
        return render(body, lineOffset, AssetResolver.NONE);
    }

    /**
     * Renders one body whose relative images are corpus assets.
     *
     * @param body       the Markdown after the front matter
     * @param lineOffset how many file lines precede the body, so reported lines are file lines
     * @param assets     resolves the essay's relative image destinations
     * @throws UnrenderableBodyException when the body is nested too deeply to render
     */
    public RenderedBody render(String body, int lineOffset, AssetResolver assets) {
        Refusal refused = refusal(body);
        if (refused != null) {
            throw new UnrenderableBodyException(lineOffset + refused.line() + 1, refused.message());
        }
        try {
            return renderChecked(body, lineOffset, assets);
        } catch (StackOverflowError e) {
            // what the line check cannot see (emphasis, images or footnotes nested thousands deep) still overflows the
            // recursive parse or walk of this one body. Catching it is safe here: the error unwinds only this body's
            // frames, commonmark makes a new document parser for each parse, and nothing shared keeps state between
            // bodies (MARKED is cleared on the way out)
            throw new UnrenderableBodyException(lineOffset + 1, "Markdown nested too deeply to render: its elements "
                    + "(emphasis, links, images, block quotes or lists) nest inside one another deeper than the "
                    + "renderer can follow");
        }
    }

    /** {@code text} on one line and at most 60 characters, as a problem quotes a formula or a URL. */
    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    /** A body refused before it is parsed: the zero-based line where it goes wrong, and what is wrong. */
    record Refusal(int line, String message) {
    }

    /**
     * Why {@code body} is not parsed at all, or null, read line by line before anything parses it (the formula scan
     * does first): where block quotes and lists nest deeper than {@link #MAX_NESTING}, which is where a deeply nested
     * body first overflows the stack, or where its {@code <} pass {@link #MAX_ANGLE_BRACKETS}, for which commonmark's
     * inline parser takes quadratic time. A line's leading run of container markers is counted: each {@code >} and
     * each list marker ({@code -}, {@code +}, {@code *}, or 1 to 9 digits and {@code .} or {@code )}, then a space, a
     * tab or the line's end) is one level, and the indentation before and between them (less the one space that ends
     * a marker) one level per two columns, since a nested list item is indented at least two past its parent. A line
     * opens a container only inside those it continues, by repeating their markers or indentation, so this bounds the
     * depth commonmark gives it from above. A line of nothing but {@code -} or {@code *} is a thematic break, not
     * lists. Lines of a fenced code block count for neither: commonmark parses neither blocks nor inlines in them.
     */
    static Refusal refusal(String body) {
        int line = 0;
        int brackets = 0;
        char fence = 0;
        int fenceLength = 0;
        for (int start = 0; start < body.length(); line++) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            int at = fenceStart(body, start, end);
            int run = at < 0 ? 0 : run(body, at, end);
            if (fence != 0) {
                // a closing fence: the same character, at least as many, nothing after but blanks
                if (run >= fenceLength && body.charAt(at) == fence && body.substring(at + run, end).isBlank()) {
                    fence = 0;
                }
            } else if (run >= 3 && (body.charAt(at) == '~' || body.indexOf('`', at + run) < 0
                    || body.indexOf('`', at + run) >= end)) {
                fence = body.charAt(at);
                fenceLength = run;
            } else {
                if (nesting(body, start, end) > MAX_NESTING) {
                    return new Refusal(line, "Markdown nested too deeply to render: more than " + MAX_NESTING
                            + " levels of block quotes or lists");
                }
                for (int i = start; i < end; i++) {
                    if (body.charAt(i) == '<' && ++brackets > MAX_ANGLE_BRACKETS) {
                        return new Refusal(line, "more than " + MAX_ANGLE_BRACKETS + " '<' in one essay outside "
                                + "fenced code, where the Markdown parser's time grows with the square of their number; "
                                + "the limit is passed on this line");
                    }
                }
            }
            start = end + 1;
        }
        return null;
    }

    /** Where a fence of {@code `} or {@code ~} may start on the line {@code text[start, end)}: after at most 3 spaces. */
    private static int fenceStart(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        return i < end && (text.charAt(i) == '`' || text.charAt(i) == '~') ? i : -1;
    }

    /** How many times the character at {@code at} repeats from there, before {@code end}. */
    private static int run(String text, int at, int end) {
        int i = at;
        while (i < end && text.charAt(i) == text.charAt(at)) {
            i++;
        }
        return i - at;
    }

    /** The nesting of the line {@code text[start, end)} as {@link #refusal} counts it. */
    private static int nesting(String text, int start, int end) {
        int levels = 0;
        int columns = 0;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
                continue;
            }
            if (c == '\t') {
                columns += 4;
                i++;
                continue;
            }
            int after = c == '>' ? i + 1 : listMarkerEnd(text, i, end);
            if (after < 0) {
                break;
            }
            levels += 1 + columns / 2;
            columns = 0;
            i = after < end && (text.charAt(after) == ' ' || text.charAt(after) == '\t') ? after + 1 : after;
        }
        return levels > MAX_NESTING && isThematicBreak(text, start, end) ? 0 : levels;
    }

    /** Where the list marker at {@code i} ends, or -1 when there is none. */
    private static int listMarkerEnd(String text, int i, int end) {
        char c = text.charAt(i);
        int after;
        if (c == '-' || c == '+' || c == '*') {
            after = i + 1;
        } else {
            int digits = i;
            while (digits < end && digits - i < 10 && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
                digits++;
            }
            if (digits == i || digits - i > 9 || digits == end
                    || (text.charAt(digits) != '.' && text.charAt(digits) != ')')) {
                return -1;
            }
            after = digits + 1;
        }
        return after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t' ? after : -1;
    }

    /** Whether the line holds nothing but one of {@code -} and {@code *}, and spaces or tabs. */
    private static boolean isThematicBreak(String text, int start, int end) {
        char mark = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                continue;
            }
            if ((c != '-' && c != '*') || (mark != 0 && c != mark)) {
                return false;
            }
            mark = c;
        }
        return true;
    }

    private RenderedBody renderChecked(String body, int lineOffset, AssetResolver assets) {
        Node document = parser.parse(body);
        var walk = new Walk(lineOffset);
        Figures.prepare(document, assets, assetBaseUrl, lineOffset, walk.problems, walk.images);
        walk.document(document);
        Map<Formula, String> mathMl = renderer == texRenderer ? null : MathSwap.attachedMathMl(document);
        List<Paragraph> marks = deriveMathMl ? walk.markableFirstParagraphs() : List.of();
        Element[] marked = null;
        String htmlTex;
        String html;
        try {
            MARKED.set(marks.isEmpty() ? null : numbered(marks));
            if (!deriveMathMl) {
                htmlTex = HtmlSafety.clean(texRenderer.render(document));
                html = renderer == texRenderer ? htmlTex : HtmlSafety.clean(renderer.render(document));
            } else if (renderer == texRenderer || mathMl == null) {
                // math left as TeX, or a formula without MathML: the variant served is cleaned in full, with the marks
                Document clean = HtmlSafety.cleanDocument(renderer.render(document), marks.size());
                marked = HtmlSafety.takeMarks(clean, marks.size());
                html = HtmlSafety.html(clean);
                htmlTex = renderer == texRenderer ? html : HtmlSafety.clean(texRenderer.render(document));
            } else {
                Document clean = HtmlSafety.cleanDocument(texRenderer.render(document), marks.size());
                marked = HtmlSafety.takeMarks(clean, marks.size());
                htmlTex = HtmlSafety.html(clean);
                // without math the variants are the same: one String for both
                html = mathMl.isEmpty() ? htmlTex : mathSwap.swap(clean, htmlTex, mathMl);
                if (html == null) {
                    // the paragraphs marked in the TeX variant are not this variant's
                    html = cleanedInFull(document);
                    marked = null;
                }
            }
        } finally {
            MARKED.remove();
        }
        var cut = new IdentityHashMap<Paragraph, String>();
        for (int i = 0; marked != null && i < marked.length; i++) {
            if (marked[i] != null) {
                cut.put(marks.get(i), marked[i].outerHtml());
            }
        }
        cutFirstParagraphs.add(cut.size());
        int words = walk.words;
        String plainText = walk.plain.toString().strip();
        return new RenderedBody(html, htmlTex, List.copyOf(walk.toc), plainText, words,
                Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE)), List.copyOf(walk.links),
                List.copyOf(walk.anchorLinks), walk.sections(paragraph -> {
                    String cutHtml = cut.get(paragraph);
                    return cutHtml != null ? cutHtml : firstParagraphHtml(paragraph, mathMl);
                }, html, plainText),
                List.copyOf(walk.problems), walk.blocks(plainText), List.copyOf(walk.images));
    }

    private static Map<Node, Integer> numbered(List<Paragraph> paragraphs) {
        var numbers = new IdentityHashMap<Node, Integer>();
        for (int i = 0; i < paragraphs.size(); i++) {
            numbers.put(paragraphs.get(i), i);
        }
        return numbers;
    }

    /** The cleaned MathML variant derived from the cleaned TeX variant, or, when it cannot be, cleaned in full. */
    private String swapped(Document cleanTex, Map<Formula, String> mathMl, Node node) {
        String html = mathSwap.swap(cleanTex, HtmlSafety.html(cleanTex), mathMl);
        return html != null ? html : cleanedInFull(node);
    }

    /** The MathML variant of {@code node} rendered and cleaned in full, where {@link MathSwap} cannot derive it. */
    private String cleanedInFull(Node node) {
        fullMathMlCleans.increment();
        return HtmlSafety.clean(renderer.render(node));
    }

    /**
     * How many fragments with MathML had their MathML variant cleaned in full because {@link MathSwap} could not
     * derive it (fragments with a formula left as TeX are not counted); none for a valid corpus.
     */
    long fullMathMlCleans() {
        return fullMathMlCleans.sum();
    }

    /** How many sections' first paragraphs were cut from their cleaned body rather than cleaned alone. */
    long cutFirstParagraphs() {
        return cutFirstParagraphs.sum();
    }

    /** A section's first paragraph rendered on its own (math as MathML) and cleaned. */
    private String firstParagraphHtml(Paragraph paragraph, Map<Formula, String> mathMl) {
        if (renderer == texRenderer || !deriveMathMl || mathMl == null) {
            return HtmlSafety.clean(renderer.render(paragraph)).strip();
        }
        Document clean = HtmlSafety.cleanDocument(texRenderer.render(paragraph));
        return swapped(clean, mathMl, paragraph).strip();
    }

    /** The prose blocks of a body (paragraphs, headings, table cells), for mention and search passes. */
    public List<ProseBlock> proseBlocks(String body) {
        return proseBlocks(body, 0);
    }

    /**
     * The prose blocks of a body, with file lines.
     *
     * @param lineOffset how many file lines precede the body, as for {@link #render(String, int)}
     */
    public List<ProseBlock> proseBlocks(String body, int lineOffset) {
        return render(body, lineOffset).blocks();
    }

    /** The text of a heading (or any inline container) as ids are generated from it. */
    static String headingText(Node node) {
        var sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            inlineText(n, sb);
        }
        return sb.toString().strip();
    }

    private static void inlineText(Node n, StringBuilder sb) {
        if (n instanceof Text t) {
            sb.append(t.getLiteral());
        } else if (n instanceof Code c) {
            sb.append(c.getLiteral());
        } else if (n instanceof InlineMath m) {
            sb.append(m.tex());
        } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
            sb.append(' ');
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                inlineText(c, sb);
            }
        }
    }

    private static int line(Node node, int offset) {
        var spans = node.getSourceSpans();
        return spans == null || spans.isEmpty() ? offset + 1 : spans.get(0).getLineIndex() + offset + 1;
    }

    /** One walk over a parsed document, in document order. */
    private final class Walk {
        final int offset;
        final StringBuilder plain = new StringBuilder();
        final List<TocEntry> toc = new ArrayList<>();
        final List<ExtractedLink> links = new ArrayList<>();
        final List<RenderedBody.AnchorLink> anchorLinks = new ArrayList<>();
        final List<BodyProblem> problems = new ArrayList<>();
        final List<ProseBlock> blocks = new ArrayList<>();
        /**
         * Where each block's text was appended to {@link #plain}, or -1 when it was not appended as it is (nothing
         * stripped): where it can be held as a range of the plain text.
         */
        final List<Integer> blockStarts = new ArrayList<>();
        final List<ImageUse> images = new ArrayList<>();
        final List<SectionBuilder> sections = new ArrayList<>();
        final IdGenerator ids = IdGenerator.builder().build();
        SectionBuilder section = new SectionBuilder(null, null, 0);
        int words;

        Walk(int offset) {
            this.offset = offset;
            sections.add(section);
        }

        void document(Node document) {
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                block(n);
            }
        }

        void block(Node node) {
            if (node instanceof Heading heading) {
                String text = headingText(heading);
                String id = headingId(ids, text);
                toc.add(new TocEntry(heading.getLevel(), id, text));
                section = new SectionBuilder(id, text, plain.length());
                sections.add(section);
                prose(heading, id);
            } else if (node instanceof Paragraph paragraph) {
                ProseBlock block = prose(paragraph, section.id);
                if (section.firstParagraphText == null && !block.text().isBlank()) {
                    section.firstParagraphText = block.text();
                    section.firstParagraph = paragraph;
                    section.paragraphStart = blockStarts.get(blockStarts.size() - 1);
                }
            } else if (node instanceof FencedCodeBlock code) {
                append(code.getLiteral());
            } else if (node instanceof IndentedCodeBlock code) {
                append(code.getLiteral());
            } else if (node instanceof DisplayMath math) {
                if (!math.closed()) {
                    problems.add(new BodyProblem(math.openingLine() + offset + 1,
                            "unterminated display math: '$$' opened here is never closed"));
                } else {
                    math.mathMl(mathMl(new Formula(math.tex(), true), math.openingLine() + offset + 1));
                }
                append(math.tex());
            } else if (node instanceof HtmlBlock html) {
                append(html.getLiteral());
            } else {
                if (isInlineContainer(node)) {
                    prose(node, section.id);
                } else {
                    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                        block(c);
                    }
                }
            }
        }

        /** A node whose children are inline content; table parts are custom nodes but hold blocks of cells. */
        private boolean isInlineContainer(Node node) {
            Node first = node.getFirstChild();
            return first != null && !(first instanceof org.commonmark.node.Block) && !isTablePart(first);
        }

        private boolean isTablePart(Node node) {
            return node instanceof TableHead || node instanceof TableBody || node instanceof TableRow
                    || node instanceof TableCell;
        }

        private void append(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            plain.append(text.strip()).append("\n\n");
            section.end = plain.length();
        }

        /** Collects the inline content of a block as text, recording links, code and math. */
        ProseBlock prose(Node container, String sectionId) {
            var text = new StringBuilder();
            var linkSpans = new ArrayList<ProseBlock.Span>();
            var masked = new ArrayList<ProseBlock.Span>();
            var pendingLinks = new ArrayList<PendingLink>();
            var lines = new ArrayList<ProseBlock.LineStart>();
            int firstLine = line(container, offset);
            for (Node n = container.getFirstChild(); n != null; n = n.getNext()) {
                inline(n, text, linkSpans, masked, pendingLinks, lines, sectionId);
            }
            String s = text.toString();
            for (PendingLink p : pendingLinks) {
                var snippet = Snippets.around(s, p.start, p.end);
                links.add(new ExtractedLink(p.target.slug(), p.target.anchor(), s.substring(p.start, p.end).strip(),
                        sectionId, p.line, snippet.text(), snippet.html()));
            }
            lines.removeIf(l -> l.line() <= firstLine);
            var block = new ProseBlock(sectionId, s, List.copyOf(linkSpans), List.copyOf(masked),
                    container instanceof Heading, firstLine, List.copyOf(lines));
            blocks.add(block);
            words += countWords(s, masked);
            int at = plain.length();
            append(s);
            blockStarts.add(plain.length() - at == s.length() + 2 ? at : -1);
            return block;
        }

        private void inline(Node n, StringBuilder text, List<ProseBlock.Span> linkSpans, List<ProseBlock.Span> masked,
                            List<PendingLink> pending, List<ProseBlock.LineStart> lines, String sectionId) {
            markLine(n, text.length(), lines);
            if (n instanceof Text t) {
                text.append(t.getLiteral());
            } else if (n instanceof Code c) {
                int start = text.length();
                text.append(c.getLiteral());
                masked.add(new ProseBlock.Span(start, text.length(), null));
            } else if (n instanceof InlineMath m) {
                m.mathMl(mathMl(new Formula(m.tex(), m.display()), line(m, offset)));
                int start = text.length();
                text.append(m.tex());
                masked.add(new ProseBlock.Span(start, text.length(), null));
            } else if (n instanceof HtmlInline h) {
                int start = text.length();
                text.append(h.getLiteral());
                masked.add(new ProseBlock.Span(start, text.length(), null));
            } else if (n instanceof SoftLineBreak) {
                text.append(' ');
            } else if (n instanceof HardLineBreak) {
                text.append('\n');
            } else if (n instanceof Link link) {
                int start = text.length();
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    inline(c, text, linkSpans, masked, pending, lines, sectionId);
                }
                LinkTarget target = LinkTarget.of(link.getDestination());
                int line = line(link, offset);
                switch (target.kind()) {
                    case ESSAY -> {
                        linkSpans.add(new ProseBlock.Span(start, text.length(), target.slug()));
                        pending.add(new PendingLink(target, start, text.length(), line));
                    }
                    case ANCHOR -> {
                        linkSpans.add(new ProseBlock.Span(start, text.length(), null));
                        anchorLinks.add(new RenderedBody.AnchorLink(target.anchor(), line));
                    }
                    case OTHER_RELATIVE -> {
                        linkSpans.add(new ProseBlock.Span(start, text.length(), null));
                        problems.add(new BodyProblem(line, "relative link '" + link.getDestination()
                                + "' is not an essay file: link to another essay as 'slug.md' or use an absolute https URL"));
                    }
                    case UNSAFE -> {
                        linkSpans.add(new ProseBlock.Span(start, text.length(), null));
                        // a URI mentioned in prose (s3://bucket/key), which the autolink extension makes a link of,
                        // stays text; a link the author wrote to one is reported
                        if (!(link.getFirstChild() instanceof Text only && only.getNext() == null
                                && only.getLiteral().equals(link.getDestination()))) {
                            problems.add(new BodyProblem(line, "link '" + abbreviate(link.getDestination()) + "' is "
                                    + "never rendered: only http, https and mailto links, and links to other essays and "
                                    + "headings, are kept"));
                        }
                    }
                    default -> linkSpans.add(new ProseBlock.Span(start, text.length(), null));
                }
            } else if (n instanceof Image || n instanceof Figures.AssetImage) {
                int start = text.length();
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    inline(c, text, linkSpans, masked, pending, lines, sectionId);
                }
                masked.add(new ProseBlock.Span(start, text.length(), null));
            } else {
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    inline(c, text, linkSpans, masked, pending, lines, sectionId);
                }
            }
        }

        /** The MathML of a formula, or null (math left as TeX, or a problem recorded when the TeX is invalid). */
        private String mathMl(Formula formula, int line) {
            if (math == null) {
                return null;
            }
            try {
                return math.toMathMl(formula);
            } catch (InvalidMathException e) {
                problems.add(new BodyProblem(line, "math '" + abbreviate(formula.tex()) + "' cannot be rendered: "
                        + e.getMessage()));
                return null;
            }
        }


        /** Records where a new source line starts in the block's text, for lines of mentions. */
        private void markLine(Node n, int at, List<ProseBlock.LineStart> lines) {
            var spans = n.getSourceSpans();
            if (spans == null || spans.isEmpty()) {
                return;
            }
            int line = spans.get(0).getLineIndex() + offset + 1;
            if (lines.isEmpty() || lines.get(lines.size() - 1).line() < line) {
                lines.add(new ProseBlock.LineStart(at, line));
            }
        }

        /**
         * The sections' first paragraphs whose HTML can be cut from the cleaned body: all but those that render
         * differently on their own, a paragraph with a footnote reference (numbered by its place in the body) and one
         * in a footnote (which gets the link back to the reference).
         */
        List<Paragraph> markableFirstParagraphs() {
            var markable = new ArrayList<Paragraph>();
            for (SectionBuilder s : sections) {
                if (s.firstParagraph != null && !hasFootnote(s.firstParagraph) && !inFootnote(s.firstParagraph)) {
                    markable.add(s.firstParagraph);
                }
            }
            return markable;
        }

        private static boolean inFootnote(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof FootnoteDefinition) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasFootnote(Node node) {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof FootnoteReference || c instanceof InlineFootnote || hasFootnote(c)) {
                    return true;
                }
            }
            return false;
        }

        /** The prose blocks, each with its text as a range of {@code plainText} where it was appended as it is. */
        List<ProseBlock> blocks(String plainText) {
            var result = new ArrayList<ProseBlock>(blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                result.add(blocks.get(i).within(plainText, blockStarts.get(i)));
            }
            return List.copyOf(result);
        }

        /**
         * The sections, each with its text as a range of {@code plainText}, the body's plain text: what was appended to
         * it while the section was open (no copy of it, a tenth of a corpus' heap while it is imported). The first
         * paragraph's text and HTML are ranges of the plain text and of {@code bodyHtml} too, where they stand there as
         * they are.
         */
        List<RenderedBody.Section> sections(Function<Paragraph, String> html, String bodyHtml, String plainText) {
            var result = new ArrayList<RenderedBody.Section>();
            int htmlFrom = 0;
            for (SectionBuilder s : sections) {
                if (s.id == null && s.end == s.start) {
                    continue;
                }
                var paragraphHtml = RenderedBody.Range.EMPTY;
                if (s.firstParagraph != null) {
                    paragraphHtml = RenderedBody.Range.find(bodyHtml, html.apply(s.firstParagraph), htmlFrom);
                    if (paragraphHtml.source() == bodyHtml) {
                        htmlFrom = paragraphHtml.end();
                    }
                }
                var paragraphText = s.paragraphStart >= 0
                        ? RenderedBody.Range.of(plainText, s.paragraphStart, s.paragraphStart + s.firstParagraphText.length())
                        : RenderedBody.Range.of(s.firstParagraphText == null ? "" : s.firstParagraphText);
                result.add(new RenderedBody.Section(s.id, s.heading, paragraphText, paragraphHtml,
                        RenderedBody.Range.of(plainText, s.start, s.end)));
            }
            return List.copyOf(result);
        }
    }

    static int countWords(String text, List<ProseBlock.Span> masked) {
        int count = 0;
        boolean inWord = false;
        int m = 0;
        for (int i = 0; i < text.length(); i++) {
            while (m < masked.size() && masked.get(m).end() <= i) {
                m++;
            }
            boolean isMasked = m < masked.size() && masked.get(m).start() <= i;
            boolean wordChar = !isMasked && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord) {
                count++;
            }
            if (wordChar) {
                inWord = true;
            } else if (isMasked || Character.isWhitespace(text.charAt(i))) {
                inWord = false;
            }
        }
        return count;
    }

    private record PendingLink(LinkTarget target, int start, int end, int line) {
    }

    private static final class SectionBuilder {
        final String id;
        final String heading;
        /** Where the section's text starts and ends in the plain text being built. */
        final int start;
        int end;
        String firstParagraphText;
        /** Where the first paragraph's text starts in the plain text, when it was appended as it is; else -1. */
        int paragraphStart = -1;
        Paragraph firstParagraph;

        SectionBuilder(String id, String heading, int start) {
            this.id = id;
            this.heading = heading;
            this.start = start;
            this.end = start;
        }
    }

    /**
     * The id of a heading. commonmark's {@link IdGenerator} lowercases with the JVM's default locale, so under a
     * Turkish locale "In code" became "ın-code"; lowercasing with {@link Locale#ROOT} first makes ids the same on every
     * server (the generator's own lowercasing then changes nothing).
     */
    static String headingId(IdGenerator ids, String text) {
        return ids.generateId(text.toLowerCase(Locale.ROOT));
    }

    /** Heading ids, cross-link rewriting and rel attributes (the renderer's URL sanitizing adds rel=nofollow to every link; only external links keep a rel). A new instance per rendered document. */
    private static final class Attributes implements AttributeProvider {
        private final String essayUrlTemplate;
        private final IdGenerator ids = IdGenerator.builder().build();

        Attributes(String essayUrlTemplate) {
            this.essayUrlTemplate = essayUrlTemplate;
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Paragraph && tagName.equals("p")) {
                Map<Node, Integer> marked = MARKED.get();
                Integer number = marked == null ? null : marked.get(node);
                if (number != null) {
                    attributes.put(HtmlSafety.MARK, number.toString());
                }
            } else if (node instanceof Heading heading) {
                attributes.put("id", headingId(ids, headingText(heading)));
            } else if (node instanceof Link link) {
                LinkTarget target = LinkTarget.of(link.getDestination());
                switch (target.kind()) {
                    case ESSAY -> {
                        String href = essayUrlTemplate.replace("{slug}", target.slug());
                        attributes.put("href", target.anchor() == null ? href : href + "#" + target.anchor());
                        attributes.put("data-essay", target.slug());
                        attributes.remove("rel");
                    }
                    case ANCHOR -> attributes.remove("rel");
                    case EXTERNAL -> attributes.put("rel", "noopener noreferrer");
                    case UNSAFE, OTHER_RELATIVE -> attributes.remove("href");
                }
            }
        }
    }

    /** Keeps http, https, mailto and relative URLs; anything else becomes an empty URL. */
    private static final class SchemeAllowList implements UrlSanitizer {
        private static final Set<LinkTarget.Kind> UNSAFE = Set.of(LinkTarget.Kind.UNSAFE);

        @Override
        public String sanitizeLinkUrl(String url) {
            return UNSAFE.contains(LinkTarget.of(url).kind()) ? "" : url;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            LinkTarget.Kind kind = LinkTarget.of(url).kind();
            return kind == LinkTarget.Kind.EXTERNAL ? url : "";
        }
    }
}
