package news.comments.ban;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.comment.Comment;
import news.comments.comment.CommentRepository;
import news.comments.infra.KeyedHashes;
import news.comments.web.DomainException;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.ProblemType;

import java.time.Clock;
import java.util.List;

/**
 * Bans, made from a comment so that the moderator never types an address. The comment itself keeps its status:
 * banning and deciding are separate acts.
 */
@ApplicationScoped
public class BanService {

    static final int REASON_MAX = 2000;

    private final BanRepository bans;
    private final CommentRepository comments;
    private final KeyedHashes keyedHashes;
    private final Clock clock;

    BanService(BanRepository bans, CommentRepository comments, KeyedHashes keyedHashes, Clock clock) {
        this.bans = bans;
        this.comments = comments;
        this.keyedHashes = keyedHashes;
        this.clock = clock;
    }

    @Transactional
    public BanView banAuthorOf(long commentId, BanRequest request, String moderator) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        if (reason != null && reason.codePointCount(0, reason.length()) > REASON_MAX) {
            throw InvalidRequestException.of("reason", "must be at most " + REASON_MAX + " characters");
        }
        Comment comment = comments.findById(commentId);
        if (comment == null) {
            throw new NotFoundException("There is no comment with this id");
        }
        if (comment.authorEmail().isEmpty()) {
            throw new DomainException(ProblemType.CONFLICT, "The author of this comment was erased");
        }
        String emailHash = keyedHashes.email(comment.authorEmail());
        if (bans.emailBanned(emailHash)) {
            throw new DomainException(ProblemType.CONFLICT, "This author is already banned");
        }
        boolean banIp = request != null && Boolean.TRUE.equals(request.banIp());
        Ban ban = new Ban(comment.authorEmail(), emailHash, banIp ? comment.ip() : null, reason, comment.id(),
                moderator, clock.instant());
        bans.persist(ban);
        bans.flush();
        return BanView.of(ban);
    }

    /**
     * Erasure of an address: a ban on it keeps matching by the keyed hash, but no longer names it (the moderators'
     * list shows the ban without an email), and the address is cut out of every ban's reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAddress(String email, String replacement) {
        for (Ban ban : bans.listAll()) {
            ban.forget(keyedHashes.email(email), email, replacement);
        }
    }

    @Transactional
    public List<BanView> list() {
        return bans.listAll(Sort.descending("id")).stream().map(BanView::of).toList();
    }

    @Transactional
    public void lift(long id) {
        if (!bans.deleteById(id)) {
            throw new NotFoundException("There is no ban with this id");
        }
    }
}
