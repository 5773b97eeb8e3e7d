package org.outreachexchange.identity.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.TokenVerifier;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The partner governments and their public keys, decoded once so a bad key fails the start, not a request.
 * Tokens are judged on the wall clock whatever clock the service replays: a token that expired in the real world
 * stays expired in a scenario set in 2008.
 */
@ApplicationScoped
public class TrustedGovernments {

    /** Distinct live tokens remembered after verification; a partnership has far fewer agencies than this. */
    private static final int REMEMBERED_TOKENS = 10_000;

    private final Map<String, PublicKey> keys;
    private final TokenVerifier verifier;

    public TrustedGovernments(IdentityConfig config) {
        Map<String, PublicKey> decoded = new TreeMap<>();
        config.publicKeys().forEach((government, key) -> {
            try {
                decoded.put(government, AgencyKeys.decodePublic(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("outreach.identity.public-keys." + government + ": " + e.getMessage(), e);
            }
        });
        this.keys = Map.copyOf(decoded);
        this.verifier = new TokenVerifier(keys, Clock.systemUTC(), config.maxTokenLifetime(), REMEMBERED_TOKENS);
    }

    public AgencyIdentity verify(String token) {
        return verifier.verify(token);
    }

    public Set<String> governments() {
        return keys.keySet();
    }

    public boolean isPartner(String government) {
        return keys.containsKey(government);
    }
}
