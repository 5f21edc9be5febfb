package news.comments.automod;

import java.util.Optional;

/** The bans the {@code banned} rule consults; the ban package answers it, so rules never depend on bans. */
public interface BanLookup {

    /** The oldest ban on this email or IP, if any. */
    Optional<Match> firstMatching(String email, String ip);

    /** Which ban matched, and whether by the email (else by the IP). */
    record Match(long banId, boolean byEmail) {
    }
}
