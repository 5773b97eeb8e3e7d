package org.outreachexchange.gateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.outreachexchange.gateway.domain.NoticePolicy;
import org.outreachexchange.gateway.domain.RetryPolicy;

import java.util.concurrent.ThreadLocalRandom;

/** The domain's pure policies, made from their configuration once. */
public class PolicyProducer {

    @Produces
    @Singleton
    NoticePolicy noticePolicy(NoticePolicyConfig config) {
        return new NoticePolicy(config::periodDays, config.dayZone());
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(DeliveryConfig config) {
        return new RetryPolicy(config.maxAttempts(), config.initialBackoff(), config.maxBackoff(), config.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
