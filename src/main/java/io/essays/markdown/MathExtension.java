package io.essays.markdown;

import java.util.Map;
import java.util.Set;

import org.commonmark.node.Block;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * TeX math as GitHub renders it: {@code $…$} inline and {@code $$…$$} display. The TeX is protected from Markdown
 * (underscores and asterisks inside stay literal). It is rendered inside {@code <span class="math math-inline">} or
 * {@code <div class="math math-display">}: as the MathML the pipeline attached to the node ({@link #mathMl()}), or as
 * escaped TeX ({@link #create()}), for KaTeX or MathJax on the client.
 */
final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    private final boolean mathMl;

    private MathExtension(boolean mathMl) {
        this.mathMl = mathMl;
    }

    /** Parses math; renders it as escaped TeX. */
    static MathExtension create() {
        return new MathExtension(false);
    }

    /** Renders math as the MathML attached to each node (escaped TeX where there is none). */
    static MathExtension mathMl() {
        return new MathExtension(true);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new DisplayMathParserFactory());
        builder.customInlineContentParserFactory(new InlineMathParserFactory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(context -> new MathNodeRenderer(context, mathMl));
    }

    private static final class InlineMathParserFactory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return InlineMathParserFactory::parse;
        }

        private static ParsedInline parse(InlineParserState state) {
            Scanner scanner = state.scanner();
            Position start = scanner.position();
            scanner.next();
            boolean display = scanner.next('$');
            char first = scanner.peek();
            if (first == Scanner.END || Character.isWhitespace(first) || first == '$') {
                scanner.setPosition(start);
                return ParsedInline.none();
            }
            StringBuilder tex = new StringBuilder();
            while (scanner.hasNext()) {
                char c = scanner.peek();
                if (c == '\\') {
                    tex.append(c);
                    scanner.next();
                    if (scanner.hasNext()) {
                        tex.append(scanner.peek());
                        scanner.next();
                    }
                    continue;
                }
                if (c == '$') {
                    if (display) {
                        scanner.next();
                        if (scanner.next('$')) {
                            return ParsedInline.of(new InlineMath(tex.toString().strip(), true), scanner.position());
                        }
                        tex.append('$');
                        continue;
                    }
                    boolean closesAfterText = !Character.isWhitespace(tex.charAt(tex.length() - 1));
                    scanner.next();
                    if (closesAfterText && !Character.isDigit(scanner.peek())) {
                        return ParsedInline.of(new InlineMath(tex.toString(), false), scanner.position());
                    }
                    tex.append('$');
                    continue;
                }
                tex.append(c);
                scanner.next();
            }
            scanner.setPosition(start);
            return ParsedInline.none();
        }
    }

    private static final class DisplayMathParserFactory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            int index = state.getNextNonSpaceIndex();
            String rest = line.subSequence(index, line.length()).toString();
            if (!rest.startsWith("$$")) {
                return BlockStart.none();
            }
            var span = state.getLine().getSourceSpan();
            var parser = new DisplayMathParser(span == null ? -1 : span.getLineIndex());
            String afterOpening = rest.substring(2).strip();
            if (afterOpening.endsWith("$$") && afterOpening.length() >= 2) {
                parser.block.append(afterOpening.substring(0, afterOpening.length() - 2));
                parser.block.close();
            } else {
                parser.block.append(afterOpening);
            }
            return BlockStart.of(parser).atIndex(line.length());
        }
    }

    private static final class DisplayMathParser extends AbstractBlockParser {
        private final DisplayMath block;
        private boolean openingLineTaken;

        DisplayMathParser(int openingLine) {
            this.block = new DisplayMath(openingLine);
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (block.closed()) {
                return BlockContinue.none();
            }
            String line = state.getLine().getContent().toString();
            String trimmed = line.strip();
            if (trimmed.endsWith("$$")) {
                block.append(trimmed.substring(0, trimmed.length() - 2));
                block.close();
                return BlockContinue.finished();
            }
            return BlockContinue.atIndex(state.getIndex());
        }

        /**
         * Lines inside the block. The first call brings what is left of the opening line, which {@code tryStart}
         * already took whole; appending it would put a blank line after text on the opening line.
         */
        @Override
        public void addLine(SourceLine line) {
            if (openingLineTaken) {
                block.append(line.getContent());
            }
            openingLineTaken = true;
        }
    }

    private static final class MathNodeRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final boolean mathMl;

        MathNodeRenderer(HtmlNodeRendererContext context, boolean mathMl) {
            this.html = context.getWriter();
            this.mathMl = mathMl;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(InlineMath.class, DisplayMath.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof DisplayMath math) {
                html.line();
                html.tag("div", Map.of("class", "math math-display"));
                content(math.tex(), math.mathMl());
                html.tag("/div");
                html.line();
            } else if (node instanceof InlineMath math) {
                html.tag("span", Map.of("class", math.display() ? "math math-display" : "math math-inline"));
                content(math.tex(), math.mathMl());
                html.tag("/span");
            }
        }

        private void content(String tex, String rendered) {
            if (mathMl && rendered != null) {
                html.raw(rendered);
            } else {
                html.text(tex);
            }
        }
    }
}
