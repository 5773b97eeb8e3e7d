package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.LeadTool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleSharingTableTest {

    /** The source document's table, as the founding partners document states it. */
    static RoleSharingTable founding() {
        Map<String, Map<Category, List<ToolUse>>> leads = new LinkedHashMap<>();
        FoundingPartners.NAMES.keySet().forEach(g -> leads.put(g, RoleSharingTable.read(FoundingPartners.leads(g))));
        return new RoleSharingTable(leads);
    }

    @Test
    void theFoundingDocumentStatesTheSourceDocumentsTable() {
        List<RoleSharing> table = ReferenceData.roleSharing(founding());
        assertThat(table).extracting(RoleSharing::category)
                .containsExactly(Category.CATEGORY_1, Category.CATEGORY_2, Category.CATEGORY_3, Category.CATEGORY_4);
        RoleSharing category2 = table.get(1);
        assertThat(category2.objective()).isEqualTo("Establish strict legal system");
        assertThat(category2.leads().get("US")).containsExactly(new ToolUse(Tool.LEGAL_ASSISTANCE, false),
                new ToolUse(Tool.OFFICER_TRAINING, false));
        assertThat(category2.leads().get("JP")).containsExactly(new ToolUse(Tool.MULTILATERAL_SEMINAR, false),
                new ToolUse(Tool.INDUSTRY_OUTREACH_SEMINAR, true));
    }

    @Test
    void categoriesAndToolsANewerDocumentNamesAreLeftOutRatherThanGuessedAt() {
        Map<Category, List<ToolUse>> read = RoleSharingTable.read(Map.of(
                "CATEGORY_1", List.of(new LeadTool("BILATERAL_CONSULTATION", false), new LeadTool("EXPORT_CONTROL_WORKSHOP", false)),
                "CATEGORY_9", List.of(new LeadTool("OFFICER_TRAINING", false)),
                "CATEGORY_2", List.of(new LeadTool("EXPORT_CONTROL_WORKSHOP", true))));
        assertThat(read).containsOnlyKeys(Category.CATEGORY_1);
        assertThat(read.get(Category.CATEGORY_1)).containsExactly(new ToolUse(Tool.BILATERAL_CONSULTATION, false));
    }

    @Test
    void aNewPartnersStatedLeadsDifferFromTheTableUntilAdoptedAndThenLeadInRecommendations() {
        RoleSharingTable table = founding();
        Map<Category, List<ToolUse>> korea = Map.of(Category.CATEGORY_4, List.of(new ToolUse(Tool.INDUSTRY_OUTREACH_SEMINAR, false)));
        assertThat(table.differs("KR", korea)).isTrue();
        assertThat(table.differs("KR", Map.of())).as("a partner stating nothing leads nothing").isFalse();
        assertThat(table.differs("JP", RoleSharingTable.read(FoundingPartners.leads("JP")))).isFalse();

        Map<String, Map<Category, List<ToolUse>>> adopted = new LinkedHashMap<>(table.leads());
        adopted.put("KR", korea);
        RoleSharingTable withKorea = new RoleSharingTable(adopted);
        assertThat(withKorea.differs("KR", korea)).isFalse();
        assertThat(ReferenceData.recommendation(Category.CATEGORY_4, withKorea).tools())
                .contains(new RecommendedTool(Tool.INDUSTRY_OUTREACH_SEMINAR, false, List.of("JP", "KR")));
        assertThat(withKorea.of(List.of("KR", "US")).leads().keySet()).as("only partners lead").containsExactly("KR", "US");
    }

    @Test
    void aRoleSharingProposalConcernsNoEconomyAndSaysWhoWouldLeadWhat() {
        Proposal p = Proposal.openRoleSharing(java.util.UUID.randomUUID(), "KR", ProposalTest.OPENED,
                Map.of(Category.CATEGORY_4, List.of(new ToolUse(Tool.INDUSTRY_OUTREACH_SEMINAR, true))));
        p.openTo(GovernanceTest.WITH_KOREA);
        assertThat(p.concerns("KR")).isFalse();
        assertThat(p.awaiting(GovernanceTest.WITH_KOREA)).containsExactly("AU", "JP", "US");
        assertThat(p.summary()).isEqualTo("Role sharing: KR to lead CATEGORY_4 INDUSTRY_OUTREACH_SEMINAR (if necessary)");
    }
}
