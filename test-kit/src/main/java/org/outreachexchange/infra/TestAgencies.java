package org.outreachexchange.infra;

import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only government keys, derived from a fixed seed so that every class loader of a test JVM
 * (the test resource's and the Quarkus application's) sees the same keys. Never use them outside tests.
 */
public final class TestAgencies {

    /** The partner governments that tests' services trust: the founding partners of the test partners document. */
    public static final List<String> PARTNERS = List.copyOf(FoundingPartners.NAMES.keySet());
    /** The id of every test key in the partners document; tokens name it in their {@code kid} ({@code JP:test}). */
    public static final String KEY_ID = "test";
    /** A government no test service trusts. */
    public static final String STRANGER = "XX";

    private static final Map<String, KeyPair> KEYS = new LinkedHashMap<>();
    private static final Map<String, KeyPair> EVENT_KEYS = new LinkedHashMap<>();

    static {
        for (String government : PARTNERS) {
            KEYS.put(government, seeded("outreach-exchange-test-key-" + government));
            EVENT_KEYS.put(government, seeded("outreach-exchange-test-event-key-" + government));
        }
        KEYS.put(STRANGER, seeded("outreach-exchange-test-key-" + STRANGER));
        EVENT_KEYS.put(STRANGER, seeded("outreach-exchange-test-event-key-" + STRANGER));
    }

    private TestAgencies() {
    }

    /** What most tests' agencies may do: plan their own activities and take part in evaluation, as METI does. */
    public static final Set<Role> AGENCY_ROLES = Set.of(Role.PLANNER, Role.EVALUATOR);

    /** A valid token for an agency of {@code government} with {@link #AGENCY_ROLES}, signed with its test key. */
    public static String token(String government, String agency) {
        return token(government, agency, AGENCY_ROLES);
    }

    /** A valid token for an agency of {@code government} with exactly {@code roles} besides reading. */
    public static String token(String government, String agency, Set<Role> roles) {
        return AgencyTokens.issue(keys(government).getPrivate(), KEY_ID, government, agency,
                agency.toLowerCase() + "-tester", roles, Duration.ofHours(1), Clock.systemUTC());
    }

    public static String bearer(String government, String agency) {
        return "Bearer " + token(government, agency);
    }

    public static String bearer(String government, String agency, Set<Role> roles) {
        return "Bearer " + token(government, agency, roles);
    }

    public static KeyPair keys(String government) {
        KeyPair pair = KEYS.get(government);
        if (pair == null) {
            throw new IllegalArgumentException("no test key for " + government);
        }
        return pair;
    }

    /** The key a government's scheduling-service seals its events with (not its token key). */
    public static KeyPair eventKeys(String government) {
        KeyPair pair = EVENT_KEYS.get(government);
        if (pair == null) {
            throw new IllegalArgumentException("no test event key for " + government);
        }
        return pair;
    }

    /**
     * The event key a test rotates {@code government} to: seeded like the others, so a later test verifying the
     * exchange log offline knows every key the government's chain was sealed with.
     */
    public static KeyPair rotatedEventKeys(String government) {
        return seeded("outreach-exchange-test-rotated-event-key-" + government);
    }

    /** The founding partners (the 2008 role sharing) with the test token and event keys, version 1. */
    public static PartnersDocument partnersDocument() {
        return FoundingPartners.document(g -> PartnerKey.of(KEY_ID, keys(g).getPublic()),
                g -> PartnerKey.of(KEY_ID, eventKeys(g).getPublic()));
    }

    /**
     * The settings that make a service trust the test partners: {@link #partnersDocument()} written to a file of this
     * service's own (which a test may rewrite to add a government or rotate a key) and read again every half second.
     */
    public static Map<String, String> partnersConfig() {
        try {
            Path file = Files.createTempFile("outreach-partners-", ".json");
            file.toFile().deleteOnExit();
            PartnersFile.write(file, partnersDocument());
            Map<String, String> config = new LinkedHashMap<>();
            config.put("outreach.partners.file", file.toString());
            config.put("outreach.partners.check-interval", "PT0.5S");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make a service seal its events as {@code government}'s chain. */
    public static Map<String, String> signingConfig(String government) {
        return Map.of("outreach.event-signing.chain", government,
                "outreach.event-signing.private-key", AgencyKeys.encodePrivate(eventKeys(government).getPrivate()));
    }

    private static KeyPair seeded(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bearer token of an agency with exactly {@code roles} that expires {@code lifetime} from now on the wall clock. */
    public static String bearer(String government, String agency, Set<Role> roles, Duration lifetime) {
        return "Bearer " + AgencyTokens.issue(keys(government).getPrivate(), KEY_ID, government, agency,
                agency.toLowerCase() + "-tester", roles, lifetime, Clock.systemUTC());
    }
}
