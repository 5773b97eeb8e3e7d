package org.outreachexchange.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.outreachexchange.identity.partners.KeyRing;

/**
 * Compact JWS tokens (RFC 7515/7519, alg EdDSA) naming an agency of one government.
 * The header's {@code kid} ({@code <GOV>:<key id>}, or the bare government code for a government with one key) and
 * the {@code gov} claim must both name the government whose public key verifies the signature, so holding one
 * government's private key never yields another government's identity.
 */
public final class AgencyTokens {

    public static final Pattern GOVERNMENT_CODE = Pattern.compile("[A-Z]{2,3}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Far above any real token (a few hundred characters), low enough that parsing a hostile one costs nothing. */
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private AgencyTokens() {
    }

    public static String issue(PrivateKey key, String government, String agency, String subject, Duration ttl, Clock clock) {
        return issue(key, government, agency, subject, Set.of(), ttl, clock);
    }

    /** A token for an agency with {@code roles} besides reading (which every agency has). */
    public static String issue(PrivateKey key, String government, String agency, String subject, Set<Role> roles,
                               Duration ttl, Clock clock) {
        return issue(key, null, government, agency, subject, roles, ttl, clock);
    }

    /**
     * A token signed with {@code government}'s key {@code keyId} (its {@code kid} is {@code <GOV>:<keyId>}); without
     * a key id the {@code kid} is the government code, accepted only while the government lists a single key.
     */
    public static String issue(PrivateKey key, String keyId, String government, String agency, String subject,
                               Set<Role> roles, Duration ttl, Clock clock) {
        if (!GOVERNMENT_CODE.matcher(government).matches()) {
            throw new IllegalArgumentException("government must be 2-3 upper-case letters, got " + government);
        }
        if (agency == null || agency.isBlank()) {
            throw new IllegalArgumentException("agency must not be blank");
        }
        Instant now = clock.instant();
        ObjectNode header = JSON.createObjectNode().put("alg", "EdDSA").put("typ", "JWT").put("kid", keyId == null ? government : KeyRing.kid(government, keyId));
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", "outreach-exchange:" + government)
                .put("gov", government)
                .put("agency", agency)
                .put("sub", subject == null || subject.isBlank() ? agency : subject)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(ttl).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        ArrayNode claimed = claims.putArray("roles");
        roles.stream().map(Role::claim).sorted().forEach(claimed::add);
        String signingInput = B64.encodeToString(bytes(header)) + "." + B64.encodeToString(bytes(claims));
        return signingInput + "." + B64.encodeToString(sign(key, signingInput));
    }

    /** Tokens this long-lived or longer are refused unless the verifier says otherwise. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

    public static AgencyIdentity verify(String token, Map<String, PublicKey> publicKeys, Clock clock) {
        return verify(token, publicKeys, clock, DEFAULT_MAX_LIFETIME);
    }

    /**
     * @param publicKeys  every trusted government's public key, by government code
     * @param clock       the wall clock: token times are security time, never a replayed scenario's
     * @param maxLifetime the longest {@code exp - iat} accepted, so a leaked token cannot be made to last for years
     */
    public static AgencyIdentity verify(String token, Map<String, PublicKey> publicKeys, Clock clock, Duration maxLifetime) {
        return verified(token, KeyRing.ofSingleKeys(publicKeys), clock, maxLifetime).identity();
    }

    /** Verifies against several keys per government ({@code kid} = {@code <GOV>:<key id>}). */
    public static AgencyIdentity verify(String token, KeyRing keys, Clock clock, Duration maxLifetime) {
        return verified(token, keys, clock, maxLifetime).identity();
    }

    /** An identity, the kid it named and the key that verified it, so a remembered token can be refused later. */
    record Verified(AgencyIdentity identity, String kid, KeyRing.TrustedKey key) {
    }

    /**
     * @param keys        every trusted government's token keys; a key retired on {@code clock} verifies nothing
     * @param clock       the wall clock: token times are security time, never a replayed scenario's
     * @param maxLifetime the longest {@code exp - iat} accepted
     */
    static Verified verified(String token, KeyRing keys, Clock clock, Duration maxLifetime) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no bearer token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("token is not a compact JWS");
        }
        JsonNode header = parse(parts[0]);
        JsonNode claims = parse(parts[1]);
        if (!"EdDSA".equals(header.path("alg").asText())) {
            throw new InvalidTokenException("token algorithm must be EdDSA");
        }
        String kid = header.path("kid").asText("");
        String government = kid.contains(":") ? kid.substring(0, kid.indexOf(':')) : kid;
        if (!keys.trusts(government)) {
            throw new InvalidTokenException("token is signed for an unknown government '" + government + "'");
        }
        KeyRing.TrustedKey trusted = keys.find(kid, clock.instant()).orElseThrow(() -> new InvalidTokenException(
                "token's key '" + kid + "' is not one of " + government + "'s accepted keys (unknown or retired)"));
        // Everything that can refuse a token without the (CPU-heavy) signature check comes first, so a flood of
        // expired, malformed or oversized tokens costs parsing only.
        if (!government.equals(claims.path("gov").asText())) {
            throw new InvalidTokenException("token's government claim does not match its signing key");
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong(0));
        requireUnexpired(expiresAt, clock);
        if (!claims.path("iat").canConvertToLong()) {
            throw new InvalidTokenException("token has no issue time (iat)");
        }
        Instant issuedAt = Instant.ofEpochSecond(claims.path("iat").asLong());
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (issuedAt.isAfter(latest)) {
            throw new InvalidTokenException("token is issued in the future (" + issuedAt + ")");
        }
        if (claims.has("nbf") && Instant.ofEpochSecond(claims.path("nbf").asLong()).isAfter(latest)) {
            throw new InvalidTokenException("token is not valid before " + Instant.ofEpochSecond(claims.path("nbf").asLong()));
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            throw new InvalidTokenException("token lives longer than the " + maxLifetime.toHours() + " hours this service accepts");
        }
        String agency = claims.path("agency").asText("");
        if (agency.isBlank()) {
            throw new InvalidTokenException("token names no agency");
        }
        Set<Role> roles = roles(claims);
        byte[] signature = decode(parts[2]);
        if (signature.length != ED25519_SIGNATURE_LENGTH
                || !verifySignature(trusted.key(), parts[0] + "." + parts[1], signature)) {
            throw new InvalidTokenException("token signature does not verify against " + government + "'s public key");
        }
        return new Verified(new AgencyIdentity(government, agency, claims.path("sub").asText(agency), expiresAt, roles), kid, trusted);
    }

    /** Roles the token names; a name this service does not know grants nothing. */
    private static Set<Role> roles(JsonNode claims) {
        JsonNode roles = claims.path("roles");
        if (!roles.isMissingNode() && !roles.isArray()) {
            throw new InvalidTokenException("token's roles claim is not a list");
        }
        Set<Role> known = EnumSet.noneOf(Role.class);
        roles.forEach(role -> Role.ofClaim(role.asText()).ifPresent(known::add));
        return known;
    }

    /** A token is accepted until a minute after its expiry, allowing for clocks that differ a little. */
    static void requireUnexpired(Instant expiresAt, Clock clock) {
        if (clock.instant().minus(CLOCK_SKEW).isAfter(expiresAt)) {
            throw new InvalidTokenException("token expired at " + expiresAt);
        }
    }

    private static byte[] sign(PrivateKey key, String input) {
        try {
            return Ed25519.sign(key, input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    private static boolean verifySignature(PublicKey key, String input, byte[] sig) {
        return Ed25519.verifies(key, input.getBytes(StandardCharsets.US_ASCII), sig);
    }

    private static JsonNode parse(String part) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("token part is not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new InvalidTokenException("token part is not valid JSON");
        }
    }

    private static byte[] decode(String part) {
        try {
            return B64D.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token part is not base64url");
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
