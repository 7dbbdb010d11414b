package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A corpus' formulas are prepared on a thread of their own ({@link MarkdownRenderer#startPreparing}), so that essays
 * without math render meanwhile; essays with math wait, and a failed preparation fails the wait.
 */
class MathPreparationTest {
    /** Holds {@link #prepare} until released, and records what it was given and on which thread. */
    private static final class HeldMath implements MathRenderer {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Formula> prepared = new ArrayList<>();
        volatile String preparedOn;
        RuntimeException failure;

        @Override
        public String toMathMl(Formula formula) {
            return "<math><mi>" + formula.tex() + "</mi></math>";
        }

        @Override
        public String version() {
            return "held";
        }

        @Override
        public void prepare(Collection<Formula> formulas) {
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            preparedOn = Thread.currentThread().getName();
            if (failure != null) {
                throw failure;
            }
            prepared.addAll(formulas);
        }
    }

    private static final List<String> BODIES = List.of(
            "No math here, only `$code$` and prose.\n",
            "Inline $a+b$ and display:\n\n$$\nc^2\n$$\n",
            "Nothing either.\n",
            "Again $a+b$, then $d$.\n");

    @Test
    void bodiesWithMathAreMarkedAndTheirFormulasPreparedOnceEachOffTheCallingThread() {
        var math = new HeldMath();
        var renderer = new MarkdownRenderer("/essays/{slug}", math);

        MarkdownRenderer.PreparedMath prepared = renderer.startPreparing(BODIES);

        // the call returned while the preparation is still held: it runs elsewhere
        assertThat(prepared.done()).isNotDone();
        assertThat(List.of(0, 1, 2, 3)).map(prepared::hasMath).containsExactly(false, true, false, true);
        math.release.countDown();
        prepared.await();
        assertThat(math.preparedOn).isEqualTo("essays-math");
        assertThat(math.prepared).containsExactly(
                new Formula("a+b", false), new Formula("c^2", true), new Formula("d", false));
    }

    @Test
    void aFailedPreparationFailsTheWaitWithItsOwnException() {
        var math = new HeldMath();
        math.failure = new InvalidMathException("the engine would not start");
        var prepared = new MarkdownRenderer("/essays/{slug}", math).startPreparing(BODIES);

        math.release.countDown();

        assertThatThrownBy(prepared::await).isSameAs(math.failure);
    }

    @Test
    void withoutMathThereIsNothingToWaitFor() {
        var math = new HeldMath();
        math.release.countDown();
        var prepared = new MarkdownRenderer("/essays/{slug}", math).startPreparing(
                List.of("Plain.\n", "Also plain, `$x$` is code.\n"));
        var noRenderer = new MarkdownRenderer("/essays/{slug}").startPreparing(BODIES);

        assertThat(prepared.done()).isDone();
        assertThat(noRenderer.done()).isDone();
        assertThat(List.of(0, 1)).map(prepared::hasMath).containsExactly(false, false);
        assertThat(List.of(0, 1, 2, 3)).map(noRenderer::hasMath).containsOnly(false);
    }
}
