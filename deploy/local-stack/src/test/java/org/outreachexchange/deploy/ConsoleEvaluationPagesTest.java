package org.outreachexchange.deploy;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outreachexchange.infra.WebhookReceiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's evaluation pages (board, country page, proposals, coverage and advisories, compliance, subscriptions)
 * in headless Chromium against the real stack with the 2008 scenario, for each of the three governments: what they
 * show is the APIs' data, their forms act through the APIs and show the APIs' field errors beside the fields, and
 * axe-core finds no serious or critical violation at 1280 and 390 px. Screenshots go to target/console-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEvaluationPagesTest {

    private static final Path ROOT = Path.of(System.getProperty("outreach.repository.root", "../..")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> GOVERNMENTS = List.of("JP", "US", "AU");
    private static final List<String> PAGES = List.of("/console/board", "/console/board/MY", "/console/proposals",
            "/console/coverage", "/console/compliance", "/console/subscriptions");
    private static final StackHttp HTTP = new StackHttp();

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static WebhookReceiver receiver;
    private static WebDriver browser;
    private static String console;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void startTheStackAndABrowser() throws IOException, InterruptedException {
        receiver = new WebhookReceiver();
        StackOptions options = new StackOptions(ROOT, dataDir, false, Optional.of(StackOptions.SCENARIO_DATE), FreePorts.offset(),
                Duration.ofSeconds(240))
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.allowed-hosts", "127.0.0.1")
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.poll-interval", "0.2s")
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.max-attempts", "1");
        stack = LocalStack.start(options, System.out);
        stack.loadScenario();
        console = stack.url(ServiceSpec.GATEWAY);
        Files.createDirectories(SCREENSHOTS);
        browser = HeadlessChromium.start(ROOT, dataDir.resolve("chromium"));
        wide();
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void theBoardShowsEveryAnnexIEconomyWithItsCategoryRiskScoreAndPriorityFromTheEvaluationService() {
        signIn("US");
        open("/console/board");
        JsonNode api = HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/evaluations?sort=priority", stack.bearer("US", "DOC")).json();
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-country]"));
        assertThat(rows).hasSize(api.size()).hasSize(20);
        for (int i = 0; i < api.size(); i++) {
            JsonNode evaluation = api.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-country")).isEqualTo(evaluation.path("country").asText());
            assertThat(field(row, "category")).isEqualTo(evaluation.path("category").asText().replace("CATEGORY_", ""));
            assertThat(field(row, "priority")).isEqualTo(evaluation.path("priority").asText());
            assertThat(new java.math.BigDecimal(field(row, "score")))
                    .isEqualByComparingTo(evaluation.path("riskScore").decimalValue());
        }
        WebElement malaysia = browser.findElement(By.cssSelector("tr[data-country='MY']"));
        assertThat(field(malaysia, "category")).isEqualTo("2");
        assertThat(field(malaysia, "risk")).isEqualTo("Low");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("board-risk"))).selectByValue("HIGH");
        submit(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(browser.findElements(By.cssSelector("tr[data-country]"))).extracting(e -> e.getAttribute("data-country"))
                .containsExactly("VN", "TH", "PH", "ID");
    }

    @Test
    @Order(2)
    void aCountryPageShowsTheElementsFactorsLeadsAndHistoryAndTheStateAsOfAChosenDate() {
        signIn("AU");
        open("/console/board/MY");
        assertThat(browser.findElements(By.cssSelector("li[data-element]"))).extracting(e -> e.getAttribute("data-element"))
                .containsExactly("INTENTION", "LAWS_REGULATIONS", "ENFORCEMENT", "INDUSTRY_COOPERATION");
        assertThat(browser.findElements(By.cssSelector("tr[data-factor]"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("tr[data-tool='LEGAL_ASSISTANCE'] [data-field=leads]")).getText())
                .contains("US").contains("AU");
        assertThat(browser.findElements(By.cssSelector(".timeline li"))).isNotEmpty();

        date(browser.findElement(By.id("as-of")), "2008-06-30");
        submit(browser.findElement(By.cssSelector("form.as-of button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[data-as-of]")).getAttribute("data-as-of")).isEqualTo("2008-06-30");

        open("/console/board/MY?at=2008-01-01");
        assertThat(browser.findElement(By.id("as-of")).getAttribute("aria-describedby")).isEqualTo("error-at");
        assertThat(browser.findElement(By.id("error-at")).getText()).isNotBlank();
    }

    @Test
    @Order(3)
    void partnersConcurAndObjectInTheirInboxAndTheArticleShowsTheirAnswer() {
        Map<String, Object> assessment = Map.of("country", "TH", "rationale", "Thailand enacted its export control law",
                "elements", Map.of("INTENTION", Map.of("assessment", "SUFFICIENT", "evidence", "Cabinet decision")));
        StackHttp.Response opened = HTTP.post(stack.url(ServiceSpec.EVALUATION) + "/assessments", stack.bearer("JP", "METI"),
                Map.of(), assessment);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("id").asText();

        signIn("US");
        open("/console/proposals");
        WebElement article = browser.findElement(By.cssSelector("article[data-proposal-id='" + id + "']"));
        assertThat(article.getText()).contains("TH");
        WebElement comment = article.findElement(By.cssSelector("textarea[name=comment]"));
        assertThat(browser.findElement(By.cssSelector("label[for='" + comment.getAttribute("id") + "']")).getText()).isNotBlank();
        type(comment, "The law is in force since April");
        submit(article.findElement(By.cssSelector("button[name=answer][value=CONCUR]")));
        WebElement answered = browser.findElement(By.cssSelector("article[data-proposal-id='" + id + "']"));
        assertThat(answered.getAttribute("data-answered")).isEqualTo("CONCUR");
        assertThat(answered.findElements(By.cssSelector("button[name=answer]"))).isEmpty();
        screenshot("proposals-answered-US");

        signIn("AU");
        open("/console/proposals");
        submit(browser.findElement(By.cssSelector("article[data-proposal-id='" + id + "'] button[name=answer][value=OBJECT]")));
        assertThat(browser.findElement(By.cssSelector("article[data-proposal-id='" + id + "']")).getAttribute("data-answered"))
                .isEqualTo("OBJECT");
        JsonNode decided = HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/proposals/" + id, stack.bearer("AU", "DFAT")).json();
        assertThat(decided.path("status").asText()).isEqualTo("DROPPED");
        assertThat(decided.path("responses").toString()).contains("The law is in force since April");
    }

    @Test
    @Order(4)
    void aCriteriaPreviewIsATableOfWhatWouldChangeAndBadWeightsAreNamedBesideTheirFields() {
        signIn("JP");
        open("/console/proposals");
        type(browser.findElement(By.id("criteria-threshold")), "0.64");
        type(browser.findElement(By.id("criteria-rationale")), "Review of 2009");
        submit(browser.findElement(By.cssSelector("#criteria-form button[value=preview]")));
        assertThat(browser.findElements(By.cssSelector("table.preview tr[data-country]")))
                .extracting(e -> e.getAttribute("data-country")).contains("PH", "ID");
        assertThat(HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/criteria", stack.bearer("JP", "METI")).json()).hasSize(1);

        type(browser.findElement(By.id("weight-TRADE_VOLUME")), "lots");
        submit(browser.findElement(By.cssSelector("#criteria-form button[value=preview]")));
        WebElement trade = browser.findElement(By.id("weight-TRADE_VOLUME"));
        assertThat(trade.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("weight-TRADE_VOLUME-error")).getText()).isNotBlank();
        assertThat(trade.getAttribute("value")).isEqualTo("lots");
        screenshot("proposals-criteria-error-JP");
    }

    @Test
    @Order(5)
    void coverageNamesTheHighRiskEconomiesWithoutAPlannedActivityAsTheEvaluationServiceCountsThem() {
        for (String government : GOVERNMENTS) {
            signIn(government);
            open("/console/coverage?from=2008-06-24&to=2009-06-23");
            JsonNode api = HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/coverage?from=2008-06-24&to=2009-06-23",
                    stack.bearer(government, LocalStack.agency(government))).json();
            List<String> uncovered = new ArrayList<>();
            api.path("uncoveredHighRisk").forEach(c -> uncovered.add(c.asText()));
            assertThat(browser.findElements(By.cssSelector("ul.uncovered li[data-country]")))
                    .extracting(e -> e.getAttribute("data-country")).containsExactlyElementsOf(uncovered);
            int advisories = HTTP.get(console + "/advisories", stack.bearer(government, LocalStack.agency(government))).json().size();
            assertThat(browser.findElements(By.cssSelector("li[data-advisory-id]"))).hasSize(advisories);
        }
        open("/console/coverage?from=2009-01-01&to=2008-01-01");
        assertThat(browser.findElements(By.cssSelector(".field-error"))).isNotEmpty();
    }

    @Test
    @Order(6)
    void complianceShowsEachGovernmentsReportAndAChartOfItsOutcomes() {
        signIn("US");
        open("/console/compliance?government=JP&from=2008-01-01&to=2008-12-31");
        for (String government : GOVERNMENTS) {
            JsonNode report = HTTP.get(console + "/compliance?government=" + government + "&from=2008-01-01&to=2008-12-31",
                    stack.bearer("US", "DOC")).json();
            WebElement row = browser.findElement(By.cssSelector("tr[data-government='" + government + "']"));
            assertThat(field(row, "activities")).isEqualTo(report.path("activities").asText());
            assertThat(field(row, "compliant")).isEqualTo(report.path("compliant").asText());
            assertThat(field(row, "incomplete")).isEqualTo(report.path("incomplete").asText());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#compliance-chart .uplot canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("table.chart-table tbody tr"))).hasSize(12);
    }

    @Test
    @Order(7)
    void subscriptionsAreCreatedWithTheirLinksAndADeadLetterIsReplayedFromTheConsole() {
        signIn("AU");
        open("/console/subscriptions");
        type(browser.findElement(By.id("sub-url")), "ftp://partner.example/hooks");
        submit(browser.findElement(By.cssSelector("form.subscribe button[type=submit]")));
        assertThat(browser.findElement(By.id("sub-url")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error-url")).getText()).isNotBlank();

        browser.findElement(By.cssSelector("input[name=channel][value=ICAL]")).click();
        submit(browser.findElement(By.cssSelector("form.subscribe button[type=submit]")));
        String webcal = browser.findElement(By.id("created-webcal")).getAttribute("value");
        assertThat(webcal).startsWith("webcal://").endsWith(".ics");
        open("/console/subscriptions/" + browser.findElement(By.cssSelector("section.created")).getAttribute("data-subscription-id"));
        assertThat(browser.findElement(By.id("detail-webcal")).getAttribute("value")).isEqualTo(webcal);
        open("/console/subscriptions");

        receiver.answer(500, null);
        browser.findElement(By.cssSelector("input[name=channel][value=WEBHOOK]")).click();
        type(browser.findElement(By.id("sub-url")), receiver.url("/au"));
        type(browser.findElement(By.id("sub-governments")), "jp");
        submit(browser.findElement(By.cssSelector("form.subscribe button[type=submit]")));
        assertThat(browser.findElement(By.id("created-secret")).getAttribute("value")).startsWith("whsec_");
        String subscription = browser.findElement(By.cssSelector("section.created")).getAttribute("data-subscription-id");

        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("type", "OFFICER_TRAINING");
        activity.put("title", "Officer training for customs " + UUID.randomUUID());
        activity.put("recipients", List.of("VN"));
        activity.put("schedule", Map.of("start", "2008-10-01", "end", "2008-10-02"));
        activity.put("agenda", List.of("Risk management"));
        activity.put("objectives", List.of(Map.of("element", "ENFORCEMENT", "text", "Strengthen enforcement")));
        assertThat(HTTP.post(stack.url(ServiceSpec.scheduling("JP")) + "/activities", stack.bearer("JP", "METI"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), activity).status()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> {
            open("/console/subscriptions/" + subscription);
            return !browser.findElements(By.cssSelector("tr[data-delivery-id] form button")).isEmpty();
        });
        screenshot("subscription-dead-letter-AU");
        submit(browser.findElement(By.cssSelector("tr[data-delivery-id] form button")));
        assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText()).isNotBlank();
        await().atMost(PATIENCE).until(() -> {
            open("/console/subscriptions/" + subscription);
            return !browser.findElements(By.cssSelector("tr[data-status=DELIVERED]")).isEmpty();
        });
        assertThat(receiver.accepted()).isNotEmpty();
    }

    @Test
    @Order(8)
    void everyPageForEveryGovernmentPassesAxeAtBothWidthsAndIsScreenshotted() {
        for (String government : GOVERNMENTS) {
            signIn(government);
            for (String page : PAGES) {
                wide();
                open(page);
                axe(government + " " + page + " 1280");
                screenshot(name(page) + "-" + government);
                if ("JP".equals(government)) {
                    narrow();
                    open(page);
                    axe(government + " " + page + " 390");
                    assertThat(overflowing()).as("elements wider than the window on %s at 390 px", page).isEmpty();
                    screenshot(name(page) + "-" + government + "-390");
                }
            }
        }
        wide();
        open("/console/language?lang=ja&return=/console/board");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("評価ボード");
        axe("JP /console/board ja");
        screenshot("board-JP-ja");
        open("/console/language?lang=en&return=/console/board");
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private static void signIn(String government) {
        browser.manage().deleteAllCookies();
        open("/console/sign-in?return=/console/board");
        type(browser.findElement(By.id("token")), stack.token(government, LocalStack.agency(government)));
        submit(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/board");
    }

    /** Sends a form with its button and waits for the page that answers it. */
    private static void submit(WebElement button) {
        WebElement before = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> replaced(before));
    }

    /** Whether the page holding {@code element} was replaced: stale, or Chromium's "node does not belong to the document". */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    private static void open(String path) {
        browser.get(console + path);
    }

    /** The outermost elements that reach past the window's right edge (a table scrolls inside its region instead). */
    @SuppressWarnings("unchecked")
    private static List<String> overflowing() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                const out = [];
                document.querySelectorAll('body *').forEach(e => {
                  const box = e.getBoundingClientRect();
                  const parent = e.parentElement.getBoundingClientRect();
                  if (box.right > width + 1 && parent.right <= width + 1 && !e.closest('.table-scroll')) {
                    out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(box.right));
                  }
                });
                return out;""");
    }

    /** A date field takes its value as the page would send it, whatever the browser's locale shows. */
    private static void date(WebElement field, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, isoDate);
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field='" + name + "']")).getText().trim();
    }

    private static void axe(String where) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getPasses()).as("axe-core ran its rules on %s", where).isNotEmpty();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                violations.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getNodes().stream()
                        .map(n -> String.join(" ", n.getTarget().toString())).toList());
            }
        }
    }

    private static void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String name(String page) {
        return page.replace("/console/", "").replace('/', '-');
    }

    private static void wide() {
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    private static void narrow() {
        browser.manage().window().setSize(new Dimension(390, 1600));
    }

}
