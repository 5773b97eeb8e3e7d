package org.outreachexchange.identity;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies agency tokens and remembers the ones that verified, so an agency sending many requests with one token
 * pays for one EdDSA verification (the JDK's is CPU-heavy: most of a POST's CPU in the benchmarks) rather than one per request.
 * A remembered token is looked up by its exact text, so an altered token is never taken from memory, and its expiry is
 * checked on every use.
 */
public final class TokenVerifier {

    private final Map<String, PublicKey> publicKeys;
    private final Clock clock;
    private final Duration maxLifetime;
    private final int capacity;
    private final Map<String, AgencyIdentity> verified = new ConcurrentHashMap<>();

    /**
     * @param clock       the wall clock (security time)
     * @param maxLifetime the longest token lifetime accepted
     * @param capacity    how many verified tokens to remember; past it the memory starts afresh
     */
    public TokenVerifier(Map<String, PublicKey> publicKeys, Clock clock, Duration maxLifetime, int capacity) {
        this.publicKeys = Map.copyOf(publicKeys);
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.capacity = capacity;
    }

    public AgencyIdentity verify(String token) {
        AgencyIdentity known = token == null ? null : verified.get(token);
        if (known != null) {
            try {
                AgencyTokens.requireUnexpired(known.expiresAt(), clock);
                return known;
            } catch (InvalidTokenException expired) {
                verified.remove(token);
                throw expired;
            }
        }
        AgencyIdentity identity = AgencyTokens.verify(token, publicKeys, clock, maxLifetime);
        if (verified.size() >= capacity) {
            // Many distinct live tokens at once is unusual; forgetting them all costs only fresh verifications.
            verified.clear();
        }
        verified.put(token, identity);
        return identity;
    }
}
