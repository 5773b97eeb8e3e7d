package org.outreachexchange.deploy;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partners' console in a real browser (Debian's headless Chromium driven by Selenium) against the real stack,
 * started by the same launcher as run-local.sh with the 2008 scenario loaded, walking issue 13's scenario: the U.S.
 * signs in and sees Japan's 2008 programme, raises a concern about a Japanese seminar and suggests an agenda item;
 * Japan sees both, accepts and applies the suggestion; Australia's open page shows that revision live; Japan narrows
 * the Malaysia seminar to dates and completes it with a finding; the U.S. and Australia concur in their proposals
 * inbox; the board shows Malaysia in category 3. axe-core finds no serious or critical violation on any page; every
 * page is photographed under {@code target/console-screenshots/} at 1280 px (and some at 390 px), one in both languages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final Path ROOT = Path.of(System.getProperty("outreach.repository.root", "../..")).toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target/console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final String VIET_NAM = "Industrial outreach seminar in Viet Nam";
    private static final String MALAYSIA = "Industrial outreach seminar in Malaysia";
    private static final String SUGGESTED = "Catch-all controls for transshipment";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profiles;

    private static LocalStack stack;
    private static String console;
    /** The officer's browser: the U.S., then Japan. */
    private static WebDriver officer;
    /** Australia's browser, left open on a page while the others act. */
    private static WebDriver australia;

    @BeforeAll
    static void startTheStackAndTheBrowsers() throws IOException, InterruptedException {
        Files.createDirectories(SHOTS);
        stack = LocalStack.start(new StackOptions(ROOT, dataDir, false, Optional.of(StackOptions.SCENARIO_DATE), FreePorts.offset(),
                Duration.ofSeconds(240)), System.out);
        stack.loadScenario();
        console = stack.url(ServiceSpec.GATEWAY) + "/console";
        officer = browser("officer");
        australia = browser("australia");
    }

    @AfterAll
    static void stopEverything() {
        for (WebDriver driver : new WebDriver[]{officer, australia}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theUnitedStatesSignsInWithItsTokenAndTheCalendarShowsJapans2008Programme() {
        officer.get(console + "/calendar");
        assertThat(officer.getCurrentUrl()).contains("/console/sign-in");
        page(officer, "sign-in", true);
        officer.findElement(By.id("token")).sendKeys(stack.token("US", "DOC"));
        officer.findElement(By.cssSelector("form.card button[type=submit]")).click();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            officer.get(console + "/calendar?view=list&government=JP");
            return officer.findElements(By.cssSelector("tr[data-organizer=JP]")).size() >= 21;
        });
        assertThat(text(officer)).contains(MALAYSIA).contains(VIET_NAM).contains("US / DOC");
        assertThat(officer.findElements(By.cssSelector("[data-notice]"))).as("Annex II gives no agendas")
                .anyMatch(badge -> badge.getText().contains("agenda"));
        page(officer, "calendar-list", true);

        officer.findElement(By.cssSelector("a[hreflang=ja]")).click();
        assertThat(text(officer)).contains("共有カレンダー");
        page(officer, "calendar-list-ja", false);
        officer.findElement(By.cssSelector("a[hreflang=en]")).click();
        assertThat(text(officer)).contains("Shared calendar");

        officer.get(console + "/calendar?view=month&month=2008-09");
        assertThat(officer.findElements(By.cssSelector("a.chip.gov-JP"))).isNotEmpty();
        page(officer, "calendar-month", false);
    }

    @Test
    @Order(2)
    void theUnitedStatesRaisesAConcernAboutAJapaneseSeminarAndSuggestsAnAgendaItem() {
        openActivity(officer, VIET_NAM);
        officer.findElement(By.cssSelector("input[name=verdict][value=CONCERN]")).click();
        officer.findElement(By.cssSelector("#acknowledge-form button[type=submit]")).click();
        assertThat(officer.findElement(By.id("error-comment")).getText()).as("a concern needs a comment, said beside it").isNotBlank();
        page(officer, "activity-error", false);
        officer.findElement(By.id("ack-comment")).sendKeys("Clashes with the EXBS visit to Hanoi that week");
        officer.findElement(By.cssSelector("#acknowledge-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("#acknowledgements li[data-government=US][data-verdict=CONCERN]"))).hasSize(1);

        new Select(officer.findElement(By.id("sugg-kind"))).selectByValue("AGENDA_ITEM");
        officer.findElement(By.id("sugg-text")).sendKeys(SUGGESTED);
        officer.findElement(By.id("sugg-reason")).sendKeys("Transshipment through Viet Nam's ports");
        officer.findElement(By.cssSelector("#suggest-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("article[data-status=OPEN]"))).hasSize(1);
        assertThat(text(officer)).contains(SUGGESTED);
        page(officer, "activity-partner", true);
    }

    @Test
    @Order(3)
    void australiaOpensItsConsoleByAOneTimeLink() {
        String link = stack.signInLink("AU");
        australia.get(link);
        australia.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(text(australia)).contains("AU / DFAT");
        australia.get(link);
        australia.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(text(australia)).as("the link opens one session only").contains("This sign-in link was used");
        australia.get(console + "/calendar?view=list&government=JP");
        assertThat(australia.findElements(By.cssSelector("tr[data-organizer=JP]"))).hasSizeGreaterThanOrEqualTo(21);
    }

    @Test
    @Order(4)
    void japanSeesTheConcernAndTheSuggestionAcceptsItAndAppliesIt() {
        officer.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        officer.get(stack.signInLink("JP"));
        officer.findElement(By.cssSelector("form.card button[type=submit]")).click();
        assertThat(text(officer)).contains("JP / METI");

        openActivity(officer, VIET_NAM);
        assertThat(officer.findElements(By.cssSelector("#acknowledgements li[data-government=US][data-verdict=CONCERN]"))).hasSize(1);
        assertThat(text(officer)).contains("Clashes with the EXBS visit to Hanoi that week").contains(SUGGESTED);
        page(officer, "activity-organizer", false);
        officer.findElement(By.cssSelector("article[data-status=OPEN] button[value=ACCEPT]")).click();
        assertThat(officer.findElements(By.cssSelector("article[data-status=ACCEPTED]"))).hasSize(1);

        officer.findElement(By.cssSelector("a[data-apply]")).click();
        assertThat(officer.findElement(By.id("f-agenda")).getAttribute("value")).contains(SUGGESTED);
        page(officer, "own-revise-suggestion", true);
        officer.findElement(By.cssSelector("#revise-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("[data-saved=revision]"))).hasSize(1);
    }

    @Test
    @Order(5)
    void australiasOpenPageShowsTheRevisionAsALiveNotification() {
        await().atMost(PATIENCE).until(() -> australia.findElements(By.cssSelector(".toast[data-live=live_revised_activity]"))
                .stream().anyMatch(t -> t.getText().contains(VIET_NAM)));
        page(australia, "live-notification", false);
    }

    @Test
    @Order(6)
    void japanNarrowsTheMalaysiaSeminarToDatesAndCompletesItWithAFinding() {
        officer.get(console + "/own");
        page(officer, "own-list", true);
        officer.findElement(By.linkText(MALAYSIA)).click();
        assertThat(officer.findElement(By.id("f-month")).getAttribute("value")).isEqualTo("2008-03");
        officer.findElement(By.cssSelector("input[name='schedule.precision'][value=DATES]")).click();
        setValue(officer, "f-start", "2008-03-04");
        setValue(officer, "f-end", "2008-03-05");
        // Meanwhile another METI officer revises it through the API: the form's version is stale.
        String id = officer.getCurrentUrl().replaceAll(".*/own/([0-9a-f-]{36}).*", "$1");
        reviseLocationThroughTheApi(id, "Kuala Lumpur");
        officer.findElement(By.cssSelector("#revise-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("#stale tr[data-field=location]"))).as("what changed meanwhile").hasSize(1);
        assertThat(officer.findElement(By.id("f-start")).getAttribute("value")).as("what the officer typed is kept").isEqualTo("2008-03-04");
        page(officer, "own-stale", false);
        officer.findElement(By.id("f-location")).sendKeys("Kuala Lumpur");
        officer.findElement(By.cssSelector("#revise-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("[data-saved=revision]"))).as("reapplied onto the current version").hasSize(1);
        assertThat(text(officer)).contains("2008-03-04 – 2008-03-05");

        officer.findElement(By.cssSelector("#complete-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("#complete-form [aria-invalid=true]"))).as("the service's field errors beside the fields")
                .isNotEmpty();
        page(officer, "own-complete-errors", false);
        officer.findElement(By.id("c-summary")).sendKeys("Held in Kuala Lumpur with 80 participants from industry and MITI");
        setValue(officer, "c-completed", "2008-03-05");
        new Select(officer.findElement(By.id("c-f0-country"))).selectByValue("MY");
        new Select(officer.findElement(By.id("c-f0-element"))).selectByValue("LAWS_REGULATIONS");
        new Select(officer.findElement(By.id("c-f0-assessment"))).selectByValue("SUFFICIENT");
        officer.findElement(By.id("c-f0-evidence")).sendKeys("Strategic Trade Act drafted with catch-all controls");
        officer.findElement(By.cssSelector("#complete-form button[type=submit]")).click();
        assertThat(officer.findElements(By.cssSelector("dd[data-status=COMPLETED]"))).hasSize(1);
        page(officer, "own-completed", true);
    }

    @Test
    @Order(7)
    void theUnitedStatesAndAustraliaConcurInTheirProposalsInboxAndTheBoardShowsMalaysiaInCategory3() {
        officer.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        officer.findElement(By.id("token")).sendKeys(stack.token("US", "DOC"));
        officer.findElement(By.cssSelector("form.card button[type=submit]")).click();
        concur(officer, "us");
        concur(australia, "au");

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            officer.get(console + "/board");
            return officer.findElements(By.cssSelector("tr[data-country=MY] td[data-field=category]")).stream()
                    .anyMatch(c -> c.getText().strip().equals("3"));
        });
        page(officer, "board", true);
    }

    /** The proposal about Malaysia's findings, concurred with a comment; then it is answered. */
    private static void concur(WebDriver driver, String who) {
        By malaysia = By.xpath("//section[contains(@class, 'awaiting')]//article[@data-kind='FINDINGS' and contains(., 'MY')]");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            driver.get(console + "/proposals");
            return !driver.findElements(malaysia).isEmpty();
        });
        page(driver, "proposals-" + who, false);
        WebElement proposal = driver.findElement(malaysia);
        String id = proposal.getAttribute("data-proposal-id");
        proposal.findElement(By.tagName("textarea")).sendKeys("The finding matches our licensing data");
        proposal.findElement(By.cssSelector("button[name=answer][value=CONCUR]")).click();
        await().atMost(PATIENCE).until(() -> {
            driver.get(console + "/proposals");
            return driver.findElements(By.cssSelector("article[data-proposal-id='" + id + "']")).stream()
                    .allMatch(a -> "CONCUR".equals(a.getAttribute("data-answered")));
        });
    }

    /** A revision by another officer of the same agency, through the scheduling-service's API. */
    private static void reviseLocationThroughTheApi(String id, String location) {
        StackHttp http = new StackHttp();
        String url = stack.url(ServiceSpec.scheduling("JP")) + "/activities/" + id;
        StackHttp.Response current = http.get(url, stack.bearer("JP", "METI"));
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) current.json().deepCopy();
        for (String field : List.of("id", "organizer", "createdBy", "version", "createdAt", "updatedAt", "results",
                "cancellationReason", "period")) {
            body.remove(field);
        }
        body.put("location", location);
        StackHttp.Response revised = http.put(url, stack.bearer("JP", "METI"), java.util.Map.of("If-Match", current.header("ETag")), body);
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    }

    private static void openActivity(WebDriver driver, String title) {
        driver.get(console + "/calendar?view=list&government=JP");
        driver.findElement(By.linkText(title)).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(title);
    }

    /**
     * Checks the page with axe-core (no serious or critical violation) and photographs it at 1280 px, and at 390 px
     * when {@code narrowToo}.
     */
    private static void page(WebDriver driver, String name, boolean narrowToo) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> grave = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(grave).as("axe-core on %s: %s", name, grave.stream().map(v -> v.getId() + " " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).collect(Collectors.joining("; ")))
                .isEmpty();
        shot(driver, name + "-1280", 1280);
        if (narrowToo) {
            shot(driver, name + "-390", 390);
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void shot(WebDriver driver, String name, int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 4000)));
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    /** The page's text, read again when the page a click submitted replaces the one being read. */
    private static String text(WebDriver driver) {
        return await().atMost(Duration.ofSeconds(30)).ignoreException(StaleElementReferenceException.class)
                .until(() -> driver.findElement(By.tagName("body")).getText(), Objects::nonNull);
    }

    private static WebDriver browser(String profile) throws IOException, InterruptedException {
        WebDriver driver = HeadlessChromium.start(ROOT, profiles.resolve(profile));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
