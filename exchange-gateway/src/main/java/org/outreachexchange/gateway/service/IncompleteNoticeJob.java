package org.outreachexchange.gateway.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Raises incomplete notices when deadlines pass, even when no new event arrives. */
@ApplicationScoped
public class IncompleteNoticeJob {

    public static final String IDENTITY = "incomplete-notices";

    private final NoticeService notices;

    IncompleteNoticeJob(NoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(identity = IDENTITY, every = "${outreach.notice-policy.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        notices.raiseIncompleteNotices();
    }
}
