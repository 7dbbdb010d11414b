import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.links.LinkAnalysis;
import io.essays.markdown.Formula;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.MathRenderer;

/**
 * Reads, validates and renders a content directory, then analyses its links, several times in one JVM, as an import
 * does (bench/render-bench.sh runs it with the service's classes on the class path). Math gets a fixed MathML per
 * formula, so the figures are the Markdown, HTML and link work alone, without KaTeX or a database. For each round and
 * step: wall time, and what the JIT compilers and the garbage collector spent during it; the first round is what a
 * first launch pays, the later ones what an import into a running service pays.
 *
 * <pre>java -cp APP_CLASSES bench/RenderBench.java CONTENT_DIR ROUNDS</pre>
 */
public class RenderBench {
    public static void main(String[] args) {
        Path content = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        MathRenderer math = new MathRenderer() {
            @Override
            public String toMathMl(Formula formula) {
                return "<math><mi>" + formula.tex().length() + "</mi></math>";
            }

            @Override
            public String version() {
                return "fixed";
            }
        };
        var compilation = ManagementFactory.getCompilationMXBean();
        for (int round = 1; round <= rounds; round++) {
            long jit = compilation.getTotalCompilationTime();
            long gc = gcMillis();
            long started = System.nanoTime();
            Corpus corpus = new CorpusReader(new MarkdownRenderer("/essays/{slug}", "/api/v1/assets", math)).read(content);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long analysing = System.nanoTime();
            long jitRendering = compilation.getTotalCompilationTime();
            long gcRendering = gcMillis();
            LinkAnalysis.of(corpus);
            System.out.printf("round %d: %d essays in %d ms (JIT compilers %d ms, GC %d ms); link analysis %d ms (JIT "
                            + "compilers %d ms, GC %d ms)%n", round, corpus.essays().size(), millis, jitRendering - jit,
                    gcRendering - gc, (System.nanoTime() - analysing) / 1_000_000,
                    compilation.getTotalCompilationTime() - jitRendering, gcMillis() - gcRendering);
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }
}
