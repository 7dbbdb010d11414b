package io.essays.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;

/**
 * An essay's headings packed at import (V13) load as the same headings as rows placed at load did before: equal texts,
 * with sections held as ranges of the essay's plain text wherever the import found them, and as texts otherwise.
 */
class PackedHeadingsTest {
    static final String PLAIN = "Lead words. Temperature Dividing logits by T flattens. More text. "
            + "Sampling Top-k keeps k.";

    static final List<HeadingData> RENDERED = List.of(
            new HeadingData(2, "temperature", "Temperature", "Dividing logits by T flattens.", "<p>Dividing…</p>",
                    "Temperature Dividing logits by T flattens. More text."),
            new HeadingData(3, "empty", "Empty", "", "", ""),
            new HeadingData(2, "gone", "Gone; with: colons 12:", "Elsewhere.", "<p>Else\nwhere.</p>",
                    "Gone Elsewhere."),
            new HeadingData(2, "sampling", "Sampling", "Not in the section.", "<p>x</p>", "Sampling Top-k keeps k."),
            new HeadingData(4, "nulls", null, (String) null, null, (String) null));

    @Test
    void packedHeadingsLoadEqualToHeadingsPlacedAtLoad() {
        PackedText plain = PackedText.of(PLAIN);
        List<HeadingData> placedAtLoad = EssayData.within(RENDERED, PLAIN, plain);

        List<HeadingData> loaded = PackedHeadings.stored(PackedHeadings.pack(RENDERED, PLAIN), plain);

        assertThat(loaded).containsExactlyElementsOf(placedAtLoad).containsExactlyElementsOf(RENDERED);
        assertThat(loaded).extracting(HeadingData::level).containsExactly(2, 3, 2, 2, 4);
        assertThat(loaded.get(0).sectionText()).isEqualTo("Temperature Dividing logits by T flattens. More text.");
        assertThat(loaded.get(2).firstParagraphHtml()).isEqualTo("<p>Else\nwhere.</p>");
        assertThat(loaded.get(4).text()).isNull();
        assertThat(loaded.get(4).sectionText()).isNull();
    }

    @Test
    void placedSectionsAreStoredAsRangesNotTexts() {
        String stored = PackedText.stored(PackedHeadings.pack(RENDERED, PLAIN), null).text();
        int at = PLAIN.indexOf("Temperature Dividing");

        assertThat(stored).startsWith(PackedHeadings.VERSION + "5;2;11:temperature11:Temperature")
                .contains(at + ";" + (at + "Temperature Dividing logits by T flattens. More text.".length()) + ";")
                .doesNotContain("Dividing logits by T flattens. More text.")
                .contains("-1;15:Gone Elsewhere.")
                .contains("-1;19:Not in the section.");
        assertThat(loadedSectionBase(stored)).isTrue();
    }

    @Test
    void anEssayWithPackedHeadingsEqualsTheSameEssayWithHeadingsFromRows() {
        EssayBodies bodies = EssayBodies.pack("# Source", "<p>html</p>", null, PLAIN);
        var fromRows = new EssayData("softmax", "Softmax", "foundations", 1, "Summary", List.of(), List.of(), null,
                null, 20, 1, bodies, "Lead words.", RENDERED, List.of(), List.of());
        var packed = new EssayData("softmax", "Softmax", "foundations", 1, "Summary", List.of(), List.of(), null, null,
                20, 1, bodies, "Lead words.", PackedHeadings.stored(PackedHeadings.pack(RENDERED, PLAIN),
                bodies.plainText()), List.of(), List.of());

        assertThat(packed).isEqualTo(fromRows).hasSameHashCodeAs(fromRows);
        assertThat(packed.heading("sampling").sectionText()).isEqualTo("Sampling Top-k keeps k.");
    }

    @Test
    void anEssayWithoutHeadingsPacksToAnEmptyList() {
        assertThat(PackedHeadings.stored(PackedHeadings.pack(List.of(), PLAIN), PackedText.of(PLAIN))).isEmpty();
    }

    @Test
    void malformedValuesAreRefused() {
        PackedText plain = PackedText.of(PLAIN);
        assertThatThrownBy(() -> PackedHeadings.stored(stored("x1;0;"), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start with h1;");
        assertThatThrownBy(() -> PackedHeadings.stored(stored("h1;1;2;5:abc"), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> PackedHeadings.stored(stored("h1;1;2;1:a1:b1:c9;3;-1;0:"), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range 9..3");
        assertThatThrownBy(() -> PackedHeadings.stored(stored("h1;0;trailing"), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after 0 headings");
        assertThatThrownBy(() -> PackedHeadings.stored(stored("h1;x;"), plain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PackedHeadings.stored(new byte[] {1}, plain))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean loadedSectionBase(String stored) {
        PackedText plain = PackedText.of(PLAIN);
        HeadingData first = PackedHeadings.stored(PackedText.of(stored).stored(), plain).get(0);
        return first.sectionSlice().base() == plain && first.firstParagraphSlice().base() == plain;
    }

    private static byte[] stored(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        byte[] stored = new byte[4 + utf8.length];
        java.nio.ByteBuffer.wrap(stored).putInt(-1).put(utf8);
        return stored;
    }
}
