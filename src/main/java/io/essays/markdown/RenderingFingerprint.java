package io.essays.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import io.essays.Sha256;

/**
 * Everything besides the content files that decides what an import renders: the rendering configuration, the
 * versions of the libraries that parse and sanitize, and the bytes of our own rendering code. Its {@link #hash()}
 * goes into the release hash, so that upgrading commonmark or jsoup, changing a setting or changing the pipeline
 * re-renders an otherwise unchanged corpus on the next import, without anyone remembering to bump a version.
 *
 * <p>This is the one place that lists the inputs: {@link #current} has the library versions and the code; the importer
 * adds the settings that live outside this package with {@link #with} (the asset base URL, the KaTeX version).
 */
public final class RenderingFingerprint {
    /** The classes of this package, whose compiled bytes are part of the fingerprint (a test keeps the list whole). */
    static final List<Class<?>> PIPELINE = List.of(AssetResolver.class, BodyProblem.class, DisplayMath.class,
            ExtractedLink.class, Figures.class, Formula.class, HtmlSafety.class, ImageAsset.class, ImageUse.class,
            InlineMath.class, InvalidMathException.class, KatexRenderer.class, LinkTarget.class, MarkdownRenderer.class,
            MathExtension.class, MathRenderer.class, MathSwap.class, UnrenderableBodyException.class, ProseBlock.class,
            RenderedBody.class, RenderingFingerprint.class, Snippets.class, TocEntry.class);

    private final SortedMap<String, String> inputs;

    private RenderingFingerprint(SortedMap<String, String> inputs) {
        this.inputs = Collections.unmodifiableSortedMap(inputs);
    }

    /**
     * The fingerprint of the pipeline on the classpath, rendering cross-links with {@code essayUrlTemplate}, with the
     * compiled bytes of {@code moreCode} (classes outside this package whose output is stored at import).
     */
    public static RenderingFingerprint current(String essayUrlTemplate, Class<?>... moreCode) {
        var inputs = new TreeMap<String, String>();
        inputs.put("essay-url-template", essayUrlTemplate);
        inputs.put("commonmark", version(Parser.class, "org.commonmark", "commonmark"));
        inputs.put("commonmark-ext-autolink", version(AutolinkExtension.class, "org.commonmark", "commonmark-ext-autolink"));
        inputs.put("commonmark-ext-footnotes", version(FootnotesExtension.class, "org.commonmark", "commonmark-ext-footnotes"));
        inputs.put("commonmark-ext-gfm-strikethrough",
                version(StrikethroughExtension.class, "org.commonmark", "commonmark-ext-gfm-strikethrough"));
        inputs.put("commonmark-ext-gfm-tables", version(TablesExtension.class, "org.commonmark", "commonmark-ext-gfm-tables"));
        inputs.put("commonmark-ext-heading-anchor",
                version(IdGenerator.class, "org.commonmark", "commonmark-ext-heading-anchor"));
        inputs.put("commonmark-ext-task-list-items",
                version(TaskListItemsExtension.class, "org.commonmark", "commonmark-ext-task-list-items"));
        inputs.put("jsoup", version(Jsoup.class, "org.jsoup", "jsoup"));
        for (Class<?> c : PIPELINE) {
            inputs.put("code:" + c.getName(), codeHash(c));
        }
        for (Class<?> c : moreCode) {
            inputs.put("code:" + c.getName(), codeHash(c));
        }
        return new RenderingFingerprint(inputs);
    }

    /** This fingerprint with one more (or a different) input. */
    public RenderingFingerprint with(String name, String value) {
        var copy = new TreeMap<>(inputs);
        copy.put(name, value);
        return new RenderingFingerprint(copy);
    }

    /** Every input by name, sorted: what the hash is made of. */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** SHA-256 of the inputs, one {@code name=value} line each, in name order. */
    public String hash() {
        var text = new StringBuilder();
        inputs.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The version of a library: from its Maven {@code pom.properties} on the classpath, else from its jar manifest,
     * else {@code "unknown"} (a library repackaged without either would then not be tracked).
     */
    static String version(Class<?> anyClass, String groupId, String artifactId) {
        ClassLoader loader = anyClass.getClassLoader();
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(path)) {
            if (in != null) {
                var properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Package p = anyClass.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * SHA-256 of a class's compiled bytes and those of its nested classes (of its name, where a class loader does not
     * give class files out as resources).
     */
    static String codeHash(Class<?> type) {
        var bytes = new java.io.ByteArrayOutputStream();
        append(type, bytes);
        return sha256(bytes.toByteArray());
    }

    private static void append(Class<?> type, java.io.ByteArrayOutputStream out) {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                // a class loader that hides class files: the class is then tracked by name only
                out.writeBytes(("unreadable:" + type.getName()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            append(nested, out);
        }
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    @Override
    public String toString() {
        return inputs.entrySet().stream().filter(e -> !e.getKey().startsWith("code:"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }
}
