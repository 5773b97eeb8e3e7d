package org.outreachexchange.scheduling.service;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.identity.quarkus.TrustedGovernments;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.scheduling.domain.ActivityContent;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Assessment;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.DistributionScope;
import org.outreachexchange.scheduling.domain.Element;
import org.outreachexchange.scheduling.domain.Finding;
import org.outreachexchange.scheduling.domain.Schedule;
import org.outreachexchange.scheduling.domain.SchedulePrecision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request rules of the scheduling-service, checked without Quarkus, Kafka or PostgreSQL. */
class ActivityValidatorTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Clock JUNE_2008 = Clock.fixed(Instant.parse("2008-06-24T03:00:00Z"), ZoneOffset.UTC);

    private final ActivityValidator validator = new ActivityValidator(new RequestValidator(FACTORY.getValidator()),
            new TrustedGovernments(Partners.of(TestAgencies.partnersDocument()), Duration.ofHours(1)), () -> "JP", JUNE_2008);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void acceptsAMonthScheduleAndDefaultsToPlannedForAllPartners() {
        ActivityContent content = validator.content(request(List.of("MY"), new ScheduleRequest(null, YearMonth.of(2008, 9), null, null), null, null));

        assertThat(content.schedule()).isEqualTo(Schedule.ofMonth(YearMonth.of(2008, 9)));
        assertThat(content.schedule().precision()).isEqualTo(SchedulePrecision.MONTH);
        assertThat(content.status()).isEqualTo(ActivityStatus.PLANNED);
        assertThat(content.distribution()).isEqualTo(Distribution.allPartners());
        assertThat(content.title()).isEqualTo("Industrial outreach seminar");
    }

    @Test
    void refusesAScheduleWithBothAMonthAndDates() {
        assertThat(rules(() -> validator.content(request(List.of("MY"),
                new ScheduleRequest(null, YearMonth.of(2008, 9), LocalDate.of(2008, 9, 1), LocalDate.of(2008, 9, 2)), null, null))))
                .containsExactly(Map.entry("schedule", "month-or-dates"));
    }

    @Test
    void refusesAnEndBeforeTheStartAndAPrecisionThatContradictsTheDates() {
        assertThat(rules(() -> validator.content(request(List.of("MY"),
                new ScheduleRequest(SchedulePrecision.MONTH, null, LocalDate.of(2008, 9, 2), LocalDate.of(2008, 9, 1)), null, null))))
                .containsExactly(Map.entry("schedule.end", "not-before-start"), Map.entry("schedule.precision", "matches-fields"));
    }

    @Test
    void namesEveryBrokenRuleOfTheFieldsAndTheDomainAtOnce() {
        ActivityRequest request = new ActivityRequest(ActivityType.INDUSTRY_OUTREACH_SEMINAR, " ", List.of("MY", "XY", "MY"),
                dates(), "x".repeat(201), null, null, ActivityStatus.COMPLETED, null);

        assertThat(rules(() -> validator.content(request))).containsExactly(
                Map.entry("location", "size"), Map.entry("recipients[1]", "iso-3166-alpha-2"),
                Map.entry("recipients[2]", "unique"), Map.entry("status", "proposed-or-planned"), Map.entry("title", "required"));
    }

    @Test
    void sharesWithNamedPartnersOnlyWhenEachIsATrustedPartnerOtherThanTheOrganizer() {
        Distribution named = new Distribution(DistributionScope.NAMED_PARTNERS, List.of("US", "JP", "KP", "US"));

        assertThat(rules(() -> validator.content(request(List.of("MY"), dates(), null, named)))).containsExactly(
                Map.entry("distribution.governments[1]", "not-organizer"),
                Map.entry("distribution.governments[2]", "trusted-partner"),
                Map.entry("distribution.governments[3]", "unique"));
        assertThat(validator.content(request(List.of("MY"), dates(), null,
                new Distribution(DistributionScope.NAMED_PARTNERS, List.of("US")))).distribution().governments())
                .containsExactly("US");
    }

    @Test
    void refusesANullAmongTheNamedPartnersAsAnUntrustedPartner() {
        // Found by the fuzz run: "governments":["US",null] was a 500 (List.copyOf of the nulls) instead of a 400.
        Distribution withNull = new Distribution(DistributionScope.NAMED_PARTNERS, java.util.Arrays.asList("US", null));

        assertThat(rules(() -> validator.content(request(List.of("MY"), dates(), null, withNull))))
                .containsExactly(Map.entry("distribution.governments[1]", "trusted-partner"));
    }

    @Test
    void refusesGovernmentsNamedForAllPartners() {
        assertThat(rules(() -> validator.content(request(List.of("MY"), dates(), null,
                new Distribution(DistributionScope.ALL_PARTNERS, List.of("US"))))))
                .containsExactly(Map.entry("distribution.governments", "empty-for-all-partners"));
    }

    @Test
    void refusesResultsCompletedInTheFutureOrWithFindingsForACountryThatWasNotARecipient() {
        Finding forThailand = new Finding("TH", Element.ENFORCEMENT, Assessment.INSUFFICIENT, "no licensing officer attended");
        CompletionRequest request = new CompletionRequest("held", List.of(), LocalDate.of(2008, 7, 1), List.of(forThailand));

        assertThat(rules(() -> validator.results(request, Schedule.ofMonth(YearMonth.of(2008, 6)), List.of("MY"))))
                .containsExactly(Map.entry("completedOn", "not-in-future"), Map.entry("findings[0].country", "recipient"));
    }

    @Test
    void refusesTwoFindingsForTheSameCountryAndElement() {
        Finding first = new Finding("MY", Element.ENFORCEMENT, Assessment.INSUFFICIENT, "customs unaware of the list");
        Finding second = new Finding("MY", Element.ENFORCEMENT, Assessment.SUFFICIENT, "licensing works");
        CompletionRequest request = new CompletionRequest("held", List.of(), LocalDate.of(2008, 6, 20), List.of(first, second));

        assertThat(rules(() -> validator.results(request, Schedule.ofMonth(YearMonth.of(2008, 6)), List.of("MY"))))
                .containsExactly(Map.entry("findings[1]", "unique"));
    }

    private static ActivityRequest request(List<String> recipients, ScheduleRequest schedule, ActivityStatus status,
                                           Distribution distribution) {
        return new ActivityRequest(ActivityType.INDUSTRY_OUTREACH_SEMINAR, " Industrial outreach seminar ", recipients, schedule,
                null, null, null, status, distribution);
    }

    private static ScheduleRequest dates() {
        return new ScheduleRequest(null, null, LocalDate.of(2008, 9, 1), LocalDate.of(2008, 9, 2));
    }

    private static List<Map.Entry<String, String>> rules(Runnable call) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().stream().map(e -> Map.entry(e.field(), e.rule())).toList();
    }
}
