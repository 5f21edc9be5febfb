package news.comments.ban;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.comment.CommentRemoval;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

@ApplicationScoped
public class BanRepository implements PanacheRepository<Ban> {

    /** A comment's row is being removed ({@code CommentRemoval}): a ban made from it stays, without the link. */
    void onCommentRemoval(@Observes CommentRemoval removal) {
        update("commentId = null where commentId = ?1", removal.commentId());
    }

    /**
     * The oldest ban on this email (by its keyed hash) or this IP. Two look-ups, one per index (ban_email_hash_unique,
     * ban_ip_idx): H2 answers
     * {@code email = ? or ip = ?} by reading every ban in id order, on every post (bench/README, benchmark 2).
     */
    public Optional<Ban> firstMatching(String emailHash, String ip) {
        Optional<Ban> byEmail = find("emailHash", emailHash).firstResultOptional();
        Optional<Ban> byIp = ip == null ? Optional.empty() : find("ip = ?1 order by id", ip).firstResultOptional();
        return Stream.of(byEmail, byIp).flatMap(Optional::stream).min(Comparator.comparing(Ban::id));
    }

    /** A page of bans by id, after {@code afterId}, for the export. */
    java.util.List<Ban> pageAfter(long afterId, int limit) {
        return find("id > ?1 order by id", afterId).page(0, limit).list();
    }

    public boolean emailBanned(String emailHash) {
        return count("emailHash", emailHash) > 0;
    }
}
