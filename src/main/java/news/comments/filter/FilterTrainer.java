package news.comments.filter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import news.comments.comment.Actor;
import news.comments.comment.Comment;
import news.comments.comment.CommentChanged;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/**
 * Teaches the model from moderators' decisions, after they are committed, each in a transaction of its own. What the
 * model learned from a comment always follows the comment's status once a moderator has decided it: approved is
 * ham, spam is spam, anything else (rejected, or hidden again by readers' reports) is neither. A reversed decision
 * therefore moves the example to the other class, and a repeated event changes nothing; a later change of a
 * moderated comment by the system or its author is followed too, which is what {@code retrain} rebuilds, so both
 * paths give the same counts. Comments no moderator decided (the rules' own verdicts) teach nothing; an import with
 * {@code train=true} counts the old site's decisions as moderators' ones.
 */
@ApplicationScoped
class FilterTrainer {

    private static final Logger LOG = Logger.getLogger(FilterTrainer.class);

    private final SpamModel model;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Timer training;

    FilterTrainer(SpamModel model, EntityManager entityManager, Clock clock, MeterRegistry metrics) {
        this.model = model;
        this.entityManager = entityManager;
        this.clock = clock;
        this.training = FilterTimers.timer(metrics, "comments.filter.training",
                "Time to learn from one changed comment, after its change committed, in a transaction of its own");
    }

    /**
     * A change made here (not relayed: {@code by} is null then) to a comment that existed, or an imported comment
     * (announced only by an import that trains the filter).
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        boolean imported = change.by() != null && change.by().kind() == Actor.Kind.IMPORT;
        if (change.by() == null || (change.from() == null && !imported)) {
            return;
        }
        try {
            training.record(() -> QuarkusTransaction.requiringNew().run(() -> learnFrom(change.commentId())));
        } catch (RuntimeException e) {
            // the decision stands; the model misses one example until the next decision on it or a retrain
            LOG.warnf(e, "the learned filter could not learn from comment %d", change.commentId());
        }
    }

    /** Makes the model's example of this comment match what moderators decided; inside the caller's transaction. */
    boolean learnFrom(long commentId) {
        Comment comment = entityManager.find(Comment.class, commentId);
        if (comment == null) {
            return false;
        }
        Label label = comment.moderatedBy() == null ? null : Label.of(comment.status());
        List<String> tokens = label == null ? List.of() : SpamTokens.of(comment.authorName(), comment.authorEmail(),
                comment.authorUrl(), comment.body());
        return model.learn(commentId, label, tokens, clock.instant());
    }
}
