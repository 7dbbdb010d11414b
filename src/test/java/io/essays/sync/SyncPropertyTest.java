package io.essays.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.essays.importer.ImportService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Random histories of corpus changes, imported one after another, with simulated apps syncing from random points
 * (some of them in the middle of paging when the next release lands): whatever they did, each ends with exactly what a
 * fresh initial sync gives. Seeded; {@code -Dsync.seed=N} replays a failure, {@code -Dsync.steps=N} runs longer.
 */
@QuarkusTest
public class SyncPropertyTest {
    static final long SEED = Long.getLong("sync.seed", 20261213L);
    static final int STEPS = Integer.getInteger("sync.steps", 16);

    @Inject
    ImportService imports;

    Path dir;

    @AfterEach
    void restoreFixture() {
        imports.importFrom(Corpora.FIXTURE);
        if (dir != null) {
            Corpora.delete(dir);
        }
    }

    /** The corpus as data, written out in full before each import. */
    static final class Model {
        final Map<String, String[]> series = new TreeMap<>();   // slug → title, description
        final Map<String, Essay> essays = new TreeMap<>();
        final Map<String, Integer> assets = new TreeMap<>();    // path → a number that decides the bytes
        int counter;

        static final class Essay {
            String series;
            String title;
            String text;
            List<String> links = new ArrayList<>();
            List<String> images = new ArrayList<>();
        }

        void write(Path root) {
            try {
                if (Files.exists(root)) {
                    Corpora.delete(root);
                }
                Files.createDirectories(root.resolve("series"));
                Files.createDirectories(root.resolve("essays"));
                Files.createDirectories(root.resolve("assets/fig"));
                int order = 0;
                for (var s : series.entrySet()) {
                    Files.writeString(root.resolve("series/" + s.getKey() + ".yaml"), "title: " + s.getValue()[0]
                            + "\norder: " + (++order) + "\ndescription: " + s.getValue()[1] + "\n");
                }
                var positions = new TreeMap<String, Integer>();
                for (var e : essays.entrySet()) {
                    Essay essay = e.getValue();
                    int position = positions.merge(essay.series, 1, Integer::sum);
                    var body = new StringBuilder(essay.text).append("\n\n## Section\n\nMore words.");
                    essay.links.stream().filter(essays::containsKey).distinct()
                            .forEach(target -> body.append(" See [").append(target).append("](").append(target).append(".md)."));
                    essay.images.stream().filter(assets::containsKey).distinct()
                            .forEach(path -> body.append("\n\n![figure](../assets/").append(path).append(" \"A figure\")"));
                    Files.writeString(root.resolve("essays/" + e.getKey() + ".md"), "---\ntitle: " + essay.title
                            + "\nseries: " + essay.series + "\norder: " + position + "\nsummary: About " + essay.title
                            + ".\ntags: [t]\npublished: 2026-01-0" + (1 + position % 9) + "\n---\n" + body + "\n");
                }
                for (var a : assets.entrySet()) {
                    Files.writeString(root.resolve("assets/" + a.getKey()), "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                            + "width=\"20\" height=\"" + (10 + a.getValue()) + "\" viewBox=\"0 0 20 20\"><title>Fig "
                            + a.getValue() + "</title><rect width=\"" + a.getValue() + "\" height=\"5\"/></svg>",
                            StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String pick(Random random, Map<String, ?> map) {
            var keys = new ArrayList<>(map.keySet());
            return keys.get(random.nextInt(keys.size()));
        }

        /** Applies one random change and says which. */
        String change(Random random) {
            int n = ++counter;
            switch (random.nextInt(11)) {
                case 0 -> {
                    var e = new Essay();
                    e.series = pick(random, series);
                    e.title = "Essay " + n;
                    e.text = "Text " + n + ".";
                    if (!essays.isEmpty()) {
                        e.links.add(pick(random, essays));
                    }
                    if (!assets.isEmpty() && random.nextBoolean()) {
                        e.images.add(pick(random, assets));
                    }
                    essays.put("e" + n, e);
                    return "add essay e" + n;
                }
                case 1 -> {
                    if (essays.isEmpty()) {
                        return "nothing";
                    }
                    String slug = pick(random, essays);
                    Essay e = essays.get(slug);
                    if (random.nextBoolean()) {
                        e.text = e.text + " Edit " + n + ".";
                    } else {
                        e.title = "Retitled " + n;
                    }
                    return "edit essay " + slug;
                }
                case 2 -> {
                    if (essays.isEmpty()) {
                        return "nothing";
                    }
                    String slug = pick(random, essays);
                    essays.put("r" + n, essays.remove(slug));
                    essays.values().forEach(e -> e.links.replaceAll(l -> l.equals(slug) ? "r" + n : l));
                    return "rename essay " + slug + " to r" + n;
                }
                case 3 -> {
                    if (essays.size() <= 1) {
                        return "nothing";
                    }
                    String slug = pick(random, essays);
                    essays.remove(slug);
                    return "delete essay " + slug;
                }
                case 4 -> {
                    series.put("s" + n, new String[] {"Series " + n, "Described " + n + "."});
                    return "add series s" + n;
                }
                case 5 -> {
                    String slug = pick(random, series);
                    series.get(slug)[1] = "Redescribed " + n + ".";
                    return "change series " + slug;
                }
                case 6 -> {
                    if (series.size() <= 1) {
                        return "nothing";
                    }
                    String slug = pick(random, series);
                    series.remove(slug);
                    String heir = pick(random, series);
                    essays.values().stream().filter(e -> e.series.equals(slug)).forEach(e -> e.series = heir);
                    return "delete series " + slug + ", its essays to " + heir;
                }
                case 7 -> {
                    assets.put("fig/a" + n + ".svg", n % 17);
                    return "add asset fig/a" + n + ".svg";
                }
                case 8 -> {
                    if (assets.isEmpty()) {
                        return "nothing";
                    }
                    String path = pick(random, assets);
                    assets.put(path, (assets.get(path) + 1 + random.nextInt(5)) % 17);
                    return "change asset " + path;
                }
                case 9 -> {
                    if (assets.isEmpty()) {
                        return "nothing";
                    }
                    String path = pick(random, assets);
                    assets.remove(path);
                    return "delete asset " + path;
                }
                default -> {
                    return "nothing";
                }
            }
        }
    }

    /** A client and, when it is in the middle of paging, the URL of its next page. */
    static final class App {
        final SyncClient client = new SyncClient();
        final int limit;
        String pending;

        App(int limit) {
            this.limit = limit;
        }

        void finish() {
            if (pending == null) {
                client.sync(limit);
            } else {
                for (String url = pending; url != null; ) {
                    url = client.page(url);
                }
                pending = null;
            }
        }
    }

    @Test
    void appsSyncingFromAnyPointEndWithWhatAFreshInitialSyncGives() throws IOException {
        System.out.println("SyncPropertyTest seed " + SEED + " (replay with -Dsync.seed=" + SEED + ")");
        Random random = new Random(SEED);
        var model = new Model();
        model.series.put("alpha", new String[] {"Alpha", "First."});
        model.series.put("beta", new String[] {"Beta", "Second."});
        for (int i = 0; i < 2; i++) {
            model.change(random);
        }
        for (String slug : List.of("one", "two", "three")) {
            var e = new Model.Essay();
            e.series = slug.equals("two") ? "beta" : "alpha";
            e.title = "Essay " + slug;
            e.text = "Text " + slug + ".";
            e.links.add("one");
            model.essays.put(slug, e);
        }
        model.assets.put("fig/base.svg", 3);
        model.essays.get("two").images.add("fig/base.svg");
        dir = Files.createTempDirectory("sync-property");
        var history = new ArrayList<String>();
        var apps = new ArrayList<App>();
        for (int step = 0; step < STEPS; step++) {
            String change = model.change(random);
            history.add(change);
            model.write(dir);
            imports.importFrom(dir);
            // new apps start, others sync now, some stop in the middle of paging
            if (random.nextInt(3) == 0 || apps.isEmpty()) {
                apps.add(new App(1 + random.nextInt(4)));
            }
            for (App app : apps) {
                switch (random.nextInt(4)) {
                    case 0 -> app.finish();
                    case 1 -> {
                        if (app.pending == null) {
                            String first = app.client.token == null ? "/api/v1/sync?limit=" + app.limit
                                    : "/api/v1/sync?token=" + app.client.token + "&limit=" + app.limit;
                            app.pending = app.client.page(first);
                        }
                    }
                    default -> {
                        // stays offline this release
                    }
                }
            }
        }
        Map<String, ?> fresh = SyncClient.fresh(3);
        assertThat(fresh).as("the final corpus has every essay of the model").hasSizeGreaterThanOrEqualTo(model.essays.size());
        for (int i = 0; i < apps.size(); i++) {
            App app = apps.get(i);
            app.finish();
            assertThat(app.client.store).as("app %d (limit %d, %d pages, %d restarts) after %s; seed %d", i, app.limit,
                    app.client.pages, app.client.restarts, history, SEED).isEqualTo(fresh);
            assertThat(app.client.restarts).isZero();
        }
        assertThat(apps).hasSizeGreaterThan(3);
    }
}
