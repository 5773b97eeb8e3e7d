package org.outreachexchange.outbox.trust;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.outbox.ProcessedEvents;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.outreachexchange.outbox.trust.UntrustedEventException.Reason;

/**
 * What a consumer checks before it believes a government's activity event: that it came on that government's own
 * topic, names that government as its source, carries a seal signed with that government's event key, was stamped by
 * the broker, and continues that government's chain with no event missing or doubled. The organizer is never taken
 * from the body: the consumer compares the body with {@link SealedEvent#government()}.
 */
@ApplicationScoped
public class TrustedEvents {

    private static final String HEAD = "SELECT sequence, link FROM event_chain_head WHERE consumer = ? AND chain = ? FOR UPDATE";
    private static final String ADVANCE = "INSERT INTO event_chain_head (consumer, chain, sequence, link, updated_at)"
            + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (consumer, chain)"
            + " DO UPDATE SET sequence = excluded.sequence, link = excluded.link, updated_at = now()";

    private final Map<String, PublicKey> keys;
    private final ProcessedEvents processed;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    TrustedEvents(EventSigningConfig config, ProcessedEvents processed, DataSource dataSource,
                  TransactionSynchronizationRegistry transactions) {
        Map<String, PublicKey> decoded = new TreeMap<>();
        config.publicKeys().forEach((government, key) -> {
            try {
                decoded.put(government, AgencyKeys.decodePublic(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("outreach.event-signing.public-keys." + government + ": " + e.getMessage(), e);
            }
        });
        this.keys = Map.copyOf(decoded);
        this.processed = processed;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** The checks that need no state: topic, source, broker timestamp and signature. */
    public SealedEvent verify(KafkaRecord<String, String> record) {
        String topic = record.getTopic();
        String government = ActivityTopics.government(topic).orElseThrow(() -> new UntrustedEventException(null,
                Reason.TOPIC, "topic " + topic + " is not a government's activity topic"));
        PublicKey key = keys.get(government);
        if (key == null) {
            throw new UntrustedEventException(government, Reason.TOPIC,
                    "no event key is trusted for " + government + " (outreach.event-signing.public-keys." + government + ")");
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
                || content.data() == null || !EventSeals.verifies(key, seal, content.digest())) {
            throw new UntrustedEventException(government, Reason.SIGNATURE, "event " + id + " on " + topic + " (#"
                    + seal.sequence() + ") is not signed by " + government + "'s event key as sent");
        }
        return new SealedEvent(government, content, seal, metadata.getTimestamp(), topic, metadata.getPartition(),
                metadata.getOffset());
    }

    /**
     * In the transaction of the event's effect: false if {@code consumer} applied this event already; otherwise
     * requires that it is the next event of its government's chain and moves the chain's head to it. A refused event
     * leaves the head where it was, so the event that does follow it is still accepted.
     */
    public boolean firstDelivery(String consumer, SealedEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("TrustedEvents.firstDelivery must run inside the transaction of the effect");
        }
        if (!processed.firstDelivery(consumer, event.id())) {
            return false;
        }
        String government = event.government();
        try (Connection connection = dataSource.getConnection()) {
            long sequence = 0;
            String link = EventSeals.GENESIS;
            try (PreparedStatement head = connection.prepareStatement(HEAD)) {
                head.setString(1, consumer);
                head.setString(2, government);
                try (ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        sequence = rs.getLong(1);
                        link = rs.getString(2);
                    }
                }
            }
            long got = event.seal().sequence();
            if (got <= sequence) {
                throw new UntrustedEventException(government, Reason.CHAIN_FORK, "event " + event.id() + " claims #" + got
                        + " of " + government + "'s chain, which is taken by another event (the chain is at #" + sequence + ")");
            }
            if (got > sequence + 1) {
                throw new UntrustedEventException(government, Reason.CHAIN_GAP, "event " + event.id() + " is #" + got
                        + " of " + government + "'s chain but #" + (sequence + 1) + " has not arrived: "
                        + (got - sequence - 1) + " event(s) missing");
            }
            if (!link.equals(event.seal().previous())) {
                throw new UntrustedEventException(government, Reason.CHAIN_FORK, "event " + event.id() + " (#" + got
                        + ") does not link to #" + sequence + " of " + government + "'s chain");
            }
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
                advance.setString(1, consumer);
                advance.setString(2, government);
                advance.setLong(3, got);
                advance.setString(4, event.link());
                advance.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check " + government + "'s chain for event " + event.id(), e);
        }
    }

    /** Whether this service trusts any government's event key, i.e. consumes sealed events. */
    public boolean verifiesAny() {
        return !keys.isEmpty();
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
