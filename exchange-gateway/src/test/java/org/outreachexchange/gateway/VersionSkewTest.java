package org.outreachexchange.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.events.EventFixtures;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.events.SchemaVersion;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.EventSchema;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TopicReader;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers and the gateway one schema version apart, on the real broker, sealed and chained as the trust model
 * requires: an activity of a producer one version ahead (a new type, a field this gateway does not know) is applied,
 * judged with the default notice period, delivered to a partner's webhook and shown; one of a producer one version
 * behind (no dataschema, only what 1.0 required) likewise; nothing of theirs is dead-lettered. The gateway's own notice
 * about the newer type names its schema version and conforms to it.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class VersionSkewTest {

    private static final String AHEAD = "QZ";
    private static final String BEHIND = "QY";

    @Test
    void activitiesOfProducersOneVersionAheadAndOneBehindAreAppliedDeliveredAndShownWithNothingDeadLettered() throws Exception {
        SchemaVersion next = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT).get(0).version();
        assertThat(next).isGreaterThan(EventSchemas.ACTIVITY_EVENT.current());
        try (WebhookReceiver webhook = new WebhookReceiver();
             TopicReader notices = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.notices")) {
            Subscriptions.webhook("US", "SCHEDULES", webhook.url(), Map.of("recipients", List.of(AHEAD, BEHIND)));

            ActivityEvents.Draft workshop = new ActivityEvents.Draft("JP", AHEAD, 5).type("EXPORT_CONTROL_WORKSHOP");
            ObjectNode newer = (ObjectNode) ActivityEvents.JSON.readTree(workshop.json());
            newer.putArray("languages").add("en").add("ms");
            String aheadEvent = ActivityTopicWriter.send(ActivityEvents.bootstrap(), "JP", workshop.id.toString(),
                    "outreach.activity.planned", ActivityEvents.JSON.writeValueAsString(newer), Map.of("ce_dataschema", next.uri()));

            ActivityEvents.Draft training = new ActivityEvents.Draft("AU", BEHIND, 60).type("OFFICER_TRAINING");
            ObjectNode older = (ObjectNode) ActivityEvents.JSON.readTree(training.json());
            older.remove(List.of("location", "results", "cancellationReason"));
            String behindEvent = UUID.randomUUID().toString();
            ActivityEvents.sealed("AU", training.id.toString(), behindEvent, "outreach.activity.planned",
                    ActivityEvents.JSON.writeValueAsString(older));

            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.accepted().stream().anyMatch(c -> c.body().contains(workshop.id.toString()))
                    && webhook.accepted().stream().anyMatch(c -> c.body().contains(training.id.toString())));
            assertThat(webhook.accepted()).anyMatch(c -> c.body().contains("EXPORT_CONTROL_WORKSHOP"));

            JsonPath shown = new JsonPath(read("US", "/schedule?recipient=" + AHEAD));
            assertThat(shown.getList("activity.activityId")).containsExactly(workshop.id.toString());
            assertThat(shown.getString("[0].activity.type")).isEqualTo("EXPORT_CONTROL_WORKSHOP");
            assertThat(shown.getString("[0].notice.outcome")).as("five days is short of the default 30-day period").isEqualTo("LATE");
            assertThat(read("JP", "/compliance?government=JP&from=2000-01-01&to=2100-01-01")).contains("EXPORT_CONTROL_WORKSHOP");
            assertThat(new JsonPath(read("US", "/schedule?recipient=" + BEHIND)).getList("activity.activityId"))
                    .containsExactly(training.id.toString());

            TopicReader.Received late = notices.await(r -> workshop.id.toString().equals(r.key())
                    && "outreach.notice.late".equals(r.header("ce_type")), 1).get(0);
            assertThat(late.header("ce_dataschema")).isEqualTo(EventSchemas.NOTICE_EVENT.current().uri());
            assertThat(EventSchema.parse(EventSchemas.NOTICE_EVENT.text()).violations(late.value())).isEmpty();
            assertThat(new JsonPath(late.value()).getString("activityType")).isEqualTo("EXPORT_CONTROL_WORKSHOP");

            assertThat(TopicReader.readAll(ActivityEvents.bootstrap(), "outreach.dlq.exchange-gateway"))
                    .noneMatch(r -> List.of(aheadEvent, behindEvent).contains(r.header("ce_id")));
        }
    }

    private static String read(String government, String path) {
        return given().header("Authorization", Agencies.bearer(government)).when().get(path).then().statusCode(200)
                .extract().asString();
    }
}
