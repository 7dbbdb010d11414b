package io.essays.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.lucene.util.Version;

import io.essays.Sha256;

/**
 * Names the format of a stored search index: the Lucene version and a digest of the compiled classes that build it,
 * with their nested and anonymous classes (the analyzers are anonymous subclasses). Any change to that code gives a new
 * name, so an index stored by an older build is rebuilt rather than opened.
 */
final class IndexFormat {
    private IndexFormat() {
    }

    static String of(Class<?>... classes) {
        MessageDigest digest = Sha256.newDigest();
        for (Class<?> type : classes) {
            add(digest, type);
        }
        return "lucene-" + Version.LATEST + "/" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void add(MessageDigest digest, Class<?> type) {
        if (!addClassFile(digest, type, type.getName())) {
            throw new IllegalStateException("no class file for " + type.getName());
        }
        // anonymous classes are numbered from 1 without gaps; named nested classes are declared
        for (int i = 1; addClassFile(digest, type, type.getName() + "$" + i); i++) {
            // added
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            add(digest, nested);
        }
    }

    private static boolean addClassFile(MessageDigest digest, Class<?> type, String className) {
        String resource = "/" + className.replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            digest.update(className.getBytes(StandardCharsets.UTF_8));
            digest.update(in.readAllBytes());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
