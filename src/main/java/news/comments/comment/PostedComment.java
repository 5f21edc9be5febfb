package news.comments.comment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * The answer to a reader who just posted: the public view of their comment, where it stands, and whether the post
 * carried the key of its address ({@code keyMatched}; without it, the embed says that a confirmation mail may have
 * been sent). Whether an address is verified is not said: anyone can type an address, and the answer must not tell
 * them whether its owner comments here. {@code editToken}: the author's secret for this comment ({@code GET},
 * {@code PATCH}, {@code DELETE /api/comments/{id}} with header {@code Comment-Token}), given only here and stored as
 * a hash; {@code editableUntil}: the end of the edit window, null when editing is off.
 */
public record PostedComment(@JsonUnwrapped PublicCommentView comment, String status, boolean keyMatched,
                            String editToken, Instant editableUntil) {

    @Override
    public String toString() {
        return "PostedComment[" + comment.id() + ", " + status + "]";
    }
}
