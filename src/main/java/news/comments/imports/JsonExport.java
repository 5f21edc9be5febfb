package news.comments.imports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import news.comments.article.Article;
import news.comments.automod.Hit;
import news.comments.backup.BackupPart;
import news.comments.backup.ExportOrigin;
import news.comments.comment.Comment;
import news.comments.comment.HistoryEntry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The service's own JSON export, the faithful backup that {@code POST /api/admin/imports?format=json} restores: who
 * wrote it ({@code origin}, and the id of the secret behind its keyed hashes), every article and every comment with
 * all the service keeps of it, then each feature's part ({@link BackupPart}: reports, bans, addresses, settings, ...)
 * in the order of their names. Written as read, a page at a time.
 */
@ApplicationScoped
class JsonExport {

    /** 2: export keys carry the origin; comments carry what version 1 left out; the features' parts. */
    static final int VERSION = 2;

    private final ExportPages pages;
    private final ExportOrigin origin;
    private final ObjectMapper mapper;
    private final List<BackupPart> parts;
    private final Clock clock;

    JsonExport(ExportPages pages, ExportOrigin origin, ObjectMapper mapper, @Any Instance<BackupPart> parts,
               Clock clock) {
        this.pages = pages;
        this.origin = origin;
        this.mapper = mapper;
        this.parts = parts.stream().sorted(Comparator.comparing(BackupPart::name)).toList();
        this.clock = clock;
    }

    /** The parts of this service, by name: what a restore can take. */
    List<BackupPart> parts() {
        return parts;
    }

    /** Everything, or with {@code onlyArticle} one article and its comments (without the parts: they are global). */
    void write(OutputStream out, String onlyArticle) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", "comment-service-export");
            json.writeNumberField("version", VERSION);
            json.writeStringField("origin", origin.origin());
            json.writeStringField("keyedHashes", origin.keyedHashesId());
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeArrayFieldStart("articles");
            for (String after = ""; after != null; ) {
                List<Article> page = pages.articles(after, onlyArticle);
                for (Article article : page) {
                    json.writeStartObject();
                    json.writeStringField("id", article.id());
                    json.writeStringField("title", article.title());
                    json.writeStringField("url", article.url());
                    json.writeBooleanField("commentsOpen", article.commentsOpen());
                    json.writeStringField("moderation", article.moderation().name());
                    json.writeStringField("createdAt", article.createdAt().toString());
                    json.writeEndObject();
                }
                json.flush();
                after = page.size() < ExportPages.PAGE ? null : page.get(page.size() - 1).id();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("comments");
            for (long after = 0; after >= 0; ) {
                ExportPages.Page page = pages.comments(after, onlyArticle);
                for (Comment comment : page.comments()) {
                    comment(json, comment, page);
                }
                json.flush();
                after = page.comments().size() < ExportPages.PAGE ? -1
                        : page.comments().get(ExportPages.PAGE - 1).id();
            }
            json.writeEndArray();
            if (onlyArticle == null) {
                for (BackupPart part : parts) {
                    json.writeArrayFieldStart(part.name());
                    part.export(json, pages::keysOf);
                    json.writeEndArray();
                    json.flush();
                }
            }
            json.writeEndObject();
        }
    }

    private void comment(JsonGenerator json, Comment comment, ExportPages.Page page) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", comment.id());
        json.writeStringField("sourceKey", pages.sourceKey(comment));
        json.writeStringField("articleId", comment.articleId());
        if (comment.parentId() != null) {
            json.writeNumberField("parentId", comment.parentId());
            json.writeStringField("parentSourceKey", page.parentKeys().get(comment.parentId()));
        }
        json.writeStringField("status", comment.status().name());
        json.writeStringField("createdAt", comment.createdAt().toString());
        json.writeStringField("authorName", comment.authorName());
        json.writeStringField("authorEmail", comment.authorEmail());
        json.writeStringField("authorUrl", comment.authorUrl());
        json.writeStringField("ip", comment.ip());
        json.writeStringField("userAgent", comment.userAgent());
        json.writeStringField("body", comment.body());
        json.writeStringField("moderatedBy", comment.moderatedBy());
        time(json, "moderatedAt", comment.moderatedAt());
        time(json, "editedAt", comment.editedAt());
        json.writeStringField("source", comment.source());
        json.writeStringField("sourceId", comment.sourceId());
        json.writeBooleanField("pinned", comment.pinned());
        json.writeBooleanField("keyMatched", comment.keyMatched());
        json.writeBooleanField("notifyReplies", comment.notifyReplies());
        json.writeBooleanField("notifyPublished", comment.notifyPublished());
        json.writeNumberField("openReports", comment.openReports());
        json.writeStringField("editTokenHash", comment.editTokenHash());
        json.writeObjectFieldStart("autoDecision");
        json.writeStringField("status", comment.autoStatus().name());
        if (comment.spamScore() == null) {
            json.writeNullField("spamScore");
        } else {
            json.writeNumberField("spamScore", comment.spamScore());
        }
        json.writeArrayFieldStart("rules");
        for (Hit hit : page.hits().getOrDefault(comment.id(), List.of())) {
            json.writeStartObject();
            json.writeStringField("name", hit.rule());
            json.writeStringField("effect", hit.effect().name());
            json.writeStringField("detail", hit.detail());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("history");
        for (HistoryEntry line : page.history().getOrDefault(comment.id(), List.of())) {
            json.writeStartObject();
            json.writeStringField("actor", line.actor());
            json.writeStringField("actorKind", line.actorKind().name());
            json.writeStringField("from", line.fromStatus() == null ? null : line.fromStatus().name());
            json.writeStringField("to", line.toStatus().name());
            json.writeStringField("reason", line.reason());
            json.writeStringField("at", line.createdAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void time(JsonGenerator json, String field, Instant value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }
}
