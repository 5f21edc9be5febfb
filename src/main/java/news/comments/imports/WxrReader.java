package news.comments.imports;

import news.comments.comment.CommentStatus;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a WordPress export (WXR 1.0–1.2: RSS 2.0 with the {@code wp:} namespace), one {@code item} at a time. Each
 * post or page becomes an article (other item types, such as attachments and menu items, only when they have
 * comments); each {@code wp:comment} becomes a comment. Its source id is the site's address and the comment id
 * ({@code wp:base_site_url#id}), as WordPress numbers comments per site. Pingbacks and trackbacks are skipped. A
 * post whose {@code wp:comment_status} is {@code closed} becomes an article closed for comments; titles are
 * HTML-decoded, as WordPress writes them with entities ({@code &amp;amp;}, {@code &#8217;}).
 */
final class WxrReader {

    private static final Set<String> ARTICLE_TYPES = Set.of("post", "page");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final XMLStreamReader xml;
    private final ArticleIdFrom idFrom;
    private final ImportSink sink;
    private String site = "";

    WxrReader(XMLStreamReader xml, ArticleIdFrom idFrom, ImportSink sink) {
        this.xml = xml;
        this.idFrom = idFrom;
        this.sink = sink;
    }

    /** Reads the file from its root element {@code rss} to the end. */
    void read() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("channel") || name.equals("rss")) {
                continue;
            }
            if (wp() && name.equals("base_site_url")) {
                site = XmlFiles.text(xml);
            } else if (name.equals("item") && xml.getNamespaceURI() == null) {
                item();
            } else {
                XmlFiles.skip(xml);
            }
        }
    }

    private boolean wp() {
        String ns = xml.getNamespaceURI();
        return ns != null && ns.startsWith("http://wordpress.org/export/");
    }

    /** One item: its fields come before its comments, as WordPress writes them. */
    private void item() throws XMLStreamException {
        ImportSink.Position at = XmlFiles.position(xml);
        Map<String, String> fields = new HashMap<>();
        String articleKey = null;
        boolean announced = false;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (wp() && name.equals("comment")) {
                if (!announced) {
                    articleKey = announce(fields, at);
                    announced = true;
                }
                comment(articleKey);
            } else if (wp() && name.equals("postmeta")) {
                XmlFiles.skip(xml);
            } else if (xml.getNamespaceURI() == null || wp()) {
                fields.put(name, XmlFiles.text(xml));
            } else {
                XmlFiles.skip(xml);
            }
        }
        if (!announced && ARTICLE_TYPES.contains(fields.getOrDefault("post_type", "post"))) {
            announce(fields, at);
        }
    }

    /** Hands the item's article to the sink; answers its key, or null when it has no usable id. */
    private String announce(Map<String, String> fields, ImportSink.Position at) {
        String postId = fields.get("post_id");
        String link = blankToNull(fields.get("link"));
        String raw = switch (idFrom) {
            case SLUG -> firstNonBlank(fields.get("post_name"), ArticleIdFrom.slugOf(link), postId);
            case ID -> postId;
            case URL -> ArticleIdFrom.fromUrl(link);
        };
        String articleId = ArticleIdFrom.clean(raw);
        String key = postId == null || postId.isBlank() ? "item@" + at.line() : postId;
        if (articleId == null) {
            sink.failed(at, "item", postId, "no article id: the item has no " + idFrom.slug());
            return null;
        }
        sink.article(new ImportSink.FileArticle(key, articleId, HtmlText.title(fields.get("title")), link,
                date(fields.get("post_date_gmt"), fields.get("post_date")),
                !"closed".equals(fields.getOrDefault("comment_status", "open").strip()), null, at));
        return key;
    }

    private void comment(String articleKey) throws XMLStreamException {
        ImportSink.Position at = XmlFiles.position(xml);
        Map<String, String> fields = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("commentmeta")) {
                    XmlFiles.skip(xml);
                } else {
                    fields.put(name, XmlFiles.text(xml));
                }
            }
        }
        String id = blankToNull(fields.get("comment_id"));
        String type = fields.getOrDefault("comment_type", "");
        if (type.equals("pingback") || type.equals("trackback")) {
            sink.ping();
            return;
        }
        if (id == null) {
            sink.failed(at, "wp:comment", null, "no wp:comment_id");
            return;
        }
        String sourceId = site + "#" + id;
        if (articleKey == null) {
            sink.failed(at, "wp:comment", sourceId, "its item has no article id");
            return;
        }
        CommentStatus status = status(fields.getOrDefault("comment_approved", ""));
        if (status == null) {
            sink.failed(at, "wp:comment", sourceId, "unknown wp:comment_approved '"
                    + fields.get("comment_approved") + "'");
            return;
        }
        Instant created = date(fields.get("comment_date_gmt"), fields.get("comment_date"));
        if (created == null) {
            sink.failed(at, "wp:comment", sourceId, "no valid wp:comment_date_gmt");
            return;
        }
        String parent = fields.getOrDefault("comment_parent", "0").strip();
        sink.comment(new ImportSink.FileComment(new ImportSink.SourceKey(ImportFormat.WXR.source(), sourceId),
                articleKey,
                parent.isEmpty() || parent.equals("0") ? null : site + "#" + parent,
                fields.get("comment_author"), fields.get("comment_author_email"),
                blankToNull(fields.get("comment_author_url")), blankToNull(fields.get("comment_author_IP")),
                HtmlText.toText(fields.get("comment_content")), status, created, at));
    }

    /** {@code 1} approved, {@code 0} pending, {@code spam}, {@code trash} (and {@code post-trashed}) rejected. */
    static CommentStatus status(String approved) {
        return switch (approved.strip()) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "0", "hold" -> CommentStatus.PENDING;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.REJECTED;
            default -> null;
        };
    }

    /** The GMT date, or the site's local date read as UTC when the GMT one is empty or WordPress's zero date. */
    static Instant date(String gmt, String local) {
        for (String value : new String[]{gmt, local}) {
            if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
                continue;
            }
            try {
                return LocalDateTime.parse(value.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException e) {
                // try the next one
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
