package news.comments.comment;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

/** The author already posted this text on this article. */
public class DuplicateCommentException extends DomainException {

    public DuplicateCommentException() {
        super(ProblemType.DUPLICATE_COMMENT, "You have already posted this comment on this article");
    }
}
