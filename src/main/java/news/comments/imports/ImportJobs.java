package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.Background;
import news.comments.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The import jobs' rows: created, started, advanced batch by batch, finished; kept alive by their instance's
 * heartbeat, and failed when that instance is gone; and their views for admins.
 */
@ApplicationScoped
class ImportJobs {

    /** What an admin reads on a job whose instance stopped before it ended. */
    static final String INTERRUPTED = "interrupted by a restart; import the file again (already imported comments "
            + "are skipped)";
    /** Failures kept per job for the admins' view; more are counted, not stored. */
    static final int FAILURES_KEPT = 1000;

    /** A job's counts so far. */
    static final class Counts {
        int articlesCreated;
        int articlesSkipped;
        int articlesFailed;
        int commentsCreated;
        int commentsSkipped;
        int commentsFailed;
        int pingsSkipped;
    }

    private final EntityManager entityManager;
    private final Clock clock;

    ImportJobs(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    long create(ImportFormat format, ArticleIdFrom idFrom, boolean train, long bytes) {
        ImportJob job = new ImportJob();
        job.format = format.source();
        job.articleIdFrom = idFrom.slug();
        job.train = train;
        job.bytesTotal = bytes;
        job.createdAt = clock.instant();
        job.heartbeatAt = job.createdAt;
        entityManager.persist(job);
        entityManager.flush();
        return job.id;
    }

    @Transactional
    void started(long id) {
        entityManager.createNativeQuery("update import_job set status = 'RUNNING', started_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(long id, Counts counts, long bytesRead, List<ImportStore.Failure> failures) {
        entityManager.createNativeQuery("update import_job set bytes_read = ?2, articles_created = ?3, "
                        + "articles_skipped = ?4, comments_created = ?5, comments_skipped = ?6, comments_failed = ?7, "
                        + "pings_skipped = ?8, articles_failed = ?9 where id = ?1")
                .setParameter(1, id).setParameter(2, bytesRead).setParameter(3, counts.articlesCreated)
                .setParameter(4, counts.articlesSkipped).setParameter(5, counts.commentsCreated)
                .setParameter(6, counts.commentsSkipped).setParameter(7, counts.commentsFailed)
                .setParameter(8, counts.pingsSkipped).setParameter(9, counts.articlesFailed).executeUpdate();
        if (failures.isEmpty()) {
            return;
        }
        long kept = ((Number) entityManager.createNativeQuery("select count(*) from import_failure where job_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        for (ImportStore.Failure failure : failures) {
            if (kept++ >= FAILURES_KEPT) {
                return;
            }
            entityManager.createNativeQuery("insert into import_failure (job_id, line, col, element, source_id, "
                            + "reason) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, id).setParameter(2, failure.at().line()).setParameter(3, failure.at().column())
                    .setParameter(4, failure.element()).setParameter(5, cut(failure.sourceId(), 200))
                    .setParameter(6, cut(failure.reason(), 1000)).executeUpdate();
        }
    }

    /** This instance still holds these jobs (queued or running): their heartbeat is now. */
    @Transactional
    void heartbeat(Collection<Long> ids) {
        entityManager.createNativeQuery(Background.SQL + "update import_job set heartbeat_at = ?2 where id in (?1) "
                        + "and status in ('QUEUED', 'RUNNING')")
                .setParameter(1, ids).setParameter(2, clock.instant()).executeUpdate();
    }

    /**
     * Fails the unfinished jobs whose last heartbeat is older than {@code before}: their instance stopped (a restart,
     * a crash) and nobody will finish them; their file was a temporary one of that instance. Answers how many.
     */
    @Transactional
    int failOrphans(Instant before) {
        return entityManager.createNativeQuery(Background.SQL + "update import_job set status = 'FAILED', "
                        + "error = ?2, finished_at = ?3 where status in ('QUEUED', 'RUNNING') "
                        + "and coalesce(heartbeat_at, created_at) < ?1")
                .setParameter(1, before).setParameter(2, INTERRUPTED).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** This instance stops: its unfinished jobs end now, as nobody will go on with their files. */
    @Transactional
    void interrupted(Collection<Long> ids) {
        entityManager.createNativeQuery("update import_job set status = 'FAILED', error = ?2, finished_at = ?3 "
                        + "where id in (?1) and status in ('QUEUED', 'RUNNING')")
                .setParameter(1, ids).setParameter(2, INTERRUPTED).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** The job ended: DONE, or FAILED with the problem (and where in the file, for malformed XML). */
    @Transactional
    void finished(long id, String error, Integer line, Integer column) {
        entityManager.createNativeQuery("update import_job set status = ?2, error = ?3, error_line = ?4, "
                        + "error_column = ?5, finished_at = ?6 where id = ?1")
                .setParameter(1, id).setParameter(2, error == null ? "DONE" : "FAILED")
                .setParameter(3, cut(error, 2000)).setParameter(4, line).setParameter(5, column)
                .setParameter(6, clock.instant()).executeUpdate();
    }

    @Transactional
    ImportJobView view(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, format, status, article_id_from, train, "
                        + "bytes_total, bytes_read, articles_created, articles_skipped, comments_created, "
                        + "comments_skipped, comments_failed, pings_skipped, error, error_line, error_column, "
                        + "created_at, started_at, finished_at, articles_failed from import_job where id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("There is no import with this id");
        }
        Object[] row = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> failures = entityManager.createNativeQuery("select line, col, element, source_id, reason "
                + "from import_failure where job_id = ?1 order by id").setParameter(1, id).setMaxResults(
                FAILURES_KEPT).getResultList();
        String error = (String) row[13];
        return new ImportJobView(number(row[0]), (String) row[1], (String) row[2], (String) row[3],
                (Boolean) row[4], number(row[5]), number(row[6]),
                new ImportJobView.Tally((int) number(row[7]), (int) number(row[8]), (int) number(row[19])),
                new ImportJobView.Tally((int) number(row[9]), (int) number(row[10]), (int) number(row[11])),
                (int) number(row[12]),
                failures.stream().map(f -> new ImportJobView.FailureView((int) number(f[0]), (int) number(f[1]),
                        (String) f[2], (String) f[3], (String) f[4])).toList(),
                error == null ? null : new ImportJobView.ErrorView(error,
                        row[14] == null ? null : (int) number(row[14]), row[15] == null ? null : (int) number(row[15])),
                instant(row[16]), instant(row[17]), instant(row[18]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
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
