package news.comments.article;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

/** The article takes no more comments. */
public class CommentsClosedException extends DomainException {

    public CommentsClosedException() {
        super(ProblemType.COMMENTS_CLOSED, "Comments on this article are closed");
    }
}
