package news.comments.automod;

/** What a rule asks for; the strongest effect among the rules that fired wins (spam over hold over approve). */
public enum Effect {
    APPROVE, HOLD, SPAM;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
