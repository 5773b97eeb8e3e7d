package org.outreachexchange.scheduling.domain;

import java.util.List;

/** What an agency decides about an activity when it plans or revises it, already validated. */
public record ActivityContent(ActivityType type, String title, List<String> recipients, Schedule schedule, String location,
                              List<String> agenda, List<Objective> objectives, ActivityStatus status,
                              Distribution distribution) {
}
