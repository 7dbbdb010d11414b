package io.essays.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Long essay texts are held deflated and come back exactly; short or incompressible ones are kept as UTF-8. */
class PackedTextTest {
    private static final String PROSE = "<p>The softmax of <math><mi>β</mi><mo>−</mo></math> Łukasiewicz — “gentle” 🙂 "
            + "turns scores into probabilities.</p>\n";

    @Test
    void longTextIsDeflatedAndComesBackExactly() {
        String html = PROSE.repeat(200);
        PackedText packed = PackedText.of(html);

        assertThat(packed.packed()).isTrue();
        assertThat(packed.retainedBytes()).isLessThan(html.getBytes(StandardCharsets.UTF_8).length / 4);
        assertThat(packed.text()).isEqualTo(html);
        assertThat(packed.text()).as("unpacks again").isEqualTo(html);
    }

    @Test
    void shortTextIsKeptAsUtf8() {
        PackedText packed = PackedText.of(PROSE);

        assertThat(packed.packed()).isFalse();
        assertThat(packed.retainedBytes()).isEqualTo(PROSE.getBytes(StandardCharsets.UTF_8).length);
        assertThat(packed.text()).isEqualTo(PROSE);
    }

    @Test
    void textThatDeflateCannotShrinkByAnEighthIsKeptAsUtf8() {
        var random = new Random(16);
        var noise = new StringBuilder();
        for (int i = 0; i < 4096; i++) {
            noise.append((char) (1 + random.nextInt(127)));
        }
        PackedText packed = PackedText.of(noise.toString());

        assertThat(packed.packed()).isFalse();
        assertThat(packed.text()).isEqualTo(noise.toString());
    }

    @Test
    void packedTextsAreEqualByContent() {
        String html = PROSE.repeat(50);
        assertThat(PackedText.of(html)).isEqualTo(PackedText.of(html)).hasSameHashCodeAs(PackedText.of(html))
                .isNotEqualTo(PackedText.of(html + " "));
        assertThat(PackedText.of(null)).isNull();
        assertThat(PackedText.of("").text()).isEmpty();
    }

    @Test
    void manyThreadsUnpackTheSameTextAtOnce() throws InterruptedException {
        String html = PROSE.repeat(300);
        PackedText packed = PackedText.of(html);
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        var threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!packed.text().equals(html)) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).hasValue(0);
    }
}
