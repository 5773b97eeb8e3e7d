package org.outreachexchange.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of a relay round the topic holds in outbox order. The Kafka connector retries a failed send on its own,
 * after sends that were issued later may already have succeeded, so the broker can acknowledge every row of a round
 * and still hold them out of order (seen when the broker was killed: #2..#200 of a chain written before #1). Only the
 * leading rows that were acknowledged at rising offsets within their partition count as published; the relay sends
 * the rest again, after them, so each row's predecessors come before a copy of it and consumers fill any gap.
 */
final class LogOrder {

    /** Where the broker wrote a row; null for a row it did not acknowledge. */
    record Written(int partition, long offset) {
    }

    private LogOrder() {
    }

    /** How many leading rows were acknowledged, each after the rows before it in its partition. */
    static int inOrder(List<Written> round) {
        Map<Integer, Long> last = new HashMap<>();
        int count = 0;
        for (Written written : round) {
            if (written == null) {
                break;
            }
            Long before = last.put(written.partition(), written.offset());
            if (before != null && written.offset() <= before) {
                break;
            }
            count++;
        }
        return count;
    }
}
