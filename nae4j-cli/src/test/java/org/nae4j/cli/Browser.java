package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.nae4j.io.AtomicFiles;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through WebDriver, with the system's chromium and chromedriver (Debian packages
 * {@code chromium} and {@code chromium-driver}; other paths with -Dnae4j.chromium and -Dwebdriver.chrome.driver),
 * so that Selenium never downloads anything. Where they are missing the tests are skipped, but under
 * {@code CI=true} they fail. Close it to stop the browser and its driver.
 */
final class Browser implements AutoCloseable {
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the test (fails it under CI=true) if there is none. */
    static Browser start() throws IOException {
        Path chromedriver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        Path chromium = Path.of(System.getProperty("nae4j.chromium", "/usr/bin/chromium"));
        boolean present = Files.isExecutable(chromedriver) && Files.isExecutable(chromium);
        String missing = "no browser for the report tests: need " + chromium + " and " + chromedriver
                + " (apt-get install chromium chromium-driver)";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true, but " + missing);
        }
        assumeTrue(present, missing);
        // Selenium warns that it has no DevTools support for this Chromium's version; the tests do not use it.
        SELENIUM.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile = Files.createTempDirectory("nae4j-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Without the network flags chromium stalls on refused connections where the network is closed.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--window-size=1280,1600", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    /** The browser console's errors since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            AtomicFiles.deleteTree(profile);
        }
    }
}
