package io.essays;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageSizesTest {

    @Test
    void aDefaultFromOneToTheMaximumIsAccepted() {
        assertThatCode(() -> PageSizes.check("d", 1, "m", 1)).doesNotThrowAnyException();
        assertThatCode(() -> PageSizes.check("d", 20, "m", 100)).doesNotThrowAnyException();
    }

    @Test
    void aDefaultAboveTheMaximumOrBelowOneStopsTheStartNamingBothSettings() {
        assertThatThrownBy(() -> PageSizes.check("essays.paging.default-size", 150, "essays.paging.max-size", 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("essays.paging.default-size must be from 1 to essays.paging.max-size (100), got 150");
        assertThatThrownBy(() -> PageSizes.check("essays.sync.default-limit", 0, "essays.sync.max-limit", 200))
                .hasMessage("essays.sync.default-limit must be from 1 to essays.sync.max-limit (200), got 0");
    }
}
