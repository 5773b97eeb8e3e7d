package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
public class PartnerLeadsRepository implements PanacheRepositoryBase<PartnerLeads, String> {

    /** The table in force, in government code order. */
    public RoleSharingTable table() {
        Map<String, Map<Category, java.util.List<ToolUse>>> leads = new LinkedHashMap<>();
        list("order by government").forEach(row -> leads.put(row.government, row.leads));
        return new RoleSharingTable(leads);
    }

    /** Puts {@code row} in force for its government, replacing what it led before. */
    public void replace(PartnerLeads row) {
        deleteById(row.government);
        flush();
        persist(row);
    }
}
