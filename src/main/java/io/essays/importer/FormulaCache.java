package io.essays.importer;

import io.essays.Sha256;
import io.essays.store.CachedFormula;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.essays.markdown.Formula;
import io.essays.markdown.InvalidMathException;
import io.essays.markdown.KatexRenderer;
import io.essays.markdown.MathRenderer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The {@link MathRenderer} of imports: KaTeX behind a database cache of rendered formulas (table
 * {@code formula_cache}), keyed by a SHA-256 of (KaTeX version, display mode, TeX).
 *
 * <p>Before a corpus is rendered, {@link #prepare} looks up all its distinct formulas in one pass, renders the missing
 * ones in parallel on every core, and stores them. A re-import therefore renders only formulas it has not seen, and a
 * restart with an unchanged corpus renders none: KaTeX's JavaScript engine starts lazily, so it is then never started.
 * A formula KaTeX cannot parse is not cached; it is reported as an import problem on every import until it is fixed.
 */
@ApplicationScoped
public class FormulaCache implements MathRenderer {
    private static final Logger LOG = Logger.getLogger(FormulaCache.class);
    private static final int QUERY_CHUNK = 500;
    /** Fewer new formulas than this per extra thread are rendered on fewer threads (a new context costs ~0.5 s). */
    private static final int FORMULAS_PER_THREAD = 100;

    private final EntityManager em;
    private final KatexRenderer katex;
    private final AtomicLong fromCache = new AtomicLong();
    private final AtomicLong renderedByKatex = new AtomicLong();
    /** The formulas of the last prepared corpus: MathML or KaTeX's error, by key. Only a shortcut, never required. */
    private volatile Map<String, Result> prepared = Map.of();

    @Inject
    FormulaCache(EntityManager em, MeterRegistry registry) {
        this(em, new KatexRenderer());
        Gauge.builder("essays.math.formulas.rendered", renderedByKatex, AtomicLong::get)
                .description("Formulas rendered by KaTeX since start (not found in the formula cache)").register(registry);
        Gauge.builder("essays.math.formulas.cached", fromCache, AtomicLong::get)
                .description("Formulas found in the formula cache since start").register(registry);
        Gauge.builder("essays.math.engine.started", katex, k -> k.started() ? 1 : 0)
                .description("1 once the JavaScript engine has been started to render math").register(registry);
    }

    /** A cache over its own KaTeX renderer, e.g. to see what a freshly started replica would do. */
    FormulaCache(EntityManager em, KatexRenderer katex) {
        this.em = em;
        this.katex = katex;
    }

    @PreDestroy
    void close() {
        katex.close();
    }

    @Override
    public String version() {
        return katex.version();
    }

    /** Whether this cache has had to start the JavaScript engine. */
    public boolean engineStarted() {
        return katex.started();
    }

    /** Formulas rendered by KaTeX (not found in the cache) since start. */
    public long formulasRendered() {
        return renderedByKatex.get();
    }

    /** Formulas found in the cache since start. */
    public long formulasFromCache() {
        return fromCache.get();
    }

    @Override
    public String toMathMl(Formula formula) {
        Result result = prepared.get(key(formula));
        if (result == null) {
            result = render(formula);
        }
        if (result.error() != null) {
            throw new InvalidMathException(result.error());
        }
        return result.mathMl();
    }

    @Override
    public void prepare(Collection<Formula> formulas) {
        long started = System.nanoTime();
        Map<String, Formula> byKey = new HashMap<>();
        formulas.forEach(f -> byKey.put(key(f), f));
        Map<String, Result> results = new ConcurrentHashMap<>();
        load(byKey.keySet()).forEach((k, mathMl) -> results.put(k, new Result(mathMl, null)));
        fromCache.addAndGet(results.size());
        List<Map.Entry<String, Formula>> missing = byKey.entrySet().stream()
                .filter(e -> !results.containsKey(e.getKey())).toList();
        if (!missing.isEmpty()) {
            renderAll(missing, results);
            var fresh = new HashMap<String, String>();
            missing.forEach(e -> {
                Result r = results.get(e.getKey());
                if (r.error() == null) {
                    fresh.put(e.getKey(), r.mathMl());
                }
            });
            store(fresh);
        }
        prepared = Map.copyOf(results);
        LOG.infof("Math: %d formulas, %d from the cache, %d rendered by %s in %d ms", byKey.size(),
                byKey.size() - missing.size(), missing.size(), version(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Renders formulas on every core; each thread uses its own JavaScript context of the shared engine. The first
     * formula is rendered alone: it starts the engine, whose parsed KaTeX the other contexts then reuse (a cold
     * context costs seconds, a further one about a tenth of that), and a handful of formulas is not worth a second
     * context at all.
     */
    private void renderAll(List<Map.Entry<String, Formula>> missing, Map<String, Result> results) {
        results.put(missing.get(0).getKey(), render(missing.get(0).getValue()));
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 1 + (missing.size() - 1) / FORMULAS_PER_THREAD);
        var next = new AtomicInteger(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "katex");
            t.setDaemon(true);
            return t;
        });
        try {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < missing.size(); n = next.getAndIncrement()) {
                        var e = missing.get(n);
                        results.put(e.getKey(), render(e.getValue()));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering math", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering math failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Result render(Formula formula) {
        renderedByKatex.incrementAndGet();
        try {
            return new Result(katex.toMathMl(formula), null);
        } catch (InvalidMathException e) {
            return new Result(null, e.getMessage());
        }
    }

    private Map<String, String> load(Collection<String> keys) {
        var found = new HashMap<String, String>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> all = List.copyOf(keys);
        QuarkusTransaction.joiningExisting().run(() -> {
            for (int i = 0; i < all.size(); i += QUERY_CHUNK) {
                List<String> chunk = all.subList(i, Math.min(all.size(), i + QUERY_CHUNK));
                em.createQuery("select f from CachedFormula f where f.hash in :keys", CachedFormula.class)
                        .setParameter("keys", chunk)
                        .getResultList()
                        .forEach(f -> found.put(f.hash, f.mathml));
            }
        });
        return found;
    }

    /** Stores new formulas in a transaction of their own; a failure (another replica stored them first) only costs a re-render later. */
    private void store(Map<String, String> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (var e : fresh.entrySet()) {
                    var row = new CachedFormula();
                    row.hash = e.getKey();
                    row.mathml = e.getValue();
                    em.persist(row);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Math: could not store %d rendered formulas in the cache: %s", fresh.size(), e.getMessage());
        }
    }

    /** The cache key of a formula rendered by this renderer. */
    String key(Formula formula) {
        return Sha256.hex(version() + "\n" + (formula.display() ? "display" : "inline") + "\n" + formula.tex());
    }

    private record Result(String mathMl, String error) {
    }
}
