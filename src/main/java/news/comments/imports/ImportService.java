package news.comments.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.infra.DatabaseKind;
import news.comments.web.DomainException;
import news.comments.web.InvalidRequestException;
import news.comments.web.Problem;
import news.comments.web.ProblemType;
import org.jboss.logging.Logger;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports of WordPress and Disqus exports. The request's body is streamed to a temporary file (never held in
 * memory), its root element is checked at once (a file that is not XML, or not of the format named, is refused with
 * a 400 problem naming the line and column), and the job is queued: answered 202 while one worker per instance reads
 * the file with StAX and writes it in batches of {@code comments.imports.batch-size}. Imports run one at a time.
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
    private final ImportStore store;
    private final ImportsConfig config;
    private final ObjectMapper mapper;
    private final DatabaseKind database;
    private final Clock clock;
    /** The jobs this instance holds (queued or running) and their temporary files. */
    private final Map<Long, Path> held = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-worker");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(ImportJobs jobs, ImportStore store, ImportsConfig config, ObjectMapper mapper,
                  DatabaseKind database, Clock clock) {
        this.mapper = mapper;
        this.database = database;
        this.clock = clock;
        this.jobs = jobs;
        this.store = store;
        this.config = config;
    }

    /** The parsed query of an import. */
    record Options(ImportFormat format, ArticleIdFrom articleIdFrom, boolean train) {

        static Options parse(String format, String articleIdFrom, String train) {
            List<Problem.Violation> violations = new ArrayList<>();
            ImportFormat parsedFormat = ImportFormat.parse(format);
            if (parsedFormat == null) {
                violations.add(new Problem.Violation("format", "must be wxr, disqus or json"));
            }
            ArticleIdFrom from = ArticleIdFrom.parse(articleIdFrom);
            if (from == null) {
                violations.add(new Problem.Violation("articleIdFrom", "must be slug, id or url"));
            }
            boolean trains = false;
            if (train != null && !train.isBlank()) {
                if (!train.equalsIgnoreCase("true") && !train.equalsIgnoreCase("false")) {
                    violations.add(new Problem.Violation("train", "must be true or false"));
                }
                trains = train.equalsIgnoreCase("true");
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return new Options(parsedFormat, from, trains);
        }
    }

    ImportJobView start(Options options, InputStream body) {
        Path file = receive(body);
        try {
            if (options.format() == ImportFormat.JSON) {
                checkJsonRoot(file);
            } else {
                checkRoot(file, options.format());
            }
            long id = jobs.create(options.format(), options.articleIdFrom(), options.train(), Files.size(file));
            held.put(id, file);
            worker.execute(() -> run(id, file, options));
            return jobs.view(id);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
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
        held.values().forEach(ImportService::delete);
        if (!ids.isEmpty()) {
            try {
                jobs.interrupted(ids);
            } catch (RuntimeException e) {
                LOG.warnf("import jobs %s could not be marked failed at shutdown; the next start does it", ids);
            }
        }
    }

    /** Copies the body to a temporary file, refusing it with a 413 problem past {@code comments.imports.max-bytes}. */
    private Path receive(InputStream body) {
        long max = config.maxBytes().asLongValue();
        Path file;
        try {
            file = config.tempDir().isPresent()
                    ? Files.createTempFile(Path.of(config.tempDir().get()), "import-", ".xml")
                    : Files.createTempFile("import-", ".xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; in != null && (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > max) {
                    throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "The import file is over the limit of "
                            + max + " bytes (comments.imports.max-bytes)");
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw InvalidRequestException.of("body", "must be the export file");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void checkRoot(Path file, ImportFormat format) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = XmlFiles.open(in);
            String root = XmlFiles.root(xml);
            String expected = format == ImportFormat.WXR ? "rss" : "disqus";
            if (!root.equals(expected)) {
                throw new MalformedImportException("The file is not a " + (format == ImportFormat.WXR
                        ? "WordPress export (WXR)" : "Disqus export") + ": its root element is <" + root
                        + ">, not <" + expected + ">", xml.getLocation().getLineNumber(),
                        xml.getLocation().getColumnNumber());
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private void checkJsonRoot(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             JsonParser json = mapper.getFactory().createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedImportException("The file is not this service's JSON export: it is not a JSON "
                        + "object", json.currentTokenLocation().getLineNr(),
                        json.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static MalformedImportException malformed(JsonProcessingException e) {
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
        return new MalformedImportException("The file is not well-formed JSON" + (line == null ? "" : " at line "
                + line + ", column " + column) + ": " + e.getOriginalMessage(), line, column);
    }

    private static MalformedImportException malformed(XMLStreamException e) {
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNumber();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNumber();
        return new MalformedImportException("The file is not well-formed XML" + (line == null ? "" : " at line "
                + line + ", column " + column) + ": " + message(e), line, column);
    }

    /** The parser's message without its own location prefix ("ParseError at [row,col]:[3,5]\nMessage: …"). */
    private static String message(XMLStreamException e) {
        String text = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = text.indexOf("Message: ");
        return at >= 0 ? text.substring(at + "Message: ".length()).strip() : text.strip();
    }

    private void run(long id, Path file, Options options) {
        AtomicLong read = new AtomicLong();
        ImportWriter writer = new ImportWriter(store, jobs, id, options.format(), options.train(),
                config.batchSize(), read::get);
        try (InputStream in = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024),
                read)) {
            jobs.started(id);
            if (options.format() == ImportFormat.JSON) {
                try (JsonParser json = mapper.getFactory().createParser(in)) {
                    new JsonReader(json, mapper, writer).read();
                }
            } else {
                XMLStreamReader xml = XmlFiles.open(in);
                XmlFiles.root(xml);
                if (options.format() == ImportFormat.WXR) {
                    new WxrReader(xml, options.articleIdFrom(), writer).read();
                } else {
                    new DisqusReader(xml, options.articleIdFrom(), writer).read();
                }
            }
            writer.flush();
            jobs.finished(id, null, null, null);
        } catch (JsonProcessingException e) {
            writer.flush();
            MalformedImportException problem = malformed(e);
            jobs.finished(id, problem.getMessage(), problem.line(), problem.column());
        } catch (XMLStreamException e) {
            writer.flush();
            MalformedImportException problem = malformed(e);
            jobs.finished(id, problem.getMessage(), problem.line(), problem.column());
        } catch (Exception e) {
            LOG.errorf(e, "import %d stopped", id);
            jobs.finished(id, "The import stopped on an internal error; what was imported stays, and importing "
                    + "the file again skips it", null, null);
        } finally {
            held.remove(id);
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("temporary import file %s could not be deleted", file);
        }
    }

    /** Counts the bytes the parser has read, for the job's progress. */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
