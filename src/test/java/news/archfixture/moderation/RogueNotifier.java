package news.archfixture.moderation;

import jakarta.enterprise.event.Event;
import news.archfixture.comment.CommentChanged;

/** Fires the change of a comment itself, and makes one. */
class RogueNotifier {

    private final Event<CommentChanged> changed;

    RogueNotifier(Event<CommentChanged> changed) {
        this.changed = changed;
    }

    void tell() {
        changed.fire(new CommentChanged(2));
    }
}
