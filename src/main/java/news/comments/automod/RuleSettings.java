package news.comments.automod;

/**
 * The rules' settings compiled for use: word lists folded, CIDR ranges parsed. Built once per settings version, not
 * once per comment.
 */
public record RuleSettings(RuleValues values, WordMatcher holdWords, WordMatcher blockWords,
                           EmailBlocks blockEmails, IpRanges blockIps, LearnedFilterValues learnedFilter) {

    /** Where the current settings come from; implemented by the settings package, which stores them. */
    public interface Source {
        RuleSettings ruleSettings();
    }

    /** Compiles values that passed {@link RuleValues#check} and {@link LearnedFilterValues#check}. */
    public static RuleSettings compile(RuleValues values, LearnedFilterValues learnedFilter) {
        return new RuleSettings(values, new WordMatcher(values.holdWords()), new WordMatcher(values.blockWords()),
                new EmailBlocks(values.blockEmails()), new IpRanges(values.blockIps()), learnedFilter);
    }

    public int maxLinks() {
        return values.maxLinks();
    }

    public boolean trustReturningCommenters() {
        return values.trustReturningCommenters();
    }

    public int floodSeconds() {
        return values.floodSeconds();
    }

    public String honeypotField() {
        return values.honeypotField();
    }
}
