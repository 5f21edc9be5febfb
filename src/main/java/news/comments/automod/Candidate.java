package news.comments.automod;

import news.comments.article.ModerationMode;

/**
 * A new comment as the rules see it, before it is stored. {@code honeypot} is the value of the hidden form field,
 * null when absent. {@code keyMatched}: the post carried its address's commenterKey, the only proof of who wrote it;
 * {@code emailVerified}: the address's owner has confirmed it (which proves nothing about this post).
 * {@code spamScore} is what the learned filter thinks of it, null until {@link AutoModerator} has asked (or when the
 * filter is off). Personal data: never logged.
 */
public record Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                        String userAgent, String honeypot, ModerationMode mode, boolean emailVerified,
                        boolean keyMatched, SpamScore spamScore) {

    /** A comment as posted, not scored yet. */
    public Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                     String userAgent, String honeypot, ModerationMode mode, boolean emailVerified,
                     boolean keyMatched) {
        this(authorName, authorEmail, authorUrl, body, ip, userAgent, honeypot, mode, emailVerified, keyMatched,
                null);
    }

    /** The same comment with the learned filter's score. */
    Candidate scored(SpamScore score) {
        return new Candidate(authorName, authorEmail, authorUrl, body, ip, userAgent, honeypot, mode, emailVerified,
                keyMatched, score);
    }

    @Override
    public String toString() {
        return "Candidate[redacted]";
    }
}
