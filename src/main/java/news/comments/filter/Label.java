package news.comments.filter;

import news.comments.comment.CommentStatus;

/** The two classes the filter learns: a moderator's approval is ham, a spam decision is spam. */
enum Label {
    HAM("ham"), SPAM("spam");

    /** The stored name, which is also the name of the count column in {@code filter_token} and {@code filter_model}. */
    final String column;

    Label(String column) {
        this.column = column;
    }

    /** The class a moderated comment's status teaches, or null: rejected (off-topic, abusive) teaches neither. */
    static Label of(CommentStatus status) {
        return switch (status) {
            case APPROVED -> HAM;
            case SPAM -> SPAM;
            default -> null;
        };
    }

    static Label parse(String stored) {
        return "spam".equals(stored) ? SPAM : HAM;
    }
}
