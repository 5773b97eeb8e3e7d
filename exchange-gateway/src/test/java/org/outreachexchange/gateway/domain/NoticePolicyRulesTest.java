package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The advance-notice rules without a database: 30 days by default, 60 for multilateral seminars, days in UTC. */
class NoticePolicyRulesTest {

    private static final NoticePolicy POLICY = new NoticePolicy(
            type -> Map.of(ActivityType.MULTILATERAL_SEMINAR.name(), 60).getOrDefault(type, 30), ZoneOffset.UTC);
    private static final LocalDate START = LocalDate.parse("2008-07-24");
    /** Notice on 2008-06-24 is the last in time for a 30-day type starting on 2008-07-24. */
    private static final Instant DEADLINE = Instant.parse("2008-06-25T00:00:00Z");
    private static final Instant IN_TIME = Instant.parse("2008-06-24T23:59:59Z");

    @Nested
    class AFirstNotice {

        @Test
        void completeBeforeTheDeadlineIsCompliant() {
            NoticeDecision decision = firstNotice(complete(), IN_TIME);

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.COMPLIANT);
            assertThat(decision.state().deadline()).isEqualTo(DEADLINE);
            assertThat(decision.state().noticedAt()).isEqualTo(IN_TIME);
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.COMPLIANT, List.of(), List.of()));
        }

        @Test
        void incompleteBeforeTheDeadlineIsPendingAndRaisesNothingYet() {
            NoticeDecision decision = firstNotice(complete().withoutAgenda(), IN_TIME);

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.PENDING);
            assertThat(decision.state().missing()).containsExactly(Missing.AGENDA);
            assertThat(decision.notices()).isEmpty();
        }

        @Test
        void atTheDeadlineIsLate() {
            NoticeDecision decision = firstNotice(complete(), DEADLINE);

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.LATE);
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.LATE, List.of(), List.of()));
        }

        @Test
        void afterTheDeadlineIsLateAndSaysWhatIsMissing() {
            NoticeDecision decision = firstNotice(complete().withoutAgenda().withoutObjectives(), DEADLINE.plus(Duration.ofDays(3)));

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.LATE);
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.LATE, List.of(Missing.AGENDA, Missing.OBJECTIVES), List.of()));
        }

        @Test
        void ofAMonthPrecisionScheduleCountsFromTheFirstDayOfTheMonthAndLacksDates() {
            Draft seminar = complete().type(ActivityType.MULTILATERAL_SEMINAR).month(YearMonth.parse("2008-10"));

            NoticeDecision decision = firstNotice(seminar, Instant.parse("2008-07-01T00:00:00Z"));

            assertThat(decision.state().deadline()).isEqualTo(Instant.parse("2008-08-03T00:00:00Z"));
            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.PENDING);
            assertThat(decision.state().missing()).containsExactly(Missing.DATES);
            assertThat(decision.notices()).isEmpty();
        }

        @Test
        void ofACancelledOrCompletedActivityRaisesNothingEvenWhenLate() {
            for (ActivityStatus concluded : List.of(ActivityStatus.CANCELLED, ActivityStatus.COMPLETED)) {
                NoticeDecision decision = firstNotice(complete().status(concluded), DEADLINE.plus(Duration.ofDays(1)));

                assertThat(decision.state().outcome()).as(concluded.name()).isEqualTo(NoticeOutcome.PENDING);
                assertThat(decision.notices()).as(concluded.name()).isEmpty();
            }
        }
    }

    @Nested
    class TheDeadlinePassing {

        @Test
        void makesAnIncompleteNoticeIncompleteExactlyAtTheDeadline() {
            NoticeState pending = firstNotice(complete().withoutAgenda(), IN_TIME).state();

            assertThat(POLICY.deadlinePassed(pending, ActivityStatus.PLANNED, DEADLINE.minusNanos(1))).isEmpty();
            NoticeDecision decision = POLICY.deadlinePassed(pending, ActivityStatus.PLANNED, DEADLINE).orElseThrow();

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.INCOMPLETE);
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.INCOMPLETE, List.of(Missing.AGENDA), List.of()));
        }

        @Test
        void leavesCompleteAndAlreadyDecidedNoticesAlone() {
            NoticeState compliant = firstNotice(complete(), IN_TIME).state();
            NoticeState incomplete = POLICY.deadlinePassed(firstNotice(complete().withoutAgenda(), IN_TIME).state(),
                    ActivityStatus.PLANNED, DEADLINE).orElseThrow().state();

            assertThat(POLICY.deadlinePassed(compliant, ActivityStatus.PLANNED, DEADLINE.plus(Duration.ofDays(9)))).isEmpty();
            assertThat(POLICY.deadlinePassed(incomplete, ActivityStatus.PLANNED, DEADLINE.plus(Duration.ofDays(9)))).isEmpty();
        }

        @Test
        void raisesNothingForACancelledOrCompletedActivity() {
            NoticeState pending = firstNotice(complete().withoutAgenda(), IN_TIME).state();

            assertThat(POLICY.deadlinePassed(pending, ActivityStatus.CANCELLED, DEADLINE)).isEmpty();
            assertThat(POLICY.deadlinePassed(pending, ActivityStatus.COMPLETED, DEADLINE)).isEmpty();
        }
    }

    @Nested
    class ARevision {

        @Test
        void completingAPendingNoticeBeforeTheDeadlineMakesItCompliant() {
            Draft first = complete().withoutAgenda();
            NoticeState pending = firstNotice(first, IN_TIME.minus(Duration.ofDays(5))).state();

            NoticeDecision decision = POLICY.revision(pending, first.snapshot(), complete().version(2).snapshot(), IN_TIME);

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.COMPLIANT);
            assertThat(decision.state().missing()).isEmpty();
            assertThat(decision.state().noticedAt()).as("first notified with the first version").isEqualTo(IN_TIME.minus(Duration.ofDays(5)));
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.COMPLIANT, List.of(), List.of()));
        }

        @Test
        void completingAPendingNoticeThatMovedTheActivityEarlierPastItsNewDeadlineIsLate() {
            Draft first = complete().withoutAgenda();
            NoticeState pending = firstNotice(first, IN_TIME.minus(Duration.ofDays(5))).state();
            Draft sooner = complete().version(2).dates(START.minusDays(10), START.minusDays(9));

            NoticeDecision decision = POLICY.revision(pending, first.snapshot(), sooner.snapshot(), IN_TIME);

            assertThat(decision.state().deadline()).isEqualTo(DEADLINE.minus(Duration.ofDays(10)));
            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.LATE);
            assertThat(decision.notices()).containsExactly(raise(NoticeKind.LATE, List.of(), List.of()));
        }

        @Test
        void ofAPendingNoticeAfterTheDeadlineRaisesTheIncompleteNoticeTheJobHadNotYetRaisedThenTheShortNoticeChange() {
            Draft first = complete().withoutAgenda();
            NoticeState pending = firstNotice(first, IN_TIME).state();

            NoticeDecision decision = POLICY.revision(pending, first.snapshot(), complete().version(2).snapshot(), DEADLINE.plus(Duration.ofDays(1)));

            assertThat(decision.state().outcome()).isEqualTo(NoticeOutcome.INCOMPLETE);
            assertThat(decision.state().shortNoticeChanges()).isEqualTo(1);
            assertThat(decision.notices()).containsExactly(
                    raise(NoticeKind.INCOMPLETE, List.of(Missing.AGENDA), List.of()),
                    raise(NoticeKind.SHORT_NOTICE_CHANGE, List.of(), List.of("agenda")));
        }

        @Test
        void changingScheduleAgendaOrObjectivesAfterTheDeadlineIsAShortNoticeChangeCountedEachTime() {
            Draft first = complete();
            NoticeState compliant = firstNotice(first, IN_TIME).state();
            Draft moved = complete().version(2).dates(START.plusDays(1), START.plusDays(2)).agenda("Another agenda");

            NoticeDecision once = POLICY.revision(compliant, first.snapshot(), moved.snapshot(), DEADLINE);
            Draft objectives = moved.version(3).objectives(new Objective("INDUSTRY_COOPERATION", "Reach exporters"));
            NoticeDecision twice = POLICY.revision(once.state(), moved.version(2).snapshot(), objectives.snapshot(), DEADLINE.plus(Duration.ofDays(1)));

            assertThat(once.notices()).containsExactly(raise(NoticeKind.SHORT_NOTICE_CHANGE, List.of(), List.of("schedule", "agenda")));
            assertThat(twice.notices()).containsExactly(raise(NoticeKind.SHORT_NOTICE_CHANGE, List.of(), List.of("objectives")));
            assertThat(twice.state().outcome()).as("the outcome stands").isEqualTo(NoticeOutcome.COMPLIANT);
            assertThat(twice.state().shortNoticeChanges()).isEqualTo(2);
        }

        @Test
        void afterTheDeadlineThatChangesNothingPartnersPlanAroundRaisesNothing() {
            Draft first = complete();
            NoticeState compliant = firstNotice(first, IN_TIME).state();

            NoticeDecision decision = POLICY.revision(compliant, first.snapshot(), complete().version(2).recipients("MN", "KZ").snapshot(),
                    DEADLINE.plus(Duration.ofDays(2)));

            assertThat(decision.notices()).isEmpty();
            assertThat(decision.state()).isEqualTo(compliant);
        }

        @Test
        void beforeTheDeadlineThatChangesTheAgendaIsNoShortNoticeChange() {
            Draft first = complete();
            NoticeState compliant = firstNotice(first, IN_TIME.minus(Duration.ofDays(3))).state();

            NoticeDecision decision = POLICY.revision(compliant, first.snapshot(), complete().version(2).agenda("Revised").snapshot(), IN_TIME);

            assertThat(decision.notices()).isEmpty();
            assertThat(decision.state().shortNoticeChanges()).isZero();
        }

        @Test
        void thatCancelsOrCompletesTheActivityRaisesNothingEvenAfterTheDeadline() {
            Draft first = complete().withoutAgenda();
            NoticeState pending = firstNotice(first, IN_TIME).state();

            for (ActivityStatus concluded : List.of(ActivityStatus.CANCELLED, ActivityStatus.COMPLETED)) {
                Draft last = complete().withoutAgenda().version(2).agenda("Held after all").status(concluded);
                NoticeDecision decision = POLICY.revision(pending, first.snapshot(), last.snapshot(), DEADLINE.plus(Duration.ofDays(1)));

                assertThat(decision.notices()).as(concluded.name()).isEmpty();
                assertThat(decision.state().outcome()).as(concluded.name()).isEqualTo(NoticeOutcome.PENDING);
            }
        }
    }

    private static NoticeDecision firstNotice(Draft draft, Instant noticedAt) {
        return POLICY.firstNotice(draft.snapshot(), noticedAt);
    }

    private static NoticeDecision.Raise raise(NoticeKind kind, List<Missing> missing, List<String> changed) {
        return new NoticeDecision.Raise(kind, missing, changed);
    }

    /** A complete bilateral consultation for Mongolia on 2008-07-24 and 25. */
    private static Draft complete() {
        return new Draft(1, ActivityType.BILATERAL_CONSULTATION, ActivityStatus.PLANNED, List.of("MN"),
                new Schedule("DATES", null, START, START.plusDays(1)), List.of("Opening", "Enforcement practice"),
                List.of(new Objective("ENFORCEMENT", "Strengthen enforcement")));
    }

    private static final UUID ID = UUID.randomUUID();

    /** An activity's versions as its organizer would publish them. */
    private record Draft(int version, ActivityType type, ActivityStatus status, List<String> recipients, Schedule schedule,
                         List<String> agenda, List<Objective> objectives) {

        Draft version(int version) {
            return new Draft(version, type, status, recipients, schedule, agenda, objectives);
        }

        Draft type(ActivityType type) {
            return new Draft(version, type, status, recipients, schedule, agenda, objectives);
        }

        Draft status(ActivityStatus status) {
            return new Draft(version, type, status, recipients, schedule, agenda, objectives);
        }

        Draft recipients(String... recipients) {
            return new Draft(version, type, status, List.of(recipients), schedule, agenda, objectives);
        }

        Draft dates(LocalDate start, LocalDate end) {
            return new Draft(version, type, status, recipients, new Schedule("DATES", null, start, end), agenda, objectives);
        }

        Draft month(YearMonth month) {
            return new Draft(version, type, status, recipients, new Schedule("MONTH", month, null, null), agenda, objectives);
        }

        Draft agenda(String... items) {
            return new Draft(version, type, status, recipients, schedule, List.of(items), objectives);
        }

        Draft withoutAgenda() {
            return new Draft(version, type, status, recipients, schedule, List.of(), objectives);
        }

        Draft objectives(Objective... objectives) {
            return new Draft(version, type, status, recipients, schedule, agenda, List.of(objectives));
        }

        Draft withoutObjectives() {
            return new Draft(version, type, status, recipients, schedule, agenda, List.of());
        }

        ActivitySnapshot snapshot() {
            LocalDate first = schedule.start() != null ? schedule.start() : schedule.month().atDay(1);
            LocalDate last = schedule.end() != null ? schedule.end() : schedule.month().atEndOfMonth();
            return new ActivitySnapshot(ID, version, "JP", type.name(), status, recipients, schedule, first, last, agenda, objectives,
                    DistributionScope.ALL_PARTNERS, List.of());
        }
    }
}
