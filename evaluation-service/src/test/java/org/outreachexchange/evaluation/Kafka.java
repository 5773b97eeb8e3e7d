package org.outreachexchange.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.outreachexchange.infra.ActivityTopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Plain Kafka clients for tests: produce activity events as the scheduling-service does, read what this service writes. */
final class Kafka {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final String EVALUATIONS = "outreach.evaluations";
    static final String DEAD_LETTERS = "outreach.dlq.evaluation-service";

    private Kafka() {
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** A record as read back: key, CloudEvent headers and the JSON value (null when not JSON). */
    record Received(String topic, String key, Map<String, String> headers, String value) {
        JsonNode json() {
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Sends an activity event in binary CloudEvents mode to the organizer's topic. */
    static String sendActivityEvent(Map<String, Object> data, String type) {
        return sendActivityEvent(data, type, UUID.randomUUID().toString());
    }

    /** Sends {@code data} as its organizer's next sealed event, as the organizer's scheduling-service would. */
    static String sendActivityEvent(Map<String, Object> data, String type, String ceId) {
        try {
            return sendSealed(data.get("organizer").toString(), data.get("activityId").toString(), ceId,
                    "outreach.activity." + type, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code value} as {@code government}'s next sealed event, whatever it says. */
    static String sendSealed(String government, String key, String ceId, String ceType, String value) {
        return ActivityTopicWriter.send(bootstrap(), government, key, ceId, ceType, value);
    }

    /** Sends an unsealed record; on an activity topic the service must refuse it. */
    static String send(String topic, String key, String ceId, String ceType, String ceSource, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (ceId != null) {
                record.headers().add("ce_id", bytes(ceId));
            }
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_type", bytes(ceType));
            record.headers().add("ce_source", bytes(ceSource));
            record.headers().add("ce_subject", bytes(key));
            record.headers().add("ce_time", bytes(Instant.now().toString()));
            record.headers().add("content-type", bytes("application/json"));
            producer.send(record).get();
            return ceId;
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Every record now on {@code topic}, read from the beginning until the end offsets seen at the start. */
    static List<Received> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Received> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new Received(r.topic(), r.key(), headers, r.value()));
                }
            }
            return received;
        }
    }

    static final String REEVALUATED = "outreach.country.reevaluated";
    static final String PROPOSAL_OPENED = "outreach.proposal.opened";
    static final String PROPOSAL_ADOPTED = "outreach.proposal.adopted";
    static final String PROPOSAL_DROPPED = "outreach.proposal.dropped";

    /** Re-evaluation events (ce_type outreach.country.reevaluated) matching {@code filter}, waiting until at least {@code count} have arrived. */
    static List<Received> awaitEvaluations(Predicate<Received> filter, int count) {
        return awaitOnEvaluationTopic(r -> REEVALUATED.equals(r.headers().get("ce_type")) && filter.test(r), count);
    }

    /** Re-evaluation events (ce_type outreach.country.reevaluated) matching {@code filter}, now on the topic. */
    static List<Received> evaluations(Predicate<Received> filter) {
        return readAll(EVALUATIONS).stream().filter(r -> REEVALUATED.equals(r.headers().get("ce_type")) && filter.test(r))
                .collect(Collectors.toList());
    }

    /** Proposal events about {@code proposalId} of CloudEvent type {@code type}, now on the topic. */
    static List<Received> proposalEvents(String proposalId, String type) {
        return readAll(EVALUATIONS).stream().filter(r -> type.equals(r.headers().get("ce_type")) && proposalId.equals(r.key()))
                .collect(Collectors.toList());
    }

    /** Proposal events about {@code proposalId} of CloudEvent type {@code type}, waiting until at least one has arrived. */
    static List<Received> awaitProposalEvents(String proposalId, String type) {
        return awaitOnEvaluationTopic(r -> type.equals(r.headers().get("ce_type")) && proposalId.equals(r.key()), 1);
    }

    /** Any records on the evaluation topic matching {@code filter}, waiting until at least {@code count} have arrived. */
    static List<Received> awaitOnEvaluationTopic(Predicate<Received> filter, int count) {
        AtomicReference<List<Received>> found = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.set(readAll(EVALUATIONS).stream().filter(filter).toList());
            return found.get().size() >= count;
        });
        return found.get();
    }

    /** Waits until the service has consumed and committed everything now on the activity topic of {@code government}. */
    static void awaitConsumed(String government) {
        String topic = "outreach.activities." + government.toLowerCase();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group())
                        .partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer group's offsets", e);
        }
    }

    /** The consumer group this start of the service reads the activity topics with. */
    private static String group() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.activity-events.group.id", String.class);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
