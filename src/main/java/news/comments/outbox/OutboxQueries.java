package news.comments.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.web.Cursor;
import news.comments.web.Slice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads of the outbox for admins, newest first, keyset-paged by id. */
@ApplicationScoped
class OutboxQueries {

    private final EntityManager entityManager;

    OutboxQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    OutboxPage page(List<OutboxStatus> statuses, Cursor after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, channel, recipient, subject, status, "
                        + "attempts, next_attempt_at, last_error, created_at, sent_at from outbox "
                        + "where status in (?1) and id < ?2 order by id desc")
                .setParameter(1, statuses.stream().map(OutboxStatus::name).toList())
                .setParameter(2, after == null ? Long.MAX_VALUE : after.id())
                .setMaxResults(limit + 1)
                .getResultList();
        Slice<OutboxItem> page = Slice.of(rows.stream().map(OutboxQueries::item).toList(), limit);
        return new OutboxPage(statuses.size() == 1 ? statuses.get(0).name() : null, page.items(),
                page.next(last -> new Cursor(0, last.id()).encode()));
    }

    private static OutboxItem item(Object[] row) {
        return new OutboxItem(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], ((Number) row[5]).intValue(), instant(row[6]), (String) row[7], instant(row[8]),
                instant(row[9]));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
