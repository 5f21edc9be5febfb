package news.comments.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium, driven by Selenium with explicit binary and driver paths, so that nothing is looked
 * up or downloaded. Each browser has its own throwaway profile, so two of them are two separate people.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The npm package axe-core's engine, kept in the repository so that the checks need no network. */
    static final Path AXE = Path.of("src", "e2e", "resources", "axe-core", "axe.min.js");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int WIDTH = 1280;

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The e2e profile needs Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        }
        profile = Files.createTempDirectory("comments-e2e-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + ",1000", "--lang=en-GB",
                "--user-data-dir=" + profile));
        // An alert must stay open so that a test can see it, instead of being dismissed silently
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        // The page's console, for tests that a page loads without errors (a 404 is logged there as SEVERE)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static Browser start() {
        try {
            return new Browser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Makes every request of this browser arrive as if from {@code ip}, through the {@code X-Forwarded-For} header
     * that the test profile trusts from localhost: each reader is then a stranger to the flood and report limits.
     */
    void connectFrom(String ip) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", ip)));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for the condition; a list re-rendered under it (a live update) is looked at again, not a failure. */
    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The first visible element matching {@code css} whose text contains {@code text}, waited for. */
    WebElement awaitText(String css, String text) {
        return await(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text))
                .findFirst().orElse(null));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs {@code js}, which ends by calling its last argument with the answer (a promise's result, say). */
    Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    /**
     * Makes every request of this browser to an address matching one of {@code patterns} ({@code *} wildcards) fail,
     * as a network that drops it would: a console that should miss its live stream, say.
     */
    void block(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /** The errors the pages logged to the console since the last call (failed loads among them). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Shows the pages as a phone of {@code width} CSS pixels would (until {@link #screenshot} or another size). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * Runs axe-core's rules {@code rules} on the page as it is now and answers their violations, one line each: the
     * rule, its help and the elements concerned. The engine is injected from {@link #AXE}, nothing is downloaded.
     */
    List<String> axe(String... rules) {
        try {
            if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
                script(Files.readString(AXE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = asyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'rule', values: arguments[0]}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.help + ' '"
                + " + JSON.stringify(v.nodes.map(function (n) { return n.target.join(' '); })); })); },"
                + " function (e) { done(['axe failed: ' + e]); });", List.of(rules));
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /**
     * Saves the whole page as target/screenshots/{name}.png: the viewport is stretched to the page's height for the
     * shot (through the DevTools protocol, since a window's size also counts the browser's own frame).
     */
    void screenshot(String name) {
        try {
            script("window.scrollTo(0, 0)");
            Number height = (Number) script("return Math.ceil(Math.max(document.documentElement.scrollHeight,"
                    + " document.body.scrollHeight))");
            int pageHeight = Math.min(8000, Math.max(700, height.intValue()));
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", pageHeight, "deviceScaleFactor", 1, "mobile", false));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
