package org.outreachexchange.scheduling;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.outreachexchange.infra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

/** Reads the JP activity topic from its beginning with a plain consumer, as a partner would. */
final class ActivityTopic implements AutoCloseable {

    static final String TOPIC = "outreach.activities.jp";

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    ActivityTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scheduling-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    /** Waits until at least {@code expected} records keyed by {@code activityId} arrived; returns them in topic order. */
    List<ConsumerRecord<String, String>> await(String activityId, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
            poll(Duration.ofMillis(200));
            return recordsFor(activityId).size() >= expected;
        });
        return recordsFor(activityId);
    }

    /** Everything keyed by {@code activityId} that arrived within {@code window}; for asserting that nothing more came. */
    List<ConsumerRecord<String, String>> drain(String activityId, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        return recordsFor(activityId);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    private List<ConsumerRecord<String, String>> recordsFor(String activityId) {
        return seen.stream().filter(r -> activityId.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
