package news.comments.automod;

import news.comments.article.ModerationMode;

/**
 * A new comment as the rules see it, before it is stored. {@code honeypot} is the value of the hidden form field,
 * null when absent. Personal data: never logged.
 */
public record Candidate(String authorName, String authorEmail, String authorUrl, String body, String ip,
                        String userAgent, String honeypot, ModerationMode mode) {

    @Override
    public String toString() {
        return "Candidate[redacted]";
    }
}
