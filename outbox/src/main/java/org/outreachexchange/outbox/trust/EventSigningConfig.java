package org.outreachexchange.outbox.trust;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/**
 * Event seals: a producer that names a chain signs every event it appends with its private key; a consumer verifies
 * each government's events against that government's public event key.
 */
@ConfigMapping(prefix = "outreach.event-signing")
public interface EventSigningConfig {

    /** The government whose chain this service writes, e.g. JP; unset in services that publish unsigned events. */
    Optional<String> chain();

    /** The chain's Ed25519 private key (base64 PKCS#8 or PEM); required with {@code chain}. */
    Optional<String> privateKey();

    /**
     * Government code to its Ed25519 public event key (base64 X.509 or PEM), e.g. {@code public-keys.JP}: read only
     * when the service has no partners document ({@code outreach.partners.file}), which lists the event keys otherwise.
     */
    Map<String, String> publicKeys();
}
