package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One partner's row of the role-sharing table in force, and how it got there. */
@Entity
@Table(name = "partner_leads")
public class PartnerLeads {

    @Id
    public String government;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Category, List<ToolUse>> leads;
    /** The ROLE_SHARING proposal the partners adopted; null for the founding document's table. */
    @Column(name = "adopted_through")
    public UUID adoptedThrough;
    @Column(name = "adopted_at")
    public Instant adoptedAt;

    protected PartnerLeads() {
    }

    public static PartnerLeads of(String government, Map<Category, List<ToolUse>> leads, UUID adoptedThrough, Instant at) {
        PartnerLeads row = new PartnerLeads();
        row.government = government;
        row.leads = leads;
        row.adoptedThrough = adoptedThrough;
        row.adoptedAt = at;
        return row;
    }
}
