package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import news.comments.infra.KeyedHashes;
import news.comments.web.DomainException;
import news.comments.web.Hashes;
import news.comments.web.ProblemType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code Idempotency-Key} for posting. A key is scoped to its article and stored (as a hash) together with the
 * first answer, in the transaction that creates the comment: either both are committed or neither is. A retry with
 * the same key and the same body gets the stored answer again, on any instance; the same key with another body
 * answers 422. Keys expire after {@code comments.idempotency.ttl}. The stored answer holds the comment's editToken,
 * so it is sealed (AES-GCM) with a key derived from the raw {@code Idempotency-Key}, which the database never holds:
 * the retry that brings the key can read it, a copy of the table cannot.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final KeyedHashes keyedHashes;
    private final CommentConfig config;
    private final Clock clock;

    IdempotencyKeys(EntityManager entityManager, ObjectMapper mapper, KeyedHashes keyedHashes, CommentConfig config,
                    Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.keyedHashes = keyedHashes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A key as the client sent it, checked and bound to the article and the request's content. Stored as the first
     * 64 bits of its hash: should two keys ever share them, the second is answered 422, or replayed if it carries the
     * very same comment, which the duplicate rule would have refused anyway.
     */
    public record Key(long keyId, String requestHash, byte[] answerKey) {

        @Override
        public String toString() {
            return "Key[redacted]";
        }
    }

    /** The stored first answer: the comment's id and the JSON body that was sent. */
    public record Answer(long commentId, String json) {
    }

    public Key key(String articleId, IdempotencyKey header, CommentRequest request) {
        String scoped = articleId + "\n" + header.value();
        return new Key(Hashes.sha256Long(scoped), Hashes.sha256Hex(canonical(request)),
                keyedHashes.derivedKey("idempotent-answer", scoped));
    }

    /**
     * The first answer for this key, if one is stored and unexpired; 422 if it was for another request. An expired
     * row of the key is deleted here, in the posting transaction, so that {@link #remember} can take its place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> replay(Key key) {
        // plain JDBC: these two statements run on every post, and Hibernate's native-query layer cost more than them
        Optional<StoredAnswer> stored = jdbc(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select request_hash, comment_id, response, expires_at from idempotency_key where key_id = ?")) {
                select.setLong(1, key.keyId());
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new StoredAnswer(row.getString(1), row.getLong(2), row.getString(3),
                            row.getObject(4, OffsetDateTime.class).toInstant()))
                            : Optional.empty();
                }
            }
        });
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!stored.get().expiresAt().isAfter(now)) {
            jdbc(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from idempotency_key where key_id = ? and expires_at <= ?")) {
                    delete.setLong(1, key.keyId());
                    delete.setObject(2, utc(now));
                    return delete.executeUpdate();
                }
            });
            return Optional.empty();
        }
        if (!key.requestHash().equals(stored.get().requestHash())) {
            throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different comment");
        }
        // unreadable (another key sharing the 64 bits, or a changed comments.privacy.secret): no answer to replay,
        // and the same comment again is refused as a duplicate
        return AnswerSeal.open(key, stored.get().response())
                .map(json -> new Answer(stored.get().commentId(), json));
    }

    /**
     * Stores the first answer, sealed, inside the posting transaction (after {@link #replay} found none), and gives
     * back its JSON.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String remember(Key key, long commentId, Object answer) {
        Instant now = clock.instant();
        String json = json(answer);
        String sealed = AnswerSeal.seal(key, json);
        jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into idempotency_key (key_id, "
                    + "request_hash, comment_id, response, created_at, expires_at) values (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, key.keyId());
                insert.setString(2, key.requestHash());
                insert.setLong(3, commentId);
                insert.setString(4, sealed);
                insert.setObject(5, utc(now));
                insert.setObject(6, utc(now.plus(config.idempotency().ttl())));
                return insert.executeUpdate();
            }
        });
        return json;
    }

    private record StoredAnswer(String requestHash, long commentId, String response, Instant expiresAt) {
    }

    private <T> T jdbc(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        entityManager.createNativeQuery("delete from idempotency_key where expires_at <= ?1")
                .setParameter(1, clock.instant()).executeUpdate();
    }

    /**
     * Drops the stored first answers of these comments: sealed, they still hold the author's name, text and
     * editToken. Part of erasing an address; a retry after it is refused as a duplicate or stores a new comment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetComments(java.util.List<Long> commentIds) {
        if (!commentIds.isEmpty()) {
            entityManager.createNativeQuery("delete from idempotency_key where comment_id in (?1)")
                    .setParameter(1, commentIds).executeUpdate();
        }
    }

    /** The request's content, independent of JSON formatting and field order. */
    private String canonical(CommentRequest request) {
        TreeMap<String, Object> fields = new TreeMap<>();
        if (request != null) {
            if (request.otherFields() != null) {
                fields.putAll(request.otherFields());
            }
            fields.put("authorName", request.authorName());
            fields.put("authorEmail", request.authorEmail());
            fields.put("authorUrl", request.authorUrl());
            fields.put("body", request.body());
            fields.put("parentId", request.parentId());
            // later fields only when sent, so a request without them hashes as it did before they existed
            putIfSent(fields, "commenterKey", request.commenterKey());
            putIfSent(fields, "notifyReplies", request.notifyReplies());
            putIfSent(fields, "notifyPublished", request.notifyPublished());
            putIfSent(fields, "pageUrl", request.pageUrl());
            putIfSent(fields, "pageTitle", request.pageTitle());
        }
        return json(fields);
    }

    private static void putIfSent(TreeMap<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
