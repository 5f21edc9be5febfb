package news.comments.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.config.CommentsConfig;
import news.comments.web.DomainException;
import news.comments.web.Hashes;
import news.comments.web.InvalidRequestException;
import news.comments.web.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for posting. A key is scoped to its article and stored (as a hash) together with the
 * first answer, in the transaction that creates the comment: either both are committed or neither is. A retry with
 * the same key and the same body gets the stored answer again, on any instance; the same key with another body
 * answers 422. Keys expire after {@code comments.idempotency.ttl}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final CommentsConfig config;
    private final Clock clock;

    IdempotencyKeys(EntityManager entityManager, ObjectMapper mapper, CommentsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** A key as the client sent it, checked and bound to the article and the request's content. */
    public record Key(String keyHash, String requestHash) {
    }

    /** The stored first answer: the comment's id and the JSON body that was sent. */
    public record Answer(long commentId, String json) {
    }

    public Key key(String articleId, String header, CommentRequest request) {
        if (!VALID_KEY.matcher(header).matches()) {
            throw InvalidRequestException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        return new Key(Hashes.sha256Hex(articleId + "\n" + header), Hashes.sha256Hex(canonical(request)));
    }

    /**
     * The first answer for this key, if one is stored and unexpired; 422 if it was for another request. An expired
     * row of the key is deleted here, in the posting transaction, so that {@link #remember} can take its place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> replay(Key key) {
        List<?> rows = entityManager.createNativeQuery(
                        "select request_hash, comment_id, response, expires_at from idempotency_key where key_hash = ?1")
                .setParameter(1, key.keyHash()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Instant now = clock.instant();
        if (!toInstant(row[3]).isAfter(now)) {
            entityManager.createNativeQuery("delete from idempotency_key where key_hash = ?1 and expires_at <= ?2")
                    .setParameter(1, key.keyHash()).setParameter(2, now).executeUpdate();
            return Optional.empty();
        }
        if (!key.requestHash().equals(row[0])) {
            throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different comment");
        }
        return Optional.of(new Answer(((Number) row[1]).longValue(), (String) row[2]));
    }

    /**
     * Stores the first answer, inside the posting transaction (after {@link #replay} found none), and gives back the
     * JSON it stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String remember(Key key, long commentId, Object answer) {
        Instant now = clock.instant();
        String json = json(answer);
        entityManager.createNativeQuery("insert into idempotency_key "
                        + "(key_hash, request_hash, comment_id, response, created_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, key.keyHash()).setParameter(2, key.requestHash()).setParameter(3, commentId)
                .setParameter(4, json).setParameter(5, now).setParameter(6, now.plus(config.idempotency().ttl()))
                .executeUpdate();
        return json;
    }

    /** H2 and PostgreSQL hand a timestamp with time zone back as different types. */
    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offsetDateTime) {
            return offsetDateTime.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(value.toString());
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        entityManager.createNativeQuery("delete from idempotency_key where expires_at <= ?1")
                .setParameter(1, clock.instant()).executeUpdate();
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
        }
        return json(fields);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
