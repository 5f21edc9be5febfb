package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import news.comments.automod.Hit;
import news.comments.automod.RuleHits;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener of committed changes, as every real one is: it records what reached it, for the lifecycle tests. For the
 * articles a test names, it also notes inside each change's transaction which rules' hits a listener there could
 * already read (only for those: other tests count the statements of a post).
 */
@ApplicationScoped
public class CommentChangesRecorder {

    private final List<CommentChanged> committed = new CopyOnWriteArrayList<>();
    private final Map<Long, List<String>> rulesInTransaction = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final RuleHits ruleHits;

    CommentChangesRecorder(RuleHits ruleHits) {
        this.ruleHits = ruleHits;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        committed.add(change);
    }

    void inTransaction(@Observes CommentChanged change) {
        if (!watched.contains(change.articleId())) {
            return;
        }
        rulesInTransaction.put(change.commentId(), ruleHits.forComments(List.of(change.commentId()))
                .getOrDefault(change.commentId(), List.of()).stream().map(Hit::rule).toList());
    }

    /** From now on, notes the rules that a listener inside the transaction of each change on the article sees. */
    public void watchRules(String articleId) {
        watched.add(articleId);
    }

    /** The rules whose hits a listener inside the transaction of the comment's latest change could read. */
    public List<String> rulesSeenInTransaction(long commentId) {
        return rulesInTransaction.getOrDefault(commentId, List.of());
    }

    /** The committed changes of the comments of one article, oldest first. */
    public List<CommentChanged> ofArticle(String articleId) {
        return committed.stream().filter(change -> change.articleId().equals(articleId)).toList();
    }

    /** The committed changes of one comment, oldest first. */
    public List<CommentChanged> of(long commentId) {
        return committed.stream().filter(change -> change.commentId() == commentId).toList();
    }
}
