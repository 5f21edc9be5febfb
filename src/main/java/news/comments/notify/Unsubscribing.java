package news.comments.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.comment.CommentLifecycle;
import news.comments.commenter.Commenters;
import news.comments.web.DomainException;
import news.comments.web.ProblemType;

/** Carries out an unsubscribe link: replies to one comment, or all mail to the address. Doing it twice is harmless. */
@ApplicationScoped
class Unsubscribing {

    private final Commenters commenters;
    private final CommentLifecycle lifecycle;

    Unsubscribing(Commenters commenters, CommentLifecycle lifecycle) {
        this.commenters = commenters;
        this.lifecycle = lifecycle;
    }

    /** Answers {@code replies} or {@code all}; a bad or expired token is a 400 problem. */
    @Transactional
    String unsubscribe(String token) {
        Commenters.Unsubscription what = commenters.unsubscription(token)
                .orElseThrow(() -> new DomainException(ProblemType.INVALID_TOKEN,
                        "This unsubscribe link is not valid or has expired"));
        if (what.commentId() != null) {
            lifecycle.stopReplyMail(what.commentId());
            return "replies";
        }
        commenters.optOut(what.emailLowerCase());
        return "all";
    }
}
