package org.outreachexchange.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.outreachexchange.identity.EventSeals;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes activity events onto a government's topic as its scheduling-service would: binary CloudEvents, sealed with
 * the government's test event key and chained to the government's previous event in this JVM. Consumers under test
 * verify the seal and the chain, so tests publish through here; {@link #sendUnsealed} writes a CloudEvent without a
 * seal (evaluation events, and what consumers must refuse on activity topics), {@link #sendRaw} anything at all.
 * Neither moves the chain. A {@link Chain} of another key seals events for a stack that has keys of its own.
 */
public final class ActivityTopicWriter {

    /** The test agencies' chains in this JVM, per government. */
    private static final Map<String, Chain> CHAINS = new HashMap<>();
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new HashMap<>();

    private ActivityTopicWriter() {
    }

    /** A place in a chain, and a signature when sealed; for tests that forge ({@link #next} does not advance the chain). */
    public record Sealed(long sequence, String previous, String signature) {
    }

    /** A government's chain: each event sealed with its key as the next link after the one before. */
    public static final class Chain {
        private final String government;
        private final PrivateKey key;
        private long sequence = 1;
        private String previous = EventSeals.GENESIS;

        public Chain(String government, PrivateKey key) {
            this.government = government;
            this.key = key;
        }

        /** The CloudEvent headers of {@code data} about {@code activityId} sealed as the chain's next event; moves the chain on. */
        public synchronized Map<String, String> seal(String activityId, String eventId, String type, String data) {
            return seal(activityId, eventId, type, data, key);
        }

        /** As {@link #seal(String, String, String, String)}, sealed with {@code with}: a key the government rotated to. */
        public synchronized Map<String, String> seal(String activityId, String eventId, String type, String data,
                                                     PrivateKey with) {
            EventSeals.Content content = new EventSeals.Content(eventId, type, "/outreach/scheduling/" + government,
                    activityId, activityId, data);
            EventSeals.Seal seal = EventSeals.seal(with, government, sequence, previous, content.digest());
            previous = EventSeals.link(government, sequence, previous, content.digest());
            sequence++;
            return headers(content, seal);
        }

        private synchronized Sealed next() {
            return new Sealed(sequence, previous, null);
        }
    }

    /**
     * Sends {@code data} about activity {@code activityId} as {@code government}'s next event.
     *
     * @param type e.g. {@code outreach.activity.planned}
     * @return the CloudEvent id
     */
    public static String send(String bootstrap, String government, String activityId, String type, String data) {
        return send(bootstrap, government, activityId, UUID.randomUUID().toString(), type, data);
    }

    public static synchronized String send(String bootstrap, String government, String activityId, String eventId,
                                           String type, String data) {
        sendRaw(bootstrap, ExchangeTopics.activityTopic(government), activityId,
                chain(government).seal(activityId, eventId, type, data), data);
        return eventId;
    }

    /**
     * Sends {@code data} as {@code government}'s next event with further CloudEvent attributes that the seal does not
     * cover, e.g. {@code ce_dataschema} as a producer of another schema version names it.
     */
    public static synchronized String send(String bootstrap, String government, String activityId, String type, String data,
                                           Map<String, String> attributes) {
        String eventId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>(chain(government).seal(activityId, eventId, type, data));
        headers.putAll(attributes);
        sendRaw(bootstrap, ExchangeTopics.activityTopic(government), activityId, headers, data);
        return eventId;
    }

    /** Sends {@code government}'s next event sealed with {@code key} instead of its test event key; the chain goes on. */
    public static synchronized String send(String bootstrap, String government, PrivateKey key, String activityId,
                                           String type, String data) {
        String eventId = UUID.randomUUID().toString();
        sendRaw(bootstrap, ExchangeTopics.activityTopic(government), activityId,
                chain(government).seal(activityId, eventId, type, data, key), data);
        return eventId;
    }

    /**
     * The headers of {@code data} sealed as {@code government}'s next event, without sending it: for tests that write a
     * chain's events out of order. Moves the chain on.
     */
    public static synchronized Map<String, String> seal(String government, String activityId, String eventId, String type,
                                                        String data) {
        return chain(government).seal(activityId, eventId, type, data);
    }

    /** Sends the record with a duplicate of an earlier record's headers and value: a redelivery. */
    public static void resend(String bootstrap, String topic, String key, Map<String, String> headers, String value) {
        sendRaw(bootstrap, topic, key, headers, value);
    }

    /** Where {@code government}'s next event goes: its sequence number and the link it must name as previous. */
    public static synchronized Sealed next(String government) {
        return chain(government).next();
    }

    /** Sends a binary CloudEvent without a seal; {@code ceId} null leaves the id out. */
    public static void sendUnsealed(String bootstrap, String topic, String key, String ceId, String ceType, String ceSource,
                                    String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", ceId);
        headers.put("ce_source", ceSource);
        headers.put("ce_type", ceType);
        headers.put("ce_subject", key);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        sendRaw(bootstrap, topic, key, headers, value);
    }

    /** CloudEvent headers of a sealed event, as the outbox relay writes them. */
    public static Map<String, String> headers(EventSeals.Content content, EventSeals.Seal seal) {
        return headers(content, seal.sequence(), seal.previous(), seal.signature());
    }

    public static Map<String, String> headers(EventSeals.Content content, long sequence, String previous, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", content.id());
        headers.put("ce_type", content.type());
        headers.put("ce_source", content.source());
        headers.put("ce_subject", content.subject());
        headers.put("content-type", "application/json");
        headers.put("ce_" + EventSeals.SEQUENCE_EXTENSION, Long.toString(sequence));
        headers.put("ce_" + EventSeals.PREVIOUS_EXTENSION, previous);
        headers.put("ce_" + EventSeals.SIGNATURE_EXTENSION, signature);
        return headers;
    }

    /** A record exactly as given; null header values are left out. */
    public static ProducerRecord<String, String> record(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> {
            if (text != null) {
                record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return record;
    }

    /** Sends a record exactly as given and waits for the broker's acknowledgement; null header values are left out. */
    public static void sendRaw(String bootstrap, String topic, String key, Map<String, String> headers, String value) {
        try {
            producer(bootstrap).send(record(topic, key, headers, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Chain chain(String government) {
        return CHAINS.computeIfAbsent(government, g -> new Chain(g, TestAgencies.eventKeys(g).getPrivate()));
    }

    /** One producer per broker for the JVM's life; the broker outlives every test class. */
    private static synchronized KafkaProducer<String, String> producer(String bootstrap) {
        return PRODUCERS.computeIfAbsent(bootstrap, b -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        });
    }
}
