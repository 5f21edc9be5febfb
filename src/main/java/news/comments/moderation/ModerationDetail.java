package news.comments.moderation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import news.comments.comment.Comment;

import java.time.Instant;
import java.util.List;

/** One comment for a moderator: the queue item plus its whole history, oldest first. */
public record ModerationDetail(@JsonUnwrapped ModerationItem comment, List<HistoryEntry> history) {

    public record HistoryEntry(String actor, String from, String to, String reason, Instant at) {
    }

    public static ModerationDetail of(ModerationItem item, Comment comment) {
        return new ModerationDetail(item, comment.history().stream()
                .map(e -> new HistoryEntry(e.actor(), e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus().name(), e.reason(), e.createdAt()))
                .toList());
    }
}
