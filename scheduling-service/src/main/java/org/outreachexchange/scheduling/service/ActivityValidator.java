package org.outreachexchange.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.identity.quarkus.TrustedGovernments;
import org.outreachexchange.scheduling.config.SchedulingConfig;
import org.outreachexchange.scheduling.domain.ActivityContent;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.DistributionScope;
import org.outreachexchange.scheduling.domain.Finding;
import org.outreachexchange.scheduling.domain.Results;
import org.outreachexchange.scheduling.domain.Schedule;
import org.outreachexchange.scheduling.domain.SchedulePrecision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The requests' rules that need more than one field or this deployment's settings, checked together with the fields'
 * own annotations ({@link RequestValidator}), so an agency hears of every broken rule in one answer. Returns the
 * normalised content only when nothing is broken.
 */
@ApplicationScoped
public class ActivityValidator {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final RequestValidator requests;
    private final TrustedGovernments trusted;
    private final SchedulingConfig config;
    private final Clock clock;

    ActivityValidator(RequestValidator requests, TrustedGovernments trusted, SchedulingConfig config, Clock clock) {
        this.requests = requests;
        this.trusted = trusted;
        this.config = config;
        this.clock = clock;
    }

    public ActivityContent content(ActivityRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Schedule schedule = null;
        Distribution distribution = Distribution.allPartners();
        if (request != null) {
            recipients(errors, request.recipients());
            schedule = schedule(errors, request.schedule());
            if (request.status() != null && !request.status().isOpen()) {
                errors.add(new FieldError("status", "proposed-or-planned",
                        "status is PROPOSED or PLANNED; complete or cancel an activity through its own endpoints"));
            }
            distribution = distribution(errors, request.distribution());
        }
        requests.require(request, errors);
        ActivityStatus status = request.status() == null ? ActivityStatus.PLANNED : request.status();
        List<String> agenda = request.agenda() == null ? List.of() : List.copyOf(request.agenda());
        return new ActivityContent(request.type(), request.title().strip(), List.copyOf(request.recipients()), schedule,
                request.location(), agenda, request.objectives() == null ? List.of() : List.copyOf(request.objectives()),
                status, distribution);
    }

    public Results results(CompletionRequest request, Schedule schedule, List<String> recipients) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null) {
            LocalDate completedOn = request.completedOn();
            if (completedOn != null && schedule.start() != null && completedOn.isBefore(schedule.start())) {
                errors.add(new FieldError("completedOn", "not-before-start",
                        "completedOn " + completedOn + " is before the activity's start " + schedule.start()));
            } else if (completedOn != null && completedOn.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
                errors.add(new FieldError("completedOn", "not-in-future", "completedOn " + completedOn + " is in the future"));
            }
            findings(errors, request.findings(), recipients);
        }
        requests.require(request, errors);
        List<String> participants = request.participants() == null ? List.of() : List.copyOf(request.participants());
        List<Finding> findings = request.findings() == null ? List.of() : List.copyOf(request.findings());
        return new Results(request.summary().strip(), participants, request.completedOn(), findings);
    }

    public String cancellationReason(CancellationRequest request) {
        return requests.require(request, List.of()).reason().strip();
    }

    private static void findings(List<FieldError> errors, List<Finding> findings, List<String> recipients) {
        if (findings == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding == null) {
                continue;
            }
            if (finding.country() != null && !recipients.contains(finding.country())) {
                errors.add(new FieldError("findings[" + i + "].country", "recipient",
                        finding.country() + " is not a recipient of this activity " + recipients));
            }
            if (finding.country() != null && finding.element() != null && !seen.add(finding.country() + "/" + finding.element())) {
                errors.add(new FieldError("findings[" + i + "]", "unique", "one finding per country and element"));
            }
        }
    }

    private static void recipients(List<FieldError> errors, List<String> recipients) {
        if (recipients == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            String country = recipients.get(i);
            String field = "recipients[" + i + "]";
            if (country == null) {
                continue;
            }
            if (!COUNTRIES.contains(country)) {
                errors.add(new FieldError(field, "iso-3166-alpha-2",
                        "'" + country + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. MY)"));
            } else if (!seen.add(country)) {
                errors.add(new FieldError(field, "unique", country + " is listed twice"));
            }
        }
    }

    private static Schedule schedule(List<FieldError> errors, ScheduleRequest schedule) {
        if (schedule == null) {
            return null;
        }
        boolean hasMonth = schedule.month() != null;
        boolean hasDates = schedule.start() != null || schedule.end() != null;
        if (hasMonth == hasDates) {
            errors.add(new FieldError("schedule", "month-or-dates",
                    "a schedule has either a month (e.g. 2008-09) or start and end dates, not " + (hasMonth ? "both" : "neither")));
            return null;
        }
        SchedulePrecision precision = hasMonth ? SchedulePrecision.MONTH : SchedulePrecision.DATES;
        if (schedule.precision() != null && schedule.precision() != precision) {
            errors.add(new FieldError("schedule.precision", "matches-fields",
                    "precision " + schedule.precision() + " does not match the given " + (hasMonth ? "month" : "dates")));
        }
        if (hasMonth) {
            return Schedule.ofMonth(schedule.month());
        }
        if (schedule.start() == null) {
            errors.add(new FieldError("schedule.start", "required", "dates need a start"));
            return null;
        }
        if (schedule.end() == null) {
            errors.add(new FieldError("schedule.end", "required", "dates need an end (the start for a one-day activity)"));
            return null;
        }
        if (schedule.end().isBefore(schedule.start())) {
            errors.add(new FieldError("schedule.end", "not-before-start", "end " + schedule.end() + " is before start " + schedule.start()));
            return null;
        }
        return Schedule.ofDates(schedule.start(), schedule.end());
    }

    private Distribution distribution(List<FieldError> errors, Distribution distribution) {
        if (distribution == null) {
            return Distribution.allPartners();
        }
        List<String> governments = distribution.governments() == null ? List.of() : distribution.governments();
        if (distribution.scope() == null) {
            errors.add(new FieldError("distribution.scope", "required", "scope is ALL_PARTNERS or NAMED_PARTNERS"));
            return null;
        }
        if (distribution.scope() == DistributionScope.ALL_PARTNERS) {
            if (!governments.isEmpty()) {
                errors.add(new FieldError("distribution.governments", "empty-for-all-partners",
                        "name governments only with scope NAMED_PARTNERS"));
            }
            return Distribution.allPartners();
        }
        if (governments.isEmpty()) {
            errors.add(new FieldError("distribution.governments", "required",
                    "scope NAMED_PARTNERS needs one or more partner governments"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < governments.size(); i++) {
            String government = governments.get(i);
            String field = "distribution.governments[" + i + "]";
            if (government == null || !trusted.isPartner(government)) {
                errors.add(new FieldError(field, "trusted-partner",
                        "'" + government + "' is not a partner government " + trusted.governments()));
            } else if (government.equals(config.government())) {
                errors.add(new FieldError(field, "not-organizer", government + " organizes the activity; name the partners it is shared with"));
            } else if (!seen.add(government)) {
                errors.add(new FieldError(field, "unique", government + " is listed twice"));
            }
        }
        // A null entry has been named as an error above; List.copyOf would fail on it before the errors are reported.
        return new Distribution(DistributionScope.NAMED_PARTNERS, governments.stream().filter(Objects::nonNull).toList());
    }
}
