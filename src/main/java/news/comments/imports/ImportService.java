package news.comments.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.infra.DatabaseKind;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports of WordPress, Disqus, Remark42 and Isso exports and of the service's own. The request's body is streamed to
 * a temporary file ({@link ImportUpload}), its start is checked at once (a file that is not of the format named is
 * refused with a 400 problem naming the line and column), and the job is queued: answered 202 while one worker per
 * instance runs it ({@link ImportRunner}). Imports run one at a time.
 * <p>
 * A job lives as long as its instance: that instance touches the jobs it holds every {@link #HEARTBEAT}, and an
 * unfinished job whose heartbeat is older than {@link #ORPHANED_AFTER} is failed ("interrupted by a restart"), by
 * whichever instance looks first (every minute, and at start). On H2 the database has one instance, so at start every
 * unfinished job is the previous run's and fails at once. Stopping fails this instance's jobs and deletes their
 * temporary files.
 */
@ApplicationScoped
class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Four heartbeats missed: the instance is gone, not slow. */
    static final Duration ORPHANED_AFTER = HEARTBEAT.multipliedBy(4);

    private final ImportJobs jobs;
    private final ImportUpload upload;
    private final ImportRunner runner;
    private final FormatReaders readers;
    private final DatabaseKind database;
    private final Clock clock;
    /** The jobs this instance holds (queued or running) and their temporary files. */
    private final Map<Long, Path> held = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-worker");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(ImportJobs jobs, ImportUpload upload, ImportRunner runner, FormatReaders readers,
                  DatabaseKind database, Clock clock) {
        this.jobs = jobs;
        this.upload = upload;
        this.runner = runner;
        this.readers = readers;
        this.database = database;
        this.clock = clock;
    }

    ImportJobView start(ImportOptions options, InputStream body) {
        Path file = upload.receive(body);
        try {
            readers.of(options.format()).checkStart(file);
            long id = jobs.create(options, Files.size(file));
            held.put(id, file);
            worker.execute(() -> {
                try {
                    runner.run(id, file, options);
                } finally {
                    held.remove(id);
                    ImportUpload.delete(file);
                }
            });
            return jobs.view(id);
        } catch (IOException e) {
            ImportUpload.delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ImportUpload.delete(file);
            throw e;
        }
    }

    ImportJobView view(long id) {
        return jobs.view(id);
    }

    /** On H2, unfinished jobs at start are the previous run's; on PostgreSQL only those whose instance went quiet. */
    void start(@Observes StartupEvent event) {
        failOrphans(database.isPostgres() ? clock.instant().minus(ORPHANED_AFTER) : clock.instant());
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (!held.isEmpty()) {
            jobs.heartbeat(List.copyOf(held.keySet()));
        }
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failOrphans() {
        failOrphans(clock.instant().minus(ORPHANED_AFTER));
    }

    private void failOrphans(Instant before) {
        int failed = jobs.failOrphans(before);
        if (failed > 0) {
            LOG.warnf("%d import job(s) failed: their instance stopped before they ended", failed);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        List<Long> ids = List.copyOf(held.keySet());
        held.values().forEach(ImportUpload::delete);
        if (!ids.isEmpty()) {
            try {
                jobs.interrupted(ids);
            } catch (RuntimeException e) {
                LOG.warnf("import jobs %s could not be marked failed at shutdown; the next start does it", ids);
            }
        }
    }
}
