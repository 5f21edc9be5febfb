package news.comments.commenter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.config.SiteConfig;
import news.comments.infra.InsertOnce;
import news.comments.outbox.MailConfig;
import news.comments.outbox.Outbox;
import news.comments.outbox.OutgoingMail;
import news.comments.web.DomainException;
import news.comments.web.Hashes;
import news.comments.web.ProblemType;
import news.comments.web.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Addresses and the proof that someone controls one. A verification mail carries a single-use token; confirming it
 * hands the reader's browser a {@code commenterKey}, a secret for that address, and only a post that carries it is
 * trusted as coming from the address's owner. Tokens and keys are stored as SHA-256 hashes only. Mail beyond the one
 * verification mail goes only to verified addresses that have not opted out ({@link #mayMail}).
 */
@ApplicationScoped
public class Commenters {

    static final String VERIFY = "verify";
    static final String UNSUBSCRIBE_ALL = "unsub-all";
    static final String UNSUBSCRIBE_REPLIES = "unsub-replies";
    /** Purposes of the tokens in a reader's data-request mail. */
    public static final String EXPORT = "export";
    public static final String ERASE = "erase";
    /** A data-request link works this long, once. */
    public static final Duration DATA_REQUEST_TTL = Duration.ofHours(24);
    /** Unsubscribe links keep working this long: mail is read late, and a dead link would teach readers to report spam. */
    static final Duration UNSUBSCRIBE_TTL = Duration.ofDays(365);
    /** When the comment a verification mail is about was posted, as the mail says it. */
    private static final DateTimeFormatter POSTED_AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Event<AddressVerified> verified;
    private final MailConfig mail;
    private final SiteConfig site;
    private final Clock clock;
    private final Template verifyText;
    private final Template verifyHtml;

    Commenters(EntityManager entityManager, Outbox outbox, Event<AddressVerified> verified, MailConfig mail,
               SiteConfig site, Clock clock, @Location("mail/verify.txt") Template verifyText,
               @Location("mail/verify.html") Template verifyHtml) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.verified = verified;
        this.mail = mail;
        this.site = site;
        this.clock = clock;
        this.verifyText = verifyText;
        this.verifyHtml = verifyHtml;
    }

    /** Whether the address is verified, and whether {@code commenterKey} (may be null) is its owner's key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing standing(String email, String commenterKey) {
        String address = lower(email);
        boolean keyMatched = commenterKey != null && !commenterKey.isBlank() && address.equals(
                singleString("select email_lc from commenter_key where key_hash = ?1", Hashes.sha256Hex(commenterKey)));
        return new Standing(keyMatched || isVerified(address), keyMatched);
    }

    /** Which of these lower-cased addresses are verified, in one query (for a page of the moderation queue). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Set<String> verifiedAmong(java.util.Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return java.util.Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("select email_lc from commenter where email_lc in (?1) "
                + "and verified_at is not null").setParameter(1, List.copyOf(addresses)).getResultList();
        return java.util.Set.copyOf(rows);
    }

    /** Whether mail other than the verification mail may go to this address: verified, and not opted out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mayMail(String email) {
        Object optOut = single("select mail_opt_out from commenter where email_lc = ?1 and verified_at is not null",
                lower(email));
        return optOut != null && !Boolean.TRUE.equals(optOut);
    }

    /**
     * Sends the verification mail for comment {@code commentId}, posted now without its address's key: to an address
     * not verified yet ("confirm your address"), or to a verified one whose owner may have lost their key to a new
     * device or cleared storage ("confirm it was you"). At most one goes out per address per
     * {@code comments.mail.verify-resend} (a conditional update decides, so simultaneous posts send one). The mail
     * names the article and the time of the comment, never its text (which anyone typing the address chose), and its
     * token is bound to that comment: confirming it proves this comment ({@link #confirmedComment}) and hands the
     * browser a new key. {@code pageUrl} is the article page the link leads to (its embed confirms the token there),
     * already checked to be one of the site's; null leads to the service's own page. Answers whether a mail was
     * queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean askToVerify(String email, long commentId, String pageUrl, String articleTitle) {
        String address = lower(email);
        Instant now = clock.instant();
        if (single("select email_lc from commenter where email_lc = ?1", address) == null) {
            InsertOnce.tryInsert(() -> entityManager.createNativeQuery(
                            "insert into commenter (email_lc, created_at) values (?1, ?2)")
                    .setParameter(1, address).setParameter(2, now).executeUpdate());
        }
        int claimed = entityManager.createNativeQuery("update commenter set verification_sent_at = ?2 "
                        + "where email_lc = ?1 and (verification_sent_at is null or verification_sent_at <= ?3)")
                .setParameter(1, address).setParameter(2, now).setParameter(3, now.minus(mail.verifyResend()))
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        boolean returning = isVerified(address);
        String token = newToken(address, VERIFY, commentId, now.plus(mail.verifyTtl()));
        String link = withToken(pageUrl == null ? site.publicUrl() + "/" : pageUrl, token);
        Map<String, Object> data = Map.of("title", articleTitle == null ? "" : articleTitle, "link", link,
                "days", Math.max(1, mail.verifyTtl().toDays()), "returning", returning,
                "postedAt", POSTED_AT.format(now));
        String on = articleTitle == null ? "" : " on \u201c" + articleTitle + "\u201d";
        outbox.mail(new OutgoingMail(email, (returning ? "Confirm it was you who commented" : "Confirm your address "
                + "to comment") + on, verifyText.data(data).render(), verifyHtml.data(data).render(), Map.of()));
        return true;
    }

    /**
     * Whether the owner of the comment's address confirmed the verification link mailed for it: the proof, besides a
     * key carried by the post, that the comment is theirs, so that mail about it may go to them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean confirmedComment(long commentId) {
        return single("select comment_id from confirmed_comment where comment_id = ?1", commentId) != null;
    }

    /**
     * Confirms a verification token: single use (a conditional update marks it used, so two clicks cannot both
     * win), unexpired. Marks the comment the token was mailed for as confirmed, and answers the address and a new key
     * for the reader's browser (a verified address gets one more, for another device); 400 for a bad, used or expired
     * token, changing nothing.
     */
    @Transactional
    public VerifiedView verify(String token) {
        Instant now = clock.instant();
        UsedToken used = useToken(token, VERIFY, now);
        String address = used.address();
        entityManager.createNativeQuery("update commenter set verified_at = coalesce(verified_at, ?2) "
                + "where email_lc = ?1").setParameter(1, address).setParameter(2, now).executeUpdate();
        if (used.targetId() != null) {
            entityManager.createNativeQuery("insert into confirmed_comment (comment_id, confirmed_at) values (?1, ?2)")
                    .setParameter(1, used.targetId()).setParameter(2, now).executeUpdate();
        }
        String key = Secrets.newSecret();
        entityManager.createNativeQuery("insert into commenter_key (key_hash, email_lc, created_at) "
                + "values (?1, ?2, ?3)").setParameter(1, Hashes.sha256Hex(key)).setParameter(2, address)
                .setParameter(3, now).executeUpdate();
        verified.fire(new AddressVerified(address));
        return new VerifiedView(address, key);
    }

    /** Revokes a key: posts carrying it are no longer trusted. Unknown keys are ignored, so the answer tells nothing. */
    @Transactional
    public void forget(String commenterKey) {
        if (commenterKey != null && !commenterKey.isBlank()) {
            entityManager.createNativeQuery("delete from commenter_key where key_hash = ?1")
                    .setParameter(1, Hashes.sha256Hex(commenterKey)).executeUpdate();
        }
    }

    /**
     * A token for a one-click unsubscribe link: from replies to one comment ({@code commentId}), or from all mail
     * ({@code commentId} null). Reusable until it expires, since unsubscribing twice changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String unsubscribeToken(String email, Long commentId) {
        return newToken(lower(email), commentId == null ? UNSUBSCRIBE_ALL : UNSUBSCRIBE_REPLIES, commentId,
                clock.instant().plus(UNSUBSCRIBE_TTL));
    }

    /** What an unsubscribe token stands for, or empty for a bad or expired one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Unsubscription> unsubscription(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select email_lc, purpose, target_id from "
                        + "commenter_token where token_hash = ?1 and purpose in (?2, ?3) and expires_at > ?4")
                .setParameter(1, Hashes.sha256Hex(token)).setParameter(2, UNSUBSCRIBE_ALL)
                .setParameter(3, UNSUBSCRIBE_REPLIES).setParameter(4, clock.instant()).getResultList();
        return rows.stream().findFirst().map(row -> new Unsubscription((String) row[0],
                row[2] == null ? null : ((Number) row[2]).longValue()));
    }

    /** Stops all mail but verification to the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void optOut(String emailLowerCase) {
        entityManager.createNativeQuery("update commenter set mail_opt_out = true where email_lc = ?1")
                .setParameter(1, emailLowerCase).executeUpdate();
    }

    /**
     * A single-use token for a reader's data request ({@code purpose} {@link #EXPORT} or {@link #ERASE}), valid
     * {@link #DATA_REQUEST_TTL}; null when one of the same purpose was issued for the address less than
     * {@code comments.mail.verify-resend} ago, so that the form cannot be used to flood someone's mailbox.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String dataRequestToken(String email, String purpose) {
        String address = lower(email);
        Instant now = clock.instant();
        List<?> recent = entityManager.createNativeQuery("select token_hash from commenter_token where email_lc = ?1 "
                        + "and purpose = ?2 and used_at is null and created_at > ?3")
                .setParameter(1, address).setParameter(2, purpose)
                .setParameter(3, now.minus(mail.verifyResend())).setMaxResults(1).getResultList();
        return recent.isEmpty() ? newToken(address, purpose, null, now.plus(DATA_REQUEST_TTL)) : null;
    }

    /** The address of an unused, unexpired data-request token, without using it (the page before the button). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> peekDataRequest(String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("select email_lc from commenter_token where "
                        + "token_hash = ?1 and purpose = ?2 and used_at is null and expires_at > ?3")
                .setParameter(1, Hashes.sha256Hex(token)).setParameter(2, purpose)
                .setParameter(3, clock.instant()).getResultList();
        return rows.stream().findFirst();
    }

    /** Uses a data-request token once and answers its address; a bad, used or expired one is the 400 problem. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String useDataRequest(String token, String purpose) {
        return useToken(token, purpose, clock.instant()).address();
    }

    /** What the service keeps about an address itself: verification and mail settings, for an export. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AddressRecord record(String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select verified_at, verification_sent_at, "
                + "mail_opt_out, created_at from commenter where email_lc = ?1").setParameter(1, lower(email))
                .getResultList();
        Number keys = (Number) single("select count(*) from commenter_key where email_lc = ?1", lower(email));
        if (rows.isEmpty()) {
            return new AddressRecord(false, null, null, false, null, keys == null ? 0 : keys.intValue());
        }
        Object[] row = rows.get(0);
        return new AddressRecord(row[0] != null, instant(row[0]), instant(row[1]), Boolean.TRUE.equals(row[2]),
                instant(row[3]), keys == null ? 0 : keys.intValue());
    }

    /** An address's verification, keys and tokens (mailed links) are dropped: part of erasing it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAddress(String email) {
        String address = lower(email);
        for (String table : List.of("commenter_token", "commenter_key", "commenter")) {
            entityManager.createNativeQuery("delete from " + table + " where email_lc = ?1")
                    .setParameter(1, address).executeUpdate();
        }
    }

    /**
     * What the service keeps about an address outside its comments: whether and since when it is verified, when a
     * verification mail last went out, whether it opted out of all mail, and how many browsers hold a key.
     */
    public record AddressRecord(boolean verified, Instant verifiedAt, Instant verificationSentAt,
                                boolean mailOptOut, Instant firstSeenAt, int commenterKeys) {
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }

    /** An unsubscribe link's meaning: the address, and the comment whose replies it stops (null: all mail). */
    public record Unsubscription(String emailLowerCase, Long commentId) {
        @Override
        public String toString() {
            return "Unsubscription[" + commentId + "]";
        }
    }

    private boolean isVerified(String address) {
        return single("select verified_at from commenter where email_lc = ?1 and verified_at is not null",
                address) != null;
    }

    private String newToken(String address, String purpose, Long targetId, Instant expiresAt) {
        String token = Secrets.newSecret();
        entityManager.createNativeQuery("insert into commenter_token (token_hash, email_lc, purpose, target_id, "
                        + "created_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Hashes.sha256Hex(token)).setParameter(2, address).setParameter(3, purpose)
                .setParameter(4, targetId).setParameter(5, clock.instant()).setParameter(6, expiresAt)
                .executeUpdate();
        return token;
    }

    /** A single-use token just used: its address, and the comment it was mailed for (verification), else null. */
    private record UsedToken(String address, Long targetId) {
        @Override
        public String toString() {
            return "UsedToken[" + targetId + "]";
        }
    }

    /** Marks a single-use token used and answers what it stands for, or throws the 400 problem. */
    private UsedToken useToken(String token, String purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw invalidToken();
        }
        String hash = Hashes.sha256Hex(token);
        int used = entityManager.createNativeQuery("update commenter_token set used_at = ?2 where token_hash = ?1 "
                        + "and purpose = ?3 and used_at is null and expires_at > ?2")
                .setParameter(1, hash).setParameter(2, now).setParameter(3, purpose).executeUpdate();
        if (used != 1) {
            throw invalidToken();
        }
        Object[] row = (Object[]) entityManager.createNativeQuery("select email_lc, target_id from commenter_token "
                + "where token_hash = ?1").setParameter(1, hash).getSingleResult();
        return new UsedToken((String) row[0], row[1] == null ? null : ((Number) row[1]).longValue());
    }

    static DomainException invalidToken() {
        return new DomainException(ProblemType.INVALID_TOKEN,
                "This link is not valid: it may have been used already or have expired");
    }

    private static String withToken(String url, String token) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + "token=" + token + fragment;
    }

    private Object single(String sql, Object parameter) {
        List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, parameter).setMaxResults(1)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String singleString(String sql, Object parameter) {
        Object value = single(sql, parameter);
        return value == null ? null : value.toString();
    }

    static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
