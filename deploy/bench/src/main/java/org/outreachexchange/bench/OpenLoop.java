package org.outreachexchange.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;

/**
 * Fixed arrival rate, open loop: the i-th operation is due at start + i/rate whether or not earlier ones finished,
 * and latencies are taken from that intended time, so a stall shows in the figures (no coordinated omission).
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** Calls {@code action(i, intendedNanos)} at each intended time; the action must hand work off, not block. */
    static int run(double perSecond, Duration duration, BiConsumer<Integer, Long> action) {
        long interval = (long) (1e9 / perSecond);
        int count = (int) (duration.toNanos() / interval);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            action.accept(i, intended);
        }
        return count;
    }
}
