package org.outreachexchange.infra;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.outreachexchange.identity.EventSeals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes activity events onto a government's topic as its scheduling-service would: binary CloudEvents, sealed with
 * the government's test event key and chained to the government's previous event in this JVM. Consumers under test
 * verify the seal and the chain, so tests publish through here; {@link #sendRaw} writes anything at all, for tests of
 * what consumers refuse (it does not move the chain).
 */
public final class ActivityTopicWriter {

    /** The next sequence number and the link to name as previous, per government. */
    private static final Map<String, Object[]> CHAINS = new HashMap<>();
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new HashMap<>();

    private ActivityTopicWriter() {
    }

    /** A place in a chain, and a signature when sealed; for tests that forge ({@link #next} does not advance the chain). */
    public record Sealed(long sequence, String previous, String signature) {
    }

    /**
     * Sends {@code data} about activity {@code activityId} as {@code government}'s next event.
     *
     * @param type e.g. {@code outreach.activity.planned}
     * @return the CloudEvent id
     */
    public static synchronized String send(String bootstrap, String government, String activityId, String type, String data) {
        return send(bootstrap, government, activityId, UUID.randomUUID().toString(), type, data);
    }

    public static synchronized String send(String bootstrap, String government, String activityId, String eventId,
                                           String type, String data) {
        String source = "/outreach/scheduling/" + government;
        EventSeals.Content content = new EventSeals.Content(eventId, type, source, activityId, activityId, data);
        Object[] head = CHAINS.computeIfAbsent(government, g -> new Object[]{1L, EventSeals.GENESIS});
        long sequence = (Long) head[0];
        String previous = (String) head[1];
        EventSeals.Seal seal = EventSeals.seal(TestAgencies.eventKeys(government).getPrivate(), government, sequence,
                previous, content.digest());
        sendRaw(bootstrap, topic(government), activityId, headers(content, seal), data);
        CHAINS.put(government, new Object[]{sequence + 1, EventSeals.link(government, sequence, previous, content.digest())});
        return eventId;
    }

    /** Sends the record with a duplicate of an earlier record's headers and value: a redelivery. */
    public static void resend(String bootstrap, String topic, String key, Map<String, String> headers, String value) {
        sendRaw(bootstrap, topic, key, headers, value);
    }

    /** Where {@code government}'s next event goes: its sequence number and the link it must name as previous. */
    public static synchronized Sealed next(String government) {
        Object[] head = CHAINS.computeIfAbsent(government, g -> new Object[]{1L, EventSeals.GENESIS});
        return new Sealed((Long) head[0], (String) head[1], null);
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

    public static String topic(String government) {
        return "outreach.activities." + government.toLowerCase(Locale.ROOT);
    }

    /** Sends a record exactly as given and waits for the broker's acknowledgement; null header values are left out. */
    public static void sendRaw(String bootstrap, String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> {
            if (text != null) {
                record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        try {
            producer(bootstrap).send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
