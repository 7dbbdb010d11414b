package io.essays.asset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Makes an SVG file safe to serve. SVG is active content: opened directly, a file with {@code <script>}, an
 * {@code onload} attribute, a {@code <foreignObject>} holding HTML or a {@code javascript:} link runs in the API's
 * origin. So every SVG is parsed once at import with a hardened parser (no DTD at all, hence no entities, external or
 * not) and re-written from an allow-list: known SVG elements, known presentation attributes, {@code href} only to a
 * same-document {@code #fragment}, and CSS that {@link SvgCss} accepts. Everything else is dropped, and each drop is
 * reported with its line, so the author learns about it. What the corpus's figures need stays exactly as written:
 * shapes, text, gradients, markers, {@code <defs>}/{@code <use href="#…">}, {@code <title>}/{@code <desc>},
 * {@code class} and {@code style}, and a {@code <style>} element with custom properties and
 * {@code @media (prefers-color-scheme: dark)}.
 *
 * <p>Comments and processing instructions are dropped; the output is UTF-8 with the SVG namespace as default and the
 * XLink prefix declared on the root. Thread-safe (a parser per call).
 */
public final class SvgSanitizer {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String XML_NS = XMLConstants.XML_NS_URI;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "style",
            "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "marker",
            "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "filter", "feGaussianBlur",
            "feOffset", "feBlend", "feFlood", "feComposite", "feMerge", "feMergeNode", "feColorMatrix", "feDropShadow",
            "switch");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "transform", "d", "x", "y", "x1",
            "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "width", "height", "viewBox",
            "preserveAspectRatio", "points", "pathLength", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
            "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
            "stroke-opacity", "opacity", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits",
            "maskContentUnits", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
            "refX", "refY", "orient", "gradientUnits", "gradientTransform", "spreadMethod", "offset", "stop-color",
            "stop-opacity", "patternUnits", "patternContentUnits", "patternTransform", "font-family", "font-size",
            "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "dx", "dy",
            "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side", "visibility", "display",
            "color", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable", "version",
            "vector-effect", "shape-rendering", "text-rendering", "image-rendering", "color-interpolation",
            "color-interpolation-filters", "paint-order", "overflow", "lang", "filter", "filterUnits", "primitiveUnits",
            "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "flood-color",
            "flood-opacity", "values", "type", "media", "href", "systemLanguage", "requiredExtensions");
    private static final Pattern FRAGMENT = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(px|pt|pc|in|cm|mm)?\\s*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?");

    /** Something that was dropped, with the line it was on. */
    public record Removal(int line, String what) {
    }

    /** The safe SVG, its intrinsic size in CSS pixels, and what was dropped to make it safe. */
    public record Result(byte[] svg, int width, int height, List<Removal> removals) {
    }

    /** The file cannot be served at all: not well-formed XML, a DOCTYPE, not SVG, or no size. */
    public static final class InvalidSvg extends Exception {
        private final int line;

        public InvalidSvg(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private SvgSanitizer() {
    }

    public static Result sanitize(byte[] input) throws InvalidSvg {
        var handler = new Writer();
        try {
            SAXParser parser = factory().newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var source = new InputSource(new ByteArrayInputStream(input));
            parser.parse(source, handler);
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("doctype")) {
                throw new InvalidSvg(Math.max(e.getLineNumber(), 1),
                        "SVG must not have a <!DOCTYPE> (DTDs and entities are not allowed)");
            }
            throw new InvalidSvg(Math.max(e.getLineNumber(), 0), "SVG is not well-formed XML: " + message);
        } catch (InvalidSvgSignal e) {
            throw new InvalidSvg(e.line, e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new InvalidSvg(0, "SVG cannot be parsed: " + e.getMessage());
        }
        if (handler.width <= 0 || handler.height <= 0) {
            throw new InvalidSvg(handler.rootLine, "SVG has no size: give the root <svg> width and height, or a viewBox");
        }
        return new Result(handler.out.toString().getBytes(StandardCharsets.UTF_8), handler.width, handler.height,
                List.copyOf(handler.removals));
    }

    private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    /** Stops parsing with a problem of the document itself (not of the XML). */
    private static final class InvalidSvgSignal extends SAXException {
        final int line;

        InvalidSvgSignal(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Writes the allowed part of the document as it is parsed. */
    private static final class Writer extends DefaultHandler {
        final StringBuilder out = new StringBuilder();
        final List<Removal> removals = new ArrayList<>();
        Locator locator;
        int depth;
        int skipping;
        int rootLine;
        int width;
        int height;
        StringBuilder style;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (skipping > 0) {
                skipping++;
                return;
            }
            depth++;
            if (depth == 1) {
                rootLine = line();
                if (!SVG_NS.equals(uri) || !localName.equals("svg")) {
                    throw new InvalidSvgSignal(line(), "not an SVG document: the root element must be "
                            + "<svg xmlns=\"" + SVG_NS + "\">, found <" + qName + ">");
                }
                size(attributes);
            }
            if (!SVG_NS.equals(uri) || !ELEMENTS.contains(localName) || style != null) {
                removals.add(new Removal(line(), "element <" + qName + ">" + (style != null ? " inside <style>" : "")));
                skipping = 1;
                depth--;
                return;
            }
            out.append('<').append(localName);
            if (depth == 1) {
                out.append(" xmlns=\"").append(SVG_NS).append("\" xmlns:xlink=\"").append(XLINK_NS).append('"');
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(localName, attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i),
                        attributes.getValue(i));
            }
            out.append('>');
            if (localName.equals("style")) {
                style = new StringBuilder();
            }
        }

        private void attribute(String element, String uri, String name, String qName, String value) {
            String written;
            if (uri == null || uri.isEmpty()) {
                written = ATTRIBUTES.contains(name) ? name : null;
            } else if (XLINK_NS.equals(uri) && name.equals("href")) {
                written = "xlink:href";
            } else if (XML_NS.equals(uri) && (name.equals("space") || name.equals("lang"))) {
                written = "xml:" + name;
            } else {
                written = null;
            }
            if (written == null) {
                removals.add(new Removal(line(), (qName.toLowerCase(Locale.ROOT).startsWith("on") ? "event handler "
                        : "attribute ") + qName + " on <" + element + ">"));
                return;
            }
            if (name.equals("href")) {
                if (!FRAGMENT.matcher(value.strip()).matches()) {
                    removals.add(new Removal(line(), qName + "=\"" + abbreviate(value) + "\" on <" + element
                            + ">: only same-document references (#id) are allowed"));
                    return;
                }
            } else if (name.equals("style")) {
                String problem = SvgCss.problem(value);
                if (problem != null) {
                    removals.add(new Removal(line(), "style attribute on <" + element + ">: " + problem));
                    return;
                }
                value = SvgCss.withoutComments(value);
            } else if (!SvgCss.safeValue(value)) {
                removals.add(new Removal(line(), "attribute " + qName + "=\"" + abbreviate(value) + "\" on <"
                        + element + ">: " + SvgCss.problem(value)));
                return;
            }
            out.append(' ').append(written).append("=\"");
            escape(value, true);
            out.append('"');
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (skipping > 0) {
                skipping--;
                return;
            }
            if (style != null) {
                String problem = SvgCss.problem(style.toString());
                if (problem == null) {
                    escape(SvgCss.withoutComments(style.toString()), false);
                } else {
                    removals.add(new Removal(line(), "the CSS of <style>: " + problem));
                }
                style = null;
            }
            out.append("</").append(localName).append('>');
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (skipping > 0) {
                return;
            }
            if (style != null) {
                style.append(ch, start, length);
            } else if (depth > 0) {
                escape(new String(ch, start, length), false);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length);
        }

        @Override
        public void endDocument() {
            out.append('\n');
        }

        /** Width and height in CSS pixels from the root's width/height, completed from the viewBox's aspect ratio. */
        private void size(Attributes attributes) {
            double w = length(attributes.getValue("", "width"));
            double h = length(attributes.getValue("", "height"));
            double vw = -1;
            double vh = -1;
            String viewBox = attributes.getValue("", "viewBox");
            if (viewBox != null) {
                List<Double> numbers = new ArrayList<>();
                Matcher m = NUMBER.matcher(viewBox);
                while (m.find()) {
                    numbers.add(Double.parseDouble(m.group()));
                }
                if (numbers.size() == 4 && numbers.get(2) > 0 && numbers.get(3) > 0) {
                    vw = numbers.get(2);
                    vh = numbers.get(3);
                }
            }
            if (w <= 0 && vw > 0) {
                w = h > 0 ? h * vw / vh : vw;
            }
            if (h <= 0 && vh > 0) {
                h = w * vh / vw;
            }
            width = w > 0 ? Math.max(1, (int) Math.round(w)) : 0;
            height = h > 0 ? Math.max(1, (int) Math.round(h)) : 0;
        }

        /** An absolute length in CSS pixels, or -1 (missing, percentage, font-relative). */
        private static double length(String value) {
            if (value == null) {
                return -1;
            }
            Matcher m = LENGTH.matcher(value);
            if (!m.matches()) {
                return -1;
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "px" : m.group(2);
            return switch (unit) {
                case "pt" -> n * 96 / 72;
                case "pc" -> n * 16;
                case "in" -> n * 96;
                case "cm" -> n * 96 / 2.54;
                case "mm" -> n * 96 / 25.4;
                default -> n;
            };
        }

        private void escape(String s, boolean attribute) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append(attribute ? "&quot;" : "\"");
                    default -> out.append(c);
                }
            }
        }

        private static String abbreviate(String value) {
            return value.length() <= 60 ? value : value.substring(0, 57) + "…";
        }
    }
}
