package io.essays.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's headless Chromium driven through its chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them), with a fresh profile and the browser console captured.
 * Nothing is ever downloaded. Without Chromium a browser test fails and says how to install it: it never skips.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profileDir;

    private HeadlessChromium(ChromeDriver driver, Path profileDir) {
        this.driver = driver;
        this.profileDir = profileDir;
    }

    /** Starts a browser with a window of {@code width} x {@code height} and any further Chromium switches. */
    public static HeadlessChromium start(int width, int height, String... moreSwitches) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Headless Chromium is needed for this test but " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + " is missing. Install it with: apt-get update && apt-get install -y chromium chromium-driver"
                    + " (.ci/run does this), or point -Dchromium.binary and -Dwebdriver.chrome.driver at them.");
        }
        Path profileDir = Files.createTempDirectory("essays-chromium-");
        var switches = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profileDir));
        switches.addAll(List.of(moreSwitches));
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(switches);
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(driver, profileDir);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var walk = Files.walk(profileDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
