package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A shutdown during an import closes the KaTeX renderer while formulas are being rendered. */
class KatexShutdownTest {

    @Test
    void closingWhileAFormulaRendersCancelsTheRenderingInsteadOfFailing() throws InterruptedException {
        var katex = new KatexRenderer();
        katex.toMathMl(new Formula("x^2", false));
        // a thousand fractions: KaTeX, interpreted, takes a good while over each rendering of this, so that close(),
        // called once the first has finished, finds the second running
        String large = "x" + "+ \\frac{a_{i}}{b_{j}}".repeat(1_000);
        var failure = new AtomicReference<Throwable>();
        Thread rendering = new Thread(() -> {
            try {
                while (true) {
                    katex.toMathMl(new Formula(large, true));
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        rendering.start();
        while (katex.formulasRendered() < 2) {
            Thread.sleep(1);
        }

        assertThatCode(katex::close).doesNotThrowAnyException();
        rendering.join();
        assertThat(failure.get()).as("the rendering was cancelled").isNotNull();
        assertThatCode(() -> katex.toMathMl(new Formula("y", false))).hasMessageContaining("closed");
    }
}
