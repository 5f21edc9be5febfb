package news.comments.commenter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commenter tables as the export reads them and a restore writes them: addresses, key hashes, link (token)
 * hashes and confirmed comments, page by page, and added without doubling what is here.
 */
@ApplicationScoped
class CommenterRecords {

    record Address(String email, Instant verifiedAt, Instant verificationSentAt, boolean mailOptOut,
                   Instant createdAt) {
        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    record Key(String hash, Instant createdAt) {
    }

    record Token(String hash, String purpose, Long commentId, Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    record Confirmation(long commentId, Instant confirmedAt) {
    }

    /** A page of addresses with their keys and tokens, by address. */
    record Page(List<Address> addresses, Map<String, List<Key>> keys, Map<String, List<Token>> tokens) {
    }

    private final EntityManager entityManager;

    CommenterRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Page pageAfter(String afterEmail, int limit) {
        List<Address> addresses = new ArrayList<>();
        for (Object[] row : rows(entityManager.createNativeQuery("select email_lc, verified_at, verification_sent_at, "
                        + "mail_opt_out, created_at from commenter where email_lc > ?1 order by email_lc")
                .setParameter(1, afterEmail).setMaxResults(limit).getResultList())) {
            addresses.add(new Address((String) row[0], instant(row[1]), instant(row[2]), Boolean.TRUE.equals(row[3]),
                    instant(row[4])));
        }
        Map<String, List<Key>> keys = new HashMap<>();
        Map<String, List<Token>> tokens = new HashMap<>();
        if (!addresses.isEmpty()) {
            List<String> emails = addresses.stream().map(Address::email).toList();
            for (Object[] row : rows(entityManager.createNativeQuery("select email_lc, key_hash, created_at from "
                    + "commenter_key where email_lc in (?1) order by key_hash").setParameter(1, emails)
                    .getResultList())) {
                keys.computeIfAbsent((String) row[0], e -> new ArrayList<>()).add(new Key((String) row[1],
                        instant(row[2])));
            }
            for (Object[] row : rows(entityManager.createNativeQuery("select email_lc, token_hash, purpose, target_id, "
                    + "created_at, expires_at, used_at from commenter_token where email_lc in (?1) order by token_hash")
                    .setParameter(1, emails).getResultList())) {
                tokens.computeIfAbsent((String) row[0], e -> new ArrayList<>()).add(new Token((String) row[1],
                        (String) row[2], row[3] == null ? null : ((Number) row[3]).longValue(), instant(row[4]),
                        instant(row[5]), instant(row[6])));
            }
        }
        return new Page(addresses, keys, tokens);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean exists(String email) {
        return !entityManager.createNativeQuery("select email_lc from commenter where email_lc = ?1")
                .setParameter(1, email).setMaxResults(1).getResultList().isEmpty();
    }

    /** Adds the address, or keeps the one here with the earlier verification and the opt-out of either. */
    @Transactional(Transactional.TxType.MANDATORY)
    void merge(Address address) {
        if (!exists(address.email())) {
            entityManager.createNativeQuery("insert into commenter (email_lc, verified_at, verification_sent_at, "
                            + "mail_opt_out, created_at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, address.email()).setParameter(2, address.verifiedAt())
                    .setParameter(3, address.verificationSentAt()).setParameter(4, address.mailOptOut())
                    .setParameter(5, address.createdAt()).executeUpdate();
            return;
        }
        Object[] row = rows(entityManager.createNativeQuery("select verified_at, mail_opt_out from commenter "
                + "where email_lc = ?1").setParameter(1, address.email()).getResultList()).get(0);
        Instant here = instant(row[0]);
        Instant verified = here == null || address.verifiedAt() != null && address.verifiedAt().isBefore(here)
                ? address.verifiedAt() : here;
        boolean optOut = Boolean.TRUE.equals(row[1]) || address.mailOptOut();
        if (verified != null && !verified.equals(here) || optOut != Boolean.TRUE.equals(row[1])) {
            entityManager.createNativeQuery("update commenter set verified_at = ?2, mail_opt_out = ?3 "
                            + "where email_lc = ?1").setParameter(1, address.email())
                    .setParameter(2, verified == null ? here : verified).setParameter(3, optOut).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<String> keyHashes(String email) {
        @SuppressWarnings("unchecked")
        List<String> hashes = entityManager.createNativeQuery("select key_hash from commenter_key where email_lc = ?1")
                .setParameter(1, email).getResultList();
        return hashes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void addKey(Key key, String email) {
        entityManager.createNativeQuery("insert into commenter_key (key_hash, email_lc, created_at) values (?1, ?2, ?3)")
                .setParameter(1, key.hash()).setParameter(2, email).setParameter(3, key.createdAt()).executeUpdate();
    }

    /** Adds the tokens whose hash is not here yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    void addTokens(List<Token> tokens, String email) {
        for (Token token : tokens) {
            boolean here = !entityManager.createNativeQuery("select token_hash from commenter_token where "
                    + "token_hash = ?1").setParameter(1, token.hash()).getResultList().isEmpty();
            if (!here) {
                entityManager.createNativeQuery("insert into commenter_token (token_hash, email_lc, purpose, target_id, "
                                + "created_at, expires_at, used_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                        .setParameter(1, token.hash()).setParameter(2, email).setParameter(3, token.purpose())
                        .setParameter(4, token.commentId()).setParameter(5, token.createdAt())
                        .setParameter(6, token.expiresAt()).setParameter(7, token.usedAt()).executeUpdate();
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<Confirmation> confirmationsAfter(long afterCommentId, int limit) {
        List<Confirmation> page = new ArrayList<>();
        for (Object[] row : rows(entityManager.createNativeQuery("select comment_id, confirmed_at from "
                        + "confirmed_comment where comment_id > ?1 order by comment_id").setParameter(1, afterCommentId)
                .setMaxResults(limit).getResultList())) {
            page.add(new Confirmation(((Number) row[0]).longValue(), instant(row[1])));
        }
        return page;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    boolean confirmed(long commentId) {
        return !entityManager.createNativeQuery("select comment_id from confirmed_comment where comment_id = ?1")
                .setParameter(1, commentId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void confirm(long commentId, Instant at) {
        entityManager.createNativeQuery("insert into confirmed_comment (comment_id, confirmed_at) values (?1, ?2)")
                .setParameter(1, commentId).setParameter(2, at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
