package io.essays.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.essays.http.ProblemException;

class SyncTokensTest {
    final SyncTokens tokens = new SyncTokens("a-secret-of-some-length");

    @Test
    void syncTokenAndPageCursorSurviveARoundTrip() {
        var sync = SyncToken.sync("dep", 42);
        assertThat(tokens.decode(tokens.encode(sync))).isEqualTo(sync);
        var cursor = new SyncToken("dep", 7, 42, new ItemKey(ItemKey.Type.ASSET, "a/b~c:d.svg"));
        assertThat(tokens.decode(tokens.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void tokensAreUrlSafeAndTheSameForTheSamePayload() {
        String token = tokens.encode(SyncToken.sync("dep", 42));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(new SyncTokens("a-secret-of-some-length").encode(SyncToken.sync("dep", 42))).isEqualTo(token);
    }

    @Test
    void tokenSignedWithAnotherSecretIsForged() {
        String other = new SyncTokens("another-secret-entirely").encode(SyncToken.sync("dep", 42));
        assertThatThrownBy(() -> tokens.decode(other)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.type()).isEqualTo("forged-sync-token"));
    }

    @Test
    void flippingAnyCharacterIsRefused() {
        String token = tokens.encode(SyncToken.sync("dep", 42));
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> tokens.decode(altered)).as(altered).isInstanceOfSatisfying(ProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(400));
        }
    }

    @Test
    void shortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new SyncTokens("short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ESSAYS_SYNC_SECRET");
    }
}
