package org.dprktrade.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dprktrade.briefing.cli.BriefingCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless chromium through the system chromedriver; Selenium Manager off, so
 * nothing is downloaded) against a real {@code serve}: login → quarters → rerun preview → confirm → the run
 * page until COMPLETED → download the PDF → send again. Screenshots go to {@code target/console-*.png}.
 * Skipped where chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
class ConsoleBrowserFunctionalTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "browser-test-password";

    @TempDir
    Path work;

    @Test
    void anOperatorRerunsAQuarterDownloadsItsPdfAndSendsItAgain() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        Path reports = work.resolve("reports");
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        Process serve = serve(reports);
        WebDriver browser = null;
        try {
            String base = "http://127.0.0.1:" + awaitPort(work.resolve("serve.out"));
            browser = chromium(downloads);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            // a running run's page reloads itself: an element read as it reloads is stale, so look again
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

            browser.get(base + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            assertThat(browser.findElement(By.name("_csrf")).getAttribute("value")).isNotBlank();
            browser.findElement(By.name("username")).sendKeys("operator");
            browser.findElement(By.name("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Quarters"));
            assertThat(browser.getPageSource()).contains("No quarter has run yet");

            browser.findElement(By.linkText("Rerun")).click();
            browser.findElement(By.id("period")).sendKeys("2014-Q3");
            browser.findElement(By.id("preview")).click();
            wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Preview"));
            String preview = browser.findElement(By.tagName("main")).getText();
            assertThat(preview).contains("Preview: 2014-Q3").contains("grain.xlsx")
                    .contains("briefing-2014-Q3.pdf").contains("new").contains("analysts@example.org")
                    .contains("the first briefing readers get for this quarter");
            assertThat(reports.resolve("2014-Q3")).doesNotExist();

            browser.findElement(By.id("confirm")).click();
            wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Run "));
            // the page refreshes itself until the run ends
            wait.until(d -> d.findElement(By.tagName("h1")).getText().contains("COMPLETED"));
            String runPage = browser.findElement(By.tagName("main")).getText();
            assertThat(runPage).contains("ingestGrain").contains("deliverBriefing")
                    .contains("analysts@example.org").contains("SENT 1/1");
            screenshot(browser, "console-run.png");

            browser.findElement(By.linkText("briefing-2014-Q3.pdf")).click();
            Path pdf = downloads.resolve("briefing-2014-Q3.pdf");
            wait.until(d -> Files.exists(pdf) && sizeOf(pdf) == sizeOf(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")));
            assertThat(Files.readAllBytes(pdf)).isEqualTo(Files.readAllBytes(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")));

            browser.findElement(By.id("send-again")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".flash")).isEmpty());
            // everyone has it already: nothing is sent twice
            assertThat(browser.findElement(By.cssSelector(".flash")).getText()).startsWith("2014-Q3: ");
            try (var outbox = Files.list(reports.resolve("outbox"))) {
                assertThat(outbox.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
            }

            browser.findElement(By.linkText("Quarters")).click();
            assertThat(browser.findElement(By.cssSelector(".quarter")).getText()).contains("2014-Q3").contains("COMPLETED");
            screenshot(browser, "console-quarters.png");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private WebDriver chromium(Path downloads) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Files.write(target.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private Process serve(Path reports) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BriefingCli.class.getName(), "serve", "--input", "input",
                "--reports", reports.toString(), "--server.port=0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("serve.out").toFile());
        builder.environment().put("BRIEFING_CONSOLE_PASSWORD", PASSWORD);
        return builder.start();
    }

    private static int awaitPort(Path out) throws Exception {
        Pattern console = Pattern.compile("console at http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            Matcher m = console.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            assertThat(System.nanoTime()).as("serve did not start: %s", text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
