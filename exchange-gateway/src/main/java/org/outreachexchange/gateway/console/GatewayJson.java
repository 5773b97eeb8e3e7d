package org.outreachexchange.gateway.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The gateway's own REST answers as the console reads them (its README, "REST API"). */
public final class GatewayJson {

    private GatewayJson() {
    }

    public record ComplianceItem(UUID activityId, String type, LocalDate start, String outcome, Instant deadline,
                                 Instant noticedAt, int shortNoticeChanges) {
    }

    public record ComplianceReport(String government, LocalDate from, LocalDate to, int activities, int compliant, int late,
                                   int incomplete, int pending, int shortNoticeChanges, Double complianceRate,
                                   List<ComplianceItem> items) {
    }

    public record Advisory(UUID id, String kind, UUID activityId, UUID otherActivityId, String recipient, List<String> leads,
                           String message, Instant createdAt) {
    }

    public record Filters(List<String> governments, List<String> recipients, List<String> activityTypes,
                          List<String> countries, Boolean categoryChangesOnly) {
    }

    public record Subscription(UUID id, String government, String agency, String kind, String channel, String url,
                               Filters filters, boolean active, String disabledReason, Instant createdAt, String secret,
                               String feedUrl, String eventsUrl) {
    }

    public record SubscriptionRequest(String kind, String channel, String url, Filters filters, Boolean active) {
    }

    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    public record Delivery(UUID id, String eventType, String subject, String status, int attempts, Instant nextAttemptAt,
                           Integer lastStatusCode, String lastError, Instant createdAt, Instant finishedAt, List<Attempt> log) {
    }
}
