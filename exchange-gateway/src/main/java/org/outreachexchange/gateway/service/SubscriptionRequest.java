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

    /** An empty or absent list means "all". */
    public record Filters(@Size(max = 10) List<@NotNull @Pattern(regexp = "[A-Z]{2,3}") String> governments,
                          @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> recipients,
                          @Size(max = 10) List<@NotNull ActivityType> activityTypes,
                          @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> countries,
                          Boolean categoryChangesOnly) {

        SubscriptionFilters toFilters() {
            return new SubscriptionFilters(governments, recipients, activityTypes, countries, categoryChangesOnly);
        }
    }

    SubscriptionFilters subscriptionFilters() {
        return filters == null ? SubscriptionFilters.NONE : filters.toFilters();
    }
}
