package news.archfixture.moderation;

import news.archfixture.comment.Comment;
import news.archfixture.comment.CommentRepository;

/** Writes a comment past the lifecycle; reading is allowed. */
class RogueWriter {

    void write(CommentRepository comments) {
        Comment comment = comments.findById(1);
        comments.persist(comment);
    }
}
