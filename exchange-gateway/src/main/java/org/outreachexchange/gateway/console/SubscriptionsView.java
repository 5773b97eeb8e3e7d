package org.outreachexchange.gateway.console;

import org.outreachexchange.gateway.console.GatewayJson.Delivery;
import org.outreachexchange.gateway.console.GatewayJson.Filters;
import org.outreachexchange.gateway.console.GatewayJson.Subscription;
import org.outreachexchange.gateway.console.GatewayJson.SubscriptionRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The officer's subscriptions (webhook, SSE, iCalendar), the form to create one, and what a new one shows once: the
 * webhook secret, the {@code webcal://} link, the stream's address.
 */
public record SubscriptionsView(List<Row> subscriptions, Form form, Row created) {

    static final List<String> KINDS = List.of("SCHEDULES", "REEVALUATIONS", "NOTICES", "PROPOSALS");
    static final List<String> CHANNELS = List.of("WEBHOOK", "SSE", "ICAL");
    static final List<String> ACTIVITY_TYPES = List.of("BILATERAL_CONSULTATION", "MULTILATERAL_SEMINAR",
            "INDUSTRY_OUTREACH_SEMINAR", "LEGAL_ASSISTANCE", "OFFICER_TRAINING", "ICP_INTRODUCTION", "INFORMATION_EXCHANGE");

    /** One subscription; {@code webcal} is its feed link for calendar programs, {@code secret} only right after creation. */
    public record Row(UUID id, String agency, String kind, String kindKey, String channel, String channelKey, String url,
                      String feedUrl, String webcal, String eventsUrl, String secret, String filters, boolean active,
                      String disabledReason, Instant createdAt) {
        static Row of(Subscription s) {
            return new Row(s.id(), s.agency(), s.kind(), Labels.key("subscription", s.kind()), s.channel(),
                    Labels.key("channel", s.channel()), s.url(), s.feedUrl(), SubscriptionsView.webcal(s.feedUrl()), s.eventsUrl(), s.secret(),
                    describe(s.filters()), s.active(), s.disabledReason(), s.createdAt());
        }
    }

    /** The creation form as typed, with the API's problem. */
    public record Form(String kind, String channel, String url, String governments, String recipients,
                       List<String> activityTypes, String countries, boolean categoryChangesOnly, ProblemView problem) {

        static final Form EMPTY = new Form("SCHEDULES", "WEBHOOK", "", "", "", List.of(), "", false, null);

        static Form of(Map<String, List<String>> typed, ProblemView problem) {
            return new Form(first(typed, "kind", "SCHEDULES"), first(typed, "channel", "WEBHOOK"), first(typed, "url", ""),
                    first(typed, "governments", ""), first(typed, "recipients", ""),
                    typed.getOrDefault("activityTypes", List.of()), first(typed, "countries", ""),
                    typed.containsKey("categoryChangesOnly"), problem);
        }

        /** The request the API receives; lists as typed (codes upper-cased), so the API judges every one. */
        SubscriptionRequest request() {
            Filters filters = new Filters(codes(governments), codes(recipients),
                    activityTypes.isEmpty() ? null : List.copyOf(activityTypes), codes(countries),
                    categoryChangesOnly ? Boolean.TRUE : null);
            return new SubscriptionRequest(kind, channel, "WEBHOOK".equals(channel) && !url.isBlank() ? url.trim() : null,
                    filters, null);
        }

        public List<Labels.Option> kinds() {
            return Labels.options("subscription", KINDS);
        }

        public List<Labels.Option> channels() {
            return Labels.options("channel", CHANNELS);
        }

        public List<Choice> types() {
            return ACTIVITY_TYPES.stream().map(t -> new Choice(t, Labels.key("type", t), activityTypes.contains(t))).toList();
        }

        public boolean has(String field) {
            return problem != null && problem.has(field);
        }

        public String error(String field) {
            return problem == null ? "" : problem.message(field);
        }
    }

    /** A checkbox: its value, label key and whether it is ticked. */
    public record Choice(String value, String key, boolean checked) {
    }

    /** The subscription's delivery log and dead letters, newest first. */
    public record Detail(Row subscription, List<DeliveryRow> deliveries, List<DeliveryRow> deadLetters, String replayed,
                         ProblemView problem) {
    }

    public record DeliveryRow(UUID id, String eventType, String subject, String status, String statusKey, int attempts,
                              Integer lastStatusCode, String lastError, Instant createdAt, Instant finishedAt,
                              Instant nextAttemptAt) {
        static DeliveryRow of(Delivery d) {
            return new DeliveryRow(d.id(), d.eventType(), d.subject(), d.status(), Labels.key("delivery", d.status()),
                    d.attempts(), d.lastStatusCode(), d.lastError(), d.createdAt(), d.finishedAt(), d.nextAttemptAt());
        }
    }

    /** A feed's {@code http(s)://} link as calendar programs subscribe to it: {@code webcal://}. */
    static String webcal(String feedUrl) {
        if (feedUrl == null) {
            return null;
        }
        int scheme = feedUrl.indexOf("://");
        return scheme < 0 ? feedUrl : "webcal" + feedUrl.substring(scheme);
    }

    /** Comma- or space-separated codes, upper-cased; none: null (every one). */
    static List<String> codes(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return Arrays.stream(typed.split("[,\\s]+")).filter(s -> !s.isBlank()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    static String describe(Filters f) {
        if (f == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (f.governments() != null && !f.governments().isEmpty()) {
            parts.add(String.join(" ", f.governments()));
        }
        if (f.recipients() != null && !f.recipients().isEmpty()) {
            parts.add("→ " + String.join(" ", f.recipients()));
        }
        if (f.activityTypes() != null && !f.activityTypes().isEmpty()) {
            parts.add(String.join(" ", f.activityTypes()));
        }
        if (f.countries() != null && !f.countries().isEmpty()) {
            parts.add(String.join(" ", f.countries()));
        }
        if (Boolean.TRUE.equals(f.categoryChangesOnly())) {
            parts.add("CATEGORY");
        }
        return String.join(" · ", parts);
    }

    private static String first(Map<String, List<String>> typed, String name, String otherwise) {
        List<String> values = typed.get(name);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }
}
