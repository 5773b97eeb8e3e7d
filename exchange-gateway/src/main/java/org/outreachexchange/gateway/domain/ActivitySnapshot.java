package org.outreachexchange.gateway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of an activity as its organizer published it: what the gateway keeps of it and judges its notice by.
 *
 * @param type     an {@link ActivityType}, or a newer producer's type as written
 * @param firstDay the start date, or the first day of the month for month-precision schedules
 * @param lastDay  the end date, or the last day of the month
 */
public record ActivitySnapshot(UUID activityId, int version, String organizer, String type, ActivityStatus status,
                               List<String> recipients, Schedule schedule, LocalDate firstDay, LocalDate lastDay,
                               List<String> agenda, List<Objective> objectives, DistributionScope distributionScope,
                               List<String> distributionGovernments) {

    public ActivitySnapshot {
        recipients = List.copyOf(recipients);
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        distributionGovernments = distributionGovernments == null ? List.of() : List.copyOf(distributionGovernments);
    }

    public boolean exactDates() {
        return schedule.exactDates();
    }

    /** What a complete notice has and this one lacks, in the order of {@link Missing}. */
    public List<Missing> missing() {
        List<Missing> missing = new ArrayList<>();
        if (!exactDates()) {
            missing.add(Missing.DATES);
        }
        if (agenda.isEmpty()) {
            missing.add(Missing.AGENDA);
        }
        if (objectives.isEmpty()) {
            missing.add(Missing.OBJECTIVES);
        }
        return List.copyOf(missing);
    }

    /** Which of what partners plan around (schedule, agenda, objectives) differs from {@code previous}. */
    public List<String> changesFrom(ActivitySnapshot previous) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(previous.schedule(), schedule)) {
            changed.add("schedule");
        }
        if (!previous.agenda().equals(agenda)) {
            changed.add("agenda");
        }
        if (!previous.objectives().equals(objectives)) {
            changed.add("objectives");
        }
        return List.copyOf(changed);
    }
}
