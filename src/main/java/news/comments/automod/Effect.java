package news.comments.automod;

/**
 * What a rule asks for; the strongest effect among the rules that fired wins (spam over hold over approve). A
 * {@code NOTE} asks for nothing: it explains why a rule did not apply (trust not granted without proof, say).
 */
public enum Effect {
    NOTE, APPROVE, HOLD, SPAM;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
