package news.comments.imports;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The sink of one import: keeps at most one batch of articles and comments in memory and hands it to
 * {@link ImportStore} when full, then records the job's progress. A batch the database refuses whole (a race with
 * another import of the same file, say) is written again one comment at a time, so one bad element fails alone.
 */
final class ImportWriter implements ImportSink {

    private static final Logger LOG = Logger.getLogger(ImportWriter.class);

    private final ImportStore store;
    private final ImportJobs jobs;
    private final long jobId;
    private final ImportFormat format;
    private final boolean train;
    private final int batchSize;
    private final LongSupplier bytesRead;
    /** The file's article keys and the article ids they became: what comments name, for the whole file. */
    private final Map<String, String> articleIds = new HashMap<>();
    private final List<FileArticle> articles = new ArrayList<>();
    private final List<FileComment> comments = new ArrayList<>();
    private final List<ImportStore.Failure> failures = new ArrayList<>();
    final ImportJobs.Counts counts = new ImportJobs.Counts();

    ImportWriter(ImportStore store, ImportJobs jobs, long jobId, ImportFormat format, boolean train, int batchSize,
                 LongSupplier bytesRead) {
        this.store = store;
        this.jobs = jobs;
        this.jobId = jobId;
        this.format = format;
        this.train = train;
        this.batchSize = batchSize;
        this.bytesRead = bytesRead;
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
    public void ping() {
        counts.pingsSkipped++;
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

    /** Writes what waits and records the progress. */
    void flush() {
        try {
            add(store.write(format, train, articles, comments, articleIds));
        } catch (RuntimeException whole) {
            LOG.debugf(whole, "import %d: a batch was refused whole; writing it one by one", jobId);
            for (FileArticle article : articles) {
                add(oneByOne(List.of(article), List.of(), article.at(), ImportStore.articleElement(format),
                        article.key()));
            }
            for (FileComment comment : comments) {
                add(oneByOne(List.of(), List.of(comment), comment.at(), ImportStore.element(format),
                        comment.sourceId()));
            }
        }
        articles.clear();
        comments.clear();
        for (ImportStore.Failure failure : failures) {
            if (ImportStore.isArticle(failure.element())) {
                counts.articlesFailed++;
            } else {
                counts.commentsFailed++;
            }
        }
        jobs.progress(jobId, counts, bytesRead.getAsLong(), failures);
        failures.clear();
    }

    private ImportStore.Outcome oneByOne(List<FileArticle> article, List<FileComment> comment, Position at,
                                         String element, String sourceId) {
        try {
            return store.write(format, train, article, comment, articleIds);
        } catch (RuntimeException e) {
            ImportStore.Outcome failed = new ImportStore.Outcome();
            failed.failures.add(new ImportStore.Failure(at, element, sourceId, "the database refused it: "
                    + rootCause(e)));
            return failed;
        }
    }

    private void add(ImportStore.Outcome outcome) {
        counts.articlesCreated += outcome.articlesCreated;
        counts.articlesSkipped += outcome.articlesSkipped;
        counts.commentsCreated += outcome.commentsCreated;
        counts.commentsSkipped += outcome.commentsSkipped;
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
