package news.comments.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.infra.Background;
import news.comments.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import jobs' rows: created, checked, advanced batch by batch, finished; kept alive by their instance's
 * heartbeat, and failed when that instance is gone; and their views for admins.
 */
@ApplicationScoped
class ImportJobs {

    /** What an admin reads on a job whose instance stopped before it ended. */
    static final String INTERRUPTED = "interrupted by a restart; import the file again (already imported comments "
            + "are skipped)";
    /** Failures, and warnings, kept per job for the admins' view; more are counted, not stored. */
    static final int FAILURES_KEPT = 1000;
    static final String FAILURE = "FAILURE";
    static final String WARNING = "WARNING";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Clock clock;

    ImportJobs(EntityManager entityManager, ObjectMapper mapper, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    long create(ImportOptions options, long bytes) {
        ImportJob job = new ImportJob();
        job.format = options.format().source();
        job.articleIdFrom = options.articleIdFrom().slug();
        job.train = options.train();
        job.dryRun = options.dryRun();
        job.urlMap = options.urlMap().isEmpty() ? null : json(options.urlMap().rules().stream()
                .map(rule -> new ImportJobView.UrlRule(rule.from(), rule.to())).toList());
        job.bytesTotal = bytes;
        job.createdAt = clock.instant();
        job.heartbeatAt = job.createdAt;
        entityManager.persist(job);
        entityManager.flush();
        return job.id;
    }

    /** The job runs: first the whole file is checked ({@code CHECKING}), then it is written ({@code WRITING}). */
    @Transactional
    void phase(long id, String phase, long bytesRead) {
        entityManager.createNativeQuery("update import_job set status = 'RUNNING', phase = ?2, bytes_read = ?3, "
                        + "started_at = coalesce(started_at, ?4) where id = ?1")
                .setParameter(1, id).setParameter(2, phase).setParameter(3, bytesRead)
                .setParameter(4, clock.instant()).executeUpdate();
    }

    /** The check found a fault it repairs: the result says so. */
    @Transactional
    void recovered(long id, PrefixRecovery recovery) {
        entityManager.createNativeQuery("update import_job set recovery = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, cut(json(new ImportJobView.RecoveryView(recovery.describe(), recovery.prefixes(),
                        recovery.firstAt().line(), recovery.firstAt().column())), 2000)).executeUpdate();
    }

    /** The bytes read so far in the current phase. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void read(long id, long bytesRead) {
        entityManager.createNativeQuery("update import_job set bytes_read = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, bytesRead).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void progress(long id, ImportCounts counts, long bytesRead, List<ImportStore.Failure> failures) {
        entityManager.createNativeQuery("update import_job set bytes_read = ?2, articles_created = ?3, "
                        + "articles_skipped = ?4, comments_created = ?5, comments_skipped = ?6, comments_failed = ?7, "
                        + "pings_skipped = ?8, articles_failed = ?9, id_fallbacks = ?10, missing_threads = ?11, "
                        + "without_status = ?12, notes_skipped = ?13, parts = ?14 where id = ?1")
                .setParameter(1, id).setParameter(2, bytesRead).setParameter(3, counts.articlesCreated)
                .setParameter(4, counts.articlesSkipped).setParameter(5, counts.commentsCreated)
                .setParameter(6, counts.commentsSkipped).setParameter(7, counts.commentsFailed)
                .setParameter(8, counts.pingsSkipped).setParameter(9, counts.articlesFailed)
                .setParameter(10, counts.idFallbacks).setParameter(11, counts.missingThreads)
                .setParameter(12, counts.withoutStatus).setParameter(13, counts.notesSkipped)
                .setParameter(14, counts.parts.isEmpty() ? null : json(counts.parts)).executeUpdate();
        keep(id, FAILURE, failures);
        keep(id, WARNING, counts.warnings);
        counts.warnings.clear();
    }

    /** Stores failures or warnings of one kind, up to {@link #FAILURES_KEPT} per job. */
    private void keep(long id, String kind, List<ImportStore.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        long kept = ((Number) entityManager.createNativeQuery("select count(*) from import_failure where job_id = ?1 "
                + "and kind = ?2").setParameter(1, id).setParameter(2, kind).getSingleResult()).longValue();
        for (ImportStore.Failure failure : failures) {
            if (kept++ >= FAILURES_KEPT) {
                return;
            }
            entityManager.createNativeQuery("insert into import_failure (job_id, line, col, element, source_id, "
                            + "reason, kind) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, id).setParameter(2, failure.at().line()).setParameter(3, failure.at().column())
                    .setParameter(4, cut(failure.element(), 100)).setParameter(5, cut(failure.sourceId(), 200))
                    .setParameter(6, cut(failure.reason(), 1000)).setParameter(7, kind).executeUpdate();
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
                        + "error = ?2, finished_at = ?3, phase = null where status in ('QUEUED', 'RUNNING') "
                        + "and coalesce(heartbeat_at, created_at) < ?1")
                .setParameter(1, before).setParameter(2, INTERRUPTED).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** This instance stops: its unfinished jobs end now, as nobody will go on with their files. */
    @Transactional
    void interrupted(Collection<Long> ids) {
        entityManager.createNativeQuery("update import_job set status = 'FAILED', error = ?2, finished_at = ?3, "
                        + "phase = null where id in (?1) and status in ('QUEUED', 'RUNNING')")
                .setParameter(1, ids).setParameter(2, INTERRUPTED).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** The job ended: DONE, or FAILED with the problem (and where in the file, for a malformed one). */
    @Transactional
    void finished(long id, String error, Integer line, Integer column) {
        entityManager.createNativeQuery("update import_job set status = ?2, error = ?3, error_line = ?4, "
                        + "error_column = ?5, finished_at = ?6, phase = null where id = ?1")
                .setParameter(1, id).setParameter(2, error == null ? "DONE" : "FAILED")
                .setParameter(3, cut(error, 2000)).setParameter(4, line).setParameter(5, column)
                .setParameter(6, clock.instant()).executeUpdate();
    }

    @Transactional
    ImportJobView view(long id) {
        ImportJob job = entityManager.find(ImportJob.class, id);
        if (job == null) {
            throw new NotFoundException("There is no import with this id");
        }
        entityManager.refresh(job);
        return new ImportJobView(job.id, job.format, job.status, job.phase, job.articleIdFrom, job.train, job.dryRun,
                job.urlMap == null ? List.of() : read(job.urlMap, new TypeReference<>() {
                }), job.bytesTotal, job.bytesRead,
                new ImportJobView.ArticleTally(job.articlesCreated, job.articlesSkipped, job.articlesFailed,
                        job.idFallbacks, job.missingThreads),
                new ImportJobView.CommentTally(job.commentsCreated, job.commentsSkipped, job.commentsFailed,
                        job.withoutStatus), job.pingsSkipped, job.notesSkipped, parts(job.parts),
                job.recovery == null ? null : read(job.recovery, new TypeReference<>() {
                }), failures(id, FAILURE), failures(id, WARNING),
                job.error == null ? null : new ImportJobView.ErrorView(job.error, job.errorLine, job.errorColumn),
                job.createdAt, job.startedAt, job.finishedAt);
    }

    private Map<String, ImportJobView.Tally> parts(String stored) {
        Map<String, ImportJobView.Tally> parts = new LinkedHashMap<>();
        if (stored != null) {
            Map<String, int[]> counts = read(stored, new TypeReference<>() {
            });
            counts.forEach((name, c) -> parts.put(name, new ImportJobView.Tally(c[0], c[1], c[2])));
        }
        return parts;
    }

    private List<ImportJobView.FailureView> failures(long id, String kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select line, col, element, source_id, reason "
                        + "from import_failure where job_id = ?1 and kind = ?2 order by id").setParameter(1, id)
                .setParameter(2, kind).setMaxResults(FAILURES_KEPT).getResultList();
        return rows.stream().map(f -> new ImportJobView.FailureView(((Number) f[0]).intValue(),
                ((Number) f[1]).intValue(), (String) f[2], (String) f[3], (String) f[4])).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's detail cannot be written", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's stored detail is not readable", e);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
