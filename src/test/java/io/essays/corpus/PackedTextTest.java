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
    void storedFormComesBackAsTheSameTextPackedOrNot() {
        for (String text : new String[] {PROSE.repeat(200), PROSE, ""}) {
            PackedText packed = PackedText.of(text);
            PackedText back = PackedText.stored(packed.stored(), null);

            assertThat(back.text()).isEqualTo(text);
            assertThat(back.packed()).isEqualTo(packed.packed());
            assertThat(back.retainedBytes()).isEqualTo(packed.retainedBytes());
            assertThat(packed.stored()).hasSize(4 + packed.retainedBytes());
        }
        assertThat(PackedText.stored(null, null)).isNull();
    }

    @Test
    void storedTextPackedAgainstAnotherNeedsThatDictionaryBack() {
        String html = PROSE.repeat(200);
        String tex = html.replace("<math><mi>β</mi><mo>−</mo></math>", "\\(\\beta-\\)");
        EssayBodies bodies = EssayBodies.pack("# source\n" + html, html, tex, "plain ".repeat(300));
        EssayBodies back = EssayBodies.stored(bodies.source().stored(), bodies.html().stored(), bodies.storedHtmlTex(),
                bodies.plainText().stored());

        assertThat(bodies.storedHtmlTex()).hasSizeLessThan(200);
        assertThat(back.htmlTex().text()).isEqualTo(tex);
        assertThat(back.html().text()).isEqualTo(html);
        assertThat(back.source().text()).isEqualTo("# source\n" + html);
        assertThat(back.plainText().text()).isEqualTo("plain ".repeat(300));
    }

    @Test
    void essayWithoutMathStoresNoTexVariant() {
        String html = PROSE.repeat(20);
        EssayBodies bodies = EssayBodies.pack("source", html, html, "plain");

        assertThat(bodies.storedHtmlTex()).isNull();
        EssayBodies back = EssayBodies.stored(bodies.source().stored(), bodies.html().stored(), null,
                bodies.plainText().stored());
        assertThat(back.htmlTex()).isSameAs(back.html()).isEqualTo(bodies.htmlTex());
    }

    @Test
    void somethingThatIsNotAStoredTextIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PackedText.stored(new byte[] {1, 2}, null)).withMessageContaining("at least 4 bytes");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> PackedText.stored(new byte[] {-1, -1, -1, -2, 65}, null)).withMessageContaining("-1 or more");
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

    @Test
    void textPackedAgainstASimilarOneTakesAFractionOfItsOwnPackingAndComesBackExactly() {
        // 60 distinct paragraphs, each with one formula: the TeX variant differs from the MathML one only in the math
        var mathml = new StringBuilder();
        var tex = new StringBuilder();
        var random = new Random(7);
        for (int i = 0; i < 60; i++) {
            String words = "paragraph " + i + " on " + Long.toString(random.nextLong(), 36) + " and "
                    + Long.toString(random.nextLong(), 36) + " with ";
            mathml.append("<p>").append(words).append("<math><msub><mi>x</mi><mn>").append(i).append("</mn></msub></math></p>\n");
            tex.append("<p>").append(words).append("<span class=\"math\">x_{").append(i).append("}</span></p>\n");
        }
        PackedText html = PackedText.of(mathml.toString());
        PackedText alone = PackedText.of(tex.toString());
        PackedText against = PackedText.of(tex.toString(), html);

        assertThat(against.text()).isEqualTo(tex.toString());
        assertThat(against.retainedBytes()).isLessThan(alone.retainedBytes() / 3);
        assertThat(against).isEqualTo(alone).hasSameHashCodeAs(alone);
        assertThat(html.text()).as("the dictionary is untouched").isEqualTo(mathml.toString());
    }

    @Test
    void manyThreadsUnpackATextAndItsDictionaryAtOnce() throws InterruptedException {
        String html = PROSE.repeat(300);
        String tex = html.replace("<math><mi>β</mi><mo>−</mo></math>", "<span class=\"math\">\\beta -</span>");
        PackedText dictionary = PackedText.of(html);
        PackedText packed = PackedText.of(tex, dictionary);
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        var threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            boolean both = t % 2 == 0;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    if (!packed.text().equals(tex) || both && !dictionary.text().equals(html)) {
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
