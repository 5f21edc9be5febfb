package news.comments.comment;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a stored idempotent answer with AES-256-GCM under the key derived from the raw {@code Idempotency-Key}
 * ({@link IdempotencyKeys.Key#answerKey}), bound to the request's hash, as {@code gcm1:<base64 of nonce and
 * ciphertext>}. Only a retry that brings the key reads it back: the database holds the key as a hash only.
 */
final class AnswerSeal {

    private static final String PREFIX = "gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AnswerSeal() {
    }

    static String seal(IdempotencyKeys.Key key, String json) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(json.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /**
     * The answer's JSON, or empty when this key cannot open it. A row without the prefix was stored in clear before
     * answers were sealed; it expires with {@code comments.idempotency.ttl}.
     */
    static Optional<String> open(IdempotencyKeys.Key key, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (all.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        try {
            byte[] json = cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return Optional.of(new String(json, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private static Cipher cipher(int mode, IdempotencyKeys.Key key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.answerKey(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(key.requestHash().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
