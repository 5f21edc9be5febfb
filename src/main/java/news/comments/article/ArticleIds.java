package news.comments.article;

import news.comments.web.InvalidRequestException;

import java.util.regex.Pattern;

/** The rule for a site's article key: 1–200 letters, digits, {@code -}, {@code _}, {@code .} or {@code :}. */
public final class ArticleIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private ArticleIds() {
    }

    public static String require(String articleId) {
        if (articleId == null || !VALID.matcher(articleId).matches()) {
            throw InvalidRequestException.of("articleId",
                    "must be 1 to 200 characters of letters, digits, '-', '_', '.' or ':'");
        }
        return articleId;
    }
}
