package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.infra.ServerHmac;

import java.util.Locale;

/**
 * {@code avatarKey}: HMAC-SHA256 of the lower-cased email under a server secret. A page can draw the same avatar for
 * the same author, but nobody can test a guessed address against it, as one can against a plain (Gravatar) hash.
 * The secret is {@code comments.avatar.secret}, or generated once and stored in the database, where every instance
 * finds the same one.
 */
@ApplicationScoped
public class AvatarKeys {

    private final ServerHmac hmac;

    AvatarKeys(CommentConfig config, EntityManager entityManager) {
        this.hmac = new ServerHmac("avatar-hmac", config.avatar().secret(), entityManager);
    }

    public String of(String email) {
        return hmac.hex(email.toLowerCase(Locale.ROOT));
    }
}
