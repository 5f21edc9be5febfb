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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a WordPress export (WXR 1.0–1.2: RSS 2.0 with the {@code wp:} namespace, in every spelling WordPress has
 * written: {@code http://} and {@code https://wordpress.org/export/1.x/}), one {@code item} at a time. Each post or
 * page becomes an article (other item types, such as attachments and menu items, only when they have comments); each
 * {@code wp:comment} becomes a comment. Its source id is the blog's address and the comment id
 * ({@code wp:base_blog_url#id}, else {@code wp:base_site_url#id}), as WordPress numbers comments per blog and
 * WordPress.com writes {@code https://wordpress.com/} as every blog's site URL. Pingbacks and trackbacks are skipped,
 * and so are editorial notes ({@code note}, WordPress 6.9; WooCommerce's {@code order_note}), which readers never
 * saw. A comment without a status is held (PENDING), never published on a guess. A post whose
 * {@code wp:comment_status} is {@code closed} becomes an article closed for comments; titles are HTML-decoded, as
 * WordPress writes them with entities ({@code &amp;amp;}, {@code &#8217;}).
 */
final class WxrReader {

    private static final Set<String> ARTICLE_TYPES = Set.of("post", "page");
    private static final Set<String> PINGS = Set.of("pingback", "trackback");
    private static final Set<String> NOTES = Set.of("note", "order_note");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** WordPress's own namespace in every version and scheme it has written (not its {@code excerpt/} one). */
    private static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/\\d+\\.\\d+/?");
    /** A post's id in a link without pretty permalinks ({@code /?p=4}, {@code /?page_id=2}). */
    private static final Pattern POST_ID_IN_LINK = Pattern.compile("[?&](?:p|page_id)=(\\d+)(?:&|#|$)");

    private final XMLStreamReader xml;
    private final ArticleIdFrom idFrom;
    private final UrlMap urlMap;
    private final ImportSink sink;
    private String siteUrl = "";
    private String blogUrl = "";

    WxrReader(XMLStreamReader xml, ArticleIdFrom idFrom, UrlMap urlMap, ImportSink sink) {
        this.xml = xml;
        this.idFrom = idFrom;
        this.urlMap = urlMap;
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
                siteUrl = XmlFiles.text(xml);
            } else if (wp() && name.equals("base_blog_url")) {
                blogUrl = XmlFiles.text(xml);
            } else if (name.equals("item") && xml.getNamespaceURI() == null) {
                item();
            } else {
                XmlFiles.skip(xml);
            }
        }
    }

    /** Whether the current element is in WordPress's namespace, whichever version or scheme the file declares. */
    private boolean wp() {
        String ns = xml.getNamespaceURI();
        return ns != null && WP_NAMESPACE.matcher(ns).matches();
    }

    /** The blog whose comment ids these are. */
    private String site() {
        return blogUrl.isEmpty() ? siteUrl : blogUrl;
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
        String postId = blankToNull(fields.get("post_id"));
        String link = blankToNull(urlMap.apply(blankToNull(fields.get("link"))));
        String idInLink = postIdIn(link);
        String raw;
        boolean fellBack = false;
        switch (idFrom) {
            case SLUG -> {
                raw = blankToNull(fields.get("post_name"));
                if (raw == null) {
                    raw = firstNonBlank(postId, idInLink, ArticleIdFrom.slugOf(link), ArticleIdFrom.fromUrl(link));
                    fellBack = raw != null;
                }
            }
            case ID -> raw = firstNonBlank(postId, idInLink);
            default -> raw = ArticleIdFrom.fromUrl(link);
        }
        String articleId = ArticleIdFrom.clean(raw);
        String key = postId == null ? "item@" + at.line() + ":" + at.column() : postId;
        if (articleId == null) {
            sink.failed(at, "item", postId, "no article id: the item has no " + idFrom.slug()
                    + (idFrom == ArticleIdFrom.SLUG ? ", post id or link" : ""));
            return null;
        }
        if (fellBack) {
            sink.counted(ImportSink.Counter.ID_FALLBACK);
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
        String type = fields.getOrDefault("comment_type", "").strip().toLowerCase(Locale.ROOT);
        if (PINGS.contains(type)) {
            sink.counted(ImportSink.Counter.PING);
            return;
        }
        if (NOTES.contains(type)) {
            sink.counted(ImportSink.Counter.NOTE);
            return;
        }
        if (id == null) {
            sink.failed(at, "wp:comment", null, "no wp:comment_id");
            return;
        }
        String sourceId = site() + "#" + id;
        if (articleKey == null) {
            sink.failed(at, "wp:comment", sourceId, "its item has no article id");
            return;
        }
        String approved = fields.get("comment_approved");
        CommentStatus status;
        if (approved == null || approved.isBlank()) {
            status = CommentStatus.PENDING;
            sink.counted(ImportSink.Counter.WITHOUT_STATUS);
        } else {
            status = status(approved);
        }
        if (status == null) {
            sink.failed(at, "wp:comment", sourceId, "unknown wp:comment_approved '" + approved.strip() + "'");
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
                parent.isEmpty() || parent.equals("0") ? null : site() + "#" + parent,
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

    /** The post id a link without pretty permalinks carries ({@code ?p=4}), or null. */
    static String postIdIn(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = POST_ID_IN_LINK.matcher(link);
        return matcher.find() ? matcher.group(1) : null;
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
