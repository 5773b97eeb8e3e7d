package org.outreachexchange.identity.partners;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One purpose's public keys of every partner, decoded once per document so no request or event pays for decoding.
 * A key is named by its {@code kid}, {@code <GOV>:<key id>}; a bare government code names that government's key
 * while it has exactly one (tokens issued before keys had ids), and stops working once a second key is listed.
 */
public final class KeyRing {

    /** A decoded key and whose it is. */
    public record TrustedKey(String government, String id, PublicKey key, Instant retires) {

        public String kid() {
            return KeyRing.kid(government, id);
        }

        public boolean acceptedAt(Instant at) {
            return retires == null || at.isBefore(retires);
        }
    }

    private final Map<String, List<TrustedKey>> byGovernment;

    private KeyRing(Map<String, List<TrustedKey>> byGovernment) {
        this.byGovernment = byGovernment;
    }

    public static String kid(String government, String keyId) {
        return government + ":" + keyId;
    }

    /** The {@code purpose} keys of every partner in {@code document}. */
    public static KeyRing of(PartnersDocument document, KeyPurpose purpose) {
        Map<String, List<TrustedKey>> keys = new LinkedHashMap<>();
        for (Partner partner : document.partners()) {
            List<TrustedKey> decoded = new ArrayList<>();
            purpose.of(partner).forEach(k -> decoded.add(new TrustedKey(partner.government(), k.id(), k.decoded(), k.retires())));
            keys.put(partner.government(), List.copyOf(decoded));
        }
        return new KeyRing(keys);
    }

    /** One key per government, named by the government code alone. */
    public static KeyRing ofSingleKeys(Map<String, PublicKey> keys) {
        Map<String, List<TrustedKey>> ring = new LinkedHashMap<>();
        keys.forEach((government, key) -> ring.put(government, List.of(new TrustedKey(government, government, key, null))));
        return new KeyRing(ring);
    }

    /** The key {@code kid} names if it is trusted and not retired at {@code at}. */
    public Optional<TrustedKey> find(String kid, Instant at) {
        int colon = kid.indexOf(':');
        String government = colon < 0 ? kid : kid.substring(0, colon);
        List<TrustedKey> keys = byGovernment.getOrDefault(government, List.of());
        Optional<TrustedKey> named = colon < 0
                ? (keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty())
                : keys.stream().filter(k -> k.id().equals(kid.substring(colon + 1))).findFirst();
        return named.filter(k -> k.acceptedAt(at));
    }

    /** {@code government}'s keys that are not retired at {@code at}, newest listed last. */
    public List<PublicKey> accepted(String government, Instant at) {
        return byGovernment.getOrDefault(government, List.of()).stream().filter(k -> k.acceptedAt(at)).map(TrustedKey::key).toList();
    }

    /** Every key of {@code government}, retired or not: what an old, already-sealed log was signed with. */
    public List<PublicKey> all(String government) {
        return byGovernment.getOrDefault(government, List.of()).stream().map(TrustedKey::key).toList();
    }

    public boolean trusts(String government) {
        return byGovernment.containsKey(government);
    }

    public boolean isEmpty() {
        return byGovernment.isEmpty();
    }
}
