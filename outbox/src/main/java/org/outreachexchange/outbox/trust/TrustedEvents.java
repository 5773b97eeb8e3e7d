package org.outreachexchange.outbox.trust;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.identity.quarkus.Partners;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.outreachexchange.outbox.trust.UntrustedEventException.Reason;

/**
 * What a consumer checks before it believes a government's activity event: that it came on that government's own
 * topic, names that government as its source, carries a seal signed with that government's event key, was stamped by
 * the broker ({@link #verify}), and continues that government's chain with no event missing or doubled
 * ({@link #admit}). The organizer is never taken from the body: the consumer compares the body with
 * {@link SealedEvent#government()} before applying it.
 * <p>
 * The event keys are the partners document's, as it is now: a government rotating its event key lists the new one
 * beside the old, and a seal verifies with either. A key's retirement is judged by the broker's append time of the
 * event, so an event sealed before the old key retired still verifies when a consumer reads the topic from its start.
 */
@ApplicationScoped
public class TrustedEvents {

    private static final String HEAD = "SELECT sequence, link FROM event_chain_head WHERE consumer = ? AND chain = ? FOR UPDATE";
    private static final String ADMITTED = "SELECT event_id, signature FROM exchange_log WHERE consumer = ? AND chain = ? AND sequence = ?";
    private static final String LOG = "INSERT INTO exchange_log (consumer, chain, sequence, previous, signature, event_id,"
            + " event_type, source, subject, event_key, data, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ADVANCE = "INSERT INTO event_chain_head (consumer, chain, sequence, link, updated_at)"
            + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (consumer, chain)"
            + " DO UPDATE SET sequence = excluded.sequence, link = excluded.link, updated_at = now()";

    private final Partners partners;
    private final DataSource dataSource;

    TrustedEvents(Partners partners, DataSource dataSource) {
        this.partners = partners;
        this.dataSource = dataSource;
    }

    /** The checks that need no state: topic, source, broker timestamp and signature. */
    public SealedEvent verify(KafkaRecord<String, String> record) {
        String topic = record.getTopic();
        String government = ActivityTopics.government(topic).orElseThrow(() -> new UntrustedEventException(null,
                Reason.TOPIC, "topic " + topic + " is not a government's activity topic"));
        if (!partners.eventKeys().trusts(government)) {
            throw new UntrustedEventException(government, Reason.TOPIC,
                    government + " is not a partner in the partners document, so none of its event keys is trusted");
        }
        Headers headers = record.getHeaders();
        String id = header(headers, "ce_id");
        String source = header(headers, "ce_source");
        if (!ActivityTopics.source(government).equals(source)) {
            throw new UntrustedEventException(government, Reason.SOURCE, "event " + id + " on " + topic + " names source "
                    + source + " instead of " + ActivityTopics.source(government));
        }
        IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        if (metadata.getTimestampType() != TimestampType.LOG_APPEND_TIME) {
            throw new UntrustedEventException(government, Reason.TIMESTAMP, "event " + id + " on " + topic
                    + " carries its producer's time (" + metadata.getTimestampType() + "); the topic must use"
                    + " message.timestamp.type=LogAppendTime so that notice is judged by the broker's clock");
        }
        EventSeals.Content content = new EventSeals.Content(id, header(headers, "ce_type"), source,
                header(headers, "ce_subject"), record.getKey(), record.getPayload());
        EventSeals.Seal seal = seal(government, headers, id);
        if (content.id() == null || content.type() == null || content.subject() == null || content.key() == null
                || content.data() == null || !sealedByAnyKey(government, seal, content, metadata.getTimestamp())) {
            throw new UntrustedEventException(government, Reason.SIGNATURE, "event " + id + " on " + topic + " (#"
                    + seal.sequence() + ") is not signed by " + government + "'s event key as sent");
        }
        return new SealedEvent(government, content, seal, metadata.getTimestamp(), topic, metadata.getPartition(),
                metadata.getOffset(), header(headers, "ce_dataschema"));
    }

    /**
     * Admits events into their governments' chains, in order, in a transaction of its own: each must be the next event
     * of its chain (or one admitted before, redelivered). Admitted events are written to the exchange log whether or
     * not their effects can be applied later: they were said, and the chain goes on past them. A refused event leaves
     * the chain where it was, so the event that does follow it is still admitted.
     *
     * @return for each event, null if admitted, else why it was refused
     */
    @Transactional
    public List<UntrustedEventException> admit(String consumer, List<SealedEvent> events) {
        List<UntrustedEventException> verdicts = new ArrayList<>(events.size());
        Map<String, Object[]> heads = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (SealedEvent event : events) {
                Object[] head = heads.computeIfAbsent(event.government(), g -> head(connection, consumer, g));
                long sequence = (Long) head[0];
                String link = (String) head[1];
                UntrustedEventException refusal = refusal(connection, consumer, event, sequence, link);
                verdicts.add(refusal);
                if (refusal == null && event.seal().sequence() == sequence + 1) {
                    log(connection, consumer, event);
                    heads.put(event.government(), new Object[]{event.seal().sequence(), event.link()});
                }
            }
            for (Map.Entry<String, Object[]> head : heads.entrySet()) {
                try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                    advance.setString(1, consumer);
                    advance.setString(2, head.getKey());
                    advance.setLong(3, (Long) head.getValue()[0]);
                    advance.setString(4, (String) head.getValue()[1]);
                    advance.executeUpdate();
                }
            }
            return verdicts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot admit events into the chains of " + consumer, e);
        }
    }

    private static UntrustedEventException refusal(Connection connection, String consumer, SealedEvent event, long sequence,
                                                   String link) {
        String government = event.government();
        long got = event.seal().sequence();
        if (got <= sequence) {
            return admittedBefore(connection, consumer, event) ? null : new UntrustedEventException(government,
                    Reason.CHAIN_FORK, "event " + event.id() + " claims #" + got + " of " + government
                    + "'s chain, which another event holds (the chain is at #" + sequence + ")");
        }
        if (got > sequence + 1) {
            return new UntrustedEventException(government, Reason.CHAIN_GAP, "event " + event.id() + " is #" + got + " of "
                    + government + "'s chain but #" + (sequence + 1) + " has not arrived: " + (got - sequence - 1)
                    + " event(s) missing");
        }
        if (!link.equals(event.seal().previous())) {
            return new UntrustedEventException(government, Reason.CHAIN_FORK, "event " + event.id() + " (#" + got
                    + ") does not link to #" + sequence + " of " + government + "'s chain");
        }
        return null;
    }

    private static Object[] head(Connection connection, String consumer, String government) {
        try (PreparedStatement head = connection.prepareStatement(HEAD)) {
            head.setString(1, consumer);
            head.setString(2, government);
            try (ResultSet rs = head.executeQuery()) {
                return rs.next() ? new Object[]{rs.getLong(1), rs.getString(2)} : new Object[]{0L, EventSeals.GENESIS};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + government + "'s chain", e);
        }
    }

    /** Whether this very event (same id and seal) holds its place already: a redelivery, not a fork. */
    private static boolean admittedBefore(Connection connection, String consumer, SealedEvent event) {
        try (PreparedStatement find = connection.prepareStatement(ADMITTED)) {
            find.setString(1, consumer);
            find.setString(2, event.government());
            find.setLong(3, event.seal().sequence());
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() && rs.getString(1).equals(event.id()) && rs.getString(2).equals(event.seal().signature());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + event.government() + "'s exchange log", e);
        }
    }

    private static void log(Connection connection, String consumer, SealedEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(LOG)) {
            EventSeals.Content content = event.content();
            insert.setString(1, consumer);
            insert.setString(2, event.government());
            insert.setLong(3, event.seal().sequence());
            insert.setString(4, event.seal().previous());
            insert.setString(5, event.seal().signature());
            insert.setString(6, content.id());
            insert.setString(7, content.type());
            insert.setString(8, content.source());
            insert.setString(9, content.subject());
            insert.setString(10, content.key());
            insert.setString(11, content.data());
            insert.setTimestamp(12, Timestamp.from(event.appendedAt()));
            insert.executeUpdate();
        }
    }

    /** Newest key first: during a rotation most events are sealed with the new key. */
    private boolean sealedByAnyKey(String government, EventSeals.Seal seal, EventSeals.Content content,
                                   Instant appendedAt) {
        List<PublicKey> keys = partners.eventKeys().accepted(government, appendedAt);
        String digest = content.digest();
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (EventSeals.verifies(keys.get(i), seal, digest)) {
                return true;
            }
        }
        return false;
    }

    private static EventSeals.Seal seal(String government, Headers headers, String id) {
        String sequence = header(headers, "ce_" + EventSeals.SEQUENCE_EXTENSION);
        String previous = header(headers, "ce_" + EventSeals.PREVIOUS_EXTENSION);
        String signature = header(headers, "ce_" + EventSeals.SIGNATURE_EXTENSION);
        long number = Optional.ofNullable(sequence).filter(s -> s.matches("[1-9][0-9]{0,18}")).map(Long::parseLong).orElse(0L);
        if (number == 0 || previous == null || signature == null) {
            throw new UntrustedEventException(government, Reason.SIGNATURE, "event " + id + " carries no seal ("
                    + "ce_" + EventSeals.SEQUENCE_EXTENSION + ", ce_" + EventSeals.PREVIOUS_EXTENSION + ", ce_"
                    + EventSeals.SIGNATURE_EXTENSION + ")");
        }
        return new EventSeals.Seal(government, number, previous, signature);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
