package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.ExportOrigin;
import news.comments.config.CommentsConfig;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one import job on the import worker: reads the whole file once and stores nothing ({@code CHECKING}), so a
 * file broken half-way is refused whole with where it breaks; records the repair it needed, if any; then reads it
 * again into an {@link ImportWriter} ({@code WRITING}), or, for a dry run, into one that stores nothing.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final String CHECKING = "CHECKING";
    static final String WRITING = "WRITING";

    private final ImportJobs jobs;
    private final ImportStore store;
    private final FormatReaders readers;
    private final ExportOrigin origin;
    private final CommentsConfig config;

    ImportRunner(ImportJobs jobs, ImportStore store, FormatReaders readers, ExportOrigin origin,
                 CommentsConfig config) {
        this.jobs = jobs;
        this.store = store;
        this.readers = readers;
        this.origin = origin;
        this.config = config;
    }

    void run(long id, Path file, ImportOptions options) {
        FormatReader reader = readers.of(options.format());
        AtomicLong read = new AtomicLong();
        ImportWriter writer = null;
        try {
            jobs.phase(id, CHECKING, 0);
            PrefixRecovery recovery;
            try (InputStream in = open(file, read)) {
                recovery = reader.checkWhole(in, file);
            }
            if (!recovery.isEmpty()) {
                jobs.recovered(id, recovery);
            }
            jobs.phase(id, WRITING, 0);
            read.set(0);
            writer = new ImportWriter(store, jobs, id, options, config.imports().batchSize(), read::get,
                    readers.parts(), origin.keyedHashesId());
            try (InputStream in = open(file, read)) {
                reader.read(in, file, recovery, options, writer);
            }
            read.set(Files.size(file));
            writer.flush();
            jobs.finished(id, null, null, null);
        } catch (MalformedImportException e) {
            if (writer != null) {
                writer.flush();
            }
            jobs.finished(id, e.getMessage(), e.line(), e.column());
        } catch (Exception e) {
            LOG.errorf(e, "import %d stopped", id);
            jobs.finished(id, "The import stopped on an internal error; what was imported stays, and importing "
                    + "the file again skips it", null, null);
        }
    }

    private static InputStream open(Path file, AtomicLong read) throws IOException {
        return new CountingStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024), read);
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
