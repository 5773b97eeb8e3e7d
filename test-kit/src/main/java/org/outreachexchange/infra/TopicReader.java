package org.outreachexchange.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Reads CloudEvents (or anything else) off a topic as a partner would, with a plain consumer. Either once, from the
 * beginning to the end offsets seen at the start ({@link #readAll}), or following the topic ({@link #follow}): a thread
 * of its own polls from the beginning (or from the end) and keeps every record with the moment it arrived.
 */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long waits last: a consumer group of a service under test may first have to join and read from the beginning. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A record as read: its CloudEvent attributes are the headers, by name; {@code receivedAt} is this machine's clock. */
    public record Received(String topic, int partition, long offset, String key, Map<String, String> headers, String value,
                           long timestamp, Instant receivedAt) {

        public String header(String name) {
            return headers.get(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + value, e);
            }
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicReader(String bootstrap, String topic, boolean fromEnd) {
        Properties config = config(bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromEnd ? "latest" : "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        if (fromEnd) {
            // Only records appended from now on count, so the reader must hold its partitions before this returns.
            while (consumer.assignment().isEmpty()) {
                consumer.poll(POLL).forEach(r -> received.add(received(r)));
            }
        }
        poller = new Thread(this::poll, "topic-reader-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** Follows {@code topic} from its beginning, keeping everything it reads; close it when done. */
    public static TopicReader follow(String bootstrap, String topic) {
        return new TopicReader(bootstrap, topic, false);
    }

    /** Follows {@code topic} from its end: only what is appended after this returns. */
    public static TopicReader followFromEnd(String bootstrap, String topic) {
        return new TopicReader(bootstrap, topic, true);
    }

    /** Everything read so far, in the order it arrived. */
    public List<Received> records() {
        return List.copyOf(received);
    }

    public List<Received> withKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until at least {@code count} records keyed {@code key} arrived; returns them in topic order. */
    public List<Received> await(String key, int count) {
        return await(r -> key.equals(r.key()), count);
    }

    public List<Received> await(Predicate<Received> filter, int count) {
        Awaitility.await().atMost(PATIENCE).until(() -> received.stream().filter(filter).count() >= count);
        return received.stream().filter(filter).toList();
    }

    /** Waits for {@code window}, then returns what arrived keyed {@code key}: for asserting that nothing more came. */
    public List<Received> awaitQuiet(String key, Duration window) {
        Awaitility.await().pollDelay(window).atMost(window.plusSeconds(5)).until(() -> true);
        return withKey(key);
    }

    /** Every record now on {@code topic}, from its beginning to the end offsets seen at the start; no consumer group. */
    public static List<Received> readAll(String bootstrap, String topic) {
        Properties config = config(bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Received> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end + " within 30 s");
                }
                consumer.poll(POLL).forEach(r -> records.add(received(r)));
            }
            return records;
        }
    }

    /** Re-reads {@code topic} whole until at least {@code count} of its records match; returns those. */
    public static List<Received> awaitAll(String bootstrap, String topic, Predicate<Received> filter, int count) {
        AtomicReference<List<Received>> found = new AtomicReference<>(List.of());
        Awaitility.await().atMost(PATIENCE).until(() -> {
            found.set(readAll(bootstrap, topic).stream().filter(filter).toList());
            return found.get().size() >= count;
        });
        return found.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(r -> received.add(received(r)));
            }
        } catch (WakeupException closing) {
            // close() ends the poll
        } finally {
            consumer.close();
        }
    }

    private static Properties config(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    private static Received received(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Received(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value(),
                record.timestamp(), Instant.now());
    }
}
