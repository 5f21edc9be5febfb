package news.archfixture.moderation;

import news.archfixture.FixturePath;
import news.archfixture.comment.Comment;

/** Hands out an entity. */
@FixturePath
public class LeakyResource {

    public Comment get() {
        return new Comment();
    }
}
