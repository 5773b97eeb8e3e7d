package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.gateway.domain.Acknowledgement;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Advisory;
import org.outreachexchange.gateway.domain.AdvisoryKind;
import org.outreachexchange.gateway.domain.DeliveryAttempt;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.NoticeOutcome;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.domain.Suggestion;
import org.outreachexchange.gateway.domain.SuggestionKind;
import org.outreachexchange.gateway.domain.SuggestionStatus;
import org.outreachexchange.gateway.domain.Verdict;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.gateway.service.SubscriptionFilters;
import org.outreachexchange.gateway.service.SubscriptionService;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The REST representations; entities never leave the service layer as they are. */
final class Views {

    private Views() {
    }

    record NoticeStatus(NoticeOutcome outcome, Instant deadline, Instant noticedAt, List<Missing> missing,
                        int shortNoticeChanges, boolean withheld) {
        static NoticeStatus of(Activity a, boolean withheld) {
            return new NoticeStatus(a.outcome, a.deadline, a.noticedAt, List.copyOf(a.missing), a.shortNoticeChanges, withheld);
        }
    }

    record ScheduleEntry(JsonNode activity, NoticeStatus notice) {
    }

    record AcknowledgementView(String government, String agency, Verdict verdict, String comment, Instant acknowledgedAt) {
        static AcknowledgementView of(Acknowledgement a) {
            return new AcknowledgementView(a.government, a.agency, a.verdict, a.comment, a.acknowledgedAt);
        }
    }

    record NoticeFileView(UUID activityId, String organizer, int version, NoticeStatus notice, List<JsonNode> notices,
                          List<AcknowledgementView> acknowledgements) {
    }

    record ComplianceItem(UUID activityId, String type, LocalDate start, NoticeOutcome outcome, Instant deadline,
                          Instant noticedAt, int shortNoticeChanges) {
    }

    record ComplianceReportView(String government, LocalDate from, LocalDate to, int activities, int compliant, int late,
                                int incomplete, int pending, int shortNoticeChanges, Double complianceRate,
                                List<ComplianceItem> items) {
        /** The report with at most {@code limit} of its items: the page. */
        static ComplianceReportView of(ScheduleService.ComplianceReport r, int limit) {
            return new ComplianceReportView(r.government(), r.from(), r.to(), r.activities(), r.compliant(), r.late(),
                    r.incomplete(), r.pending(), r.shortNoticeChanges(), r.complianceRate(), r.items().stream().limit(limit)
                    .map(a -> new ComplianceItem(a.id, a.type, a.startDate, a.outcome, a.deadline, a.noticedAt, a.shortNoticeChanges))
                    .toList());
        }
    }

    record AdvisoryView(UUID id, AdvisoryKind kind, UUID activityId, UUID otherActivityId, String recipient,
                        List<String> leads, String message, Instant createdAt) {
        static AdvisoryView of(Advisory a) {
            return new AdvisoryView(a.id, a.kind, a.activityId, a.otherActivityId, a.recipient,
                    List.copyOf(a.leads), a.message, a.createdAt);
        }
    }

    /** {@code secret} appears only in the answer to the creation; {@code feedUrl} only for ICAL subscriptions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(UUID id, String government, String agency, SubscriptionKind kind, DeliveryChannel channel,
                            String url, SubscriptionFilters filters, boolean active, String disabledReason,
                            Instant createdAt, String secret, String feedUrl, String eventsUrl) {
    }

    record AttemptView(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    /** {@code id} is the webhook-id the subscriber saw on every attempt. */
    record DeliveryView(UUID id, String eventType, String subject, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                        Integer lastStatusCode, String lastError, Instant createdAt, Instant finishedAt,
                        List<AttemptView> log) {
        static DeliveryView of(SubscriptionService.DeliveryLog l) {
            var d = l.delivery();
            return new DeliveryView(d.id, l.eventType(), d.subject, d.status, d.attempts, d.nextAttemptAt, d.lastStatusCode,
                    d.lastError, d.createdAt, d.finishedAt, l.attempts().stream().map(AttemptView::of).toList());
        }
    }

    record SuggestionView(UUID id, UUID activityId, String government, String agency, SuggestionKind kind, String text,
                          String element, String reason, SuggestionStatus status, String answeredBy, String answerComment,
                          Instant createdAt, Instant answeredAt) {
        static SuggestionView of(Suggestion s) {
            return new SuggestionView(s.id, s.activityId, s.government, s.agency, s.kind, s.text, s.element, s.reason,
                    s.status, s.answeredBy, s.answerComment, s.createdAt, s.answeredAt);
        }
    }

    static JsonNode tree(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
