package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private static final Instant ANSWERED = Instant.parse("2026-03-02T10:00:00Z");

    /** 4 attempts, 10 s doubling up to 1 min, no jitter unless a test asks for it. */
    private static RetryPolicy policy(double jitter, double random) {
        return new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofMinutes(1), jitter, () -> random);
    }

    private static final RetryPolicy STEADY = policy(0, 0.5);

    @Test
    void anyTwoHundredAnswerIsDelivered() {
        for (int status : new int[]{200, 201, 202, 204, 299}) {
            assertThat(STEADY.judge(1, status, Optional.empty(), ANSWERED).kind()).isEqualTo(RetryPolicy.Verdict.Kind.DELIVERED);
        }
    }

    @Test
    void goneStopsAtOnceWhateverTheAttempt() {
        assertThat(STEADY.judge(1, 410, Optional.of("5"), ANSWERED).kind()).isEqualTo(RetryPolicy.Verdict.Kind.GONE);
        assertThat(STEADY.judge(4, 410, Optional.empty(), ANSWERED).kind()).isEqualTo(RetryPolicy.Verdict.Kind.GONE);
    }

    @Test
    void everyOtherStatusAndAnUnansweredCallAreRetriedUntilTheAttemptsAreUsedUp() {
        for (Integer status : new Integer[]{null, 301, 400, 404, 429, 500, 503}) {
            assertThat(STEADY.judge(3, status, Optional.empty(), ANSWERED).kind()).as("status %s", status)
                    .isEqualTo(RetryPolicy.Verdict.Kind.RETRY);
            assertThat(STEADY.judge(4, status, Optional.empty(), ANSWERED).kind()).as("status %s", status)
                    .isEqualTo(RetryPolicy.Verdict.Kind.EXHAUSTED);
        }
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(STEADY.judge(1, 500, Optional.empty(), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(STEADY.judge(2, 500, Optional.empty(), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(STEADY.judge(3, 500, Optional.empty(), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(40));
        assertThat(STEADY.backoff(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(STEADY.backoff(60)).as("no overflow however many failures").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterSpreadsEachDelayByAtMostItsFractionEitherWay() {
        assertThat(policy(0.2, 0).backoff(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy(0.2, 0.999_999).backoff(1)).isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
        assertThat(policy(0.2, 0.5).backoff(1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void honoursRetryAfterInSecondsCappedAtTheLongestBackoff() {
        assertThat(STEADY.judge(1, 429, Optional.of("2"), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(STEADY.judge(1, 503, Optional.of(" 0 "), ANSWERED).delay()).isEqualTo(Duration.ZERO);
        assertThat(STEADY.judge(1, 503, Optional.of("86400"), ANSWERED).delay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void readsAnHttpDateInRetryAfterAgainstTheTimeTheAnswerCameByTheWallClock() {
        assertThat(STEADY.judge(1, 503, Optional.of("Mon, 02 Mar 2026 10:00:30 GMT"), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(STEADY.judge(1, 503, Optional.of("Mon, 02 Mar 2026 09:59:00 GMT"), ANSWERED).delay())
                .as("a time already past").isEqualTo(Duration.ZERO);
        assertThat(STEADY.judge(1, 503, Optional.of("Tue, 03 Mar 2026 10:00:00 GMT"), ANSWERED).delay())
                .as("capped").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void ignoresARetryAfterItCannotReadAndBacksOffInstead() {
        assertThat(STEADY.judge(2, 503, Optional.of("soon"), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(STEADY.judge(2, 503, Optional.of("-5"), ANSWERED).delay()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refusesASettingThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.2, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(2), 0.2, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
