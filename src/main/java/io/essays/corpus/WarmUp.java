package io.essays.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
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
    /** Requests in flight at once, so that every event loop takes part. */
    private static final int CONCURRENCY = 4;

    private final CorpusState state;
    private final Vertx vertx;
    private final Instance<io.quarkus.vertx.http.HttpServer> server;
    private final Duration budget;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean done;

    WarmUp(CorpusState state, Vertx vertx, Instance<io.quarkus.vertx.http.HttpServer> server, EssaysConfig config) {
        this.state = state;
        this.vertx = vertx;
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
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port).setMaxPoolSize(CONCURRENCY).setKeepAlive(true));
        try {
            List<String> uris = uris();
            if (uris.isEmpty()) {
                return;
            }
            long deadline = started + budget.toNanos();
            var etags = new java.util.concurrent.ConcurrentHashMap<String, String>();
            int next = 0;
            // every URI once (which builds every hot representation), then more rounds and variants until the time is up
            int minimum = uris.size();
            while (next < minimum || System.nanoTime() < deadline) {
                var round = new CountDownLatch(CONCURRENCY);
                for (int i = 0; i < CONCURRENCY; i++, next++) {
                    String uri = uris.get(next % uris.size());
                    int variant = (next / uris.size()) % 3;
                    var headers = MultiMap.caseInsensitiveMultiMap();
                    if (variant == 1) {
                        headers.add(HttpHeaders.ACCEPT_ENCODING, "gzip");
                    } else if (variant == 2 && etags.containsKey(uri)) {
                        headers.add(HttpHeaders.IF_NONE_MATCH, etags.get(uri));
                    }
                    client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(uri).setHeaders(headers))
                            .compose(request -> request.send())
                            .compose(response -> response.body().map(body -> response))
                            .onComplete(result -> {
                                HttpClientResponse response = result.succeeded() ? result.result() : null;
                                if (response == null || response.statusCode() != 200 && response.statusCode() != 304) {
                                    failures.incrementAndGet();
                                } else if (variant == 0 && response.getHeader(HttpHeaders.ETAG) != null) {
                                    etags.put(uri, response.getHeader(HttpHeaders.ETAG));
                                }
                                requests.incrementAndGet();
                                round.countDown();
                            });
                }
                if (!round.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("Warm-up: a request to the service itself took more than 5 s; reporting ready");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Warm-up stopped: " + e);
        } finally {
            client.close();
            done = true;
            LOG.infof("Warm-up: %d requests to the service itself (%d failed) in %d ms", requests.get(),
                    failures.get(), (System.nanoTime() - started) / 1_000_000);
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
