package news.comments.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The symmetric scheme of the Standard Webhooks specification: a secret is {@code whsec_} and the base64 of 32 random
 * bytes; a call's {@code webhook-signature} is {@code v1,} and the base64 HMAC-SHA256, keyed with the decoded bytes,
 * of {@code id.timestamp.body}. Receivers verify it with that specification's libraries.
 */
final class StandardWebhooks {

    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A message id: {@code msg_} and 16 random bytes in URL-safe base64 (no {@code .}, as the scheme asks). */
    static String newMessageId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    static String signature(String secret, String messageId, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
