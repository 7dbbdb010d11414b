package io.essays.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import io.essays.markdown.MarkdownRenderer;

/**
 * Reading and rendering the real corpus gives the same result whatever the JVM's default locale and time zone: ids,
 * slugs, tables of contents, HTML, text and dates never go through a locale-sensitive conversion. Turkish is the
 * classic trap ("I".toLowerCase() is "ı"); Kiritimati is UTC+14, a day ahead of most of the world.
 */
class LocaleIndependenceTest {

    @Test
    void realCorpusReadsIdenticallyUnderTurkishLocaleAndKiritimatiTime() {
        Corpus neutral = readWith(Locale.ROOT, TimeZone.getTimeZone("UTC"));
        Corpus hostile = readWith(Locale.forLanguageTag("tr-TR"), TimeZone.getTimeZone("Pacific/Kiritimati"));
        assertThat(hostile.essays()).hasSameSizeAs(neutral.essays());
        // essays and series are values all the way down (records, and sections equal by their text), so equals
        // compares everything, in a fiftieth of the time a reflective comparison of the same texts takes
        for (int i = 0; i < neutral.essays().size(); i++) {
            assertThat(hostile.essays().get(i)).as(neutral.essays().get(i).slug()).isEqualTo(neutral.essays().get(i));
        }
        assertThat(hostile.series()).isEqualTo(neutral.series());
        // assets hold byte arrays, which a record compares by identity
        assertThat(hostile.assets()).usingRecursiveComparison().isEqualTo(neutral.assets());
    }

    private static Corpus readWith(Locale locale, TimeZone zone) {
        Locale locale0 = Locale.getDefault();
        TimeZone zone0 = TimeZone.getDefault();
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
        try {
            return new CorpusReader(new MarkdownRenderer("/essays/{slug}")).read(Path.of("content"));
        } finally {
            Locale.setDefault(locale0);
            TimeZone.setDefault(zone0);
        }
    }
}
