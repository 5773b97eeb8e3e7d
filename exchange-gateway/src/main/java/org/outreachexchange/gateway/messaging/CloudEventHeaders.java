package org.outreachexchange.gateway.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The CloudEvents 1.0 binary-mode attributes of a Kafka record. */
public record CloudEventHeaders(String id, String type, String source, String subject, Instant time, String dataschema) {

    public static CloudEventHeaders of(Headers headers) {
        String specVersion = text(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 binary-mode record (ce_specversion=" + specVersion + ")");
        }
        String id = text(headers, "ce_id");
        String type = text(headers, "ce_type");
        if (id == null || id.isBlank() || type == null) {
            throw new IllegalArgumentException("CloudEvent without ce_id or ce_type");
        }
        String time = text(headers, "ce_time");
        Instant parsed = null;
        if (time != null) {
            try {
                parsed = Instant.parse(time);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid ce_time " + time, e);
            }
        }
        return new CloudEventHeaders(id, type, text(headers, "ce_source"), text(headers, "ce_subject"), parsed,
                text(headers, "ce_dataschema"));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
