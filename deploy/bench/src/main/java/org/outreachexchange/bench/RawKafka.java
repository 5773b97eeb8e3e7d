package org.outreachexchange.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.outreachexchange.infra.ExchangeTopics;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** The raw baselines on the same broker: a bare producer and consumer in this JVM, so one System.nanoTime clock. */
final class RawKafka {

    /** Produce→consume and send→ack, both in microseconds, measured together at a fixed rate. */
    record Latencies(Percentiles endToEnd, Percentiles ack) {
    }

    private final String bootstrap;

    RawKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The same producer settings as the services' outbox channel: acks=all, idempotence on. */
    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    private Properties consumerProps(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    /** Open-loop at {@code rate}/s for {@code duration}; each value carries its intended send time and is padded to {@code size}. */
    Latencies latency(double rate, Duration warmup, Duration duration, int size) throws InterruptedException {
        String topic = "bench.raw-latency." + UUID.randomUUID();
        ExchangeTopics.create(bootstrap, List.of(), List.of(topic));
        Percentiles e2e = new Percentiles();
        Percentiles ack = new Percentiles();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        Properties cp = consumerProps("bench-raw-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().size() < ExchangeTopics.OTHER_PARTITIONS) {
            consumer.poll(Duration.ofMillis(100));
        }
        long[] expected = new long[1];
        Thread reader = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    ByteBuffer b = ByteBuffer.wrap(r.value());
                    long intended = b.getLong();
                    if (b.get() == 1) {
                        e2e.recordNanos(now - intended);
                    }
                }
            }
            consumer.close();
        }, "raw-consumer");
        reader.start();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Duration phase : List.of(warmup, duration)) {
                boolean measured = phase == duration;
                measuring.set(measured);
                expected[0] += OpenLoop.run(rate, phase, (i, intended) -> {
                    ByteBuffer value = ByteBuffer.allocate(size);
                    value.putLong(intended).put((byte) (measured ? 1 : 0));
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(), value.array()), (md, ex) -> {
                        if (ex == null && measured) {
                            ack.recordNanos(System.nanoTime() - intended);
                        }
                    });
                });
            }
            producer.flush();
        }
        Pause.until(Duration.ofSeconds(30), () -> e2e.count() >= ack.count());
        running.set(false);
        reader.join();
        return new Latencies(e2e, ack);
    }

    /** Produces {@code count} records as fast as the producer goes; returns records/s. */
    double produce(String topic, int count, java.util.function.IntFunction<ProducerRecord<String, String>> record) {
        Properties p = producerProps();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(record.apply(i));
            }
            producer.flush();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** A fresh consumer group reading the topics (by pattern) from the start until {@code count} records; returns records/s. */
    double consumeAll(String pattern, long count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps("bench-raw-replay-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile(pattern));
            long seen = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        seen++;
                    }
                }
            }
            return seen / ((System.nanoTime() - start) / 1e9);
        }
    }
}
