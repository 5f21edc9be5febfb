package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener of committed changes, as every real one is: it records what reached it, for the lifecycle tests. */
@ApplicationScoped
public class CommentChangesRecorder {

    private final List<CommentChanged> committed = new CopyOnWriteArrayList<>();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentChanged change) {
        committed.add(change);
    }

    /** The committed changes of one comment, oldest first. */
    public List<CommentChanged> of(long commentId) {
        return committed.stream().filter(change -> change.commentId() == commentId).toList();
    }
}
