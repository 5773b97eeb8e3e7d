package org.outreachexchange.bench;

import java.time.LocalDate;
import java.util.List;

/**
 * What the benchmark activities look like: recipients spread over twenty Asian economies and start dates over three
 * years, so the gateway's overlap checks see about as many neighbours per activity as a real schedule gives them
 * rather than every activity colliding with every other.
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
        return FIRST.plusDays((seq / RECIPIENTS.size() * 7 + seq % 7) % 1100);
    }
}
