package io.essays.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@link MathRenderer} running KaTeX (the {@code org.webjars.npm:katex} webjar) in GraalJS. Thread-safe.
 *
 * <p>The JavaScript engine starts lazily, on the first formula, so that a process whose formulas all come from a
 * cache never starts it. One {@link Engine} is shared by every context, so KaTeX is parsed once and its code cached;
 * a GraalJS {@link Context} is single-threaded, so each rendering borrows one from a pool (one per concurrent caller,
 * at most as many as threads ever rendered at once).
 *
 * <p>KaTeX runs with {@code output: "mathml"}, {@code throwOnError: true} and {@code trust: false}: {@code \href},
 * <code>&#92;url</code>, {@code \htmlClass} and friends never produce links or attributes, and a formula KaTeX cannot parse
 * is an {@link InvalidMathException} with KaTeX's message.
 */
public final class KatexRenderer implements MathRenderer, AutoCloseable {
    private static final String POM = "META-INF/maven/org.webjars.npm/katex/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/katex/%s/dist/katex.min.js";
    /** Renders one formula; the result is a string, or an object with the parse error's message. */
    private static final String RENDER = """
            (function (tex, display) {
              try {
                return katex.renderToString(tex, {output: 'mathml', displayMode: display, throwOnError: true,
                    trust: false, strict: 'ignore', maxExpand: 1000});
              } catch (e) {
                return {error: String(e && e.message || e)};
              }
            })
            """;

    private final String version = "katex-" + katexVersion();
    private final ConcurrentLinkedDeque<Js> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger contexts = new AtomicInteger();
    private final AtomicInteger rendered = new AtomicInteger();
    private volatile Engine engine;
    private Source katex;
    private Source render;
    private volatile boolean closed;

    @Override
    public String version() {
        return version;
    }

    @Override
    public String toMathMl(Formula formula) {
        Js js = borrow();
        try {
            Value result = js.render.execute(formula.tex(), formula.display());
            rendered.incrementAndGet();
            if (result.isString()) {
                return unwrap(result.asString());
            }
            throw new InvalidMathException(result.getMember("error").asString());
        } catch (PolyglotException e) {
            if (e.isGuestException() && !e.isInternalError()) {
                throw new InvalidMathException(e.getMessage());
            }
            throw e;
        } finally {
            idle.push(js);
        }
    }

    /** Whether the JavaScript engine has been started (it starts on the first formula). */
    public boolean started() {
        return engine != null;
    }

    /** How many JavaScript contexts this renderer has created; 0 while nothing has been rendered. */
    public int contextsCreated() {
        return contexts.get();
    }

    /** How many formulas this renderer has rendered (successfully or not). */
    public int formulasRendered() {
        return rendered.get();
    }

    @Override
    public void close() {
        closed = true;
        Js js;
        while ((js = idle.poll()) != null) {
            js.context.close();
        }
        Engine e = engine;
        if (e != null) {
            // a shutdown during an import finds formulas being rendered: cancel them (the import fails and rolls back)
            // rather than refuse to close
            e.close(true);
        }
    }

    /**
     * KaTeX wraps the {@code <math>} element in {@code <span class="katex">} (and display math in
     * {@code <span class="katex-display">}); the pipeline adds its own wrapper, so only the element is kept.
     */
    static String unwrap(String html) {
        int start = html.indexOf("<math");
        int end = html.lastIndexOf("</math>");
        if (start < 0 || end < start) {
            throw new IllegalStateException("KaTeX returned no <math> element: " + html);
        }
        return html.substring(start, end + "</math>".length());
    }

    private Js borrow() {
        if (closed) {
            throw new IllegalStateException("KaTeX renderer is closed");
        }
        Js js = idle.poll();
        if (js != null) {
            return js;
        }
        Engine e = engine();
        Context context = Context.newBuilder("js")
                .engine(e)
                .allowAllAccess(false)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        context.eval(katex);
        contexts.incrementAndGet();
        return new Js(context, context.eval(render));
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    katex = Source.newBuilder("js", resource(String.format(SCRIPT, version.substring(6))),
                            "katex.min.js").cached(true).buildLiteral();
                    render = Source.newBuilder("js", RENDER, "render.js").cached(true).buildLiteral();
                    e = Engine.newBuilder("js")
                            .option("engine.WarnInterpreterOnly", "false")
                            .out(OutputStream.nullOutputStream())
                            .err(OutputStream.nullOutputStream())
                            .build();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static String katexVersion() {
        try (InputStream in = stream(POM)) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = KatexRenderer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("KaTeX not on the classpath: " + name);
        }
        return in;
    }

    private record Js(Context context, Value render) {
    }
}
