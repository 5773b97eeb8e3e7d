package org.outreachexchange.identity.partners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A partner government of the exchange.
 *
 * @param topic     its activity topic, always {@code outreach.activities.<gov in lower case>}: consumers take the
 *                  government from the topic, so the document cannot point a government at another's topic
 * @param joined    when it joined; governance uses it (a partner answers proposals opened after it joined)
 * @param tokenKeys the keys its agencies' tokens are signed with, at least one
 * @param eventKeys the keys its scheduling-service seals its events with, at least one
 * @param leads     category (e.g. {@code CATEGORY_1}) to the tools it leads there; empty until the partners decide
 */
public record Partner(String government, String name, String topic, Instant joined, List<PartnerKey> tokenKeys,
                      List<PartnerKey> eventKeys, Map<String, List<LeadTool>> leads) {

    public Partner {
        tokenKeys = List.copyOf(tokenKeys);
        eventKeys = List.copyOf(eventKeys);
        Map<String, List<LeadTool>> copied = new LinkedHashMap<>();
        leads.forEach((category, tools) -> copied.put(category, List.copyOf(tools)));
        leads = java.util.Collections.unmodifiableMap(copied);
    }

    /** The activity topic a government's scheduling-service writes. */
    public static String topicOf(String government) {
        return "outreach.activities." + government.toLowerCase(Locale.ROOT);
    }

    public Optional<PartnerKey> tokenKey(String id) {
        return tokenKeys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Optional<PartnerKey> eventKey(String id) {
        return eventKeys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Partner withTokenKeys(UnaryOperator<List<PartnerKey>> change) {
        return new Partner(government, name, topic, joined, change.apply(new ArrayList<>(tokenKeys)), eventKeys, leads);
    }

    public Partner withEventKeys(UnaryOperator<List<PartnerKey>> change) {
        return new Partner(government, name, topic, joined, tokenKeys, change.apply(new ArrayList<>(eventKeys)), leads);
    }
}
