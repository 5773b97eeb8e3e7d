package org.outreachexchange.identity.partners;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exchange's partners as data: every government, its keys, its topic and the tools it leads per category.
 * Every service reads it (and reloads it when it changes), so a government joins and rotates keys by a new version
 * of this document rather than by code or restarts.
 *
 * @param version grows with every change; a service ignores a document no newer than the one it holds
 */
public record PartnersDocument(long version, List<Partner> partners) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> DOCUMENT_FIELDS = Set.of("version", "partners");
    private static final Set<String> PARTNER_FIELDS = Set.of("government", "name", "topic", "joined", "tokenKeys",
            "eventKeys", "leads");
    private static final Set<String> KEY_FIELDS = Set.of("id", "publicKey", "retires");
    private static final Set<String> LEAD_FIELDS = Set.of("tool", "ifNecessary");

    public PartnersDocument {
        partners = List.copyOf(partners);
        List<String> problems = new ArrayList<>();
        validate(version, partners, problems);
        if (!problems.isEmpty()) {
            throw new PartnersDocumentException(problems);
        }
    }

    /** Reads a document, naming every problem at once (with its JSON path) if it is not a valid one. */
    public static PartnersDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PartnersDocumentException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new PartnersDocumentException(List.of("the document must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(root, DOCUMENT_FIELDS, "", problems);
        long version = root.path("version").canConvertToLong() && root.path("version").isIntegralNumber()
                ? root.path("version").asLong() : 0;
        if (!root.path("version").isIntegralNumber()) {
            problems.add("version: required, a whole number");
        }
        List<Partner> partners = new ArrayList<>();
        JsonNode list = root.path("partners");
        if (!list.isArray()) {
            problems.add("partners: required, a list");
        } else {
            for (int i = 0; i < list.size(); i++) {
                partner(list.get(i), "partners[" + i + "]", problems).ifPresent(partners::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new PartnersDocumentException(problems);
        }
        return new PartnersDocument(version, partners);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("version", version);
        ArrayNode list = root.putArray("partners");
        for (Partner partner : partners) {
            ObjectNode node = list.addObject().put("government", partner.government()).put("name", partner.name())
                    .put("topic", partner.topic()).put("joined", partner.joined().toString());
            keys(node.putArray("tokenKeys"), partner.tokenKeys());
            keys(node.putArray("eventKeys"), partner.eventKeys());
            ObjectNode leads = node.putObject("leads");
            partner.leads().forEach((category, tools) -> {
                ArrayNode array = leads.putArray(category);
                tools.forEach(t -> array.addObject().put("tool", t.tool()).put("ifNecessary", t.ifNecessary()));
            });
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Partner> partner(String government) {
        return partners.stream().filter(p -> p.government().equals(government)).findFirst();
    }

    /** The governments in the document's order. */
    public List<String> governments() {
        return partners.stream().map(Partner::government).toList();
    }

    /** The next version with {@code partner} added, or replacing the partner of the same government. */
    public PartnersDocument withPartner(Partner partner) {
        List<Partner> next = new ArrayList<>(partners);
        next.replaceAll(p -> p.government().equals(partner.government()) ? partner : p);
        if (partner(partner.government()).isEmpty()) {
            next.add(partner);
        }
        return new PartnersDocument(version + 1, next);
    }

    /** The next version with {@code government}'s partner changed. */
    public PartnersDocument changing(String government, UnaryOperator<Partner> change) {
        Partner partner = partner(government).orElseThrow(() -> new IllegalArgumentException(
                government + " is not a partner in version " + version + " of the partners document"));
        return withPartner(change.apply(partner));
    }

    /** The next version with a new {@code purpose} key for {@code government}, accepted beside its others. */
    public PartnersDocument addingKey(String government, KeyPurpose purpose, PartnerKey key) {
        return changing(government, partner -> {
            UnaryOperator<List<PartnerKey>> add = keys -> {
                keys.add(key);
                return keys;
            };
            return purpose == KeyPurpose.TOKENS ? partner.withTokenKeys(add) : partner.withEventKeys(add);
        });
    }

    /** The next version in which {@code government}'s key {@code id} stops being accepted at {@code at}. */
    public PartnersDocument retiringKey(String government, KeyPurpose purpose, String id, Instant at) {
        Partner partner = partner(government).orElseThrow(() -> new IllegalArgumentException(
                government + " is not a partner in version " + version + " of the partners document"));
        if (purpose.of(partner).stream().noneMatch(k -> k.id().equals(id))) {
            throw new IllegalArgumentException(government + " has no " + purpose.name().toLowerCase() + " key '" + id + "'");
        }
        UnaryOperator<List<PartnerKey>> retire = keys -> {
            keys.replaceAll(k -> k.id().equals(id) ? k.retiringAt(at) : k);
            return keys;
        };
        return withPartner(purpose == KeyPurpose.TOKENS ? partner.withTokenKeys(retire) : partner.withEventKeys(retire));
    }

    private static void validate(long version, List<Partner> partners, List<String> problems) {
        if (version < 1) {
            problems.add("version: must be 1 or more, got " + version);
        }
        if (partners.isEmpty()) {
            problems.add("partners: at least one partner is required");
        }
        Set<String> governments = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String at = "partners[" + i + "]";
            String government = partner.government();
            if (government == null || !AgencyTokens.GOVERNMENT_CODE.matcher(government).matches()) {
                problems.add(at + ".government: must be 2-3 upper-case letters, got " + quoted(government));
                continue;
            }
            if (!governments.add(government)) {
                problems.add(at + ".government: " + government + " is listed twice");
            }
            if (partner.name() == null || partner.name().isBlank()) {
                problems.add(at + ".name: required");
            }
            if (!Partner.topicOf(government).equals(partner.topic())) {
                problems.add(at + ".topic: must be " + Partner.topicOf(government) + ", got " + quoted(partner.topic()));
            }
            if (partner.joined() == null) {
                problems.add(at + ".joined: required, an instant such as 2008-06-24T00:00:00Z");
            }
            validateKeys(partner.tokenKeys(), at + ".tokenKeys", problems);
            validateKeys(partner.eventKeys(), at + ".eventKeys", problems);
            partner.leads().forEach((category, tools) -> {
                if (category.isBlank()) {
                    problems.add(at + ".leads: a category name is blank");
                }
                for (int t = 0; t < tools.size(); t++) {
                    if (tools.get(t).tool().isBlank()) {
                        problems.add(at + ".leads." + category + "[" + t + "].tool: required");
                    }
                }
            });
        }
    }

    private static void validateKeys(List<PartnerKey> keys, String at, List<String> problems) {
        if (keys.isEmpty()) {
            problems.add(at + ": at least one key is required");
        }
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < keys.size(); k++) {
            PartnerKey key = keys.get(k);
            if (!ids.add(key.id())) {
                problems.add(at + "[" + k + "].id: '" + key.id() + "' is listed twice");
            }
            try {
                AgencyKeys.decodePublic(key.publicKey());
            } catch (IllegalArgumentException e) {
                problems.add(at + "[" + k + "].publicKey: " + e.getMessage());
            }
        }
    }

    private static Optional<Partner> partner(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": must be an object");
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(node, PARTNER_FIELDS, at + ".", problems);
        String government = text(node, "government", at, problems);
        String name = text(node, "name", at, problems);
        String topic = text(node, "topic", at, problems);
        Instant joined = instant(node.path("joined"), at + ".joined", true, problems);
        List<PartnerKey> tokenKeys = keys(node.path("tokenKeys"), at + ".tokenKeys", problems);
        List<PartnerKey> eventKeys = keys(node.path("eventKeys"), at + ".eventKeys", problems);
        Map<String, List<LeadTool>> leads = leads(node.path("leads"), at + ".leads", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Partner(government, name, topic, joined, tokenKeys, eventKeys, leads));
    }

    private static List<PartnerKey> keys(JsonNode list, String at, List<String> problems) {
        List<PartnerKey> keys = new ArrayList<>();
        if (!list.isArray()) {
            problems.add(at + ": required, a list of keys");
            return keys;
        }
        for (int k = 0; k < list.size(); k++) {
            JsonNode node = list.get(k);
            String path = at + "[" + k + "]";
            if (!node.isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            unknownFields(node, KEY_FIELDS, path + ".", problems);
            String id = text(node, "id", path, problems);
            String publicKey = text(node, "publicKey", path, problems);
            Instant retires = instant(node.path("retires"), path + ".retires", false, problems);
            if (id != null && !PartnerKey.ID.matcher(id).matches()) {
                problems.add(path + ".id: must be 1-32 letters, digits, '.', '_' or '-', got '" + id + "'");
            } else if (id != null && publicKey != null) {
                keys.add(new PartnerKey(id, publicKey, retires));
            }
        }
        return keys;
    }

    private static Map<String, List<LeadTool>> leads(JsonNode node, String at, List<String> problems) {
        Map<String, List<LeadTool>> leads = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return leads;
        }
        if (!node.isObject()) {
            problems.add(at + ": must be an object of category to tools");
            return leads;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> category = it.next();
            String path = at + "." + category.getKey();
            if (!category.getValue().isArray()) {
                problems.add(path + ": must be a list of tools");
                continue;
            }
            List<LeadTool> tools = new ArrayList<>();
            for (int t = 0; t < category.getValue().size(); t++) {
                JsonNode tool = category.getValue().get(t);
                String toolPath = path + "[" + t + "]";
                if (!tool.isObject()) {
                    problems.add(toolPath + ": must be an object");
                    continue;
                }
                unknownFields(tool, LEAD_FIELDS, toolPath + ".", problems);
                String name = text(tool, "tool", toolPath, problems);
                JsonNode flag = tool.path("ifNecessary");
                if (!flag.isMissingNode() && !flag.isBoolean()) {
                    problems.add(toolPath + ".ifNecessary: must be true or false");
                }
                if (name != null) {
                    tools.add(new LeadTool(name, flag.asBoolean(false)));
                }
            }
            leads.put(category.getKey(), tools);
        }
        return leads;
    }

    private static String text(JsonNode node, String field, String at, List<String> problems) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(at + "." + field + ": required, a text");
            return null;
        }
        return value.asText();
    }

    private static Instant instant(JsonNode value, String at, boolean required, List<String> problems) {
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(at + ": required, an instant such as 2008-06-24T00:00:00Z");
            }
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(at + ": must be an instant such as 2008-06-24T00:00:00Z, got " + quoted(value.asText()));
            return null;
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at, List<String> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(at + name + ": unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static void keys(ArrayNode array, List<PartnerKey> keys) {
        for (PartnerKey key : keys) {
            ObjectNode node = array.addObject().put("id", key.id()).put("publicKey", key.publicKey());
            if (key.retires() == null) {
                node.putNull("retires");
            } else {
                node.put("retires", key.retires().toString());
            }
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
