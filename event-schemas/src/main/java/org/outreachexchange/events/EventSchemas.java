package org.outreachexchange.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The exchange's event schemas, each with the version its producer writes now and the CloudEvent types it describes.
 * The producer's outbox names that version as each event's {@code dataschema}; a consumer reads every version of the
 * major it was built with ({@link #requireReadable}). Changing a schema: docs/CONVENTIONS.md, "Changing an event".
 */
public enum EventSchemas {

    ACTIVITY_EVENT("activity-event", "1.0", "scheduling-service", "outreach.activity."),
    COUNTRY_REEVALUATED("country-reevaluated", "1.0", "evaluation-service", "outreach.country.reevaluated"),
    PROPOSAL_EVENT("proposal-event", "1.1", "evaluation-service", "outreach.proposal."),
    NOTICE_EVENT("notice-event", "1.1", "exchange-gateway", "outreach.notice.");

    /** Where services serve the schemas (this module's {@code META-INF/resources/schemas/}). */
    public static final String RESOURCES = "META-INF/resources/schemas/";

    private final SchemaVersion current;
    private final String producer;
    private final String typePrefix;

    EventSchemas(String name, String version, String producer, String typePrefix) {
        this.current = SchemaVersion.of(name, version);
        this.producer = producer;
        this.typePrefix = typePrefix;
    }

    /** The schema of a CloudEvent type, e.g. {@code outreach.activity.planned}. */
    public static Optional<EventSchemas> ofType(String cloudEventType) {
        return cloudEventType == null ? Optional.empty()
                : Arrays.stream(values()).filter(s -> cloudEventType.startsWith(s.typePrefix)).findFirst();
    }

    public String schemaName() {
        return current.name();
    }

    /** The version producers built from this module write. */
    public SchemaVersion current() {
        return current;
    }

    /** The service that owns the schema: only it changes it. */
    public String producer() {
        return producer;
    }

    /** The file name under {@code /schemas/}, e.g. {@code activity-event.schema.json}. */
    public String fileName() {
        return current.name() + ".schema.json";
    }

    /** The current schema's text. */
    public String text() {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(RESOURCES + fileName())) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCES + fileName() + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses an event this consumer cannot read: one that names another schema, or another major version of this one
     * (a breaking change, which consumers take first). An event without {@code dataschema} was written before
     * versions were named, under 1.0.
     */
    public SchemaVersion requireReadable(String dataschema) {
        if (dataschema == null) {
            return new SchemaVersion(current.name(), 1, 0);
        }
        SchemaVersion version = SchemaVersion.parse(dataschema).orElseThrow(() -> new UnreadableEventException(
                "dataschema " + dataschema + " names no version of " + current.name()));
        if (!version.name().equals(current.name()) || version.major() != current.major()) {
            throw new UnreadableEventException("the event is written under " + version + "; this consumer reads "
                    + current.name() + " " + current.major() + ".x");
        }
        return version;
    }
}
