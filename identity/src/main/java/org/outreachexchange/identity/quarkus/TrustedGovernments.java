package org.outreachexchange.identity.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.TokenVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The partner governments and their token keys, as the current partners document lists them: a key added to the
 * document is accepted from the next check of the file, one retired stops at its time, with no restart.
 * Tokens are judged on the wall clock whatever clock the service replays: a token that expired in the real world
 * stays expired in a scenario set in 2008.
 */
@ApplicationScoped
public class TrustedGovernments {

    /** Distinct live tokens remembered after verification; a partnership has far fewer agencies than this. */
    private static final int REMEMBERED_TOKENS = 10_000;

    private final Partners partners;
    private final TokenVerifier verifier;

    @Inject
    public TrustedGovernments(Partners partners, IdentityConfig config) {
        this(partners, config.maxTokenLifetime());
    }

    public TrustedGovernments(Partners partners, Duration maxTokenLifetime) {
        this.partners = partners;
        this.verifier = new TokenVerifier(partners::tokenKeys, Clock.systemUTC(), maxTokenLifetime, REMEMBERED_TOKENS);
    }

    public AgencyIdentity verify(String token) {
        return verifier.verify(token);
    }

    /** The partner governments in the partners document's order. */
    public Set<String> governments() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(partners.current().governments()));
    }

    public boolean isPartner(String government) {
        return partners.current().partner(government).isPresent();
    }
}
