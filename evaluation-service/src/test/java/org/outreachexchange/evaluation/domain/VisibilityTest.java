package org.outreachexchange.evaluation.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see an activity and what comes of it: the audience, and evidence redacted for everyone else. */
class VisibilityTest {

    /** Like the service's mapper for JSON columns: unknown fields ignored, java.time as ISO text. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<Element, ElementEvidence>> ELEMENTS = new TypeReference<>() {
    };

    static final UUID ACTIVITY = UUID.randomUUID();
    static final UUID PROPOSAL = UUID.randomUUID();

    @Test
    void anActivitySharedWithAllPartnersIsVisibleToEveryone() {
        Audience all = Audience.of(DistributionScope.ALL_PARTNERS, "JP", List.of("US"));
        assertThat(all.restricted()).isFalse();
        assertThat(all.restrictedTo()).isNull();
        assertThat(all.visibleTo("AU")).isTrue();
        assertThat(all.visibleTo("XX")).isTrue();
    }

    @Test
    void anActivitySharedWithNamedPartnersIsVisibleToThemAndItsOrganizerOnly() {
        Audience named = Audience.of(DistributionScope.NAMED_PARTNERS, "JP", List.of("US"));
        assertThat(named.restricted()).isTrue();
        assertThat(named.restrictedTo()).containsExactly("JP", "US");
        assertThat(named.visibleTo("JP")).isTrue();
        assertThat(named.visibleTo("US")).isTrue();
        assertThat(named.visibleTo("AU")).isFalse();
    }

    @Test
    void anActivitySharedWithNobodyNamedIsVisibleToItsOrganizerAlone() {
        Audience alone = Audience.of(DistributionScope.NAMED_PARTNERS, "JP", List.of());
        assertThat(alone.restrictedTo()).containsExactly("JP");
        assertThat(alone.visibleTo("US")).isFalse();
        assertThat(Audience.of(null, "JP", null).visibleTo("US")).as("an unknown scope fails closed").isFalse();
    }

    @Test
    void restrictedEvidenceIsRedactedForAGovernmentNotEntitledButKeepsItsAssessmentAndReference() {
        ElementEvidence evidence = new ElementEvidence(Sufficiency.SUFFICIENT, "The control list was confirmed",
                "Activity " + ACTIVITY + " (MULTILATERAL_SEMINAR) organized by JP, completed 2010-05-20",
                LocalDate.of(2010, 5, 20), ACTIVITY, PROPOSAL, List.of("JP", "US"));

        assertThat(evidence.forViewer("US")).isEqualTo(evidence);
        assertThat(evidence.forViewer("JP")).isEqualTo(evidence);
        ElementEvidence redacted = evidence.forViewer("AU");
        assertThat(redacted.assessment()).isEqualTo(Sufficiency.SUFFICIENT);
        assertThat(redacted.evidence()).isNull();
        assertThat(redacted.asOf()).isNull();
        assertThat(redacted.activityId()).isNull();
        assertThat(redacted.source()).isEqualTo(ElementEvidence.WITHHELD_SOURCE);
        assertThat(redacted.proposalId()).isEqualTo(PROPOSAL);
        assertThat(redacted.restrictedTo()).containsExactly("JP", "US");
        assertThat(redacted.toString()).doesNotContain(ACTIVITY.toString()).doesNotContain("control list").doesNotContain("2010");
    }

    @Test
    void unrestrictedEvidenceIsShownToEveryoneInFull() {
        ElementEvidence evidence = new ElementEvidence(Sufficiency.INSUFFICIENT, "Annex I", AnnexI.SOURCE, AnnexI.DATE);
        assertThat(evidence.restricted()).isFalse();
        assertThat(evidence.forViewer("AU")).isEqualTo(evidence);
    }

    @Test
    void evidenceStoredBeforeItRecordedItsAudienceReadsAsVisibleToAll() throws Exception {
        String stored = "{\"INTENTION\":{\"assessment\":\"SUFFICIENT\",\"evidence\":\"Decree\",\"source\":\"Annex I\",\"asOf\":\"2008-06-20\"}}";
        Map<Element, ElementEvidence> elements = JSON.readValue(stored, ELEMENTS);
        ElementEvidence evidence = elements.get(Element.INTENTION);
        assertThat(evidence).isEqualTo(new ElementEvidence(Sufficiency.SUFFICIENT, "Decree", "Annex I", LocalDate.of(2008, 6, 20)));
        assertThat(evidence.restricted()).isFalse();

        ElementEvidence restricted = new ElementEvidence(Sufficiency.SUFFICIENT, "x", "y", null, ACTIVITY, PROPOSAL, List.of("JP"));
        assertThat(JSON.readValue(JSON.writeValueAsString(Map.of(Element.INTENTION, restricted)), ELEMENTS))
                .containsEntry(Element.INTENTION, restricted);
    }
}
