package org.outreachexchange.evaluation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.outreachexchange.evaluation.domain.Tool.BILATERAL_CONSULTATION;
import static org.outreachexchange.evaluation.domain.Tool.INDUSTRY_OUTREACH_SEMINAR;
import static org.outreachexchange.evaluation.domain.Tool.LEGAL_ASSISTANCE;
import static org.outreachexchange.evaluation.domain.Tool.OFFICER_TRAINING;
import static org.outreachexchange.evaluation.domain.ToolUse.always;
import static org.outreachexchange.evaluation.domain.ToolUse.ifNecessary;

/**
 * The source document's "Primary objectives in each category", transcribed as written: part of the agreed text, so it
 * lives in code and changes with a release. Its other table, "Sharing among Japan, U.S. and Australia", is data
 * ({@link RoleSharingTable}): the partners document states it and the partners adopt each change.
 */
public final class ReferenceData {

    public static final String SOURCE = "METI, Proposal for Trilateral Cooperation in Outreach Activities (2008-06-20)";

    private static final Map<Category, CategoryGuidance> GUIDANCE = new LinkedHashMap<>();

    static {
        GUIDANCE.put(Category.CATEGORY_1, new CategoryGuidance(Category.CATEGORY_1,
                "Countries with no or low intention of controlling exports", "Increase awareness of government",
                List.of(always(BILATERAL_CONSULTATION), ifNecessary(INDUSTRY_OUTREACH_SEMINAR))));
        GUIDANCE.put(Category.CATEGORY_2, new CategoryGuidance(Category.CATEGORY_2,
                "Countries with intention of controlling exports, but which have yet to establish sufficient export"
                        + " controls laws/regulations", "Establish strict legal system",
                List.of(always(LEGAL_ASSISTANCE), always(OFFICER_TRAINING), ifNecessary(INDUSTRY_OUTREACH_SEMINAR))));
        GUIDANCE.put(Category.CATEGORY_3, new CategoryGuidance(Category.CATEGORY_3,
                "Countries with export controls laws/regulations but insufficient enforcement", "Strengthen enforcement",
                List.of(always(OFFICER_TRAINING), always(INDUSTRY_OUTREACH_SEMINAR), ifNecessary(LEGAL_ASSISTANCE))));
        GUIDANCE.put(Category.CATEGORY_4, new CategoryGuidance(Category.CATEGORY_4,
                "Countries with export controls laws/regulations and sufficient enforcement, but without sufficient"
                        + " cooperation with industries", "Gain cooperation of industries",
                List.of(always(INDUSTRY_OUTREACH_SEMINAR), ifNecessary(OFFICER_TRAINING))));
        // The document names no country past the categories and no tools for one; it keeps only its awareness.
        GUIDANCE.put(Category.BEYOND_CATEGORIES, new CategoryGuidance(Category.BEYOND_CATEGORIES,
                "All four elements sufficient (the document names no such country)", "Keep awareness and motivation",
                List.of()));

    }

    private ReferenceData() {
    }

    public static List<CategoryGuidance> guidance() {
        return List.copyOf(GUIDANCE.values());
    }

    /** The role-sharing table {@code inForce}, per category the source document shares roles in (1 to 4). */
    public static List<RoleSharing> roleSharing(RoleSharingTable inForce) {
        Map<Category, String> objectives = new LinkedHashMap<>();
        GUIDANCE.values().stream().filter(g -> !g.tools().isEmpty()).forEach(g -> objectives.put(g.category(), g.objective()));
        return inForce.byCategory(objectives);
    }

    /**
     * The category's primary tools followed by tools only the role-sharing table in force names (Japan's multilateral
     * seminar), each with the partners that lead it. A tool is "if necessary" as the primary table says, or, when
     * only the role-sharing table names it, as that table marks it.
     */
    public static Recommendation recommendation(Category category, RoleSharingTable inForce) {
        CategoryGuidance guidance = GUIDANCE.get(category);
        Map<Tool, Boolean> ifNecessary = new LinkedHashMap<>();
        guidance.tools().forEach(t -> ifNecessary.put(t.tool(), t.ifNecessary()));
        Map<Tool, List<String>> leads = new LinkedHashMap<>();
        inForce.leads().forEach((partner, byCategory) -> byCategory.getOrDefault(category, List.of()).forEach(t -> {
            leads.computeIfAbsent(t.tool(), k -> new ArrayList<>()).add(partner);
            ifNecessary.merge(t.tool(), t.ifNecessary(), (a, b) -> a);
        }));
        List<RecommendedTool> tools = new ArrayList<>();
        ifNecessary.forEach((tool, flag) -> tools.add(new RecommendedTool(tool, flag, List.copyOf(leads.getOrDefault(tool, List.of())))));
        return new Recommendation(category, guidance.objective(), List.copyOf(tools));
    }
}
