package dev.ballast.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * The browser UI as a person uses it: the packaged jar in an empty folder, headless Debian
 * Chromium driven by Selenium through every view. Needs {@code /usr/bin/chromium} and {@code
 * /usr/bin/chromedriver} ({@code apt-get install -y chromium chromium-driver}, done by {@code
 * .ci/run}); without them it fails, it does not skip. Screenshots of each view land in {@code
 * target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiIT {

  private static final Path JAR = Path.of("target", "ballast.jar").toAbsolutePath();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(30);
  // The test uses no DevTools protocol; Selenium would warn that it has none for this Chromium.
  private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

  private static Path workDir;
  private static Process server;
  private static int port;
  private static ChromeDriver browser;
  private static ChromeDriverService service;
  private static boolean sawLoadingBanner;

  @BeforeAll
  static void startServerAndBrowser() throws Exception {
    assertThat(JAR).exists();
    assertThat(CHROMIUM).as("Chromium is needed: apt-get install -y chromium chromium-driver")
        .isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver is needed: apt-get install -y chromium-driver")
        .isExecutable();
    Files.createDirectories(SCREENSHOTS);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(tmp);
    workDir = Files.createTempDirectory(tmp, "ballast-ui");
    port = freePort();
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Ddw.server.applicationConnectors[0].port=" + port,
        "-Ddw.server.adminConnectors[0].port=" + freePort(),
        // Four months of grades are history enough for the charts, and a third of the wait.
        "-Ddw.grading.initialDays=120", "-jar", JAR.toString(), "server")
        .directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("server.log").toFile()).start();

    int first = waitForStatus("/v1/assets", Set.of(200, 503), Duration.ofSeconds(90));
    browser = startBrowser(tmp.resolve("chromium"));
    if (first == 503 && status("/v1/assets") == 503) {
      // The market is still being written: the page must say so and retry on its own.
      open("#/ratings");
      // FluentWait goes on while the answer is null or false: hence strings.
      sawLoadingBanner = "banner".equals(new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(d -> d.findElement(By.id("loading")).isDisplayed() ? "banner"
              : status("/v1/assets") == 200 ? "loaded first" : null));
      System.out.println("UiIT: loading banner " + (sawLoadingBanner ? "shown" : "not seen: the"
          + " market loaded before the page asked"));
      if (sawLoadingBanner) {
        assertThat(browser.findElement(By.id("loading")).getText()).startsWith("Loading…");
        screenshot("00-loading");
      }
    }
    // Grades and the indices' first rebalance follow the market by a few seconds.
    waitForStatus("/v1/ratings?limit=1", Set.of(200), Duration.ofSeconds(180));
    waitForStatus("/v1/indices/top10-mcap/holdings", Set.of(200), Duration.ofSeconds(120));
    // The 503s and "no grades yet" 404s of the loading phase are in the console: expected.
    browser.manage().logs().get(LogType.BROWSER);
  }

  private static ChromeDriver startBrowser(Path home) throws IOException {
    Files.createDirectories(home);
    // No Selenium Manager: the driver and the browser are given; their caches stay in target/.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of(
            "XDG_CONFIG_HOME", home.resolve("config").toString(),
            "XDG_CACHE_HOME", home.resolve("cache").toString(),
            "TMPDIR", home.toString(),
            "HOME", home.toString()))
        .withLogFile(home.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--window-size=1280,1000",
        "--user-data-dir=" + home.resolve("profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @AfterEach
  void noScriptErrors(TestInfo test) {
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        // A problem the API answers (the bad backtest's 400) is logged by the browser too.
        .filter(e -> !e.getMessage().contains("status of 400"))
        .toList();
    assertThat(severe).as("browser console errors in %s", test.getDisplayName()).isEmpty();
  }

  @Test
  @Order(1)
  void ratingsTableShowsRowsAndSortingChangesTheOrder() throws Exception {
    open("#/ratings");
    List<String> byTraderGrade = symbols();
    assertThat(byTraderGrade).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("table.ratings tbody tr td:nth-child(2)"))
        .getText()).matches("\\d+\\.\\d");
    screenshot("01-ratings");

    browser.findElement(By.cssSelector("button.sort[data-sort=symbol]")).click();
    wait(d -> d.findElement(By.cssSelector("table.ratings caption")).getText().contains("A to Z"));
    List<String> bySymbol = symbols();
    assertThat(bySymbol).isSorted().isNotEqualTo(byTraderGrade);
    assertThat(browser.findElement(By.xpath("//button[@data-sort='symbol']/.."))
        .getAttribute("aria-sort")).isEqualTo("ascending");
    assertThat(browser.switchTo().activeElement().getAttribute("data-sort"))
        .as("focus stays on the header that was clicked").isEqualTo("symbol");

    browser.findElement(By.cssSelector("button.sort[data-sort=symbol]")).click();
    wait(d -> d.findElement(By.cssSelector("table.ratings caption")).getText().contains("Z to A"));
    List<String> firstPage = symbols();
    assertThat(firstPage).isSortedAccordingTo((a, b) -> b.compareTo(a));

    browser.findElement(By.xpath("//button[normalize-space()='Next ›']")).click();
    wait(d -> d.findElement(By.cssSelector("table.ratings caption")).getText().contains("page 2"));
    String lastOfFirst = firstPage.get(firstPage.size() - 1);
    assertThat(symbols()).as("the page after " + lastOfFirst).isNotEmpty()
        .allMatch(s -> s.compareTo(lastOfFirst) < 0);
    browser.findElement(By.xpath("//button[normalize-space()='‹ Previous']")).click();
    wait(d -> d.findElement(By.cssSelector("table.ratings caption")).getText().contains("page 1"));
    assertThat(symbols()).isEqualTo(firstPage);
  }

  @Test
  @Order(2)
  void aSymbolExplainsItsGradesWithAChartAndTheFactors() throws Exception {
    open("#/ratings");
    String symbol = symbols().get(0);
    browser.findElement(By.linkText(symbol)).click();
    wait(d -> !d.findElements(By.cssSelector("figure.chart svg path.line")).isEmpty());
    WebElement line = browser.findElement(By.cssSelector("figure.chart svg path.line"));
    assertThat(line.getAttribute("d")).as("a line through many days").contains("L");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(symbol);
    List<WebElement> factors = browser.findElements(By.cssSelector("table.breakdown tbody tr"));
    assertThat(factors).hasSizeGreaterThanOrEqualTo(6);
    assertThat(browser.findElement(By.cssSelector("table.breakdown.trader")).getText())
        .contains("ROC_30").contains("Percentile").contains("Contribution");
    screenshot("02-explain");
  }

  @Test
  @Order(3)
  void indicesListTheBuiltInsAndAnIndexShowsHoldingsPerformanceAndRebalances() throws Exception {
    open("#/indices");
    wait(d -> d.findElements(By.cssSelector(".card.index")).size() >= 3);
    assertThat(browser.findElements(By.cssSelector(".card.index")).stream()
        .map(e -> e.getAttribute("data-id")).toList())
        .contains("top10-mcap", "top10-mcap-no-overlay", "top20-grade");
    screenshot("03-indices");

    browser.findElement(By.linkText("Top 10 by market cap")).click();
    wait(d -> !d.findElements(By.cssSelector("li.holding")).isEmpty()
        && !d.findElements(By.cssSelector("section.performance svg path.line")).isEmpty()
        && !d.findElements(By.cssSelector("tr.rebalance")).isEmpty());
    double sum = browser.findElements(By.cssSelector("li.holding")).stream()
        .mapToDouble(e -> Double.parseDouble(e.getAttribute("data-weight"))).sum();
    assertThat(sum).as("weights with cash").isCloseTo(1.0, within(0.005));
    assertThat(browser.findElement(By.cssSelector("section.performance")).getText())
        .contains("Total return");

    WebElement expand = browser.findElement(By.cssSelector("tr.rebalance button.expand"));
    expand.click();
    assertThat(expand.getAttribute("aria-expanded")).isEqualTo("true");
    WebElement detail = browser.findElement(By.id(expand.getAttribute("aria-controls")));
    assertThat(detail.isDisplayed()).isTrue();
    assertThat(detail.getText()).contains("Weights before and after").contains("Regime evidence")
        .containsAnyOf("RISK_ON", "NEUTRAL", "RISK_OFF");
    screenshot("04-index-top10-mcap");
  }

  @Test
  @Order(4)
  void marketShowsTheRegimeAndStablecoinsTheirPegHealth() throws Exception {
    open("#/market");
    WebElement regime = wait(d -> d.findElement(By.id("regime")));
    assertThat(regime.getText()).isIn("RISK_ON", "NEUTRAL", "RISK_OFF");
    assertThat(browser.findElements(By.cssSelector(".vote-card"))).hasSize(3);
    screenshot("05-market");

    browser.findElement(By.linkText("Stablecoins")).click();
    wait(d -> !d.findElements(By.cssSelector("table.stablecoins tbody tr")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("table.stablecoins tbody tr")).stream()
        .map(e -> e.getAttribute("data-status")).toList())
        .allMatch(s -> Set.of("on-peg", "watch", "depeg", "unknown").contains(s))
        .contains("on-peg");
    screenshot("06-stablecoins");
  }

  @Test
  @Order(5)
  void aBadBacktestShowsTheProblemAndAGoodOneTheReport() throws Exception {
    open("#/backtest?index=top10-mcap");
    wait(d -> d.findElement(By.cssSelector("form.form button[type=submit]")));
    setDate("from", "2024-06-01");
    setDate("to", "2024-01-01");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    WebElement alert = wait(ExpectedConditions.visibilityOfElementLocated(By.id("alert")));
    assertThat(alert.getText()).contains("from 2024-06-01 is after to 2024-01-01")
        .contains("Bad Request").contains("from");
    assertThat(browser.findElement(By.name("from")).getAttribute("aria-invalid")).isEqualTo("true");
    screenshot("07-backtest-problem");

    setDate("from", "2025-01-01");
    setDate("to", "2025-06-30");
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    WebElement report = new WebDriverWait(browser, Duration.ofSeconds(120))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.report")));
    assertThat(browser.findElement(By.id("alert")).isDisplayed()).isFalse();
    assertThat(report.getAttribute("srcdoc")).contains("top10-mcap").contains("<svg");
    assertThat(browser.findElement(By.xpath("//button[normalize-space()='Download JSON']")).isDisplayed()).isTrue();
    wait(d -> ((Number) js("return arguments[0].getBoundingClientRect().height", report))
        .doubleValue() > 700);
    screenshot("08-backtest-report");
  }

  @Test
  @Order(6)
  void narrowScreensKeepTheTablesReadable() throws Exception {
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      open("#/ratings");
      assertThat(symbols()).isNotEmpty();
      long overflow = (Long) js("return document.documentElement.scrollWidth"
          + " - document.documentElement.clientWidth");
      assertThat(overflow).as("no sideways scrolling of the page").isLessThanOrEqualTo(0);
      screenshot("09-ratings-narrow");
      open("#/indices/top10-mcap");
      wait(d -> !d.findElements(By.cssSelector("li.holding")).isEmpty());
      screenshot("10-index-narrow");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  /** The symbols of the ratings table's rows, read in one go (the table is re-rendered whole). */
  @SuppressWarnings("unchecked")
  private static List<String> symbols() {
    return wait(d -> {
      List<String> symbols = (List<String>) js("return [...document.querySelectorAll("
          + "'table.ratings tbody tr[data-symbol]')].map(r => r.dataset.symbol)");
      return symbols.isEmpty() ? null : symbols;
    });
  }

  /** Date inputs take typed text in the browser's locale; setting the value is exact. */
  private static void setDate(String name, String value) {
    js("arguments[0].value = arguments[1]", browser.findElement(By.name(name)), value);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> until) {
    return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
        .until(until);
  }

  /** The whole page: the window grows to the document's height for the picture. */
  private static void screenshot(String name) throws IOException {
    js("window.scrollTo(0, 0)");
    Dimension before = browser.manage().window().getSize();
    long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight"
        + " + window.outerHeight - window.innerHeight)");
    browser.manage().window().setSize(new Dimension(before.getWidth(),
        (int) Math.min(4000, Math.max(before.getHeight(), height))));
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(before);
  }

  /** Loads the page afresh at a route (a new hash alone would not reload it). */
  private static void open(String hash) {
    browser.get("about:blank");
    browser.get("http://127.0.0.1:" + port + "/ui/" + hash);
  }

  private static int waitForStatus(String path, Set<Integer> wanted, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      assertThat(server.isAlive()).as("server died: %s", log()).isTrue();
      int status = status(path);
      if (wanted.contains(status)) {
        return status;
      }
      assertThat(System.nanoTime()).as("%s never answered %s: %s", path, wanted, log())
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static int status(String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException notListening) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String log() {
    try {
      String text = Files.readString(workDir.resolve("server.log"), StandardCharsets.UTF_8);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
