package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.comments.article.ArticleService;
import news.comments.comment.Comment;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;
import news.comments.web.HttpUrls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch of an import in a transaction of its own: its articles (created when new), then its comments,
 * skipping those whose source id is already stored and resolving parents in the batch or in the database (one
 * indexed look-up per source id). Bounded batches keep each transaction short, so readers and moderators are served in between.
 */
@ApplicationScoped
class ImportStore {

    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 508;
    static final int URL_MAX = 400;
    static final int IP_MAX = 64;
    static final int BODY_MAX = 40000;

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
    }

    /** An element that failed, where and why. */
    record Failure(ImportSink.Position at, String element, String sourceId, String reason) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Outcome write(ImportFormat format, boolean train, List<ImportSink.FileArticle> newArticles,
                  List<ImportSink.FileComment> newComments, Map<String, String> articleIds) {
        Outcome outcome = new Outcome();
        for (ImportSink.FileArticle article : newArticles) {
            if (articles.ensureImported(article.articleId(), article.title(), article.url(), article.publishedAt(),
                    article.commentsOpen(), article.moderation())) {
                outcome.articlesCreated++;
            } else {
                outcome.articlesSkipped++;
            }
        }
        if (newComments.isEmpty()) {
            return outcome;
        }
        // one indexed look-up per source id: H2 does not use the (source, source_id) index for an IN list on its
        // second column, and scanning every imported comment per batch made a large import quadratic
        Set<ImportSink.SourceKey> existing = new HashSet<>();
        for (ImportSink.FileComment comment : newComments) {
            if (find(comment.key()).isPresent()) {
                existing.add(comment.key());
            }
        }
        Set<ImportSink.SourceKey> inBatch = new HashSet<>();
        newComments.forEach(comment -> inBatch.add(comment.key()));
        Map<ImportSink.SourceKey, Comment> known = new HashMap<>();
        for (ImportSink.FileComment comment : newComments) {
            ImportSink.SourceKey parent = comment.parent();
            if (parent != null && !known.containsKey(parent)
                    && (!inBatch.contains(parent) || existing.contains(parent))) {
                find(parent).ifPresent(found -> known.put(parent, found));
            }
        }
        Set<ImportSink.SourceKey> created = new HashSet<>();
        for (ImportSink.FileComment comment : newComments) {
            if (existing.contains(comment.key()) || created.contains(comment.key())) {
                outcome.commentsSkipped++;
                continue;
            }
            String articleId = articleIds.get(comment.articleKey());
            if (articleId == null) {
                outcome.failures.add(new Failure(comment.at(), element(format), comment.sourceId(),
                        "its " + articleElement(format) + " is not in the file"));
                continue;
            }
            String problem = problem(comment);
            if (problem != null) {
                outcome.failures.add(new Failure(comment.at(), element(format), comment.sourceId(), problem));
                continue;
            }
            Comment parent = comment.parent() == null ? null : known.get(comment.parent());
            if (parent != null && !parent.articleId().equals(articleId)) {
                parent = null;
            }
            Comment stored = lifecycle.imported(new CommentLifecycle.ImportedComment(articleId, parent,
                    new Comment.Author(name(comment.authorName()), email(comment.authorEmail()),
                            url(comment.authorUrl()), ip(comment.ip()), userAgent(comment.userAgent())),
                    comment.body(), comment.status(), comment.createdAt(), comment.key().source(),
                    comment.key().id(), comment.history()), train);
            if (comment.marks() != null) {
                stored.restoreMarks(comment.marks().moderatedBy(), comment.marks().moderatedAt(),
                        comment.marks().editedAt());
            }
            known.put(comment.key(), stored);
            created.add(comment.key());
            outcome.commentsCreated++;
        }
        entityManager.flush();
        return outcome;
    }

    private java.util.Optional<Comment> find(ImportSink.SourceKey key) {
        return entityManager.createQuery("select c from Comment c where c.source = ?1 and c.sourceId = ?2",
                Comment.class).setParameter(1, key.source()).setParameter(2, key.id()).getResultStream().findFirst();
    }

    static String element(ImportFormat format) {
        return switch (format) {
            case WXR -> "wp:comment";
            case DISQUS -> "post";
            case JSON -> "comment";
        };
    }

    static String articleElement(ImportFormat format) {
        return switch (format) {
            case WXR -> "item";
            case DISQUS -> "thread";
            case JSON -> "article";
        };
    }

    /** Whether a failed element is an article (counted under {@code articles.failed}) rather than a comment. */
    static boolean isArticle(String element) {
        return element.equals("item") || element.equals("thread") || element.equals("article");
    }

    /** Why the comment cannot be stored, or null. Only an erased comment (DELETED) may have lost its text. */
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
