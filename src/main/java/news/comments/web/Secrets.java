package news.comments.web;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets handed to readers (commenter keys, mailed tokens, edit tokens): 32 random bytes, URL-safe. The service keeps
 * only their {@link Hashes#sha256Hex} hash, so a copy of the database proves nothing.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
