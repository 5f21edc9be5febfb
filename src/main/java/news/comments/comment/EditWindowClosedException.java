package news.comments.comment;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

/** The author's edit came after {@code comments.author.edit-window}, or editing is off: 403. */
public class EditWindowClosedException extends DomainException {

    EditWindowClosedException(boolean editingOff) {
        super(ProblemType.EDIT_WINDOW_CLOSED, editingOff ? "Comments cannot be edited on this site"
                : "The time to edit this comment is over; it can still be deleted");
    }
}
