package org.outreachexchange.identity;

import org.outreachexchange.identity.partners.KeyRing;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Verifies agency tokens and remembers the ones that verified, so an agency sending many requests with one token
 * pays for one EdDSA verification (the JDK's is CPU-heavy: most of a POST's CPU in the benchmarks) rather than one per request.
 * A remembered token is looked up by its exact text, so an altered token is never taken from memory; its expiry is
 * checked on every use, and so is its key: a token stops working as soon as its key retires or leaves the keys.
 */
public final class TokenVerifier {

    private final Supplier<KeyRing> keys;
    private final Clock clock;
    private final Duration maxLifetime;
    private final int capacity;
    private final Map<String, AgencyTokens.Verified> verified = new ConcurrentHashMap<>();

    /** A verifier of one key per government, fixed. */
    public TokenVerifier(Map<String, PublicKey> publicKeys, Clock clock, Duration maxLifetime, int capacity) {
        this(fixed(KeyRing.ofSingleKeys(publicKeys)), clock, maxLifetime, capacity);
    }

    /**
     * @param keys        the keys trusted now (asked on every verification, so a reloaded partners document counts at once)
     * @param clock       the wall clock (security time)
     * @param maxLifetime the longest token lifetime accepted
     * @param capacity    how many verified tokens to remember; past it the memory starts afresh
     */
    public TokenVerifier(Supplier<KeyRing> keys, Clock clock, Duration maxLifetime, int capacity) {
        this.keys = keys;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.capacity = capacity;
    }

    public AgencyIdentity verify(String token) {
        AgencyTokens.Verified known = token == null ? null : verified.get(token);
        if (known != null) {
            try {
                AgencyTokens.requireUnexpired(known.identity().expiresAt(), clock);
                requireStillTrusted(known);
                return known.identity();
            } catch (InvalidTokenException refused) {
                verified.remove(token);
                throw refused;
            }
        }
        AgencyTokens.Verified fresh = AgencyTokens.verified(token, keys.get(), clock, maxLifetime);
        if (verified.size() >= capacity) {
            // Many distinct live tokens at once is unusual; forgetting them all costs only fresh verifications.
            verified.clear();
        }
        verified.put(token, fresh);
        return fresh.identity();
    }

    private void requireStillTrusted(AgencyTokens.Verified known) {
        Optional<KeyRing.TrustedKey> now = keys.get().find(known.kid(), clock.instant());
        if (now.isEmpty() || !now.get().key().equals(known.key().key())) {
            throw new InvalidTokenException("token's key '" + known.kid() + "' is no longer one of " + known.key().government()
                    + "'s accepted keys (retired or removed)");
        }
    }

    private static Supplier<KeyRing> fixed(KeyRing ring) {
        return () -> ring;
    }
}
