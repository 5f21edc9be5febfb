package news.comments.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How articles come to be ({@code comments.articles.*}). */
@ConfigMapping(prefix = "comments.articles")
public interface ArticleConfig {

    /** Create an unknown article on its first comment; when false, posting to it answers 404. */
    @WithDefault("true")
    boolean autoCreate();
}
