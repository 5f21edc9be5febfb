package news.comments.imports;

import com.fasterxml.jackson.databind.JsonNode;
import news.comments.backup.BackupPart;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The sink of one import: keeps at most one batch of articles, comments and part records in memory and hands it to
 * {@link ImportStore} when full, then records the job's progress. A batch the database refuses whole (a race with
 * another import of the same file, say) is written again one element at a time, so one bad element fails alone. A dry
 * run hands the same batches over with its {@link SeenKeys}, and nothing is stored.
 */
final class ImportWriter implements ImportSink {

    private static final Logger LOG = Logger.getLogger(ImportWriter.class);
    private static final Set<String> ARTICLE_ELEMENTS = Set.of("item", "thread", "article", "locator");

    private final ImportStore store;
    private final ImportJobs jobs;
    private final long jobId;
    private final ImportOptions options;
    private final int batchSize;
    private final LongSupplier bytesRead;
    private final Map<String, BackupPart> parts;
    private final String ourKeyedHashes;
    private final SeenKeys seen;
    /** The file's article keys and the article ids they became: what comments name, for the whole file. */
    private final Map<String, String> articleIds = new HashMap<>();
    private final List<FileArticle> articles = new ArrayList<>();
    private final List<FileComment> comments = new ArrayList<>();
    private final List<ImportStore.PartRecord> records = new ArrayList<>();
    private final List<ImportStore.Failure> failures = new ArrayList<>();
    private String fileKeyedHashes;
    final ImportCounts counts = new ImportCounts();

    ImportWriter(ImportStore store, ImportJobs jobs, long jobId, ImportOptions options, int batchSize,
                 LongSupplier bytesRead, Map<String, BackupPart> parts, String ourKeyedHashes) {
        this.store = store;
        this.jobs = jobs;
        this.jobId = jobId;
        this.options = options;
        this.batchSize = batchSize;
        this.bytesRead = bytesRead;
        this.parts = parts;
        this.ourKeyedHashes = ourKeyedHashes;
        this.seen = options.dryRun() ? new SeenKeys() : null;
    }

    @Override
    public void article(FileArticle article) {
        articleIds.put(article.key(), article.articleId());
        articles.add(article);
        if (articles.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void comment(FileComment comment) {
        comments.add(comment);
        if (comments.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void keyedHashes(String id) {
        fileKeyedHashes = id;
    }

    @Override
    public void counted(Counter counter) {
        switch (counter) {
            case ID_FALLBACK -> counts.idFallbacks++;
            case MISSING_THREAD -> counts.missingThreads++;
            case WITHOUT_STATUS -> counts.withoutStatus++;
            case NOTE -> counts.notesSkipped++;
            case PING -> counts.pingsSkipped++;
        }
    }

    @Override
    public void part(String name, JsonNode record, Position at) {
        if (!articles.isEmpty() || !comments.isEmpty()) {
            // a part names comments: those read before it are stored first
            flush();
        }
        records.add(new ImportStore.PartRecord(name, record, at));
        if (records.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void skippedArticle() {
        counts.articlesSkipped++;
    }

    @Override
    public void skippedComment() {
        counts.commentsSkipped++;
    }

    @Override
    public void failed(Position at, String element, String sourceId, String reason) {
        failures.add(new ImportStore.Failure(at, element, sourceId, reason));
    }

    @Override
    public void warned(Position at, String element, String sourceId, String reason) {
        counts.warnings.add(new ImportStore.Failure(at, element, sourceId, reason));
    }

    /** Writes what waits and records the progress. */
    void flush() {
        if (!articles.isEmpty() || !comments.isEmpty()) {
            writeBatch();
        }
        if (!records.isEmpty()) {
            restoreParts();
        }
        for (ImportStore.Failure failure : failures) {
            if (ARTICLE_ELEMENTS.contains(failure.element())) {
                counts.articlesFailed++;
            } else if (!parts.containsKey(failure.element())) {
                counts.commentsFailed++;
            }
        }
        jobs.progress(jobId, counts, bytesRead.getAsLong(), failures);
        failures.clear();
    }

    /** The parts' records of this batch; a batch the database refuses is restored again one record at a time. */
    private void restoreParts() {
        boolean same = ourKeyedHashes.equals(fileKeyedHashes);
        try {
            add(store.restore(List.copyOf(records), parts, same, seen != null));
        } catch (RuntimeException whole) {
            LOG.debugf(whole, "import %d: part records were refused together; restoring them one by one", jobId);
            for (ImportStore.PartRecord record : records) {
                try {
                    add(store.restore(List.of(record), parts, same, seen != null));
                } catch (RuntimeException e) {
                    ImportStore.Outcome failed = new ImportStore.Outcome();
                    failed.parts.put(record.part(), new int[]{0, 0, 1});
                    failed.failures.add(new ImportStore.Failure(record.at(), record.part(), null,
                            "the database refused it: " + rootCause(e)));
                    add(failed);
                }
            }
        }
        records.clear();
    }

    private void writeBatch() {
        try {
            add(store.write(batch(articles, comments)));
        } catch (RuntimeException whole) {
            LOG.debugf(whole, "import %d: a batch was refused whole; writing it one by one", jobId);
            for (FileArticle article : articles) {
                add(oneByOne(List.of(article), List.of(), article.at(), options.format().articleElement(),
                        article.key()));
            }
            for (FileComment comment : comments) {
                add(oneByOne(List.of(), List.of(comment), comment.at(), options.format().commentElement(),
                        comment.sourceId()));
            }
        }
        articles.clear();
        comments.clear();
    }

    private ImportStore.Batch batch(List<FileArticle> someArticles, List<FileComment> someComments) {
        return new ImportStore.Batch(options.format(), options.train() && seen == null, List.copyOf(someArticles),
                List.copyOf(someComments), articleIds, seen);
    }

    private ImportStore.Outcome oneByOne(List<FileArticle> article, List<FileComment> comment, Position at,
                                         String element, String sourceId) {
        try {
            return store.write(batch(article, comment));
        } catch (RuntimeException e) {
            ImportStore.Outcome failed = new ImportStore.Outcome();
            failed.failures.add(new ImportStore.Failure(at, element, sourceId, "the database refused it: "
                    + rootCause(e)));
            return failed;
        }
    }

    private void add(ImportStore.Outcome outcome) {
        counts.add(outcome);
        failures.addAll(outcome.failures);
    }

    /** The root cause's class only: its message might quote the row, personal data included. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
