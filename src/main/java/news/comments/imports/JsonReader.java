package news.comments.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.comments.article.ModerationMode;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the service's own JSON export ({@link ExportService}) one element at a time with Jackson's streaming parser:
 * {@code articles} become articles as they were (id, title, URL, creation, comments open or closed, moderation
 * mode), {@code comments} comments with their status, dates, thread, author (address, IP, user agent, a missing one
 * staying missing), history, last decision and last edit. The source and id come from the comment's
 * {@code sourceKey} ({@link #sourceKey}), so a restore can be repeated without duplicates.
 */
final class JsonReader {

    private final JsonParser json;
    private final ObjectMapper mapper;
    private final ImportSink sink;

    JsonReader(JsonParser json, ObjectMapper mapper, ImportSink sink) {
        this.json = json;
        this.mapper = mapper;
        this.sink = sink;
    }

    void read() throws IOException {
        if (json.currentToken() == null) {
            json.nextToken();
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(json, "the export is not a JSON object");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_ARRAY && (field.equals("articles") || field.equals("comments"))) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    ImportSink.Position at = position(json.currentTokenLocation());
                    JsonNode node = mapper.readTree(json);
                    if (field.equals("articles")) {
                        article(node, at);
                    } else {
                        comment(node, at);
                    }
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private void article(JsonNode node, ImportSink.Position at) {
        String id = ArticleIdFrom.clean(text(node, "id"));
        if (id == null) {
            sink.failed(at, "article", null, "no id");
            return;
        }
        JsonNode open = node.get("commentsOpen");
        sink.article(new ImportSink.FileArticle(id, id, text(node, "title"), text(node, "url"),
                instant(text(node, "createdAt")), open == null || !open.isBoolean() || open.booleanValue(),
                mode(text(node, "moderation")), at));
    }

    private void comment(JsonNode node, ImportSink.Position at) {
        String key = text(node, "sourceKey");
        CommentStatus status = status(text(node, "status"));
        Instant created = instant(text(node, "createdAt"));
        if (key == null || status == null || created == null) {
            sink.failed(at, "comment", key, key == null ? "no sourceKey" : status == null ? "unknown status"
                    : "no valid createdAt");
            return;
        }
        List<CommentLifecycle.PastChange> history = new ArrayList<>();
        for (JsonNode line : node.path("history")) {
            Instant when = instant(text(line, "at"));
            CommentStatus to = status(text(line, "to"));
            if (when != null && to != null && text(line, "actor") != null) {
                history.add(new CommentLifecycle.PastChange(text(line, "actor"), status(text(line, "from")), to,
                        text(line, "reason"), when));
            }
        }
        String parent = text(node, "parentSourceKey");
        sink.comment(new ImportSink.FileComment(sourceKey(key), text(node, "articleId"),
                parent == null ? null : sourceKey(parent), text(node, "authorName"), text(node, "authorEmail"),
                text(node, "authorUrl"), text(node, "ip"), text(node, "body") == null ? "" : text(node, "body").strip(),
                status, created, at, text(node, "userAgent"), history,
                new ImportSink.Marks(text(node, "moderatedBy"), instant(text(node, "moderatedAt")),
                        instant(text(node, "editedAt")))));
    }

    /**
     * A {@code sourceKey} of the export as the source and id a comment keeps: {@code wxr:…} and {@code disqus:…} are
     * comments the exporting service had imported, which keep their first source, so the original file imported
     * after a restore still finds them; anything else ({@code id:N}, a comment posted there) is {@code json} with the
     * key as its id. Older exports wrote a restored comment's key as {@code json:id:N}.
     */
    static ImportSink.SourceKey sourceKey(String key) {
        for (ImportFormat format : ImportFormat.values()) {
            String prefix = format.source() + ":";
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return new ImportSink.SourceKey(format.source(), key.substring(prefix.length()));
            }
        }
        return new ImportSink.SourceKey(ImportFormat.JSON.source(), key);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static CommentStatus status(String name) {
        if (name == null) {
            return null;
        }
        try {
            return CommentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ModerationMode mode(String name) {
        try {
            return name == null ? null : ModerationMode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ImportSink.Position position(JsonLocation location) {
        return new ImportSink.Position(location.getLineNr(), location.getColumnNr());
    }
}
