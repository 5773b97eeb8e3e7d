package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.messaging.CountryReevaluated;
import org.outreachexchange.gateway.messaging.ProposalChanged;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a subscription wants; an empty or absent list means "all".
 *
 * @param governments         SCHEDULES: organizing governments
 * @param recipients          SCHEDULES: recipient countries
 * @param activityTypes       SCHEDULES: activity types
 * @param countries           REEVALUATIONS and PROPOSALS: countries (a proposal on the criteria concerns every country)
 * @param categoryChangesOnly REEVALUATIONS: only re-evaluations that changed the category
 */
public record SubscriptionFilters(List<String> governments, List<String> recipients, List<ActivityType> activityTypes,
                                  List<String> countries, Boolean categoryChangesOnly) {

    public static final SubscriptionFilters NONE = new SubscriptionFilters(List.of(), List.of(), List.of(), List.of(), false);

    public SubscriptionFilters {
        governments = governments == null ? List.of() : List.copyOf(governments);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        activityTypes = activityTypes == null ? List.of() : List.copyOf(activityTypes);
        countries = countries == null ? List.of() : List.copyOf(countries);
        categoryChangesOnly = Boolean.TRUE.equals(categoryChangesOnly);
    }

    /** Reads the filters as a subscription stores them (JSON). */
    public static SubscriptionFilters read(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, SubscriptionFilters.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean matches(Activity activity) {
        return (governments.isEmpty() || governments.contains(activity.organizer))
                && (recipients.isEmpty() || activity.recipients.stream().anyMatch(recipients::contains))
                && (activityTypes.isEmpty() || activityTypes.stream().anyMatch(t -> t.name().equals(activity.type)));
    }

    public boolean matches(ProposalChanged event) {
        return countries.isEmpty() || event.countryList().isEmpty() || event.countryList().stream().anyMatch(countries::contains);
    }

    public boolean matches(CountryReevaluated event) {
        return (countries.isEmpty() || countries.contains(event.country()))
                && (!categoryChangesOnly || event.categoryChanged());
    }
}
