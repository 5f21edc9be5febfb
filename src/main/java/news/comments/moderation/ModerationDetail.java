package news.comments.moderation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import news.comments.comment.Comment;

import java.time.Instant;
import java.util.List;

/**
 * One comment for a moderator: the queue item plus its whole history, oldest first. Each line names who
 * ({@code actor}) and what kind of actor that was ({@code actorKind}: {@code SYSTEM}, {@code MODERATOR},
 * {@code AUTHOR}, {@code IMPORT}).
 */
public record ModerationDetail(@JsonUnwrapped ModerationItem comment, List<HistoryEntry> history) {

    public record HistoryEntry(String actor, String actorKind, String from, String to, String reason, Instant at) {
    }

    public static ModerationDetail of(ModerationItem item, Comment comment) {
        return new ModerationDetail(item, comment.history().stream()
                .map(e -> new HistoryEntry(e.actor(), e.actorKind().name(), e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus().name(), e.reason(), e.createdAt()))
                .toList());
    }
}
