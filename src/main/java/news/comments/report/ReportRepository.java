package news.comments.report;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.comment.CommentRemoval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ReportRepository implements PanacheRepository<Report> {

    /** The open reports of every comment of a page, in one query. */
    public Map<Long, List<OpenReport>> openFor(List<Long> commentIds) {
        Map<Long, List<OpenReport>> reports = new HashMap<>();
        if (commentIds.isEmpty()) {
            return reports;
        }
        for (Report report : list("commentId in ?1 and open = true order by id", commentIds)) {
            reports.computeIfAbsent(report.commentId, id -> new ArrayList<>())
                    .add(new OpenReport(report.reason, report.note, report.createdAt));
        }
        return reports;
    }

    /** A comment's row is being removed ({@code CommentRemoval}): its reports go with it. */
    void onCommentRemoval(@Observes CommentRemoval removal) {
        delete("commentId", removal.commentId());
    }

    /** A page of reports by id, after {@code afterId}, for the export. */
    List<Report> pageAfter(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }

    /**
     * Whether a restored report is here already: the same reporter (keyed hash of the IP) on the comment, or, without
     * one, the same reason at the same time.
     */
    boolean restoredAlready(long commentId, String ipKey, String reason, Instant at) {
        return ipKey != null ? alreadyReported(commentId, ipKey)
                : count("commentId = ?1 and reason = ?2 and createdAt = ?3", commentId, reason, at) > 0;
    }

    /** A moderator decided: the comment's reports are answered. */
    public void closeAllOf(long commentId) {
        update("open = false where commentId = ?1 and open = true", commentId);
    }

    boolean alreadyReported(long commentId, String ipKey) {
        // a written query, not Panache's count(...), whose statement is translated anew on every call
        return !getEntityManager().createQuery("select r.id from Report r where r.commentId = :commentId "
                        + "and r.ipKey = :ipKey", Long.class)
                .setParameter("commentId", commentId).setParameter("ipKey", ipKey)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** How many reports this IP (its keyed hash) filed since {@code since}, and the oldest (report_ip_key_idx). */
    Object[] recentBy(String ipKey, Instant since) {
        return getEntityManager().createQuery(
                        "select count(r), min(r.createdAt) from Report r where r.ipKey = :ipKey and r.createdAt > :since",
                        Object[].class)
                .setParameter("ipKey", ipKey).setParameter("since", since).getSingleResult();
    }
}
