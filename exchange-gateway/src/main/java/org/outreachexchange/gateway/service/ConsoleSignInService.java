package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.ConsoleConfig;
import org.outreachexchange.gateway.domain.OfficerSession;
import org.outreachexchange.gateway.domain.OfficerSessionRepository;
import org.outreachexchange.gateway.domain.SignInLink;
import org.outreachexchange.gateway.domain.SignInLinkRepository;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.InvalidTokenException;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Console sessions and one-time sign-in links. Sessions and links live on the wall clock (security time), whatever
 * clock the gateway replays; a session ends with its agency token. Only hashes of the cookie and link codes are stored.
 */
@ApplicationScoped
public class ConsoleSignInService {

    /** A one-time link's code (never stored) and when it expires. */
    public record Link(String code, Instant expiresAt) {
    }

    /** A new session: the opaque value for the cookie (never stored) and the session row. */
    public record Opened(String cookie, OfficerSession session) {
    }

    private static final Clock WALL = Clock.systemUTC();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrustedGovernments trusted;
    private final OfficerSessionRepository sessions;
    private final SignInLinkRepository links;
    private final ConsoleConfig config;

    ConsoleSignInService(TrustedGovernments trusted, OfficerSessionRepository sessions, SignInLinkRepository links,
                         ConsoleConfig config) {
        this.trusted = trusted;
        this.sessions = sessions;
        this.links = links;
        this.config = config;
    }

    /** Signs in with a pasted agency token: 400 naming {@code token} when it does not verify. */
    @Transactional
    public Opened signIn(String token, Optional<Map<String, String>> draft, String draftPage) {
        String trimmed = token == null ? "" : token.strip();
        if (trimmed.isEmpty()) {
            throw ProblemException.invalid("token", "required", "paste your agency's token");
        }
        AgencyIdentity identity;
        try {
            identity = trusted.verify(trimmed);
        } catch (InvalidTokenException e) {
            throw ProblemException.invalid("token", "token", "this token is not valid: " + e.getMessage());
        }
        return open(identity, trimmed, draft, draftPage);
    }

    /** The live session whose cookie this is. */
    @Transactional
    public Optional<OfficerSession> find(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        return sessions.findByIdOptional(hash(cookie)).filter(s -> s.liveAt(WALL.instant()));
    }

    /** The draft kept for {@code page}, handed out once. */
    @Transactional
    public Optional<Map<String, String>> takeDraft(String sessionHash, String page) {
        return sessions.findByIdOptional(sessionHash).flatMap(s -> s.takeDraft(page));
    }

    @Transactional
    public void signOut(String cookie) {
        if (cookie != null && !cookie.isBlank()) {
            sessions.deleteById(hash(cookie));
        }
        sessions.deleteExpired(WALL.instant());
    }

    /**
     * A one-time sign-in link for the calling agency: its token is kept server-side until the link is opened once or
     * expires.
     */
    @Transactional
    public Link createLink(AgencyIdentity caller, String bearer) {
        Instant now = WALL.instant();
        String code = randomToken();
        Instant expiry = min(now.plus(config.signInLinkLifetime()), caller.expiresAt());
        links.persist(SignInLink.of(hash(code), caller.government(), caller.agency(), bearer, now, expiry));
        links.deleteExpired(now);
        return new Link(code, expiry);
    }

    /** Opens a session from a link, once: a used, expired or unknown code gives nothing. */
    @Transactional
    public Optional<Opened> redeem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<SignInLink> link = links.lockByHash(hash(code));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        links.delete(link.get());
        if (!link.get().liveAt(WALL.instant())) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(trusted.verify(link.get().bearer), link.get().bearer, Optional.empty(), null));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Opened open(AgencyIdentity identity, String bearer, Optional<Map<String, String>> draft, String draftPage) {
        Instant now = WALL.instant();
        String cookie = randomToken();
        List<String> roles = identity.roles().stream().map(Role::claim).sorted().toList();
        OfficerSession session = OfficerSession.open(hash(cookie), identity.government(), identity.agency(), roles, bearer,
                randomToken(), now, min(now.plus(config.sessionLifetime()), identity.expiresAt()));
        draft.filter(d -> !d.isEmpty() && draftPage != null).ifPresent(d -> session.keepDraft(draftPage, d));
        sessions.persist(session);
        sessions.deleteExpired(now);
        return new Opened(cookie, session);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
