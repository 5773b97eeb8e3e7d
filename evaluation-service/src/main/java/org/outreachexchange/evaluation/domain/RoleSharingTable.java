package org.outreachexchange.evaluation.domain;

import org.outreachexchange.events.EventValues;
import org.outreachexchange.identity.partners.LeadTool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The role-sharing table in force ("Sharing among Japan, U.S. and Australia", grown one partner at a time): per partner
 * government, the tools it leads in each category. It changes only when the partners adopt a ROLE_SHARING proposal;
 * the partners document states what each partner would lead, which opens such a proposal where it differs.
 */
public record RoleSharingTable(Map<String, Map<Category, List<ToolUse>>> leads) {

    public RoleSharingTable {
        Map<String, Map<Category, List<ToolUse>>> copy = new LinkedHashMap<>();
        leads.forEach((government, byCategory) -> copy.put(government, copyOf(byCategory)));
        leads = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A partner's leads as the partners document states them. Categories and tools this build does not know (a newer
     * document's) are left out rather than guessed at; a category without tools is left out.
     */
    public static Map<Category, List<ToolUse>> read(Map<String, List<LeadTool>> stated) {
        Map<Category, List<ToolUse>> leads = new EnumMap<>(Category.class);
        stated.forEach((category, tools) -> EventValues.known(Category.class, category).ifPresent(known -> {
            List<ToolUse> uses = new ArrayList<>();
            tools.forEach(t -> EventValues.known(Tool.class, t.tool()).ifPresent(tool -> uses.add(new ToolUse(tool, t.ifNecessary()))));
            if (!uses.isEmpty()) {
                leads.put(known, List.copyOf(uses));
            }
        }));
        return leads;
    }

    /** What {@code government} leads, nothing if it leads nothing yet. */
    public Map<Category, List<ToolUse>> of(String government) {
        return leads.getOrDefault(government, Map.of());
    }

    /** Whether {@code stated} differs from what {@code government} leads now, so the partners must decide it. */
    public boolean differs(String government, Map<Category, List<ToolUse>> stated) {
        return !copyOf(stated).equals(of(government));
    }

    /**
     * The rows of {@code partners} (the partners document's governments) in that order: a government no longer a
     * partner leads nothing, though its row is kept should it return.
     */
    public RoleSharingTable of(Collection<String> partners) {
        Map<String, Map<Category, List<ToolUse>>> rows = new LinkedHashMap<>();
        partners.stream().filter(leads::containsKey).forEach(g -> rows.put(g, leads.get(g)));
        return new RoleSharingTable(rows);
    }

    /** Per category (in category order), who leads which tools there; partners that lead nothing there are left out. */
    public List<RoleSharing> byCategory(Map<Category, String> objectives) {
        List<RoleSharing> table = new ArrayList<>();
        objectives.forEach((category, objective) -> {
            Map<String, List<ToolUse>> who = new LinkedHashMap<>();
            leads.forEach((government, byCategory) -> Optional.ofNullable(byCategory.get(category))
                    .ifPresent(tools -> who.put(government, tools)));
            table.add(new RoleSharing(category, objective, who));
        });
        return table;
    }

    private static Map<Category, List<ToolUse>> copyOf(Map<Category, List<ToolUse>> byCategory) {
        Map<Category, List<ToolUse>> copy = new EnumMap<>(Category.class);
        byCategory.forEach((category, tools) -> {
            if (!tools.isEmpty()) {
                copy.put(category, List.copyOf(tools));
            }
        });
        return copy;
    }
}
