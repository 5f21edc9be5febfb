package news.archfixture.comment;

import jakarta.enterprise.event.Event;

/** The one class allowed to fire and make changes. */
public class CommentLifecycle {

    private final Event<CommentChanged> changed;
    private final CommentRepository comments;

    CommentLifecycle(Event<CommentChanged> changed, CommentRepository comments) {
        this.changed = changed;
        this.comments = comments;
    }

    void post(Comment comment) {
        comments.persist(comment);
        changed.fire(new CommentChanged(1));
    }
}
