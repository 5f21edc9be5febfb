package news.comments.automod;

import news.comments.article.ModerationMode;

/**
 * The settings document compiled for the rules: word lists folded, CIDR ranges parsed. Built once per settings
 * version, not once per comment.
 */
public record RuleSettings(SettingsDocument document, WordMatcher holdWords, WordMatcher blockWords,
                           EmailBlocks blockEmails, IpRanges blockIps) {

    static RuleSettings compile(SettingsDocument document) {
        return new RuleSettings(document, new WordMatcher(document.holdWords()),
                new WordMatcher(document.blockWords()), new EmailBlocks(document.blockEmails()),
                new IpRanges(document.blockIps()));
    }

    public int maxLinks() {
        return document.maxLinks();
    }

    public boolean trustReturningCommenters() {
        return document.trustReturningCommenters();
    }

    public int floodSeconds() {
        return document.floodSeconds();
    }

    public String honeypotField() {
        return document.honeypotField();
    }

    public int closeAfterDays() {
        return document.closeAfterDays();
    }

    public int reportsHideThreshold() {
        return document.reportsHideThreshold();
    }

    public ModerationMode defaultModeration() {
        return ModerationMode.valueOf(document.defaultModeration());
    }
}
