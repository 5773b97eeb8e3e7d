package org.outreachexchange.gateway.service;

import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.SubscriptionKind;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a caller may subscribe to, described from the rules the gateway applies to a subscription request, so a
 * partner's engineer (or the console) can build one without reading the code.
 *
 * @param maxPerGovernment subscriptions a government may keep in all
 */
public record SubscriptionOptions(List<Kind> kinds, List<Channel> channels, List<Filter> filters, int maxPerGovernment) {

    /** A kind, the channels that carry it and the filters that select what it delivers. */
    public record Kind(SubscriptionKind kind, String description, List<DeliveryChannel> channels, List<String> filters) {
    }

    /** A channel; {@code needsUrl}: the request names the webhook URL (and only then may it name one). */
    public record Channel(DeliveryChannel channel, String description, boolean needsUrl) {
    }

    /**
     * A filter: a list of codes ({@code values} when they are known ahead, else {@code pattern}) or a flag.
     * An empty or absent list means all.
     */
    public record Filter(String name, String type, List<SubscriptionKind> kinds, List<String> values, String pattern,
                         Integer maxItems, String description) {
    }

    /** The options as of now: {@code partners} are the governments of the current partners document. */
    public static SubscriptionOptions describe(Collection<String> partners, int maxPerGovernment) {
        List<Kind> kinds = Arrays.stream(SubscriptionKind.values()).map(kind -> new Kind(kind, kind.description(),
                Arrays.stream(DeliveryChannel.values()).filter(c -> c.carries(kind)).toList(), kind.filters())).toList();
        List<Channel> channels = Arrays.stream(DeliveryChannel.values())
                .map(c -> new Channel(c, c.description(), c.needsUrl())).toList();
        List<Filter> filters = List.of(
                new Filter("governments", "list", kindsFiltering("governments"), List.copyOf(partners),
                        SubscriptionRequest.Filters.GOVERNMENT, SubscriptionRequest.Filters.MAX_GOVERNMENTS,
                        "Organizing governments: partners of the exchange"),
                new Filter("recipients", "list", kindsFiltering("recipients"), null, SubscriptionRequest.Filters.COUNTRY,
                        SubscriptionRequest.Filters.MAX_COUNTRIES, "Recipient countries (ISO 3166-1 alpha-2)"),
                new Filter("activityTypes", "list", kindsFiltering("activityTypes"),
                        Arrays.stream(ActivityType.values()).map(Enum::name).toList(), null,
                        SubscriptionRequest.Filters.MAX_ACTIVITY_TYPES, "Outreach activity types"),
                new Filter("countries", "list", kindsFiltering("countries"), null, SubscriptionRequest.Filters.COUNTRY,
                        SubscriptionRequest.Filters.MAX_COUNTRIES, "Evaluated recipient countries (ISO 3166-1 alpha-2)"),
                new Filter("categoryChangesOnly", "boolean", kindsFiltering("categoryChangesOnly"), null, null, null,
                        "Only re-evaluations that changed the country's category"));
        return new SubscriptionOptions(kinds, channels, filters, maxPerGovernment);
    }

    private static List<SubscriptionKind> kindsFiltering(String filter) {
        return Arrays.stream(SubscriptionKind.values()).filter(k -> k.filters().contains(filter)).toList();
    }
}
