package news.comments.ban;

import java.time.Instant;

/** A ban as moderators see it (the moderation door only: it holds the banned address). */
public record BanView(long id, String email, String ip, String reason, Long commentId, String createdBy,
                      Instant createdAt) {

    static BanView of(Ban ban) {
        return new BanView(ban.id(), ban.email(), ban.ip(), ban.reason(), ban.commentId(), ban.createdBy(),
                ban.createdAt());
    }
}
