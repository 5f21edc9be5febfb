package news.comments.comment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a reader who just posted: the public view of their comment, where it stands, and whether the post
 * carried the key of its address ({@code keyMatched}; without it, the embed says that a confirmation mail may have
 * been sent). Whether an address is verified is not said: anyone can type an address, and the answer must not tell
 * them whether its owner comments here.
 */
public record PostedComment(@JsonUnwrapped PublicCommentView comment, String status, boolean keyMatched) {
}
