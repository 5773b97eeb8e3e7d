package org.outreachexchange.gateway.service;

import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.SubscriptionConfig;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionKind;

import java.time.Instant;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamsTest {

    private final EventStreams streams = new EventStreams(null, null, caps(2, 3));

    @Test
    void refusesAThirdStreamOfOneSubscriptionWithTooManyRequests() {
        Subscription subscription = subscription("JP");
        streams.admit(subscription);
        streams.admit(subscription);
        assertThatThrownBy(() -> streams.admit(subscription)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(429));
    }

    @Test
    void refusesAStreamBeyondTheGovernmentsCapWhateverTheSubscription() {
        streams.admit(subscription("US"));
        streams.admit(subscription("US"));
        streams.admit(subscription("US"));
        assertThatThrownBy(() -> streams.admit(subscription("US"))).isInstanceOf(ProblemException.class);
        streams.admit(subscription("AU"));
    }

    @Test
    void admitsAgainOnceAStreamClosesAndCountsEachCloseOnce() {
        Subscription subscription = subscription("JP");
        Runnable first = streams.admit(subscription);
        streams.admit(subscription);
        first.run();
        first.run();
        Runnable third = streams.admit(subscription);
        assertThat(third).isNotNull();
        assertThatThrownBy(() -> streams.admit(subscription)).isInstanceOf(ProblemException.class);
    }

    private static Subscription subscription(String government) {
        return Subscription.create(government, "AGENCY-" + government, SubscriptionKind.SCHEDULES, DeliveryChannel.SSE, null,
                "{}", true, () -> null, () -> null, Instant.EPOCH);
    }

    private static SubscriptionConfig caps(int perSubscription, int perGovernment) {
        return new SubscriptionConfig() {
            @Override
            public int maxPerGovernment() {
                return 200;
            }

            @Override
            public Streams streams() {
                return new Streams() {
                    @Override
                    public int maxPerSubscription() {
                        return perSubscription;
                    }

                    @Override
                    public int maxPerGovernment() {
                        return perGovernment;
                    }
                };
            }

            @Override
            public Calendar calendar() {
                return new Calendar() {
                    @Override
                    public Period past() {
                        return Period.ofYears(1);
                    }

                    @Override
                    public Period future() {
                        return Period.ofYears(2);
                    }

                    @Override
                    public int maxEvents() {
                        return 1000;
                    }
                };
            }
        };
    }
}
