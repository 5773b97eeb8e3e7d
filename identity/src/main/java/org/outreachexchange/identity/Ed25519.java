package org.outreachexchange.identity;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;

/**
 * Ed25519 signatures (RFC 8032) over the keys {@link AgencyKeys} reads, computed with Bouncy Castle's RFC 8032
 * arithmetic. Every event is sealed by its producer and verified by each consumer, and the JDK 17 provider spends
 * about 0.45 ms on each of those; this takes about a tenth of that and gives the same signatures (Ed25519 is
 * deterministic), so seals and tokens made by either verify with the other.
 */
final class Ed25519 {

    private static final int SIGNATURE_SIZE = org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE;
    private static final int KEY_SIZE = org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32-byte key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {
    }

    static byte[] sign(PrivateKey key, byte[] message) throws InvalidKeyException {
        if (!(key instanceof EdECPrivateKey edec) || !AgencyKeys.ALGORITHM.equals(edec.getParams().getName())) {
            throw new InvalidKeyException("not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().orElseThrow(() -> new InvalidKeyException("the Ed25519 private key cannot be read"));
        try {
            byte[] signature = new byte[SIGNATURE_SIZE];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            return signature;
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** False for a signature of the wrong size, a key that is not an Ed25519 point, or a signature that does not verify. */
    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        byte[] encoded = key.getEncoded();
        if (signature == null || signature.length != SIGNATURE_SIZE || encoded == null
                || encoded.length != X509_PREFIX.length + KEY_SIZE
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, encoded, X509_PREFIX.length, message, 0,
                message.length);
    }
}
