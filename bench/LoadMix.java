import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop mixed load against a running Essays API, reporting latency per kind of request.
 *
 * <pre>java bench/LoadMix.java BASE_URL SECONDS CONNECTIONS SEARCH_PERCENT [SEED]</pre>
 *
 * Each connection sends one request at a time, chosen by a seeded generator: with probability SEARCH_PERCENT a search
 * (terms taken from essay titles), otherwise an essay GET, spread over the detail JSON, the HTML fragment, the list and
 * a 304 revalidation of the detail. Essays are picked uniformly from the whole corpus, so a large corpus exercises
 * cold entries of the response cache as well as hot ones. Prints requests per second and p50 / p90 / p99 / max per
 * kind, plus one line "essay-gets p99_ms=..." for scripts. Any status other than 200 or 304 fails the run.
 */
public class LoadMix {
    record Sample(int kind, long micros) {
    }

    static final String[] KINDS = {"detail", "html", "list", "revalidate", "search"};

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        int seconds = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int searchPercent = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> slugs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Pattern slug = Pattern.compile("\"slug\":\"([^\"]+)\",\"title\":\"([^\"]+)\"");
        for (int page = 1; ; page++) {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/essays?size=100&page=" + page
                    + "&fields=slug,title")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = slug.matcher(body);
            int found = 0;
            while (m.find()) {
                slugs.add(m.group(1));
                for (String w : m.group(2).split("[^A-Za-z]+")) {
                    if (w.length() >= 5) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                }
                found++;
            }
            if (found < 100) {
                break;
            }
        }
        if (slugs.isEmpty()) {
            throw new IllegalStateException("no essays listed at " + base);
        }
        String[] etags = new String[slugs.size()];

        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<Sample>> results = new ArrayList<>();
        var done = new CountDownLatch(connections);
        var failures = new ArrayList<String>();
        for (int c = 0; c < connections; c++) {
            List<Sample> mine = new ArrayList<>(1 << 16);
            results.add(mine);
            var random = new SplittableRandom(seed * 1000 + c);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        int kind;
                        if (random.nextInt(100) < searchPercent) {
                            kind = 4;
                        } else {
                            kind = random.nextInt(4);
                        }
                        int i = random.nextInt(slugs.size());
                        String s = slugs.get(i);
                        HttpRequest.Builder request = switch (kind) {
                            case 0, 3 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/essays/" + s));
                            case 1 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/essays/" + s + "/html"));
                            case 2 -> HttpRequest.newBuilder(URI.create(base + "/api/v1/essays?page="
                                    + (1 + random.nextInt(Math.max(1, Math.min(50, slugs.size() / 20))))));
                            default -> HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q="
                                    + URLEncoder.encode(words.isEmpty() ? "essay" : words.get(random.nextInt(words.size()))
                                    + (random.nextBoolean() ? "" : " " + words.get(random.nextInt(words.size()))),
                                    StandardCharsets.UTF_8)));
                        };
                        String etag = etags[i];
                        if (kind == 3 && etag != null) {
                            request.header("If-None-Match", etag);
                        }
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        long micros = (System.nanoTime() - start) / 1000;
                        int status = response.statusCode();
                        if (status != 200 && status != 304) {
                            synchronized (failures) {
                                failures.add(status + " " + response.uri());
                            }
                            continue;
                        }
                        if (kind == 0) {
                            etags[i] = response.headers().firstValue("ETag").orElse(null);
                        }
                        mine.add(new Sample(kind, micros));
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e.toString());
                    }
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        if (!failures.isEmpty()) {
            System.out.println("FAILED: " + failures.size() + " responses, e.g. " + failures.get(0));
            System.exit(1);
        }
        long[][] byKind = new long[KINDS.length][];
        long[] gets;
        int total = 0;
        for (int k = 0; k < KINDS.length; k++) {
            final int kind = k;
            byKind[k] = results.stream().flatMap(List::stream).filter(s -> s.kind() == kind)
                    .mapToLong(Sample::micros).sorted().toArray();
            total += byKind[k].length;
        }
        gets = results.stream().flatMap(List::stream).filter(s -> s.kind() != 4).mapToLong(Sample::micros).sorted()
                .toArray();
        System.out.printf(Locale.ROOT, "%d essays; %d s, %d connections, %d%% searches: %.0f req/s%n", slugs.size(),
                seconds, connections, searchPercent, total / (double) seconds);
        System.out.printf(Locale.ROOT, "%-12s %8s %9s %9s %9s %9s%n", "kind", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (int k = 0; k < KINDS.length; k++) {
            print(KINDS[k], byKind[k]);
        }
        print("essay-gets", gets);
        System.out.printf(Locale.ROOT, "essay-gets p99_ms=%.2f%n", percentile(gets, 0.99) / 1000.0);
    }

    static void print(String name, long[] sorted) {
        if (sorted.length == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-12s %8d %9.2f %9.2f %9.2f %9.2f%n", name, sorted.length,
                percentile(sorted, 0.5) / 1000.0, percentile(sorted, 0.9) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
