package org.outreachexchange.outbox.trust;

import org.outreachexchange.identity.EventSeals;

import java.time.Instant;

/**
 * An activity event whose topic, source and seal have been checked: it was signed by {@code government}'s event key.
 * Whether it continues that government's chain is checked when it is admitted ({@link TrustedEvents#admit}).
 *
 * @param appendedAt when the broker appended it: a time its producer does not control
 * @param dataschema the schema version its producer wrote it under (CloudEvents {@code dataschema}); null from
 *                   producers that predate versioned schemas. Not sealed: it says how to read the data, which is.
 */
public record SealedEvent(String government, EventSeals.Content content, EventSeals.Seal seal, Instant appendedAt,
                          String topic, int partition, long offset, String dataschema) {

    public String id() {
        return content.id();
    }

    public String type() {
        return content.type();
    }

    public String data() {
        return content.data();
    }

    /** The link the government's next event must name as its previous. */
    public String link() {
        return EventSeals.link(seal.chain(), seal.sequence(), seal.previous(), content.digest());
    }

    /** Refuses a body that claims another organizer than the government whose topic and key it came with. */
    public void requireOrganizer(String organizer) {
        if (!government.equals(organizer)) {
            throw new UntrustedEventException(government, UntrustedEventException.Reason.ORGANIZER, "event " + id()
                    + " on " + topic + " claims organizer " + organizer + "; events on this topic can only be " + government + "'s");
        }
    }

    /** Refuses a change to an activity that another government's topic introduced. */
    public void requireOwnerOf(Object aggregate, String owner) {
        if (!government.equals(owner)) {
            throw new UntrustedEventException(government, UntrustedEventException.Reason.OWNERSHIP, "event " + id()
                    + " on " + topic + " would change " + aggregate + ", which is " + owner + "'s");
        }
    }
}
