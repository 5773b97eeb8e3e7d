package org.outreachexchange.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Seals on a government's events, which make its event stream a tamper-evident log. Each event gets the next
 * sequence number of the government's chain and the link of the event before it; its own link hashes those with the
 * digest of its content, and the government's event key signs that link. Changing, dropping, inserting or reordering
 * an event breaks a signature or a link, and only the holder of the key can make a chain that verifies.
 * <p>
 * The content digest is kept separate from the link so that an event a reader may not see can be shown as its digest
 * alone and the chain still verifies around it.
 */
public final class EventSeals {

    /** CloudEvents extension attributes that carry a seal; in Kafka's binary mode they are headers {@code ce_<name>}. */
    public static final String SEQUENCE_EXTENSION = "chainseq";
    public static final String PREVIOUS_EXTENSION = "chainprev";
    public static final String SIGNATURE_EXTENSION = "chainsig";

    /** The {@code previous} link of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSeals() {
    }

    /** What a seal covers of an event: its CloudEvent attributes, its Kafka key and its data exactly as sent. */
    public record Content(String id, String type, String source, String subject, String key, String data) {

        /** SHA-256 (hex) of the attributes and data, encoded as a JSON array of strings so no two contents collide. */
        public String digest() {
            return sha256(canonical(List.of(id, type, source, subject, key, data)));
        }
    }

    /**
     * An event's place in its chain.
     *
     * @param chain     the government whose chain it is, e.g. JP
     * @param sequence  1 for the chain's first event, then one more for each
     * @param previous  the link of the event before it, {@link #GENESIS} for the first
     * @param signature base64url Ed25519 signature over this event's link
     */
    public record Seal(String chain, long sequence, String previous, String signature) {
    }

    /** SHA-256 (hex) binding an event's content to its place in the chain; the next event's {@code previous}. */
    public static String link(String chain, long sequence, String previous, String contentDigest) {
        return sha256(canonical(List.of(chain, Long.toString(sequence), previous, contentDigest)));
    }

    public static Seal seal(PrivateKey key, String chain, long sequence, String previous, String contentDigest) {
        String link = link(chain, sequence, previous, contentDigest);
        try {
            byte[] signature = Ed25519.sign(key, link.getBytes(StandardCharsets.US_ASCII));
            return new Seal(chain, sequence, previous, Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code seal}'s signature was made by {@code key} over this content at this place in the chain. */
    public static boolean verifies(PublicKey key, Seal seal, String contentDigest) {
        String link = link(seal.chain(), seal.sequence(), seal.previous(), contentDigest);
        try {
            return Ed25519.verifies(key, link.getBytes(StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(seal.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] canonical(List<String> parts) {
        try {
            return JSON.writeValueAsBytes(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
