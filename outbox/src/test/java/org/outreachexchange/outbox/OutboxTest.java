package org.outreachexchange.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.KafkaBroker;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TestInfrastructure;
import org.outreachexchange.infra.TopicReader;

import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "outbox"), @ResourceArg(name = "chain", value = "JP")})
class OutboxTest {

    @Inject
    OutboxTestChanges changes;

    @Inject
    OutboxRelay relay;

    private TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), "outbox-test");
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void committedEventReachesTheTopicAsABinaryCloudEventKeyedByItsAggregate() {
        String aggregate = UUID.randomUUID().toString();
        OutgoingEvent event = OutboxTestChanges.event(aggregate, 1);

        changes.commit(List.of(event));

        TopicReader.Received record = topic.await(aggregate, 1).get(0);
        assertThat(record.key()).isEqualTo(aggregate);
        assertThat(record.value()).isEqualTo("{\"n\":1}");
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_id")).isEqualTo(event.id().toString());
        assertThat(record.header("ce_type")).isEqualTo("outreach.test.happened");
        assertThat(record.header("ce_source")).isEqualTo("/outreach/test");
        assertThat(record.header("ce_subject")).isEqualTo(aggregate);
        assertThat(record.header("ce_time")).startsWith("2008-06-24T00:53");
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
    }

    @Test
    void eventsOfOneChainArriveSealedWithConsecutiveNumbersEachLinkedToTheOneBefore() {
        String aggregate = UUID.randomUUID().toString();
        changes.commit(List.of(OutboxTestChanges.event(aggregate, 1), OutboxTestChanges.event(aggregate, 2)));
        changes.commit(List.of(OutboxTestChanges.event(aggregate, 3)));

        List<TopicReader.Received> records = topic.await(aggregate, 3);
        PublicKey key = TestAgencies.eventKeys("JP").getPublic();
        for (int i = 0; i < 3; i++) {
            TopicReader.Received record = records.get(i);
            EventSeals.Content content = new EventSeals.Content(record.header("ce_id"), record.header("ce_type"),
                    record.header("ce_source"), record.header("ce_subject"), record.key(), record.value());
            EventSeals.Seal seal = new EventSeals.Seal("JP", Long.parseLong(record.header("ce_chainseq")),
                    record.header("ce_chainprev"), record.header("ce_chainsig"));
            assertThat(EventSeals.verifies(key, seal, content.digest())).as("seal of record %d", i).isTrue();
            if (i > 0) {
                TopicReader.Received before = records.get(i - 1);
                long previousSequence = Long.parseLong(before.header("ce_chainseq"));
                assertThat(seal.sequence()).isEqualTo(previousSequence + 1);
                assertThat(seal.previous()).isEqualTo(EventSeals.link("JP", previousSequence, before.header("ce_chainprev"),
                        new EventSeals.Content(before.header("ce_id"), before.header("ce_type"), before.header("ce_source"),
                                before.header("ce_subject"), before.key(), before.value()).digest()));
            }
        }
    }

    @Test
    void aSecondWriterOfTheSameKeyWaitsForTheFirstToCommitSoTheKeysEventsArePublishedInCommitOrder() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        OutboxTestChanges.commitWhileTheKeysFirstWriterWaits(changes, aggregate);

        assertThat(topic.await(aggregate, 2)).extracting(TopicReader.Received::value).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void eventOfARolledBackChangeIsNeverWritten() {
        long before = relay.pending();
        String aggregate = UUID.randomUUID().toString();

        assertThatThrownBy(() -> changes.failAfterAppending(OutboxTestChanges.event(aggregate, 1)))
                .hasMessageContaining("the change failed");

        changes.commit(List.of(OutboxTestChanges.event(aggregate, 2)));
        assertThat(topic.await(aggregate, 1)).extracting(TopicReader.Received::value).containsExactly("{\"n\":2}");
        assertThat(relay.pending()).isLessThanOrEqualTo(before);
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownWaitAndThenArriveInOrder() {
        KafkaBroker broker = TestInfrastructure.kafka();
        String aggregate = UUID.randomUUID().toString();
        broker.stop();
        try {
            IntStream.rangeClosed(1, 20).forEach(n -> changes.commit(List.of(OutboxTestChanges.event(aggregate, n))));
            assertThat(relay.pending()).isEqualTo(20);
        } finally {
            broker.start();
        }

        List<String> values = topic.await(aggregate, 20).stream().map(TopicReader.Received::value).toList();
        assertThat(values).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(n -> "{\"n\":" + n + "}").toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }

    @Test
    void consumerLogAcceptsAnEventOnceAndForgetsItWhenTheEffectRollsBack() {
        String applied = UUID.randomUUID().toString();
        assertThat(changes.consume(applied)).isTrue();
        assertThat(changes.consume(applied)).isFalse();

        String failed = UUID.randomUUID().toString();
        assertThatThrownBy(() -> changes.consumeThenFail(failed)).hasMessageContaining("the effect failed");
        assertThat(changes.consume(failed)).isTrue();
    }
}
