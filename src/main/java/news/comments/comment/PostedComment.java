package news.comments.comment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a reader who just posted: the public view of their comment, and where it stands. */
public record PostedComment(@JsonUnwrapped PublicCommentView comment, String status) {
}
