package org.outreachexchange.scheduling.domain;

/**
 * How much one activity may hold, stated once: the request records' annotations, the published event schema
 * ({@code activity-event.schema.json}, kept equal by a test) and the README use these numbers. Together they keep any
 * body within the 256 KiB the edge accepts and every list an agency can send bounded.
 */
public final class Limits {

    public static final int TITLE = 200;
    public static final int LOCATION = 200;
    /** The number of recipients the evaluation-service and the gateway are told to store; keep it exactly 250. */
    public static final int RECIPIENTS = 250;
    /** A country code (ISO 3166-1 alpha-2). */
    public static final int COUNTRY = 2;
    /** A government code, as in tokens. */
    public static final int GOVERNMENT = 3;
    public static final int AGENDA_ITEMS = 100;
    public static final int AGENDA_ITEM = 2000;
    public static final int OBJECTIVES = 50;
    public static final int OBJECTIVE_TEXT = 2000;
    public static final int DISTRIBUTION_GOVERNMENTS = 50;
    public static final int SUMMARY = 10000;
    public static final int PARTICIPANTS = 500;
    public static final int PARTICIPANT = 200;
    /** One finding per recipient and element: 250 recipients times 4 elements. */
    public static final int FINDINGS = 1000;
    public static final int EVIDENCE = 2000;
    public static final int CANCELLATION_REASON = 2000;

    private Limits() {
    }
}
