package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the console of a test server: Debian's chromium through the system's
 * chromedriver (bin/ensure-browser installs both), never a browser or driver fetched at run time.
 * Waits are on conditions in the page; every test ends by checking the browser's console.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TRIBUTARY_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TRIBUTARY_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where each test's screenshots go; docs/screenshots holds the committed copies. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final List<String> expectedHttpFailures = new ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static ConsoleBrowser open(TestServer server) {
        assertThat(CHROMIUM).as("Chromium (bin/ensure-browser installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (bin/ensure-browser installs it)").isExecutable();
        try {
            Path profile = Files.createTempDirectory("tributary-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // As root in a container, with no network beyond loopback: no sandbox, no background fetches.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--lang=en-US", "--window-size=1280,900", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new ConsoleBrowser(driver, "http://127.0.0.1:" + server.app().getLocalPort(), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    /** Opens the console at a route ({@code /sources}, {@code /blocks/new?source=...}). */
    void go(String route) {
        driver.get(base + "/#" + route);
    }

    /** Signs in on the console's form, in a fresh tab state (the token lives in sessionStorage). */
    void signIn(String token) {
        // Cleared on a page of the same origin that runs no console, so nothing is asked without a token.
        driver.get(base + "/api/v1/openapi.json");
        driver.executeScript("sessionStorage.clear()");
        driver.get(base + "/");
        WebElement input = waitVisible(By.cssSelector("input[data-field=token]"));
        input.sendKeys(token);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitVisible(By.cssSelector("#nav .who"));
    }

    WebElement waitVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement waitText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    void waitUntil(String description, java.util.function.Function<ChromeDriver, Boolean> condition) {
        // The page redraws as answers arrive: an element found a moment ago may be gone; look again.
        new WebDriverWait(driver, WAIT).withMessage(description).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.apply(driver));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Types into a field, replacing what it held. */
    void type(By by, String text) {
        WebElement input = waitVisible(by);
        input.clear();
        input.sendKeys(text);
    }

    void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(waitVisible(by)).selectByValue(value);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves the page as target/screenshots/{name}.png, scrolled to show {@code subject}. */
    Path screenshot(String name, By subject) {
        script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -16)", driver.findElement(subject));
        return screenshot(name);
    }

    /** Saves the page as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed request the test provokes on purpose, such as "422": the browser logs it as an error. */
    void expectHttpFailure(String status) {
        expectedHttpFailures.add("status of " + status);
    }

    /** Fails on any error the page logged: a script error, a console.error, a request that failed unexpectedly. */
    void assertNoConsoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expectedHttpFailures.stream().noneMatch(entry.getMessage()::contains)) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
