package news.comments.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * A receiver's check of a call, written from the Standard Webhooks specification alone (not from the service's
 * signer): the secret is {@code whsec_} + base64 of the key; the signed content is {@code msg_id.timestamp.payload};
 * the header holds space-separated {@code version,signature} pairs, of which a {@code v1} one must equal the base64
 * HMAC-SHA256; the timestamp must be within five minutes of now.
 */
final class SpecVerifier {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    private SpecVerifier() {
    }

    static boolean verify(String secret, String msgId, String timestamp, String signatureHeader, String payload)
            throws Exception {
        if (msgId == null || timestamp == null || signatureHeader == null || !secret.startsWith("whsec_")) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.split("_", 2)[1]), "HmacSHA256"));
        byte[] expected = hmac.doFinal((msgId + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
        for (String versioned : signatureHeader.split(" ")) {
            String[] parts = versioned.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
