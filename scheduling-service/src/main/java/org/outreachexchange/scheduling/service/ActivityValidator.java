package org.outreachexchange.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.identity.quarkus.TrustedGovernments;
import org.outreachexchange.scheduling.config.SchedulingConfig;
import org.outreachexchange.scheduling.domain.ActivityContent;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.DistributionScope;
import org.outreachexchange.scheduling.domain.Finding;
import org.outreachexchange.scheduling.domain.Objective;
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
import java.util.Set;

/**
 * Checks requests against every rule at once and names each broken rule with its field, so an agency can fix all
 * of them in one go. Returns the normalised content (defaults filled in) only when nothing is broken.
 */
@ApplicationScoped
public class ActivityValidator {

    static final int MAX_TITLE = 200;
    static final int MAX_LOCATION = 200;
    static final int MAX_TEXT = 2000;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final TrustedGovernments trusted;
    private final SchedulingConfig config;
    private final Clock clock;

    ActivityValidator(TrustedGovernments trusted, SchedulingConfig config, Clock clock) {
        this.trusted = trusted;
        this.config = config;
        this.clock = clock;
    }

    public ActivityContent content(ActivityRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("body", "required", "the request needs a JSON body");
        }
        List<Violation> violations = new ArrayList<>();
        if (request.type() == null) {
            violations.add(new Violation("type", "required", "type is required"));
        }
        text(violations, "title", request.title(), MAX_TITLE, true);
        recipients(violations, request.recipients());
        Schedule schedule = schedule(violations, request.schedule());
        text(violations, "location", request.location(), MAX_LOCATION, false);
        List<String> agenda = request.agenda() == null ? List.of() : request.agenda();
        for (int i = 0; i < agenda.size(); i++) {
            text(violations, "agenda[" + i + "]", agenda.get(i), MAX_TEXT, true);
        }
        List<Objective> objectives = request.objectives() == null ? List.of() : request.objectives();
        for (int i = 0; i < objectives.size(); i++) {
            Objective objective = objectives.get(i);
            if (objective == null) {
                violations.add(new Violation("objectives[" + i + "]", "required", "an objective cannot be null"));
                continue;
            }
            if (objective.element() == null) {
                violations.add(new Violation("objectives[" + i + "].element", "required", "an objective names the element it targets"));
            }
            text(violations, "objectives[" + i + "].text", objective.text(), MAX_TEXT, true);
        }
        ActivityStatus status = request.status() == null ? ActivityStatus.PLANNED : request.status();
        if (!status.isOpen()) {
            violations.add(new Violation("status", "proposed-or-planned",
                    "status is PROPOSED or PLANNED; complete or cancel an activity through its own endpoints"));
        }
        Distribution distribution = distribution(violations, request.distribution());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new ActivityContent(request.type(), request.title().strip(), List.copyOf(request.recipients()), schedule,
                request.location(), List.copyOf(agenda), List.copyOf(objectives), status, distribution);
    }

    public Results results(CompletionRequest request, Schedule schedule, List<String> recipients) {
        if (request == null) {
            throw InvalidRequestException.of("body", "required", "the request needs a JSON body");
        }
        List<Violation> violations = new ArrayList<>();
        text(violations, "summary", request.summary(), MAX_TEXT * 5, true);
        List<String> participants = request.participants() == null ? List.of() : request.participants();
        for (int i = 0; i < participants.size(); i++) {
            text(violations, "participants[" + i + "]", participants.get(i), MAX_TITLE, true);
        }
        LocalDate completedOn = request.completedOn();
        if (completedOn == null) {
            violations.add(new Violation("completedOn", "required", "completedOn is required"));
        } else if (schedule.start() != null && completedOn.isBefore(schedule.start())) {
            violations.add(new Violation("completedOn", "not-before-start",
                    "completedOn " + completedOn + " is before the activity's start " + schedule.start()));
        } else if (completedOn.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            violations.add(new Violation("completedOn", "not-in-future", "completedOn " + completedOn + " is in the future"));
        }
        List<Finding> findings = request.findings() == null ? List.of() : request.findings();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            String field = "findings[" + i + "]";
            Finding finding = findings.get(i);
            if (finding == null) {
                violations.add(new Violation(field, "required", "a finding cannot be null"));
                continue;
            }
            if (finding.country() == null) {
                violations.add(new Violation(field + ".country", "required", "a finding names its country"));
            } else if (!recipients.contains(finding.country())) {
                violations.add(new Violation(field + ".country", "recipient",
                        finding.country() + " is not a recipient of this activity " + recipients));
            }
            if (finding.element() == null) {
                violations.add(new Violation(field + ".element", "required", "a finding names its element"));
            }
            if (finding.assessment() == null) {
                violations.add(new Violation(field + ".assessment", "required", "a finding gives an assessment"));
            }
            text(violations, field + ".evidence", finding.evidence(), MAX_TEXT, true);
            if (finding.country() != null && finding.element() != null && !seen.add(finding.country() + "/" + finding.element())) {
                violations.add(new Violation(field, "unique", "one finding per country and element"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new Results(request.summary().strip(), List.copyOf(participants), completedOn, List.copyOf(findings));
    }

    public String cancellationReason(CancellationRequest request) {
        if (request == null) {
            throw InvalidRequestException.of("body", "required", "the request needs a JSON body");
        }
        List<Violation> violations = new ArrayList<>();
        text(violations, "reason", request.reason(), MAX_TEXT, true);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request.reason().strip();
    }

    private static void text(List<Violation> violations, String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "not-blank", field + " must not be empty"));
            }
        } else if (value.length() > maxLength) {
            violations.add(new Violation(field, "max-length", field + " is longer than " + maxLength + " characters"));
        }
    }

    private static void recipients(List<Violation> violations, List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            violations.add(new Violation("recipients", "not-empty", "an activity has one or more recipient countries"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            String country = recipients.get(i);
            String field = "recipients[" + i + "]";
            if (country == null || !COUNTRIES.contains(country)) {
                violations.add(new Violation(field, "iso-3166-alpha-2",
                        "'" + country + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. MY)"));
            } else if (!seen.add(country)) {
                violations.add(new Violation(field, "unique", country + " is listed twice"));
            }
        }
    }

    private static Schedule schedule(List<Violation> violations, ScheduleRequest schedule) {
        if (schedule == null) {
            violations.add(new Violation("schedule", "required", "schedule is required"));
            return null;
        }
        boolean hasMonth = schedule.month() != null;
        boolean hasDates = schedule.start() != null || schedule.end() != null;
        if (hasMonth == hasDates) {
            violations.add(new Violation("schedule", "month-or-dates",
                    "a schedule has either a month (e.g. 2008-09) or start and end dates, not " + (hasMonth ? "both" : "neither")));
            return null;
        }
        SchedulePrecision precision = hasMonth ? SchedulePrecision.MONTH : SchedulePrecision.DATES;
        if (schedule.precision() != null && schedule.precision() != precision) {
            violations.add(new Violation("schedule.precision", "matches-fields",
                    "precision " + schedule.precision() + " does not match the given " + (hasMonth ? "month" : "dates")));
        }
        if (hasMonth) {
            return Schedule.ofMonth(schedule.month());
        }
        if (schedule.start() == null) {
            violations.add(new Violation("schedule.start", "required", "dates need a start"));
            return null;
        }
        if (schedule.end() == null) {
            violations.add(new Violation("schedule.end", "required", "dates need an end (the start for a one-day activity)"));
            return null;
        }
        if (schedule.end().isBefore(schedule.start())) {
            violations.add(new Violation("schedule.end", "not-before-start",
                    "end " + schedule.end() + " is before start " + schedule.start()));
            return null;
        }
        return Schedule.ofDates(schedule.start(), schedule.end());
    }

    private Distribution distribution(List<Violation> violations, Distribution distribution) {
        if (distribution == null) {
            return Distribution.allPartners();
        }
        List<String> governments = distribution.governments() == null ? List.of() : distribution.governments();
        if (distribution.scope() == null) {
            violations.add(new Violation("distribution.scope", "required", "scope is ALL_PARTNERS or NAMED_PARTNERS"));
            return null;
        }
        if (distribution.scope() == DistributionScope.ALL_PARTNERS) {
            if (!governments.isEmpty()) {
                violations.add(new Violation("distribution.governments", "empty-for-all-partners",
                        "name governments only with scope NAMED_PARTNERS"));
            }
            return Distribution.allPartners();
        }
        if (governments.isEmpty()) {
            violations.add(new Violation("distribution.governments", "not-empty",
                    "scope NAMED_PARTNERS needs one or more partner governments"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < governments.size(); i++) {
            String government = governments.get(i);
            String field = "distribution.governments[" + i + "]";
            if (government == null || !trusted.isPartner(government)) {
                violations.add(new Violation(field, "trusted-partner",
                        "'" + government + "' is not a partner government " + trusted.governments()));
            } else if (government.equals(config.government())) {
                violations.add(new Violation(field, "not-organizer", government + " organizes the activity; name the partners it is shared with"));
            } else if (!seen.add(government)) {
                violations.add(new Violation(field, "unique", government + " is listed twice"));
            }
        }
        return new Distribution(DistributionScope.NAMED_PARTNERS, List.copyOf(governments));
    }
}
