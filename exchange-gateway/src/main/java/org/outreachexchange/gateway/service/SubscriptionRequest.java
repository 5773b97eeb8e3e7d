package org.outreachexchange.gateway.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.SubscriptionKind;

import java.util.List;

/** What a subscriber asks for; {@code url} for WEBHOOK only; {@code active} defaults to true. */
public record SubscriptionRequest(@NotNull SubscriptionKind kind, @NotNull DeliveryChannel channel,
                                  @Size(max = 2000) String url, @Valid Filters filters, Boolean active) {

    /** An empty or absent list means "all". The bounds are published by {@code GET /subscriptions/options}. */
    public record Filters(@Size(max = MAX_GOVERNMENTS) List<@NotNull @Pattern(regexp = GOVERNMENT) String> governments,
                          @Size(max = MAX_COUNTRIES) List<@NotNull @Pattern(regexp = COUNTRY) String> recipients,
                          @Size(max = MAX_ACTIVITY_TYPES) List<@NotNull ActivityType> activityTypes,
                          @Size(max = MAX_COUNTRIES) List<@NotNull @Pattern(regexp = COUNTRY) String> countries,
                          Boolean categoryChangesOnly) {

        static final int MAX_GOVERNMENTS = 10;
        static final int MAX_COUNTRIES = 50;
        static final int MAX_ACTIVITY_TYPES = 10;
        static final String GOVERNMENT = "[A-Z]{2,3}";
        static final String COUNTRY = "[A-Z]{2}";

        SubscriptionFilters toFilters() {
            return new SubscriptionFilters(governments, recipients, activityTypes, countries, categoryChangesOnly);
        }
    }

    SubscriptionFilters subscriptionFilters() {
        return filters == null ? SubscriptionFilters.NONE : filters.toFilters();
    }
}
