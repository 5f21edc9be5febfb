package news.comments.automod;

/**
 * What an author's earlier comments became, for the rules that trust returning commenters. The comment package
 * answers it, so rules never depend on comments.
 */
public interface AuthorHistory {

    /** How many of this address's comments are approved and how many spam (the address compared case-blind). */
    Counts countsOf(String email);

    record Counts(long approved, long spam) {
    }
}
