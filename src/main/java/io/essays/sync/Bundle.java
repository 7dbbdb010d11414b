package io.essays.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.Sha256;
import io.essays.corpus.CorpusSnapshot;
import io.essays.http.Representation;

/**
 * The offline bundle of one release: a ZIP with {@code manifest.json}, every series and essay as JSON (as sync serves
 * them) and every asset's bytes. The bytes are a function of the release alone (entries in a fixed order, times set
 * to the release's import time in UTC), so every replica builds the same file with the same ETag and a download
 * resumed on another replica still fits together.
 */
final class Bundle {
    static final String MEDIA_TYPE = "application/zip";

    private final long release;
    private final Representation representation;
    private final BundleManifest manifest;
    private final long buildMillis;

    private Bundle(long release, Representation representation, BundleManifest manifest, long buildMillis) {
        this.release = release;
        this.representation = representation;
        this.manifest = manifest;
        this.buildMillis = buildMillis;
    }

    long release() {
        return release;
    }

    /** The ZIP's bytes and strong ETag (never gzipped: it is compressed already). */
    Representation representation() {
        return representation;
    }

    BundleManifest manifest() {
        return manifest;
    }

    long buildMillis() {
        return buildMillis;
    }

    static Bundle build(CorpusSnapshot snapshot, SyncService sync, io.essays.essay.EssayService essays,
                        ObjectMapper mapper, String syncToken) {
        long started = System.nanoTime();
        var files = new LinkedHashMap<String, byte[]>();
        try {
            for (CorpusSnapshot.SeriesData s : snapshot.series()) {
                files.put("series/" + s.slug() + ".json", mapper.writeValueAsBytes(SyncService.series(s)));
            }
            snapshot.assets().values().stream().sorted((a, b) -> a.path().compareTo(b.path()))
                    .forEach(a -> files.put("assets/" + a.path(), a.content()));
            for (CorpusSnapshot.EssayData e : snapshot.essays().stream().sorted((a, b) -> a.slug().compareTo(b.slug())).toList()) {
                files.put("essays/" + e.slug() + ".json", mapper.writeValueAsBytes(essays.detail(snapshot, e.slug())));
            }
            var list = new ArrayList<BundleManifest.BundleFile>();
            files.forEach((path, bytes) -> list.add(new BundleManifest.BundleFile(path, bytes.length, sha256(bytes))));
            var assets = snapshot.assets().values().stream().sorted((a, b) -> a.path().compareTo(b.path()))
                    .map(sync::asset).toList();
            var manifest = new BundleManifest(snapshot.releaseId(), snapshot.importedAt().toString(), syncToken,
                    new BundleManifest.Counts(snapshot.series().size(), snapshot.essays().size(), snapshot.assets().size()),
                    list, assets);
            byte[] zip = zip(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest), files,
                    LocalDateTime.ofInstant(snapshot.importedAt(), ZoneOffset.UTC));
            return new Bundle(snapshot.releaseId(), Representation.of(zip, MEDIA_TYPE, Map.of(), Integer.MAX_VALUE),
                    manifest, (System.nanoTime() - started) / 1_000_000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the bundle", e);
        }
    }

    private static byte[] zip(byte[] manifest, Map<String, byte[]> files, LocalDateTime time) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            put(zip, "manifest.json", manifest, time);
            for (var file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue(), time);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, LocalDateTime time) throws IOException {
        var entry = new ZipEntry(name);
        entry.setTimeLocal(time); // DOS time without the JVM's time zone: the same bytes on every replica
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
