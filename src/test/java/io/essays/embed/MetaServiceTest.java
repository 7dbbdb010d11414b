package io.essays.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.AssetData;
import io.essays.corpus.CorpusSnapshot.AssetUseData;

class MetaServiceTest {
    private static AssetUseData use(String path, String mediaType, int width, int height) {
        return new AssetUseData(new AssetData(path, "0".repeat(64), mediaType, 1000, width, height, null),
                "/api/v1/assets/x/" + path, "alt of " + path, null);
    }

    @Test
    void aSharedLinksCardShowsTheFirstRasterImageLargeEnoughForSocialSites() {
        var svg = use("plot.svg", "image/svg+xml", 1200, 800);
        var icon = use("icon.png", "image/png", 199, 640);
        var photo = use("photo.jpg", "image/jpeg", 200, 200);
        var later = use("wide.webp", "image/webp", 1200, 630);
        assertThat(MetaService.socialImage(List.of(svg, icon, photo, later))).isSameAs(photo);
        assertThat(MetaService.socialImage(List.of(svg, icon))).as("no SVG, nothing under 200 px").isNull();
        assertThat(MetaService.socialImage(List.of())).isNull();
        assertThat(MetaService.socialImage(List.of(use("anim.gif", "image/gif", 640, 480)))).isNotNull();
    }
}
