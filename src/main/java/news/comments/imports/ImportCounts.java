package news.comments.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A job's counts so far, kept by its writer and stored after each batch ({@link ImportJobs#progress}). */
final class ImportCounts {
    int articlesCreated;
    int articlesSkipped;
    int articlesFailed;
    int idFallbacks;
    int missingThreads;
    int commentsCreated;
    int commentsSkipped;
    int commentsFailed;
    int withoutStatus;
    int pingsSkipped;
    int notesSkipped;
    /** Created, skipped, failed per part of a restore, by name. */
    final Map<String, int[]> parts = new TreeMap<>();
    /** Warnings met since the last batch was stored. */
    final List<ImportStore.Failure> warnings = new ArrayList<>();

    void add(ImportStore.Outcome outcome) {
        articlesCreated += outcome.articlesCreated;
        articlesSkipped += outcome.articlesSkipped;
        commentsCreated += outcome.commentsCreated;
        commentsSkipped += outcome.commentsSkipped;
        outcome.parts.forEach((name, counts) -> {
            int[] sum = parts.computeIfAbsent(name, n -> new int[3]);
            for (int i = 0; i < 3; i++) {
                sum[i] += counts[i];
            }
        });
    }
}
