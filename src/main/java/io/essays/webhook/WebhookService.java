package io.essays.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.essays.importer.ReleaseImported;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Announces each new release to the configured targets: a signed JSON POST per target, retried with exponential
 * backoff on an error status, a failed connection or a time-out. Only the replica that wrote the release announces it,
 * and the delivery row (unique per release and target) is claimed before the first attempt, so each target hears of
 * each release once, whichever replicas run.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    private final EssaysConfig.Webhooks config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "essays-webhooks");
        t.setDaemon(true);
        return t;
    });

    WebhookService(EssaysConfig config, ObjectMapper json, Clock clock) {
        this.config = config.webhooks();
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    void onRelease(@Observes ReleaseImported release) {
        List<String> targets = config.targets().orElse(List.of()).stream().map(String::trim).filter(t -> !t.isEmpty())
                .distinct().toList();
        if (targets.isEmpty()) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(new WebhookPayload("release", release.releaseId(), release.contentHash(),
                    release.importedAt(), release.changes()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String target : targets) {
            Long id = claim(release.releaseId(), target);
            if (id != null) {
                scheduler.execute(() -> attempt(id, target, body, 1));
            }
        }
    }

    /** The delivery log, newest first. */
    public List<DeliveryStatus> deliveries(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery>find("order by id desc")
                .page(0, limit).list().stream().map(DeliveryStatus::of).toList());
    }

    /** Records the delivery; null if a row for this release and target exists already (another replica claimed it). */
    private Long claim(long releaseId, String target) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (WebhookDelivery.count("releaseId = ?1 and target = ?2", releaseId, target) > 0) {
                    return null;
                }
                var row = new WebhookDelivery();
                row.releaseId = releaseId;
                row.target = target;
                row.state = "pending";
                row.createdAt = now();
                row.persist();
                return row.id;
            });
        } catch (RuntimeException e) {
            // the unique key refused a second claim, or the database failed: either way the import stands
            LOG.warnf("Release %d is not announced to %s by this replica: %s", releaseId, target, e.getMessage());
            return null;
        }
    }

    private void attempt(long id, String target, byte[] body, int attempt) {
        Integer status = null;
        String error;
        try {
            String signature = config.secret().filter(s -> !s.isEmpty())
                    .map(s -> WebhookSignature.header(s, clock.instant().getEpochSecond(), body)).orElse(null);
            var request = HttpRequest.newBuilder(URI.create(target)).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "essays-api")
                    .header("Essays-Event", "release")
                    .header("Essays-Delivery", Long.toString(id))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (signature != null) {
                request.header(WebhookSignature.HEADER, signature);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (HttpTimeoutException e) {
            error = "timed out after " + config.timeout().toMillis() + " ms";
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean done = error == null;
        boolean giveUp = !done && attempt >= config.maxAttempts();
        record(id, attempt, status, error, done ? "delivered" : giveUp ? "failed" : "pending");
        if (done) {
            LOG.infof("Webhook delivery %d to %s succeeded on attempt %d", id, target, attempt);
        } else if (giveUp) {
            LOG.errorf("Webhook delivery %d to %s failed after %d attempts: %s", id, target, attempt, error);
        } else {
            Duration wait = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
            LOG.warnf("Webhook delivery %d to %s, attempt %d: %s; retrying in %d ms", id, target, attempt, error,
                    wait.toMillis());
            scheduler.schedule(() -> attempt(id, target, body, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void record(long id, int attempts, Integer status, String error, String state) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookDelivery row = WebhookDelivery.findById(id);
                row.attempts = attempts;
                row.lastStatus = status;
                row.lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
                row.state = state;
                row.finishedAt = "pending".equals(state) ? null : now();
            });
        } catch (RuntimeException e) {
            LOG.error("Recording webhook delivery " + id + " failed", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
