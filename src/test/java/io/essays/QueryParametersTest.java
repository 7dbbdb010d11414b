package io.essays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void anIntegerOutOfRangeNamesTheBoundItMissed() {
        assertThatThrownBy(() -> QueryParameters.integer("page", "0", 1, 1, Integer.MAX_VALUE))
                .hasMessage("'page' must be a whole number from 1, got '0'");
        assertThatThrownBy(() -> QueryParameters.integer("maxwidth", "99999999999", 600, 1, Integer.MAX_VALUE))
                .hasMessage("'maxwidth' must be a whole number from 1 to 2147483647, got '99999999999'");
        assertThatThrownBy(() -> QueryParameters.integer("size", "101", 20, 1, 100))
                .hasMessage("'size' must be a whole number from 1 to 100, got '101'");
        assertThat(QueryParameters.integer("size", " 7 ", 20, 1, 100)).isEqualTo(7);
    }

    @Test
    void aBooleanIsTrueOrFalseInAnyCase() {
        assertThat(QueryParameters.bool("allowOlder", null, false)).isFalse();
        assertThat(QueryParameters.bool("allowOlder", "TRUE", false)).isTrue();
        assertThat(QueryParameters.bool("allowOlder", "false", true)).isFalse();
        assertThatThrownBy(() -> QueryParameters.bool("allowOlder", "1", false))
                .hasMessage("'allowOlder' must be true or false, got '1'");
    }
}
