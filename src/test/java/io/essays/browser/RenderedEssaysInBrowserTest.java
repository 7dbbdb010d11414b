package io.essays.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import com.sun.net.httpserver.HttpServer;

import io.essays.support.RealCorpusProfile;
import io.essays.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Loads every essay of the real corpus, as its {@code /html} fragment wrapped in a minimal page, in headless Chromium:
 * every {@code <math>} lays out with a non-zero size, every image loads and declares its size, and the page logs no
 * error. A screenshot of one essay is saved as {@code target/browser/softmax.png} for a person to look at.
 *
 * <p>Uses the system's Chromium and chromedriver (Debian packages {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them). Without them the test fails and says how to install them: it never skips.
 */
@QuarkusTest
@TestProfile(RealCorpusProfile.class)
class RenderedEssaysInBrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static final String SCREENSHOT_OF = "softmax";

    @TestHTTPResource("/")
    URL api;

    private static HttpServer pages;
    private static ChromeDriver browser;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(OUT);
        chromium = HeadlessChromium.start(1200, 1600);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
    }

    /** Serves {@code /essays/{slug}}: the API's HTML fragment in a page with a charset, images resolved against the API. */
    private void servePages() throws IOException {
        if (pages != null) {
            return;
        }
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/essays/", exchange -> {
            String slug = exchange.getRequestURI().getPath().substring("/essays/".length());
            String fragment = given().get("/api/v1/essays/" + slug + "/html").then().statusCode(200).extract().asString();
            String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + slug + "</title>"
                    + "<base href=\"" + api + "\"><link rel=\"icon\" href=\"data:,\">"
                    + "<style>body{font-family:serif;max-width:46rem;margin:2rem auto;line-height:1.5}"
                    + "div.math-display{margin:1em 0}</style></head><body>\n" + fragment + "\n</body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
    }

    @Test
    void everyEssayOfTheRealCorpusLaysOutItsMathLoadsItsImagesAndLogsNoError() throws IOException {
        servePages();
        List<String> slugs = given().queryParam("size", 100).queryParam("sort", "reading-order").get("/api/v1/essays")
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
        assertThat(slugs).contains(SCREENSHOT_OF);
        var failures = new ArrayList<String>();
        int mathElements = 0;
        for (String slug : slugs) {
            browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/essays/" + slug);
            @SuppressWarnings("unchecked")
            var result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const images = Array.from(document.images);
                    // lazy images below the fold never load in a headless window: ask for all of them now
                    images.forEach(img => { img.loading = 'eager'; });
                    Promise.all(images.map(img => img.complete ? null
                        : new Promise(r => { img.onload = r; img.onerror = r; }))).then(() => {
                      const maths = Array.from(document.querySelectorAll('math'));
                      const empty = maths.filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); })
                        .map(m => (m.querySelector('annotation') || m).textContent.slice(0, 60));
                      const badImages = images.filter(i => !(i.naturalWidth > 0)
                          || String(i.naturalWidth) !== i.getAttribute('width') || String(i.naturalHeight) !== i.getAttribute('height'))
                        .map(i => i.getAttribute('src') + ' natural ' + i.naturalWidth + 'x' + i.naturalHeight
                          + ' declared ' + i.getAttribute('width') + 'x' + i.getAttribute('height'));
                      done({maths: maths.length, empty: empty, badImages: badImages});
                    });
                    """);
            mathElements += ((Number) result.get("maths")).intValue();
            ((List<?>) result.get("empty")).forEach(tex -> failures.add(slug + ": <math> with no size: " + tex));
            ((List<?>) result.get("badImages")).forEach(img -> failures.add(slug + ": image " + img));
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    failures.add(slug + ": console " + entry.getLevel() + " " + entry.getMessage());
                }
            }
            if (slug.equals(SCREENSHOT_OF)) {
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, OUT.resolve(slug + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(failures).isEmpty();
        // the console check above is only worth something if the browser's log reaches us
        ((JavascriptExecutor) browser).executeScript("console.error('probe from the test')");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .anyMatch(m -> m.contains("probe from the test"));
        assertThat(mathElements).as("math elements in the real corpus").isGreaterThan(1000);
        assertThat(OUT.resolve(SCREENSHOT_OF + ".png")).isNotEmptyFile();
    }
}
