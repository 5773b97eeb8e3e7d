package org.outreachexchange.events;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of an event schema, named by its {@code $id} and by the CloudEvents {@code dataschema} attribute of every
 * event written under it: {@code https://outreach-exchange.org/schemas/<name>/<major>.<minor>}. Within a major version
 * every change is additive, so a consumer reads any minor of the major it knows.
 */
public record SchemaVersion(String name, int major, int minor) implements Comparable<SchemaVersion> {

    public static final String BASE = "https://outreach-exchange.org/schemas/";
    private static final Pattern URI = Pattern.compile(Pattern.quote(BASE) + "([a-z][a-z-]*)/(\\d{1,4})\\.(\\d{1,4})");
    private static final Comparator<SchemaVersion> ORDER = Comparator.comparing(SchemaVersion::name)
            .thenComparingInt(SchemaVersion::major).thenComparingInt(SchemaVersion::minor);

    /** The version a {@code dataschema} (or {@code $id}) names; empty for anything else. */
    public static Optional<SchemaVersion> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Matcher m = URI.matcher(uri);
        return m.matches() ? Optional.of(new SchemaVersion(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }

    /** {@code 1.0}, as released copies are named. */
    public static SchemaVersion of(String name, String majorDotMinor) {
        return parse(BASE + name + "/" + majorDotMinor)
                .orElseThrow(() -> new IllegalArgumentException("not a version: " + majorDotMinor));
    }

    public String uri() {
        return BASE + name + "/" + number();
    }

    public String number() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(SchemaVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return name + " " + number();
    }
}
