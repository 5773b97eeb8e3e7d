package org.outreachexchange.identity.partners;

import org.outreachexchange.identity.AgencyKeys;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of a government's public keys (token or event key).
 *
 * @param id        the key's name within its government, e.g. {@code 2008a}; a token's {@code kid} is {@code JP:2008a}
 * @param publicKey base64 X.509 Ed25519 public key
 * @param retires   when the key stops being accepted (wall clock for tokens, the broker's append time for events);
 *                  null while it is not retiring
 */
public record PartnerKey(String id, String publicKey, Instant retires) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    public PartnerKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must be 1-32 letters, digits, '.', '_' or '-', got '" + id + "'");
        }
    }

    public static PartnerKey of(String id, PublicKey key) {
        return new PartnerKey(id, AgencyKeys.encodePublic(key), null);
    }

    /** Whether the key is still accepted at {@code at}. */
    public boolean acceptedAt(Instant at) {
        return retires == null || at.isBefore(retires);
    }

    public PartnerKey retiringAt(Instant at) {
        return new PartnerKey(id, publicKey, at);
    }

    public PublicKey decoded() {
        return AgencyKeys.decodePublic(publicKey);
    }
}
