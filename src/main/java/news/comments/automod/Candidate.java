package news.comments.automod;

import news.comments.article.ModerationMode;

/**
 * A new comment as the rules see it, before it is stored. {@code honeypot} is the value of the hidden form field,
 * null when absent. {@code spamScore} is what the learned filter thinks of it, null until {@link AutoModerator} has
 * asked (or when the filter is off). Personal data: never logged.
 */
public record Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                        String userAgent, String honeypot, ModerationMode mode, SpamScore spamScore) {

    /** A comment as posted, not scored yet. */
    public Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                     String userAgent, String honeypot, ModerationMode mode) {
        this(authorName, authorEmail, authorUrl, body, ip, userAgent, honeypot, mode, null);
    }

    /** The same comment with the learned filter's score. */
    Candidate scored(SpamScore score) {
        return new Candidate(authorName, authorEmail, authorUrl, body, ip, userAgent, honeypot, mode, score);
    }

    @Override
    public String toString() {
        return "Candidate[redacted]";
    }
}
