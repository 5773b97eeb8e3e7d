package org.outreachexchange.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.KafkaBroker;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private KafkaConsumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("outbox-test"));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void committedEventReachesTheTopicAsABinaryCloudEventKeyedByItsAggregate() {
        String aggregate = UUID.randomUUID().toString();
        OutgoingEvent event = OutboxTestChanges.event(aggregate, 1);

        changes.commit(List.of(event));

        ConsumerRecord<String, String> record = recordsFor(aggregate, 1).get(0);
        assertThat(record.key()).isEqualTo(aggregate);
        assertThat(record.value()).isEqualTo("{\"n\":1}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(event.id().toString());
        assertThat(header(record, "ce_type")).isEqualTo("outreach.test.happened");
        assertThat(header(record, "ce_source")).isEqualTo("/outreach/test");
        assertThat(header(record, "ce_subject")).isEqualTo(aggregate);
        assertThat(header(record, "ce_time")).startsWith("2008-06-24T00:53");
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0);
    }

    @Test
    void eventsOfOneChainArriveSealedWithConsecutiveNumbersEachLinkedToTheOneBefore() {
        String aggregate = UUID.randomUUID().toString();
        changes.commit(List.of(OutboxTestChanges.event(aggregate, 1), OutboxTestChanges.event(aggregate, 2)));
        changes.commit(List.of(OutboxTestChanges.event(aggregate, 3)));

        List<ConsumerRecord<String, String>> records = recordsFor(aggregate, 3);
        PublicKey key = TestAgencies.eventKeys("JP").getPublic();
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            EventSeals.Content content = new EventSeals.Content(header(record, "ce_id"), header(record, "ce_type"),
                    header(record, "ce_source"), header(record, "ce_subject"), record.key(), record.value());
            EventSeals.Seal seal = new EventSeals.Seal("JP", Long.parseLong(header(record, "ce_chainseq")),
                    header(record, "ce_chainprev"), header(record, "ce_chainsig"));
            assertThat(EventSeals.verifies(key, seal, content.digest())).as("seal of record %d", i).isTrue();
            if (i > 0) {
                ConsumerRecord<String, String> before = records.get(i - 1);
                long previousSequence = Long.parseLong(header(before, "ce_chainseq"));
                assertThat(seal.sequence()).isEqualTo(previousSequence + 1);
                assertThat(seal.previous()).isEqualTo(EventSeals.link("JP", previousSequence, header(before, "ce_chainprev"),
                        new EventSeals.Content(header(before, "ce_id"), header(before, "ce_type"), header(before, "ce_source"),
                                header(before, "ce_subject"), before.key(), before.value()).digest()));
            }
        }
    }

    @Test
    void aSecondWriterOfTheSameKeyWaitsForTheFirstToCommitSoTheKeysEventsArePublishedInCommitOrder() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> {
                changes.commitWhenReleased(OutboxTestChanges.event(aggregate, 1), appended, release);
                return null;
            });
            appended.await();
            Future<?> second = writers.submit(() -> changes.commit(List.of(OutboxTestChanges.event(aggregate, 2))));

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            writers.shutdownNow();
        }

        assertThat(recordsFor(aggregate, 2)).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void eventOfARolledBackChangeIsNeverWritten() {
        long before = relay.pending();
        String aggregate = UUID.randomUUID().toString();

        assertThatThrownBy(() -> changes.failAfterAppending(OutboxTestChanges.event(aggregate, 1)))
                .hasMessageContaining("the change failed");

        changes.commit(List.of(OutboxTestChanges.event(aggregate, 2)));
        assertThat(recordsFor(aggregate, 1)).extracting(ConsumerRecord::value).containsExactly("{\"n\":2}");
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

        List<String> values = recordsFor(aggregate, 20).stream().map(ConsumerRecord::value).toList();
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

    private List<ConsumerRecord<String, String>> recordsFor(String aggregate, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (aggregate.equals(r.key())) {
                    records.add(r);
                }
            });
            return records.size() >= expected;
        });
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
