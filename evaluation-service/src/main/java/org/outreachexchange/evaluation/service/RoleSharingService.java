package org.outreachexchange.evaluation.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.PartnerLeads;
import org.outreachexchange.evaluation.domain.PartnerLeadsRepository;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalRepository;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.domain.RoleSharingTable;
import org.outreachexchange.evaluation.domain.ToolUse;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.LeadTool;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.identity.quarkus.PartnersChanged;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The role-sharing table in force and how it changes. The founding partners document's leads are the table the
 * partners agreed to (the seed's trilateral table); afterwards the document only states what a partner would lead:
 * where that differs from the table in force (a partner joins with leads, or its leads change), a ROLE_SHARING proposal
 * is opened in that partner's name, and the table changes only once the partners adopt it
 * ({@link ProposalService}, which puts the adopted row in force).
 */
@ApplicationScoped
public class RoleSharingService {

    private static final Logger LOG = Logger.getLogger(RoleSharingService.class);

    private final PartnerLeadsRepository table;
    private final ProposalRepository proposals;
    private final ProposalService proposalService;
    private final Partners partners;
    private final Clock clock;

    RoleSharingService(PartnerLeadsRepository table, ProposalRepository proposals, ProposalService proposalService,
                       Partners partners, Clock clock) {
        this.table = table;
        this.proposals = proposals;
        this.proposalService = proposalService;
        this.partners = partners;
        this.clock = clock;
    }

    /** The table in force for the current partners, in the partners document's order. */
    @Transactional
    public RoleSharingTable inForce() {
        return table.table().of(partners.current().governments());
    }

    void onStart(@Observes StartupEvent start) {
        reconcile(partners.current());
    }

    void onChange(@Observes PartnersChanged changed) {
        reconcile(changed.current());
    }

    /** Seeds an empty table from the founding document; opens a proposal for each partner the document differs on. */
    @Transactional
    public void reconcile(PartnersDocument document) {
        Instant now = clock.instant();
        if (table.count() == 0) {
            document.partners().forEach(p -> {
                Map<Category, List<ToolUse>> leads = RoleSharingTable.read(stated(document, p));
                table.persist(PartnerLeads.of(p.government(), leads, null, now));
            });
            LOG.infof("role-sharing table seeded from version %d of the partners document", document.version());
            return;
        }
        RoleSharingTable inForce = table.table();
        for (Partner partner : document.partners()) {
            Map<Category, List<ToolUse>> stated = RoleSharingTable.read(stated(document, partner));
            if (!inForce.differs(partner.government(), stated) || alreadyProposed(partner.government(), stated)) {
                continue;
            }
            Proposal proposal = proposalService.open(Proposal.openRoleSharing(UUID.randomUUID(), partner.government(), now, stated));
            LOG.infof("partners document version %d states other leads for %s: proposal %s", document.version(),
                    partner.government(), proposal.id);
        }
    }

    private boolean alreadyProposed(String government, Map<Category, List<ToolUse>> stated) {
        return proposals.newestFirst(ProposalStatus.OPEN, ProposalKind.ROLE_SHARING).stream()
                .anyMatch(p -> p.proposedBy.equals(government) && !new RoleSharingTable(Map.of(government, p.leads)).differs(government, stated));
    }

    /**
     * What the document states a partner leads. A document made of the one-key-per-government settings states no
     * leads at all; a founding partner then leads what the source document's table gives it.
     */
    private static Map<String, List<LeadTool>> stated(PartnersDocument document, Partner partner) {
        boolean statesNone = document.partners().stream().allMatch(p -> p.leads().isEmpty());
        return statesNone && FoundingPartners.NAMES.containsKey(partner.government())
                ? FoundingPartners.leads(partner.government()) : partner.leads();
    }
}
