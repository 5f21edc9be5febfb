package news.comments.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Remark42's backup (its {@code migrator/native.go}): the meta record's {@code users} give each user's address
 * ({@code details.email}) and whether they are blocked, its {@code posts} which articles are read-only (closed);
 * then each comment line becomes a comment of the article at its {@code locator.url} (titled by the comment's
 * {@code title}, created at its first comment's time), with its {@code pid} as parent, its HTML {@code text} as plain
 * text, {@code user.name}, {@code time}, {@code edit.time} as the author's last edit and {@code pin} kept. A
 * {@code delete}d comment is DELETED (its text is gone, its replies keep their parent); a blocked user's comment,
 * which Remark42 hides, is REJECTED; every other one was published, APPROVED. Remark42 keeps a keyed hash in
 * {@code user.ip}, not an address: only a real IP address is kept. The source id is {@code locator.site#id}.
 */
final class Remark42Reader {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(%\\w+)?");

    private final JsonParser json;
    private final ObjectMapper mapper;
    private final ImportOptions options;
    private final ImportSink sink;
    private final Map<String, String> emails = new HashMap<>();
    private final Set<String> blocked = new HashSet<>();
    private final Set<String> readOnly = new HashSet<>();
    private final Set<String> announced = new HashSet<>();

    Remark42Reader(JsonParser json, ObjectMapper mapper, ImportOptions options, ImportSink sink) {
        this.json = json;
        this.mapper = mapper;
        this.options = options;
        this.sink = sink;
    }

    void read() throws IOException {
        boolean first = true;
        while (json.nextToken() == JsonToken.START_OBJECT) {
            ImportSink.Position at = JsonReader.position(json.currentTokenLocation());
            JsonNode node = mapper.readTree(json);
            if (first && !node.has("locator")) {
                meta(node);
            } else {
                comment(node, at);
            }
            first = false;
        }
    }

    private void meta(JsonNode meta) {
        for (JsonNode user : meta.path("users")) {
            String id = text(user, "id");
            if (id == null) {
                continue;
            }
            String email = text(user.path("details"), "email");
            if (email != null) {
                emails.put(id, email);
            }
            if (user.path("blocked").path("status").asBoolean(false)) {
                blocked.add(id);
            }
        }
        for (JsonNode post : meta.path("posts")) {
            if (post.path("read_only").asBoolean(false) && text(post, "url") != null) {
                readOnly.add(options.urlMap().apply(text(post, "url")));
            }
        }
    }

    private void comment(JsonNode node, ImportSink.Position at) {
        String id = text(node, "id");
        String site = text(node.path("locator"), "site");
        String url = options.urlMap().apply(text(node.path("locator"), "url"));
        Instant created = instant(text(node, "time"));
        if (id == null) {
            sink.failed(at, "comment", null, "no id");
            return;
        }
        String sourceId = (site == null ? "" : site) + "#" + id;
        if (url == null) {
            sink.failed(at, "comment", sourceId, "no locator.url");
            return;
        }
        if (created == null) {
            sink.failed(at, "comment", sourceId, "no valid time");
            return;
        }
        if (announced.add(url)) {
            announce(url, text(node, "title"), created, at);
        }
        JsonNode user = node.path("user");
        String userId = text(user, "id");
        boolean deleted = node.path("delete").asBoolean(false);
        CommentStatus status = deleted ? CommentStatus.DELETED
                : user.path("block").asBoolean(false) || blocked.contains(userId) ? CommentStatus.REJECTED
                : CommentStatus.APPROVED;
        String body = HtmlText.toText(text(node, "text"));
        if (body.isEmpty() && !deleted && text(node, "orig") != null) {
            body = text(node, "orig").strip();
        }
        String parent = text(node, "pid");
        String ip = text(user, "ip");
        Instant edited = instant(text(node.path("edit"), "time"));
        sink.comment(new ImportSink.FileComment(new ImportSink.SourceKey(ImportFormat.REMARK42.source(), sourceId),
                url, parent == null || parent.isBlank() ? null : (site == null ? "" : site) + "#" + parent,
                text(user, "name"), userId == null ? null : emails.get(userId), null, ip != null
                && (IPV4.matcher(ip).matches() || IPV6.matcher(ip).matches()) ? ip : null, body, status, created, at)
                .with(edited == null ? null : new ImportSink.Marks(null, null, edited),
                        CommentLifecycle.ImportedDetails.of(node.path("pin").asBoolean(false), false)));
    }

    /** The article of a post's address, named as the request asks; created at the post's first comment. */
    private void announce(String url, String title, Instant firstComment, ImportSink.Position at) {
        String raw = switch (options.articleIdFrom()) {
            case SLUG -> ArticleIdFrom.slugOf(url);
            case ID, URL -> ArticleIdFrom.fromUrl(url);
        };
        if (raw == null) {
            raw = ArticleIdFrom.fromUrl(url);
            sink.counted(ImportSink.Counter.ID_FALLBACK);
        }
        String articleId = ArticleIdFrom.clean(raw);
        if (articleId == null) {
            sink.failed(at, "locator", url, "no article id: the address has no " + options.articleIdFrom().slug());
            return;
        }
        sink.article(new ImportSink.FileArticle(url, articleId, HtmlText.title(title), url, firstComment,
                !readOnly.contains(url), null, at));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(String value) {
        try {
            return value == null || value.startsWith("0001-01-01") ? null : OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
