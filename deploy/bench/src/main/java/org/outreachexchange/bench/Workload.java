package org.outreachexchange.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * What the benchmark activities look like: recipients round-robin over twenty Asian economies, each economy getting
 * an activity every ten days however many are planned, so the gateway's overlap checks see a few neighbours per
 * activity, as in a real schedule, rather than more and more as a run grows.
 */
final class Workload {

    static final List<String> RECIPIENTS = List.of("CN", "KR", "TW", "HK", "SG", "MY", "TH", "ID", "PH", "VN",
            "IN", "PK", "KH", "LA", "MM", "BD", "LK", "MN", "BN", "KZ");
    private static final LocalDate FIRST = LocalDate.of(2027, 3, 1);

    private Workload() {
    }

    static String recipient(long seq) {
        return RECIPIENTS.get((int) (seq % RECIPIENTS.size()));
    }

    static LocalDate start(long seq) {
        return FIRST.plusDays(seq / RECIPIENTS.size() * 10);
    }
}
