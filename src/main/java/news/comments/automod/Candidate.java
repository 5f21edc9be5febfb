package news.comments.automod;

import news.comments.article.ModerationMode;

/**
 * A new comment as the rules see it, before it is stored. {@code honeypot} is the value of the hidden form field,
 * null when absent. {@code keyMatched}: the post carried its address's commenterKey, the only proof of who wrote it;
 * {@code emailVerified}: the address's owner has confirmed it (which proves nothing about this post). Personal data:
 * never logged.
 */
public record Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                        String userAgent, String honeypot, ModerationMode mode, boolean emailVerified,
                        boolean keyMatched) {

    @Override
    public String toString() {
        return "Candidate[redacted]";
    }
}
