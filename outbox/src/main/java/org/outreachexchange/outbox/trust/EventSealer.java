package org.outreachexchange.outbox.trust;

import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.outbox.OutgoingEvent;

import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Seals the events a service appends to its outbox when it writes a chain ({@code outreach.event-signing.chain}).
 * The chain's head row is locked by each append until its transaction ends, so sequence numbers are given in commit
 * order and the relay, which publishes by outbox id, publishes the chain in order.
 */
@ApplicationScoped
public class EventSealer {

    private static final String START = "INSERT INTO outbox_chain (chain, sequence, link) VALUES (?, 0, ?) ON CONFLICT DO NOTHING";
    private static final String HEAD = "SELECT sequence, link FROM outbox_chain WHERE chain = ? FOR UPDATE";
    private static final String ADVANCE = "UPDATE outbox_chain SET sequence = ?, link = ? WHERE chain = ?";

    private final Optional<String> chain;
    private final PrivateKey key;

    EventSealer(EventSigningConfig config) {
        this.chain = config.chain().filter(c -> !c.isBlank());
        if (chain.isPresent()) {
            String text = config.privateKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "outreach.event-signing.chain=" + chain.get() + " needs outreach.event-signing.private-key"));
            try {
                key = AgencyKeys.decodePrivate(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("outreach.event-signing.private-key: " + e.getMessage(), e);
            }
        } else {
            key = null;
        }
    }

    /** The chain this service writes, if it seals its events. */
    public Optional<String> chain() {
        return chain;
    }

    /** The event's seal, taken as the chain's next link on {@code connection} (inside the caller's transaction). */
    public EventSeals.Seal seal(Connection connection, OutgoingEvent event) throws SQLException {
        String name = chain.orElseThrow();
        try (PreparedStatement start = connection.prepareStatement(START)) {
            start.setString(1, name);
            start.setString(2, EventSeals.GENESIS);
            start.executeUpdate();
        }
        long sequence;
        String previous;
        try (PreparedStatement head = connection.prepareStatement(HEAD)) {
            head.setString(1, name);
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        String digest = content(event).digest();
        EventSeals.Seal seal = EventSeals.seal(key, name, sequence, previous, digest);
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setLong(1, sequence);
            advance.setString(2, EventSeals.link(name, sequence, previous, digest));
            advance.setString(3, name);
            advance.executeUpdate();
        }
        return seal;
    }

    static EventSeals.Content content(OutgoingEvent event) {
        return new EventSeals.Content(event.id().toString(), event.type(), event.source(), event.subject(), event.key(),
                event.payload());
    }
}
