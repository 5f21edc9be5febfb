package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleService;
import news.comments.backup.BackupPart;
import news.comments.comment.Comment;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;
import news.comments.web.HttpUrls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one batch of an import in a transaction of its own: its articles (created when new), then its comments,
 * skipping those whose source id is already stored and resolving parents in the batch or in the database (one
 * indexed look-up per source id); then the records of the export's parts, each through its feature. Bounded batches
 * keep each transaction short, so readers and moderators are served in between. A dry run takes the same decisions
 * and writes nothing: what is stored decides "already here", and the keys met earlier in the file
 * ({@link SeenKeys}) stand for what the import would have stored by then.
 * <p>
 * A WordPress comment id met again under another article at another time is another comment (the same id under two
 * items happens in real exports): it is kept under {@code site#id@epochSecond}, which a repeated import finds too.
 */
@ApplicationScoped
class ImportStore {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 508;
    static final int URL_MAX = 400;
    static final int IP_MAX = 64;
    static final int BODY_MAX = 40000;
    /** Source ids asked for in one statement. */
    static final int LOOKUP = 1000;

    private final ArticleService articles;
    private final CommentLifecycle lifecycle;
    private final EntityManager entityManager;

    ImportStore(ArticleService articles, CommentLifecycle lifecycle, EntityManager entityManager) {
        this.articles = articles;
        this.lifecycle = lifecycle;
        this.entityManager = entityManager;
    }

    /** What a batch did, counted. */
    static final class Outcome {
        int articlesCreated;
        int articlesSkipped;
        int commentsCreated;
        int commentsSkipped;
        final List<Failure> failures = new ArrayList<>();
        final Map<String, int[]> parts = new HashMap<>();
    }

    /** An element that failed, where and why. */
    record Failure(ImportSink.Position at, String element, String sourceId, String reason) {
    }

    /** One record of a part of the export, where it is in the file. */
    record PartRecord(String part, com.fasterxml.jackson.databind.JsonNode record, ImportSink.Position at) {
    }

    /** What one batch writes: a dry run's {@code seen} keys, null for an import that stores. */
    record Batch(ImportFormat format, boolean train, List<ImportSink.FileArticle> articles,
                 List<ImportSink.FileComment> comments, Map<String, String> articleIds, SeenKeys seen) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome write(Batch batch) {
        Outcome outcome = new Outcome();
        boolean dryRun = batch.seen() != null;
        for (ImportSink.FileArticle article : batch.articles()) {
            boolean created;
            if (dryRun) {
                created = batch.seen().add("article", article.articleId())
                        && entityManager.find(news.comments.article.Article.class, article.articleId()) == null;
            } else {
                created = articles.ensureImported(article.articleId(), article.title(), article.url(),
                        article.publishedAt(), article.commentsOpen(), article.moderation());
            }
            if (created) {
                outcome.articlesCreated++;
            } else {
                outcome.articlesSkipped++;
            }
        }
        Map<ImportSink.SourceKey, Comment> here = new HashMap<>();
        Map<ImportSink.SourceKey, Comment> known = stored(batch.comments());
        for (ImportSink.FileComment original : batch.comments()) {
            ImportSink.FileComment comment = original;
            Optional<Instant> same = existing(comment.key(), comment.createdAt(), here, known, batch.seen());
            if (same.isPresent() && batch.format() != ImportFormat.JSON
                    && !sameSecond(same.get(), comment.createdAt())) {
                comment = comment.rekeyed(comment.sourceId() + "@" + comment.createdAt().getEpochSecond());
                same = existing(comment.key(), comment.createdAt(), here, null, batch.seen());
            }
            if (same.isPresent()) {
                outcome.commentsSkipped++;
                continue;
            }
            String articleId = batch.articleIds().get(comment.articleKey());
            String problem = articleId == null ? "its " + batch.format().articleElement() + " is not in the file"
                    : problem(comment);
            if (problem != null) {
                outcome.failures.add(new Failure(comment.at(), batch.format().commentElement(), comment.sourceId(),
                        problem));
                continue;
            }
            outcome.commentsCreated++;
            if (dryRun) {
                continue;
            }
            Comment parent = comment.parent() == null ? null : here.containsKey(comment.parent())
                    ? here.get(comment.parent()) : known.get(comment.parent());
            if (parent != null && !parent.articleId().equals(articleId)) {
                parent = null;
            }
            Comment stored = lifecycle.imported(new CommentLifecycle.ImportedComment(articleId, parent,
                    new Comment.Author(name(comment.authorName()), email(comment.authorEmail()),
                            url(comment.authorUrl()), ip(comment.ip()), userAgent(comment.userAgent())),
                    comment.body(), comment.status(), comment.createdAt(), comment.key().source(),
                    comment.key().id(), comment.history(), comment.details()), batch.train());
            if (comment.marks() != null) {
                stored.restoreMarks(comment.marks().moderatedBy(), comment.marks().moderatedAt(),
                        comment.marks().editedAt());
            }
            here.put(comment.key(), stored);
        }
        if (!dryRun) {
            entityManager.flush();
        }
        return outcome;
    }

    /**
     * Restores the records of the export's parts through their features; counts each part's outcomes, and fails a
     * record whose part refused it, with the part's reason.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome restore(List<PartRecord> records, Map<String, BackupPart> parts, boolean sameKeyedHashes,
                    boolean dryRun) {
        Outcome outcome = new Outcome();
        BackupPart.Restore context = new BackupPart.Restore() {
            @Override
            public Optional<Long> commentId(String commentKey) {
                return find(JsonReader.sourceKey(commentKey)).map(Comment::id);
            }

            @Override
            public boolean sameKeyedHashes() {
                return sameKeyedHashes;
            }
        };
        for (PartRecord record : records) {
            BackupPart.Restored restored = parts.get(record.part()).restore(record.record(), context, dryRun);
            int[] counts = outcome.parts.computeIfAbsent(record.part(), name -> new int[3]);
            counts[restored.outcome().ordinal()]++;
            if (restored.outcome() == BackupPart.Outcome.FAILED) {
                outcome.failures.add(new Failure(record.at(), record.part(), null, restored.reason()));
            }
            if (!dryRun) {
                entityManager.flush();
            }
        }
        return outcome;
    }

    /**
     * The creation time of the comment stored under this key, if any; in a dry run also of one met earlier in the
     * file (its time: the time it is met with now if that was met too, else one that differs).
     */
    private Optional<Instant> existing(ImportSink.SourceKey key, Instant createdAt,
                                       Map<ImportSink.SourceKey, Comment> here,
                                       Map<ImportSink.SourceKey, Comment> known, SeenKeys seen) {
        if (here.containsKey(key)) {
            return Optional.of(here.get(key).createdAt());
        }
        Optional<Comment> stored = known != null ? Optional.ofNullable(known.get(key)) : find(key);
        if (stored.isPresent() || seen == null) {
            return stored.map(Comment::createdAt);
        }
        String id = key.source() + ":" + key.id();
        boolean newTime = seen.add("at", id + "@" + createdAt.getEpochSecond());
        if (seen.add("comment", id)) {
            return Optional.empty();
        }
        return Optional.of(newTime ? Instant.MIN : createdAt);
    }

    private static boolean sameSecond(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The comments already stored under the batch's keys and its parents' keys, in one query per
     * {@link #LOOKUP} ids: the unique constraint leads with {@code source_id}, so the list is answered from the index.
     */
    private Map<ImportSink.SourceKey, Comment> stored(List<ImportSink.FileComment> comments) {
        Map<ImportSink.SourceKey, Comment> found = new HashMap<>();
        java.util.Set<ImportSink.SourceKey> keys = new java.util.HashSet<>();
        for (ImportSink.FileComment comment : comments) {
            keys.add(comment.key());
            if (comment.parent() != null) {
                keys.add(comment.parent());
            }
        }
        List<String> ids = keys.stream().map(ImportSink.SourceKey::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += LOOKUP) {
            for (Comment comment : entityManager.createQuery("select c from Comment c where c.sourceId in ?1",
                    Comment.class).setParameter(1, ids.subList(from, Math.min(ids.size(), from + LOOKUP)))
                    .getResultList()) {
                ImportSink.SourceKey key = new ImportSink.SourceKey(comment.source(), comment.sourceId());
                if (keys.contains(key)) {
                    found.put(key, comment);
                }
            }
        }
        return found;
    }

    private Optional<Comment> find(ImportSink.SourceKey key) {
        return entityManager.createQuery("select c from Comment c where c.source = ?1 and c.sourceId = ?2",
                Comment.class).setParameter(1, key.source()).setParameter(2, key.id()).getResultStream().findFirst();
    }

    /** Why the comment cannot be stored, or null. Only an erased or deleted comment may have lost its text. */
    private static String problem(ImportSink.FileComment comment) {
        if (comment.body().isEmpty() && comment.status() != CommentStatus.DELETED) {
            return "the comment's text is empty";
        }
        if (comment.body().length() > BODY_MAX) {
            return "the comment's text is over " + BODY_MAX + " characters";
        }
        return null;
    }

    private static String name(String name) {
        String clean = name == null || name.isBlank() ? "Anonymous" : name.strip();
        return clean.length() > NAME_MAX ? clean.substring(0, NAME_MAX) : clean;
    }

    private static String email(String email) {
        String clean = email == null ? "" : email.strip();
        return clean.length() > EMAIL_MAX ? "" : clean;
    }

    private static String url(String url) {
        return url != null && url.length() <= URL_MAX && HttpUrls.isHttpUrl(url) ? url : null;
    }

    private static String userAgent(String userAgent) {
        return userAgent == null || userAgent.length() > 512 ? null : userAgent;
    }

    /** Missing stays missing (an erased or expired address, a file without one): null, as the service keeps it. */
    private static String ip(String ip) {
        return ip == null || ip.isBlank() || ip.length() > IP_MAX ? null : ip.strip();
    }
}
