package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();
    private final KeyPair japan = AgencyKeys.generate();
    private final byte[] link = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signsRfc8032TestVectorOne() throws Exception {
        // RFC 8032, section 7.1, TEST 1: secret key, public key, empty message, signature.
        String pkcs8 = "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String x509 = "302a300506032b6570032100" + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        String expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b";

        byte[] signature = Ed25519.sign(AgencyKeys.decodePrivate(b64(pkcs8)), new byte[0]);

        assertThat(HEX.formatHex(signature)).isEqualTo(expected);
        assertThat(Ed25519.verifies(AgencyKeys.decodePublic(b64(x509)), new byte[0], signature)).isTrue();
    }

    @Test
    void makesTheSignaturesOfTheJdkProviderAndVerifiesThem() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(japan.getPrivate());
        jdk.update(link);
        byte[] byJdk = jdk.sign();

        byte[] ours = Ed25519.sign(japan.getPrivate(), link);

        assertThat(ours).isEqualTo(byJdk);
        assertThat(Ed25519.verifies(japan.getPublic(), link, byJdk)).isTrue();
        jdk.initVerify(japan.getPublic());
        jdk.update(link);
        assertThat(jdk.verify(ours)).isTrue();
    }

    @Test
    void refusesAnEditedMessageAnotherKeyAFlippedBitAndAWrongSize() throws Exception {
        byte[] signature = Ed25519.sign(japan.getPrivate(), link);
        byte[] edited = link.clone();
        edited[0] ^= 1;
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;

        assertThat(Ed25519.verifies(japan.getPublic(), edited, signature)).isFalse();
        assertThat(Ed25519.verifies(AgencyKeys.generate().getPublic(), link, signature)).isFalse();
        assertThat(Ed25519.verifies(japan.getPublic(), link, flipped)).isFalse();
        assertThat(Ed25519.verifies(japan.getPublic(), link, java.util.Arrays.copyOf(signature, 63))).isFalse();
        assertThat(Ed25519.verifies(japan.getPublic(), link, null)).isFalse();
    }

    @Test
    void refusesAKeyOfAnotherAlgorithm() throws Exception {
        KeyPair ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        byte[] signature = Ed25519.sign(japan.getPrivate(), link);

        assertThatThrownBy(() -> Ed25519.sign(ec.getPrivate(), link)).isInstanceOf(java.security.InvalidKeyException.class);
        assertThat(Ed25519.verifies(ec.getPublic(), link, signature)).isFalse();
    }

    private static String b64(String hex) {
        return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
    }
}
