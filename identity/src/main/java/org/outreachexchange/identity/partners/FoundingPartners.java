package org.outreachexchange.identity.partners;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The exchange's first partners document: Japan, the United States and Australia as proposed by Japan's METI
 * (cable 08TOKYO1723, 2008-06-24), each leading the tools of the source document's role-sharing table. Keys are
 * each deployment's own, so the caller supplies them.
 */
public final class FoundingPartners {

    public static final Instant PROPOSED = Instant.parse("2008-06-24T00:00:00Z");
    public static final Map<String, String> NAMES = names();

    private FoundingPartners() {
    }

    /** Version 1 of the document, with one token key and one event key per government. */
    public static PartnersDocument document(Function<String, PartnerKey> tokenKey, Function<String, PartnerKey> eventKey) {
        return new PartnersDocument(1, NAMES.keySet().stream().map(government -> new Partner(government,
                NAMES.get(government), Partner.topicOf(government), PROPOSED, List.of(tokenKey.apply(government)),
                List.of(eventKey.apply(government)), leads(government))).toList());
    }

    /** The source document's table: who leads which tool for each category (CATEGORY_1 lacks intention, and so on). */
    public static Map<String, List<LeadTool>> leads(String government) {
        Map<String, List<LeadTool>> leads = new LinkedHashMap<>();
        if (government.equals("JP")) {
            leads.put("CATEGORY_1", List.of(always("BILATERAL_CONSULTATION"), always("MULTILATERAL_SEMINAR"),
                    ifNecessary("INDUSTRY_OUTREACH_SEMINAR")));
            leads.put("CATEGORY_2", List.of(always("MULTILATERAL_SEMINAR"), ifNecessary("INDUSTRY_OUTREACH_SEMINAR")));
            leads.put("CATEGORY_3", List.of(always("MULTILATERAL_SEMINAR"), always("INDUSTRY_OUTREACH_SEMINAR")));
            leads.put("CATEGORY_4", List.of(always("MULTILATERAL_SEMINAR"), always("INDUSTRY_OUTREACH_SEMINAR")));
        } else {
            // The United States and Australia share the same column of the table.
            leads.put("CATEGORY_1", List.of(always("BILATERAL_CONSULTATION")));
            leads.put("CATEGORY_2", List.of(always("LEGAL_ASSISTANCE"), always("OFFICER_TRAINING")));
            leads.put("CATEGORY_3", List.of(always("OFFICER_TRAINING"), ifNecessary("LEGAL_ASSISTANCE")));
            leads.put("CATEGORY_4", List.of(ifNecessary("OFFICER_TRAINING")));
        }
        return leads;
    }

    private static LeadTool always(String tool) {
        return new LeadTool(tool, false);
    }

    private static LeadTool ifNecessary(String tool) {
        return new LeadTool(tool, true);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("JP", "Japan");
        names.put("US", "United States");
        names.put("AU", "Australia");
        return java.util.Collections.unmodifiableMap(names);
    }
}
