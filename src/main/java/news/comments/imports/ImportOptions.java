package news.comments.imports;

import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed query of an import: the file's format, where article ids come from, whether the file's decisions
 * teach the learned filter ({@code train}), whether to store nothing and only say what would be stored
 * ({@code dryRun}), and the addresses that moved ({@code urlFrom}/{@code urlTo}).
 */
record ImportOptions(ImportFormat format, ArticleIdFrom articleIdFrom, boolean train, boolean dryRun, UrlMap urlMap) {

    ImportOptions(ImportFormat format, ArticleIdFrom articleIdFrom, boolean train) {
        this(format, articleIdFrom, train, false, UrlMap.NONE);
    }

    static ImportOptions parse(String format, String articleIdFrom, String train, String dryRun, List<String> urlFrom,
                               List<String> urlTo) {
        List<Problem.Violation> violations = new ArrayList<>();
        ImportFormat parsedFormat = ImportFormat.parse(format);
        if (parsedFormat == null) {
            violations.add(new Problem.Violation("format", "must be wxr, disqus, remark42, isso or json"));
        }
        ArticleIdFrom from = ArticleIdFrom.parse(articleIdFrom);
        if (from == null) {
            violations.add(new Problem.Violation("articleIdFrom", "must be slug, id or url"));
        }
        boolean trains = flag("train", train, violations);
        boolean dry = flag("dryRun", dryRun, violations);
        UrlMap urlMap = UrlMap.parse(urlFrom, urlTo, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new ImportOptions(parsedFormat, from, trains, dry, urlMap);
    }

    private static boolean flag(String name, String value, List<Problem.Violation> violations) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
            violations.add(new Problem.Violation(name, "must be true or false"));
        }
        return value.strip().equalsIgnoreCase("true");
    }
}
