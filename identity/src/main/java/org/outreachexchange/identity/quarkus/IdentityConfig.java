package org.outreachexchange.identity.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

import java.util.Map;

/** Which governments this service trusts, each with the public key that verifies its agencies' tokens. */
@ConfigMapping(prefix = "outreach.identity")
public interface IdentityConfig {

    /** Government code to Ed25519 public key (base64 X.509 or PEM), e.g. {@code outreach.identity.public-keys.JP}. */
    Map<String, String> publicKeys();

    /** Tokens whose lifetime ({@code exp - iat}) is longer are refused. */
    @WithDefault("PT24H")
    Duration maxTokenLifetime();
}
