package io.essays.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Images as the corpus uses them. Before rendering, {@link #prepare} replaces every image whose destination is a
 * corpus asset ({@code ../assets/softmax/temperature.svg}, relative to the essay as a Git host resolves it) by an
 * {@link AssetImage} that knows the asset's URL and intrinsic size, and turns a paragraph that holds nothing but an
 * image with a title into a {@link Figure} whose caption is the title (a block of its own, so no {@code <figure>}
 * ends up inside a {@code <p>}). It reports relative images that resolve to no asset and images without alt text.
 *
 * <p>Rendered: {@code <img src alt width height loading="lazy" decoding="async">} (width and height let a browser
 * reserve the space, so nothing shifts when the image arrives), inside
 * {@code <figure>…<figcaption>caption</figcaption></figure>} when captioned.
 */
final class Figures {
    private Figures() {
    }

    /** An image that is a corpus asset. Its children are the alt text, as for {@link Image}. */
    static final class AssetImage extends CustomNode {
        final ImageUse use;

        AssetImage(ImageUse use) {
            this.use = use;
        }
    }

    /** A paragraph that held only an image with a title. */
    static final class Figure extends CustomBlock {
        final String caption;

        Figure(String caption) {
            this.caption = caption;
        }
    }

    /** An https URL, or a protocol-relative one, which a page served over https loads over https. */
    private static boolean isHttps(String destination) {
        String d = destination.strip();
        return d.regionMatches(true, 0, "https:", 0, "https:".length()) || d.startsWith("//");
    }

    /** Rewrites {@code document} in place; adds problems and the asset images in document order. */
    static void prepare(Node document, AssetResolver assets, String assetBaseUrl, int offset,
                        List<BodyProblem> problems, List<ImageUse> uses) {
        var images = new ArrayList<Image>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
            }
        });
        List<Node> placed = new ArrayList<>();
        for (Image image : images) {
            int line = line(image, offset);
            String alt = altText(image);
            String destination = image.getDestination();
            if (alt.isBlank()) {
                problems.add(new BodyProblem(line, "image '" + destination
                        + "' has no alt text: say what it shows between the brackets, ![what it shows](…)"));
            }
            LinkTarget.Kind kind = LinkTarget.of(destination).kind();
            if (kind == LinkTarget.Kind.EXTERNAL || kind == LinkTarget.Kind.UNSAFE) {
                // never rendered (javascript:, data:, mailto:), or blocked as mixed content on https pages (http:):
                // the author hears of it rather than finding an empty or broken image
                if (kind == LinkTarget.Kind.UNSAFE || !isHttps(destination)) {
                    problems.add(new BodyProblem(line, "image '" + MarkdownRenderer.abbreviate(destination)
                            + "' is neither an asset under assets/ nor an https URL, so no page could show it"));
                }
                placed.add(image);
                continue;
            }
            AssetResolver.Resolution resolution = assets.resolve(destination);
            if (resolution.asset() == null) {
                if (resolution.problem() != null) {
                    problems.add(new BodyProblem(line, resolution.problem()));
                }
                placed.add(image);
                continue;
            }
            ImageAsset asset = resolution.asset();
            String caption = image.getTitle() == null || image.getTitle().isBlank() ? null : image.getTitle().strip();
            var use = new ImageUse(asset, assetBaseUrl + "/" + asset.hash() + "/" + asset.path(), alt, caption, line);
            uses.add(use);
            var node = new AssetImage(use);
            node.setSourceSpans(image.getSourceSpans());
            while (image.getFirstChild() != null) {
                node.appendChild(image.getFirstChild());
            }
            image.insertBefore(node);
            image.unlink();
            placed.add(node);
        }
        placed.forEach(Figures::figure);
    }

    /** The alt text: the image's text as written, raw HTML included (the pipeline escapes raw HTML, never drops it). */
    private static String altText(Image image) {
        var sb = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline html) {
                sb.append(html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak lineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.HardLineBreak lineBreak) {
                sb.append(' ');
            }

            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof InlineMath math) {
                    sb.append(math.tex());
                } else {
                    visitChildren(node);
                }
            }
        });
        return sb.toString().strip();
    }

    /** Makes the image's paragraph a figure when the image is all it holds and has a title. */
    private static void figure(Node image) {
        if (!(image.getParent() instanceof Paragraph paragraph)) {
            return;
        }
        for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
            if (n != image && !(n instanceof Text t && t.getLiteral().isBlank())) {
                return;
            }
        }
        String caption = image instanceof AssetImage a ? a.use.caption()
                : ((Image) image).getTitle() == null || ((Image) image).getTitle().isBlank() ? null
                : ((Image) image).getTitle().strip();
        if (caption == null) {
            return;
        }
        if (image instanceof Image plain) {
            plain.setTitle(null); // the caption says it already
        }
        var figure = new Figure(caption);
        figure.setSourceSpans(paragraph.getSourceSpans());
        paragraph.insertBefore(figure);
        figure.appendChild(image);
        paragraph.unlink();
    }

    private static int line(Node node, int offset) {
        var spans = node.getSourceSpans();
        return spans == null || spans.isEmpty() ? offset + 1 : spans.get(0).getLineIndex() + offset + 1;
    }

    /** Renders {@link AssetImage} and {@link Figure}. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(AssetImage.class, Figure.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Figure figure) {
                html.line();
                html.tag("figure", context.extendAttributes(figure, "figure", Map.of()));
                context.render(figure.getFirstChild());
                html.tag("figcaption");
                html.text(figure.caption);
                html.tag("/figcaption");
                html.tag("/figure");
                html.line();
            } else if (node instanceof AssetImage image) {
                ImageUse use = image.use;
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("src", context.encodeUrl(use.url()));
                attributes.put("alt", use.alt());
                attributes.put("width", Integer.toString(use.asset().width()));
                attributes.put("height", Integer.toString(use.asset().height()));
                if (use.caption() != null && !(image.getParent() instanceof Figure)) {
                    attributes.put("title", use.caption());
                }
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
                html.tag("img", context.extendAttributes(image, "img", attributes), true);
            }
        }
    }
}
