package io.essays.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;

/**
 * Sends the service's own hot requests to itself, over loopback, once the HTTP server has started and before the
 * service reports ready ({@link CorpusReadiness}): the essay list, series and tags, and the detail and HTML of the
 * first essays, plain, gzip-accepting and as 304 revalidations. For {@code essays.http.warm-up} the JIT compiles the
 * request path and the response cache fills, so the first clients do not meet an interpreter. A warm-up never fails
 * the service: any error ends it and the service reports ready.
 */
@ApplicationScoped
public class WarmUp {
    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    /** Essays whose detail and HTML are requested: enough to exercise every path, bounded for a large corpus. */
    static final int ESSAYS = 16;
    /** Requests in flight at once: blocking clients, each on a thread of its own. */
    private static final int CONCURRENCY = 4;
    /** How long one warm-up request may stay unanswered before it counts as failed. */
    private static final int STALL_MILLIS = 5_000;

    private final CorpusState state;
    private final Instance<io.quarkus.vertx.http.HttpServer> server;
    private final Duration budget;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean done;

    WarmUp(CorpusState state, Instance<io.quarkus.vertx.http.HttpServer> server, EssaysConfig config) {
        this.state = state;
        this.server = server;
        this.budget = config.http().warmUp();
        this.done = budget.isZero() || budget.isNegative();
    }

    /** Whether the warm-up has finished (or was off). */
    public boolean done() {
        return done;
    }

    /** Requests the warm-up has sent. */
    public long requests() {
        return requests.get();
    }

    /** Warm-up requests that failed or were not answered with 200 or 304. */
    public long failures() {
        return failures.get();
    }

    void onStart(@ObservesAsync HttpServerStart start) {
        if (done) {
            return;
        }
        // the port bound, which differs from the configured one when that is 0 (tests)
        int port = server.get().getPort();
        Thread thread = new Thread(() -> run(port), "essays-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(int port) {
        long started = System.nanoTime();
        try {
            List<String> uris = uris();
            if (uris.isEmpty()) {
                return;
            }
            var clients = new Clients(port, uris, started + budget.toNanos());
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < CONCURRENCY; i++) {
                Thread thread = new Thread(clients::run, "essays-warm-up-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Warm-up stopped: " + e);
        } finally {
            done = true;
            LOG.infof("Warm-up: %d requests to the service itself (%d failed) in %d ms", requests.get(),
                    failures.get(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * {@link #CONCURRENCY} blocking clients on threads of their own, each sending its next request as soon as the last
     * is answered: every URI once (which builds every hot representation), then the URIs again, plain,
     * gzip-accepting and revalidating in turn, until the deadline. Threads of their own keep the clients' work off the
     * event loop that serves the requests, and a connection is kept alive from one request to the next.
     */
    private final class Clients {
        private final String base;
        private final List<String> uris;
        private final long deadline;
        private final AtomicInteger next = new AtomicInteger();
        private final Map<String, String> etags = new ConcurrentHashMap<>();

        Clients(int port, List<String> uris, long deadline) {
            this.base = "http://127.0.0.1:" + port;
            this.uris = uris;
            this.deadline = deadline;
        }

        void run() {
            byte[] discard = new byte[64 * 1024];
            for (int n = next.getAndIncrement(); n < uris.size() || System.nanoTime() - deadline < 0;
                    n = next.getAndIncrement()) {
                String uri = uris.get(n % uris.size());
                int variant = (n / uris.size()) % 3;
                try {
                    var connection = (HttpURLConnection) URI.create(base + uri).toURL().openConnection(Proxy.NO_PROXY);
                    connection.setConnectTimeout(STALL_MILLIS);
                    connection.setReadTimeout(STALL_MILLIS);
                    if (variant == 1) {
                        connection.setRequestProperty("Accept-Encoding", "gzip");
                    } else if (variant == 2 && etags.containsKey(uri)) {
                        connection.setRequestProperty("If-None-Match", etags.get(uri));
                    }
                    int status = connection.getResponseCode();
                    // the body read to its end, so that the connection goes back to the keep-alive cache
                    try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                        while (body != null && body.read(discard) >= 0) {
                            // discarded
                        }
                    }
                    if (status != 200 && status != 304) {
                        failures.incrementAndGet();
                    } else if (variant == 0 && connection.getHeaderField("ETag") != null) {
                        etags.put(uri, connection.getHeaderField("ETag"));
                    }
                    requests.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    // no answer at all (refused, timed out): this client sends nothing more
                    requests.incrementAndGet();
                    failures.incrementAndGet();
                    LOG.debugf("Warm-up request to %s failed: %s", uri, e);
                    return;
                }
            }
        }
    }

    /** The URIs to warm: lists first, then the first essays' detail and HTML. */
    private List<String> uris() {
        var uris = new ArrayList<String>();
        state.loaded().ifPresent(snapshot -> {
            uris.add("/api/v1/essays");
            uris.add("/api/v1/series");
            uris.add("/api/v1/tags");
            snapshot.essays().stream().limit(ESSAYS).forEach(essay -> {
                uris.add("/api/v1/essays/" + essay.slug());
                uris.add("/api/v1/essays/" + essay.slug() + "/html");
            });
        });
        return uris;
    }
}
