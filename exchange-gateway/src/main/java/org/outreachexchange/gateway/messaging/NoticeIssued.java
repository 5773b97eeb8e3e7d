package org.outreachexchange.gateway.messaging;

import org.outreachexchange.gateway.domain.AdvisoryKind;
import org.outreachexchange.gateway.domain.DistributionScope;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.NoticeKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of a notice event on {@code outreach.notices}; see schemas/notice-event.schema.json. */
public record NoticeIssued(UUID noticeId, NoticeKind kind, UUID activityId, int activityVersion, String organizer,
                           String addressee, String activityType, List<String> recipients, Instant deadline,
                           Instant noticedAt, List<Missing> missing, List<String> changed, Advice advisory,
                           Distribution distribution, Instant occurredAt) {

    public record Advice(AdvisoryKind kind, String recipient, UUID otherActivityId, String otherOrganizer,
                         List<String> leads, String message) {
    }

    public record Distribution(DistributionScope scope, List<String> governments) {
    }
}
