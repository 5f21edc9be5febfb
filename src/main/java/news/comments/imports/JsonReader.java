package news.comments.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.comments.article.ModerationMode;
import news.comments.automod.Effect;
import news.comments.automod.Hit;
import news.comments.comment.Actor;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the service's own JSON export ({@link JsonExport}) one element at a time with Jackson's streaming parser:
 * {@code articles} become articles as they were (id, title, URL, creation, comments open or closed, moderation
 * mode), {@code comments} comments with their status, dates, thread, author (address, IP, user agent, a missing one
 * staying missing), history with its actors, last decision and last edit, and what version 2 adds (pin, the post's
 * proof and mail choices, the rules' decision and hits, open reports, the editToken's hash). Every other array whose
 * name is a part of this service ({@code reports}, {@code bans}, ...) goes to that part; an array this service does
 * not know (a newer service's part) is skipped with a warning. The source and id come from the comment's
 * {@code sourceKey} ({@link #sourceKey}), so a restore can be repeated without duplicates.
 */
final class JsonReader {

    private final JsonParser json;
    private final ObjectMapper mapper;
    private final Set<String> parts;
    private final UrlMap urlMap;
    private final ImportSink sink;

    JsonReader(JsonParser json, ObjectMapper mapper, Set<String> parts, UrlMap urlMap, ImportSink sink) {
        this.json = json;
        this.mapper = mapper;
        this.parts = parts;
        this.urlMap = urlMap;
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
            if (field.equals("keyedHashes") && value == JsonToken.VALUE_STRING) {
                sink.keyedHashes(json.getText());
            } else if (value == JsonToken.START_ARRAY && (field.equals("articles") || field.equals("comments")
                    || parts.contains(field))) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    ImportSink.Position at = position(json.currentTokenLocation());
                    JsonNode node = mapper.readTree(json);
                    switch (field) {
                        case "articles" -> article(node, at);
                        case "comments" -> comment(node, at);
                        default -> sink.part(field, node, at);
                    }
                }
            } else {
                if (value == JsonToken.START_ARRAY) {
                    sink.warned(position(json.currentTokenLocation()), field, null, "this service keeps no part "
                            + "named " + field + ": not restored");
                }
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
        sink.article(new ImportSink.FileArticle(id, id, text(node, "title"), urlMap.apply(text(node, "url")),
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
                history.add(new CommentLifecycle.PastChange(text(line, "actor"), kind(text(line, "actorKind")),
                        status(text(line, "from")), to, text(line, "reason"), when));
            }
        }
        String parent = text(node, "parentSourceKey");
        sink.comment(new ImportSink.FileComment(sourceKey(key), text(node, "articleId"),
                parent == null ? null : sourceKey(parent), text(node, "authorName"), text(node, "authorEmail"),
                text(node, "authorUrl"), text(node, "ip"), text(node, "body") == null ? "" : text(node, "body").strip(),
                status, created, at, text(node, "userAgent"), history,
                new ImportSink.Marks(text(node, "moderatedBy"), instant(text(node, "moderatedAt")),
                        instant(text(node, "editedAt"))), details(node)));
    }

    /** What version 2 keeps of a comment beyond version 1; null for a version 1 export. */
    private static CommentLifecycle.ImportedDetails details(JsonNode node) {
        JsonNode auto = node.get("autoDecision");
        if (auto == null || !auto.isObject()) {
            return null;
        }
        List<Hit> hits = new ArrayList<>();
        for (JsonNode rule : auto.path("rules")) {
            Effect effect = effect(text(rule, "effect"));
            if (text(rule, "name") != null && effect != null) {
                hits.add(new Hit(text(rule, "name"), effect, text(rule, "detail") == null ? ""
                        : text(rule, "detail")));
            }
        }
        JsonNode score = auto.get("spamScore");
        return new CommentLifecycle.ImportedDetails(node.path("pinned").asBoolean(false),
                node.path("keyMatched").asBoolean(false), node.path("notifyReplies").asBoolean(false),
                node.path("notifyPublished").asBoolean(false), status(text(auto, "status")),
                score == null || !score.isNumber() ? null : score.doubleValue(), node.path("openReports").asInt(0),
                text(node, "editTokenHash"), hits);
    }

    /**
     * A {@code sourceKey} of the export as the source and id a comment keeps: {@code wxr:…}, {@code disqus:…} and the
     * other formats' are comments the exporting service had imported, which keep their first source, so the original
     * file imported after a restore still finds them; anything else ({@code id:<origin>:N}, a comment posted there)
     * is {@code json} with the key as its id. Older exports wrote a restored comment's key as {@code json:id:N}.
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
        return constant(CommentStatus.class, name);
    }

    private static Actor.Kind kind(String name) {
        return constant(Actor.Kind.class, name);
    }

    private static Effect effect(String name) {
        return constant(Effect.class, name);
    }

    private static ModerationMode mode(String name) {
        return constant(ModerationMode.class, name);
    }

    /** The constant of that name, or null for a missing or unknown one (a failure, or the default, for the caller). */
    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
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
