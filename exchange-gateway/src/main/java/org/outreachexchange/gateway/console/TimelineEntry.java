package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateData;

import java.time.Instant;

/** One moment of an activity's notice file: noticed, deadline, a notice raised, an acknowledgement, a suggestion. */
@TemplateData
public record TimelineEntry(Instant at, String event, String who, String detail) implements Comparable<TimelineEntry> {

    /** "2008-06-24 09:00 UTC". */
    public String when() {
        return at == null ? "" : at.toString().replace("T", " ").replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
    }

    @Override
    public int compareTo(TimelineEntry other) {
        return at.compareTo(other.at);
    }
}
