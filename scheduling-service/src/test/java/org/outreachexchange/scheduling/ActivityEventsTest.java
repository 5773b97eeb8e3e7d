package org.outreachexchange.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.infra.EventSchema;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TestInfrastructure;
import org.outreachexchange.infra.TopicReader;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachexchange.scheduling.Requests.cancel;
import static org.outreachexchange.scheduling.Requests.complete;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.planned;
import static org.outreachexchange.scheduling.Requests.results;
import static org.outreachexchange.scheduling.Requests.revise;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class ActivityEventsTest {

    /** The schema as the service serves it to consumers, not a copy. */
    private static EventSchema schema;
    private TopicReader topic;

    @BeforeEach
    void subscribe() {
        if (schema == null) {
            schema = EventSchema.parse(given().when().get("/schemas/activity-event.schema.json").then().statusCode(200).extract().asString());
        }
        topic = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), "outreach.activities.jp");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void plannedActivityAppearsOnTheTopicAsABinaryCloudEvent() throws IOException {
        String id = planned(malaysiaSeminar());

        TopicReader.Received record = topic.await(id, 1).get(0);

        assertThat(record.key()).isEqualTo(id);
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(record.header("ce_id"))).isNotNull();
        assertThat(record.header("ce_source")).isEqualTo("/outreach/scheduling/JP");
        assertThat(record.header("ce_type")).isEqualTo("outreach.activity.planned");
        assertThat(record.header("ce_subject")).isEqualTo(id);
        assertThat(record.header("ce_dataschema")).as("the schema version it is written under")
                .isEqualTo(EventSchemas.ACTIVITY_EVENT.current().uri());
        assertThat(Instant.parse(record.header("ce_time"))).isNotNull();
        assertThat(record.header("content-type")).isEqualTo("application/json");
        assertThat(schema.violations(record.value())).isEmpty();
        JsonNode data = EventSchema.JSON.readTree(record.value());
        assertThat(data.get("activityId").asText()).isEqualTo(id);
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("organizer").asText()).isEqualTo("JP");
        assertThat(data.get("status").asText()).isEqualTo("PLANNED");
        assertThat(data.at("/schedule/month").asText()).isEqualTo("2008-03");
        assertThat(data.at("/recipients/0").asText()).isEqualTo("MY");
    }

    @Test
    void revisionAndCompletionFollowInOrderWithIncreasingVersions() throws IOException {
        String id = planned(malaysiaSeminar());
        revise(id, "\"1\"", malaysiaSeminarOnDates()).statusCode(200);
        complete(id, results()).statusCode(200);

        List<TopicReader.Received> records = topic.await(id, 3);

        assertThat(records).extracting(r -> r.header("ce_type"))
                .containsExactly("outreach.activity.planned", "outreach.activity.revised", "outreach.activity.completed");
        assertThat(records).extracting(r -> version(r.value())).containsExactly(1L, 2L, 3L);
        assertThat(records).extracting(r -> r.header("ce_id")).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> assertThat(schema.violations(r.value())).isEmpty());
        JsonNode completed = EventSchema.JSON.readTree(records.get(2).value());
        assertThat(completed.at("/results/findings/0/country").asText()).isEqualTo("MY");
        assertThat(completed.at("/results/findings/0/element").asText()).isEqualTo("LAWS_REGULATIONS");
        assertThat(completed.at("/results/findings/0/assessment").asText()).isEqualTo("SUFFICIENT");
        assertThat(completed.at("/schedule/precision").asText()).isEqualTo("DATES");
    }

    @Test
    void cancellationIsPublishedWithItsReason() throws IOException {
        String id = planned(malaysiaSeminar());
        cancel(id, "The host asked to postpone").statusCode(200);

        TopicReader.Received cancelled = topic.await(id, 2).get(1);

        assertThat(cancelled.header("ce_type")).isEqualTo("outreach.activity.cancelled");
        assertThat(schema.violations(cancelled.value())).isEmpty();
        JsonNode data = EventSchema.JSON.readTree(cancelled.value());
        assertThat(data.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(data.get("cancellationReason").asText()).isEqualTo("The host asked to postpone");
        assertThat(data.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void everyEventIsSealedWithJapansEventKeyAndLinkedToTheEventBeforeIt() {
        String id = planned(malaysiaSeminar());
        cancel(id, "The host asked to postpone").statusCode(200);

        List<TopicReader.Received> records = topic.await(id, 2);

        EventSeals.Seal first = seal(records.get(0));
        EventSeals.Seal second = seal(records.get(1));
        assertThat(EventSeals.verifies(TestAgencies.eventKeys("JP").getPublic(), first, content(records.get(0)).digest())).isTrue();
        assertThat(EventSeals.verifies(TestAgencies.eventKeys("JP").getPublic(), second, content(records.get(1)).digest())).isTrue();
        assertThat(EventSeals.verifies(TestAgencies.eventKeys("US").getPublic(), first, content(records.get(0)).digest())).isFalse();
        assertThat(second.sequence()).as("the cancellation is JP's next event").isEqualTo(first.sequence() + 1);
        assertThat(second.previous()).isEqualTo(EventSeals.link("JP", first.sequence(), first.previous(), content(records.get(0)).digest()));
    }

    private static EventSeals.Seal seal(TopicReader.Received record) {
        return new EventSeals.Seal("JP", Long.parseLong(record.header("ce_chainseq")), record.header("ce_chainprev"),
                record.header("ce_chainsig"));
    }

    private static EventSeals.Content content(TopicReader.Received record) {
        return new EventSeals.Content(record.header("ce_id"), record.header("ce_type"), record.header("ce_source"),
                record.header("ce_subject"), record.key(), record.value());
    }

    /** ce_time is taken just before commit and the record's timestamp when the broker appends it. */
    @Test
    void relaysEachCommittedChangeWithinMillisecondsNotAPollInterval() {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> planned(malaysiaSeminar())).toList();

        long[] latencies = ids.stream().map(id -> topic.await(id, 1).get(0))
                .mapToLong(r -> r.timestamp() - Instant.parse(r.header("ce_time")).toEpochMilli())
                .sorted().toArray();

        System.out.printf("commit-to-send latency over %d events: median %d ms, max %d ms%n",
                latencies.length, latencies[latencies.length / 2], latencies[latencies.length - 1]);
        assertThat(latencies[latencies.length / 2]).isLessThan(500);
        assertThat(latencies[latencies.length - 1]).isLessThan(5000);
    }

    private static long version(String json) {
        try {
            return EventSchema.JSON.readTree(json).get("version").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
