package org.outreachexchange.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in the harness (not in tests): polling with a deadline. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 10 ms; returns whether the condition held before the timeout. */
    static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException ignored) {
                // not ready yet: a refused connection or a missing table
            }
            millis(10);
        }
        return false;
    }
}
