package news.comments.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256: the service's one way to store a lookup key without storing the value itself. */
public final class Hashes {

    private Hashes() {
    }

    /** The whole hash, as lower-case hex. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /**
     * The hash's first 64 bits, for keys of short-lived rows looked up at random (flood guard, Idempotency-Key): a
     * BIGINT key keeps their B-trees small. Two values share a key with odds of about n&sup2; / 2<sup>65</sup>.
     */
    public static long sha256Long(String text) {
        return ByteBuffer.wrap(sha256(text)).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
