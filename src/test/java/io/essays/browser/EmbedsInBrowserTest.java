package io.essays.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.essays.support.RealCorpusProfile;
import io.essays.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Embeds of the real corpus in headless Chromium, as a third-party site uses them: a host page served by this test on
 * another origin ({@code 127.0.0.1} on a port of its own; the service is {@code localhost} on the test port) includes
 * {@code /embed.js} once and two embed blockquotes. At two viewport widths, both iframes end up within a few pixels of
 * their content's height; math lays out and figures load inside them; no frame logs an error or sees a
 * {@code securitypolicyviolation}; and the dark theme changes the colours. Screenshots go to {@code target/browser/}.
 *
 * <p>A script injected into every frame before its own scripts run (DevTools {@code Page.addScriptToEvaluateOnNewDocument};
 * site isolation is turned off so that the iframes are frames of the same target) records CSP violations, errors and
 * console errors in {@code window.__probe}; a deliberate violation at the end proves that it hears them.
 */
@QuarkusTest
@TestProfile(RealCorpusProfile.class)
class EmbedsInBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static final String PROBE = """
            (function () {
              if (window.__probe) { return; }
              var probe = window.__probe = {violations: [], errors: []};
              document.addEventListener('securitypolicyviolation', function (e) {
                probe.violations.push(e.violatedDirective + ' blocked ' + e.blockedURI);
              });
              window.addEventListener('error', function (e) {
                probe.errors.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e.type));
              }, true);
              var error = console.error;
              console.error = function () {
                probe.errors.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
                return error.apply(console, arguments);
              };
            })();
            """;

    @TestHTTPResource("/")
    URL api;

    private static HttpServer host;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(OUT);
        chromium = HeadlessChromium.start(1200, 1000, "--disable-site-isolation-trials");
        browser = chromium.driver();
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (host != null) {
            host.stop(0);
        }
    }

    /** The service's origin as the browser sees it: {@code http://localhost:PORT}, another origin than the host page. */
    private String service() {
        return "http://localhost:" + api.getPort();
    }

    /** Serves the host page at {@code http://127.0.0.1:PORT/} with the snippet of the README and two embeds. */
    private String hostPage() throws IOException {
        if (host == null) {
            String service = service();
            String page = """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>A host page</title><link rel="icon" href="data:,">
                    <style>body{margin:0;padding:12px;font-family:sans-serif}section{margin:24px 0}</style></head>
                    <body><h1>Somebody else's site</h1>
                    <section><blockquote class="essays-embed" data-url="SERVICE/embed/essays/softmax/sections/temperature">
                      <a href="https://essays.example.org/essays/softmax#temperature">Temperature — The Softmax Function</a>
                    </blockquote></section>
                    <section><blockquote class="essays-embed" data-url="SERVICE/embed/essays/boltzmann-distribution">
                      <a href="https://essays.example.org/essays/boltzmann-distribution">The Boltzmann distribution</a>
                    </blockquote></section>
                    <p>After the embeds.</p>
                    <script async src="SERVICE/embed.js"></script>
                    </body></html>
                    """.replace("SERVICE", service);
            host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            serve("/", page);
            // an iframe already in the page, as the oEmbed HTML puts it, and no /embed.js yet (the test adds it late)
            String late = """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>A late script</title><link rel="icon" href="data:,">
                    </head><body><h1>An oEmbed iframe</h1>
                    <iframe id="late" src="SERVICE/embed/essays/softmax/sections/temperature" width="100%" height="480"
                      style="display:block;border:0" title="Temperature" onload="window.__frameLoaded = true"></iframe>
                    </body></html>
                    """.replace("SERVICE", service);
            serve("/late", late);
            host.start();
        }
        return "http://127.0.0.1:" + host.getAddress().getPort() + "/";
    }

    private void serve(String path, String page) {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        host.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /**
     * The frame loads and posts its height while nobody listens (an {@code async} /embed.js still on its way); when the
     * script arrives it asks the frame again, and the frame is sized to its content, not left at 480 px.
     */
    @Test
    void anIframeThatReportedItsHeightBeforeTheScriptArrivedIsSizedWhenItDoes() throws IOException, InterruptedException {
        browser.manage().window().setSize(new Dimension(1200, 1000));
        browser.get(hostPage() + "late");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(js().executeScript("return window.__frameLoaded === true")));
        Thread.sleep(1500); // every report the frame makes on its own is made, and lost
        WebElement frame = browser.findElement(By.id("late"));
        assertThat(heights(List.of(frame)).get(0)[0]).isEqualTo(480);
        assertThat(js().executeScript("return typeof window.essaysEmbed")).isEqualTo("undefined");
        js().executeScript("const s = document.createElement('script'); s.src = arguments[0]; document.body.appendChild(s);",
                service() + "/embed.js");
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "the iframe kept "
                + java.util.Arrays.toString(heights(List.of(frame)).get(0)))
                .until(d -> {
                    double[] h = heights(List.of(frame)).get(0);
                    return h[1] > 480 && Math.abs(h[0] - h[1]) <= 2;
                });
    }

    private JavascriptExecutor js() {
        return browser;
    }

    @Test
    void twoEmbedsOnAnotherOriginSizeToTheirContentAtTwoWidthsAndRenderMathAndFigures() throws IOException {
        browser.manage().window().setSize(new Dimension(1200, 1000));
        browser.get(hostPage());
        var failures = new ArrayList<String>();
        for (int width : new int[] {1200, 360}) {
            browser.manage().window().setSize(new Dimension(width, 1000));
            List<WebElement> frames = new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> {
                        var found = d.findElements(By.cssSelector("iframe.essays-embed-frame"));
                        return found.size() == 2 ? found : null;
                    });
            revealEverything();
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "iframes never matched their content: "
                    + heights(frames).stream().map(java.util.Arrays::toString).toList()).until(d -> heights(frames).stream().allMatch(h -> Math.abs(h[0] - h[1]) <= 2));
            assertThat(heights(frames)).allSatisfy(h -> assertThat(h[1]).isGreaterThan(300));
            for (int i = 0; i < frames.size(); i++) {
                browser.switchTo().frame(frames.get(i));
                @SuppressWarnings("unchecked")
                var inside = (Map<String, Object>) js().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const images = Array.from(document.images);
                        images.forEach(i => i.loading = 'eager');
                        Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.onload = r; i.onerror = r; })))
                          .then(() => {
                            const maths = Array.from(document.querySelectorAll('math'));
                            done({
                              maths: maths.length,
                              emptyMaths: maths.filter(m => !(m.getBoundingClientRect().width > 0 && m.getBoundingClientRect().height > 0)).length,
                              figures: document.querySelectorAll('figure img').length,
                              brokenImages: images.filter(i => !(i.naturalWidth > 0)).map(i => i.src),
                              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                              wide: Array.from(document.querySelectorAll('article *'))
                                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                                .filter(e => !e.parentElement.closest('.math-display, pre, table'))
                                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)
                                  + ' ' + (e.parentElement.tagName) + ': ' + e.textContent.slice(0, 80)),
                              violations: window.__probe.violations, errors: window.__probe.errors
                            });
                          });
                        """);
                browser.switchTo().defaultContent();
                String which = "embed " + i + " at " + width + " px";
                assertThat(((Number) inside.get("maths")).intValue()).as(which + " math").isGreaterThan(0);
                assertThat(((Number) inside.get("emptyMaths")).intValue()).as(which + " math without size").isZero();
                assertThat(((Number) inside.get("figures")).intValue()).as(which + " figures").isGreaterThan(0);
                assertThat((List<?>) inside.get("brokenImages")).as(which + " images").isEmpty();
                assertThat(((Number) inside.get("overflow")).intValue()).as(which + " horizontal overflow " + inside.get("wide")).isLessThanOrEqualTo(0);
                ((List<?>) inside.get("violations")).forEach(v -> failures.add(which + ": CSP " + v));
                ((List<?>) inside.get("errors")).forEach(v -> failures.add(which + ": " + v));
            }
            hostProbe().forEach(v -> failures.add("host at " + width + " px: " + v));
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, OUT.resolve("embeds-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                failures.add("console " + entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertThat(failures).isEmpty();

        // the probe hears violations and errors inside an embed: without it, the checks above would prove nothing
        browser.switchTo().frame(browser.findElements(By.cssSelector("iframe.essays-embed-frame")).get(0));
        @SuppressWarnings("unchecked")
        var probe = (Map<String, Object>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const img = document.createElement('img');
                img.src = 'https://third-party.invalid/pixel.png';
                document.body.appendChild(img);
                console.error('probe from the test');
                setTimeout(() => done(window.__probe), 500);
                """);
        browser.switchTo().defaultContent();
        assertThat((List<?>) probe.get("violations")).anyMatch(v -> v.toString().startsWith("img-src"));
        assertThat((List<?>) probe.get("errors")).anyMatch(v -> v.toString().contains("probe from the test"));
    }

    @Test
    void darkModeChangesTheColoursByPreferenceAndByOverride() throws IOException {
        browser.manage().window().setSize(new Dimension(800, 900));
        String section = service() + "/embed/essays/softmax/sections/temperature";
        List<String> light = colours(section + "?theme=light");
        List<String> dark = colours(section + "?theme=dark");
        assertThat(dark.get(0)).isNotEqualTo(light.get(0));
        assertThat(dark.get(1)).isNotEqualTo(light.get(1));
        screenshotOfFirstFigure("embed-dark.png");
        try {
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            assertThat(colours(section)).isEqualTo(dark);
            screenshotOfFirstFigure("embed-dark-preference.png");
            assertThat(colours(section + "?theme=light")).isEqualTo(light);
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
            assertThat(colours(section)).isEqualTo(light);
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertThat(hostProbe()).isEmpty();
    }

    private void screenshotOfFirstFigure(String file) throws IOException {
        js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const img = document.querySelector('figure img');
                img.loading = 'eager';
                img.scrollIntoView();
                if (img.complete) { done(); } else { img.onload = () => done(); img.onerror = () => done(); }
                """);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), OUT.resolve(file),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Background and text colour of the page at {@code url}. */
    @SuppressWarnings("unchecked")
    private List<String> colours(String url) {
        browser.get(url);
        return (List<String>) js().executeScript("""
                const s = getComputedStyle(document.documentElement);
                return [s.backgroundColor, s.color];
                """);
    }

    /** Scrolls the host page from top to bottom, so that every part of both embeds has been in view. */
    private void revealEverything() {
        js().executeScript("""
                for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); }
                scrollTo(0, 0);
                """);
    }

    /**
     * Per iframe: its height in the host page and the height of its document's content. Each iframe is scrolled into
     * view first: Chromium does not run the rendering steps (so no ResizeObserver) of a cross-origin frame out of view,
     * so an embed far below the fold is resized when the reader gets to it.
     */
    private List<double[]> heights(List<WebElement> frames) {
        var result = new ArrayList<double[]>();
        for (WebElement frame : frames) {
            js().executeScript("arguments[0].scrollIntoView()", frame);
            double outer = ((Number) js().executeScript("return arguments[0].getBoundingClientRect().height", frame)).doubleValue();
            browser.switchTo().frame(frame);
            double inner = ((Number) js().executeScript("return document.documentElement.getBoundingClientRect().height"))
                    .doubleValue();
            browser.switchTo().defaultContent();
            result.add(new double[] {outer, inner});
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<String> hostProbe() {
        var probe = (Map<String, Object>) js().executeScript("return window.__probe");
        var all = new ArrayList<String>();
        ((List<Object>) probe.get("violations")).forEach(v -> all.add("CSP " + v));
        ((List<Object>) probe.get("errors")).forEach(v -> all.add(v.toString()));
        return all;
    }
}
