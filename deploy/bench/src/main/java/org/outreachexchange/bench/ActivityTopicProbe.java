package org.outreachexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Outbox relay lag: a consumer on a government's activity topic compares each event's occurredAt (set by the
 * service's clock in the transaction that commits the change) with the wall-clock time it receives the record.
 * Both clocks are this machine's, read as Instants with microsecond resolution.
 */
final class ActivityTopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Percentiles lag = new Percentiles();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String prefix = "\u0000";

    ActivityTopicProbe(RawKafka kafka, String topic) {
        var props = kafka.consumerProps("bench-relay-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        thread = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    Instant received = Instant.now();
                    try {
                        JsonNode event = JSON.readTree(r.value());
                        if (event.path("title").asText().startsWith(prefix)) {
                            Instant occurred = Instant.parse(event.get("occurredAt").asText());
                            lag.recordMicros(ChronoUnit.MICROS.between(occurred, received));
                        }
                    } catch (Exception ignored) {
                        // not an activity event of this run
                    }
                }
            }
            consumer.close();
        }, "relay-probe");
        thread.start();
    }

    /** Counts only events whose title starts with the prefix (the measured phase). */
    void measure(String titlePrefix) {
        prefix = titlePrefix;
    }

    Percentiles lag() {
        return lag;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
