package org.outreachexchange.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityRepository;
import org.outreachexchange.gateway.domain.Notice;
import org.outreachexchange.gateway.domain.NoticeKind;
import org.outreachexchange.gateway.domain.NoticeRepository;
import org.outreachexchange.gateway.messaging.ActivityChanged;
import org.outreachexchange.gateway.service.IncompleteNoticeJob;
import org.outreachexchange.gateway.service.NoticeService;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.outbox.trust.SealedEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The incomplete-notice job and a revision of the same activity, each in its own transaction, interleaved on purpose
 * against the real database: whichever reaches the activity first, exactly one incomplete notice is raised and the
 * revision is kept. The scheduled job is paused here, so the test decides when the job's transaction runs.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class IncompleteNoticeRaceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    NoticeService notices;
    @Inject
    NoticeRepository noticeRows;
    @Inject
    ActivityRepository activities;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Inject
    Scheduler scheduler;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void pauseTheScheduledJob() {
        scheduler.pause(IncompleteNoticeJob.IDENTITY);
    }

    @AfterEach
    void stopThreadsAndResumeTheJob() {
        threads.shutdownNow();
        scheduler.resume(IncompleteNoticeJob.IDENTITY);
    }

    @Test
    void whenTheJobReachesTheActivityFirstTheRevisionRaisesNoSecondIncompleteNoticeAndKeepsItsVersion() throws Exception {
        ActivityEvents.Draft activity = incompleteActivityPastItsDeadline();
        NoticeService.Change revision = completingRevision(activity);

        whileHeldOpen(notices::raiseIncompleteNotices, () -> notices.apply(revision));

        assertOneIncompleteNoticeAndTheRevisionKept(activity);
    }

    @Test
    void whenTheRevisionReachesTheActivityFirstTheJobRaisesNoSecondIncompleteNotice() throws Exception {
        ActivityEvents.Draft activity = incompleteActivityPastItsDeadline();
        NoticeService.Change revision = completingRevision(activity);

        whileHeldOpen(() -> notices.apply(revision), notices::raiseIncompleteNotices);

        assertOneIncompleteNoticeAndTheRevisionKept(activity);
    }

    /** Two gateway replicas share the database, so their scheduled jobs can run at the same moment. */
    @Test
    void whenTwoReplicasRunTheJobAtOnceOneIncompleteNoticeIsRaised() throws Exception {
        ActivityEvents.Draft activity = incompleteActivityPastItsDeadline();

        whileHeldOpen(notices::raiseIncompleteNotices, notices::raiseIncompleteNotices);
        notices.raiseIncompleteNotices();

        List<Notice> held = QuarkusTransaction.requiringNew().call(() -> noticeRows.forActivity(activity.id));
        // Coordination advisories about the activity (other tests plan beside it) are not the job's to raise.
        assertThat(held).extracting(n -> n.kind).filteredOn(kind -> kind != NoticeKind.ADVISORY)
                .as("notices raised by the two runs and a third after them").containsExactly(NoticeKind.INCOMPLETE);
    }

    /**
     * Runs {@code first} in a transaction that stays open while {@code second} runs on another thread, until the
     * second has finished or waits for a lock the first holds; then lets the first commit and waits for both.
     */
    private void whileHeldOpen(Runnable first, Runnable second) throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> held = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            first.run();
            firstDone.countDown();
            try {
                assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(firstDone.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Future<?> other = threads.submit(second);
        await().atMost(PATIENCE).until(() -> other.isDone() || aTransactionWaitsForALock());
        release.countDown();
        held.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        other.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Planned without an agenda 40 days ahead (deadline in 11 days), then the clock moves past the deadline. */
    private static ActivityEvents.Draft incompleteActivityPastItsDeadline() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "FJ", 40).withoutAgenda();
        ActivityEvents.publish(activity, "planned");
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                .when().get("/activities/" + activity.id + "/notice").then().statusCode(200)
                .body("version", equalTo(1)).body("notice.outcome", equalTo("PENDING")));
        MutableClock.advance(Duration.ofDays(12));
        return activity;
    }

    /** Version 2 with the agenda, as the consumer would hand it to the service once the broker appended it now. */
    private NoticeService.Change completingRevision(ActivityEvents.Draft activity) throws Exception {
        activity.version = 2;
        activity.agenda = List.of("Enforcement cases");
        String data = activity.json();
        String key = activity.id.toString();
        EventSeals.Content content = new EventSeals.Content(UUID.randomUUID().toString(), "outreach.activity.revised",
                "/outreach/scheduling/jp", key, key, data);
        SealedEvent sealed = new SealedEvent("JP", content, new EventSeals.Seal("JP", Long.MAX_VALUE, EventSeals.GENESIS, "unchecked"),
                Instant.now(), "outreach.activities.jp", 0, 0, null);
        return new NoticeService.Change(sealed, json.readValue(data, ActivityChanged.class).requireUsable());
    }

    private void assertOneIncompleteNoticeAndTheRevisionKept(ActivityEvents.Draft draft) {
        List<Notice> raised = QuarkusTransaction.requiringNew().call(() -> noticeRows.forActivity(draft.id));
        Activity held = QuarkusTransaction.requiringNew().call(() -> activities.findById(draft.id));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(raised).extracting(n -> n.kind).as("notices raised about the activity")
                    .containsExactlyInAnyOrder(NoticeKind.INCOMPLETE, NoticeKind.SHORT_NOTICE_CHANGE);
            softly.assertThat(held.version).as("the revision is kept").isEqualTo(2);
            softly.assertThat(held.complete()).as("the revision's agenda is kept").isTrue();
        });
    }

    /** Whether some transaction of this database waits for a row lock another one holds. */
    private boolean aTransactionWaitsForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet waiting = query.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }
}
