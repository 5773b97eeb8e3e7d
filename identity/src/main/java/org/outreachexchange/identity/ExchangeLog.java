package org.outreachexchange.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offline verification of an exported exchange log: every government's chain of sealed events, checked from its
 * first event against that government's event key. An edited entry fails its signature, a deleted one leaves a gap
 * in the sequence, and an inserted one either fails its signature or takes a sequence number twice; each problem is
 * reported with the government and sequence number where it is. Entries cut from the end of a chain leave no gap, so
 * the verifier is given each chain's head from elsewhere when that matters (the producer's readiness shows it).
 */
public final class ExchangeLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeLog() {
    }

    /**
     * One exported entry. {@code content} is null for an event the exporter may not see; {@code contentDigest} then
     * stands in for it, so the chain still verifies around the event without revealing it.
     */
    public record Entry(String government, long sequence, String previous, String signature, String contentDigest,
                        EventSeals.Content content) {

        String digest() {
            return content != null ? content.digest() : contentDigest;
        }
    }

    public record Problem(String government, long sequence, String what) {
        @Override
        public String toString() {
            return government + " #" + sequence + ": " + what;
        }
    }

    /** @param entries verified entries per government */
    public record Report(Map<String, Integer> entries, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads entries from an export: a JSON array of entries, a page of the gateway's {@code GET /exchange-log}
     * ({@code {"entries": [...]}}), or several of either, one per line.
     */
    public static List<Entry> read(String export) throws IOException {
        List<Entry> entries = new ArrayList<>();
        var parser = JSON.getFactory().createParser(export);
        var values = JSON.readValues(parser, JsonNode.class);
        while (values.hasNext()) {
            JsonNode node = values.next();
            JsonNode list = node.isArray() ? node : node.path("entries");
            if (!list.isArray()) {
                throw new IOException("not an exchange-log export: expected an array of entries or {\"entries\": [...]}");
            }
            for (JsonNode entry : list) {
                entries.add(entry(entry));
            }
        }
        return entries;
    }

    public static Report verify(List<Entry> entries, Map<String, PublicKey> eventKeys) {
        return verify(entries, eventKeys, Map.of());
    }

    /** @param heads the last sequence number of a government's chain, known from elsewhere; the log must reach it */
    public static Report verify(List<Entry> entries, Map<String, PublicKey> eventKeys, Map<String, Long> heads) {
        Map<String, List<PublicKey>> keyRings = new TreeMap<>();
        eventKeys.forEach((government, key) -> keyRings.put(government, List.of(key)));
        return verifyWithKeyRings(entries, keyRings, heads);
    }

    /**
     * As {@link #verify(List, Map, Map)}, with every event key a government has sealed with: after a rotation its chain
     * holds entries under the old key and the new one, and an entry verifies under any of them.
     */
    public static Report verifyWithKeyRings(List<Entry> entries, Map<String, List<PublicKey>> eventKeys, Map<String, Long> heads) {
        Map<String, List<Entry>> byGovernment = new TreeMap<>();
        entries.forEach(e -> byGovernment.computeIfAbsent(e.government(), g -> new ArrayList<>()).add(e));
        Map<String, Integer> verified = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        byGovernment.forEach((government, chain) -> {
            List<PublicKey> keys = eventKeys.getOrDefault(government, List.of());
            if (keys.isEmpty()) {
                problems.add(new Problem(government, 0, "no event key given for " + government));
                return;
            }
            verified.put(government, verifyChain(government, chain, keys, problems));
        });
        heads.forEach((government, head) -> {
            long last = byGovernment.getOrDefault(government, List.of()).stream().mapToLong(Entry::sequence).max().orElse(0);
            if (last < head) {
                problems.add(new Problem(government, last + 1, last + 1 == head ? "missing (the log ends early)"
                        : "missing, through #" + head + " (the log ends early)"));
            }
        });
        return new Report(verified, problems);
    }

    private static int verifyChain(String government, List<Entry> chain, List<PublicKey> keys, List<Problem> problems) {
        chain.sort(Comparator.comparingLong(Entry::sequence));
        long expected = 1;
        // The link the next entry must name; null when the entry before it could not be trusted, so that one edited
        // entry is reported once, not again at its successor.
        String expectedPrevious = EventSeals.GENESIS;
        int good = 0;
        for (Entry entry : chain) {
            if (entry.sequence() < expected) {
                problems.add(new Problem(government, entry.sequence(), "appears more than once (a fork)"));
                continue;
            }
            if (entry.sequence() > expected) {
                problems.add(new Problem(government, expected, expected == entry.sequence() - 1 ? "missing"
                        : "missing, through #" + (entry.sequence() - 1)));
                expectedPrevious = null;
            }
            String digest = entry.digest();
            EventSeals.Seal seal = new EventSeals.Seal(government, entry.sequence(), entry.previous(), entry.signature());
            boolean signed = digest != null && entry.previous() != null && entry.signature() != null
                    && keys.stream().anyMatch(key -> EventSeals.verifies(key, seal, digest));
            if (!signed) {
                problems.add(new Problem(government, entry.sequence(),
                        "signature does not verify: the entry was changed after " + government + " signed it"));
                expectedPrevious = null;
            } else if (expectedPrevious != null && !expectedPrevious.equals(entry.previous())) {
                problems.add(new Problem(government, entry.sequence(), "does not follow the entry before it"));
                expectedPrevious = EventSeals.link(government, entry.sequence(), entry.previous(), digest);
            } else {
                good++;
                expectedPrevious = EventSeals.link(government, entry.sequence(), entry.previous(), digest);
            }
            expected = entry.sequence() + 1;
        }
        return good;
    }

    private static Entry entry(JsonNode node) {
        EventSeals.Content content = node.path("redacted").asBoolean(false) ? null : new EventSeals.Content(
                text(node, "eventId"), text(node, "type"), text(node, "source"), text(node, "subject"), text(node, "key"),
                text(node, "data"));
        return new Entry(text(node, "government"), node.path("sequence").asLong(), text(node, "previous"),
                text(node, "signature"), text(node, "contentDigest"), content);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
