package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.ExportOrigin;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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
    private final ImportsConfig config;

    ImportRunner(ImportJobs jobs, ImportStore store, FormatReaders readers, ExportOrigin origin,
                 ImportsConfig config) {
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
            try (InputStream in = open(file, read, bytes -> jobs.read(id, bytes))) {
                recovery = reader.checkWhole(in, file);
            }
            if (!recovery.isEmpty()) {
                jobs.recovered(id, recovery);
            }
            jobs.phase(id, WRITING, 0);
            read.set(0);
            writer = new ImportWriter(store, jobs, id, options, config.batchSize(), read::get,
                    readers.parts(), origin.keyedHashesId());
            try (InputStream in = open(file, read, bytes -> {
            })) {
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

    /** The file, counting what is read into {@code read}; every {@link #PROGRESS} bytes it tells {@code progress}. */
    private static InputStream open(Path file, AtomicLong read, LongConsumer progress) throws IOException {
        return new CountingStream(new BufferedInputStream(Files.newInputStream(file), 256 * 1024), read, progress);
    }

    /** How often the check tells the job how far it read (the writing tells it after each batch). */
    static final long PROGRESS = 16L << 20;

    /** Counts the bytes the parser has read, for the job's progress. */
    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;
        private final LongConsumer progress;
        private long told;

        CountingStream(InputStream in, AtomicLong count, LongConsumer progress) {
            super(in);
            this.count = count;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            long now = count.addAndGet(n);
            if (now - told >= PROGRESS) {
                told = now;
                progress.accept(now);
            }
        }
    }
}
