package news.comments.privacy;

import news.comments.commenter.Commenters;

import java.time.Instant;
import java.util.List;

/**
 * Everything the service keeps about one address, for its owner (a mailed, single-use link) or for an admin
 * answering a request that came by another channel: every comment written with it, in every status, and what is
 * known of the address itself. Nothing about anyone else: no replies by others, no reports, no moderator's name.
 * The IP address and user agent of each comment are the owner's own data and are included while they are kept
 * ({@code comments.privacy.ip-retention}). The address itself is not repeated: whoever asked knows it, and an
 * export about an erased address then names it nowhere.
 */
public record DataExport(Instant exportedAt, Commenters.AddressRecord address,
                         List<ExportedComment> comments) {

    /** One comment of the address, as its author wrote it, with where and how it stands. */
    public record ExportedComment(long id, String articleId, String articleTitle, String articleUrl, Long parentId,
                                  String status, String authorName, String authorUrl, String body,
                                  Instant createdAt, Instant editedAt, boolean notifyReplies,
                                  boolean notifyPublished, String ip, String userAgent) {
    }

    @Override
    public String toString() {
        return "DataExport[" + comments.size() + " comments]";
    }
}
