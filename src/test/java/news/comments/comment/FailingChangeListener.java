package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A listener inside the change's transaction that fails for the articles a test names, so that the transaction of a
 * real path (a post, a bulk decision, a report, an edit, an erasure, an import) rolls back after its event was fired.
 */
@ApplicationScoped
public class FailingChangeListener {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    void onChange(@Observes CommentChanged change) {
        if (failing.contains(change.articleId())) {
            throw new IllegalStateException("a listener failed, as the test asked");
        }
    }

    /** Runs {@code action} while every change of a comment of {@code articleId} fails in its transaction. */
    public void failingOn(String articleId, Runnable action) {
        failing.add(articleId);
        try {
            action.run();
        } finally {
            failing.remove(articleId);
        }
    }
}
