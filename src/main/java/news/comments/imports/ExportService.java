package news.comments.imports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.comments.article.Article;
import news.comments.article.ArticleIds;
import news.comments.comment.Comment;
import news.comments.comment.CommentStatus;
import news.comments.config.SiteConfig;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams every article and every comment, in every status and with its history, for backups and for leaving: as
 * the service's JSON (which {@code POST /api/admin/imports?format=json} reads back, the same comments, threads,
 * statuses, dates and history) or as WordPress's WXR (for WordPress and the tools that read it; WXR has no place for
 * a history or a user agent). Read in pages of {@link #PAGE} by id, each in a short transaction of its own, and
 * written as read, so an export of millions of comments holds one page in memory and never a long transaction.
 * The export is for admins and holds the authors' addresses and IPs, as a backup must.
 */
@ApplicationScoped
class ExportService {

    static final int PAGE = 500;
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> NAMESPACES = Map.of(
            "excerpt", "http://wordpress.org/export/1.2/excerpt/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "wp", "http://wordpress.org/export/1.2/");

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final SiteConfig config;
    private final Clock clock;

    ExportService(EntityManager entityManager, ObjectMapper mapper, SiteConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** The article id a request names, checked; null for every article. */
    static String articleFilter(String articleId) {
        return articleId == null || articleId.isBlank() ? null : ArticleIds.require(articleId.strip());
    }

    void json(OutputStream out, String onlyArticle) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", "comment-service-export");
            json.writeNumberField("version", 1);
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeArrayFieldStart("articles");
            for (String after = ""; after != null; ) {
                List<Article> page = articles(after, onlyArticle);
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
                after = page.size() < PAGE ? null : page.get(page.size() - 1).id();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("comments");
            for (long after = 0; after >= 0; ) {
                Page page = comments(after, onlyArticle);
                for (Comment comment : page.comments()) {
                    writeComment(json, comment, page);
                }
                json.flush();
                after = page.comments().size() < PAGE ? -1 : page.comments().get(PAGE - 1).id();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void writeComment(JsonGenerator json, Comment comment, Page page) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", comment.id());
        json.writeStringField("sourceKey", sourceKey(comment));
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
        json.writeStringField("moderatedAt", comment.moderatedAt() == null ? null : comment.moderatedAt().toString());
        json.writeStringField("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
        json.writeStringField("source", comment.source());
        json.writeStringField("sourceId", comment.sourceId());
        json.writeArrayFieldStart("history");
        for (Object[] line : page.history().getOrDefault(comment.id(), List.of())) {
            json.writeStartObject();
            json.writeStringField("actor", (String) line[1]);
            json.writeStringField("from", line[2] == null ? null : ((CommentStatus) line[2]).name());
            json.writeStringField("to", ((CommentStatus) line[3]).name());
            json.writeStringField("reason", (String) line[4]);
            json.writeStringField("at", line[5].toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * Where a comment first came from: its import's source and id ({@code wxr:…}, {@code disqus:…}), or its id in the
     * service that first held it ({@code id:N}: here, or, for a restored comment, where it was exported from).
     */
    static String sourceKey(Comment comment) {
        if (comment.source() == null) {
            return "id:" + comment.id();
        }
        return ImportFormat.JSON.source().equals(comment.source()) ? comment.sourceId()
                : comment.source() + ":" + comment.sourceId();
    }

    /**
     * WordPress's WXR 1.2 with what its importer reads: the site's address ({@code comments.public-url}, which also
     * tells this service's importer whose comment ids these are, so exports of two services imported into one do not
     * collide), and per post its {@code guid}, dates, empty {@code content:encoded}, status and settings. Dates are
     * GMT in both the GMT and the local fields, as the service knows no site time zone.
     */
    void wxr(OutputStream out, String onlyArticle) throws IOException {
        String site = config.publicUrl().replaceAll("/+$", "");
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            for (String prefix : List.of("excerpt", "content", "wfw", "dc", "wp")) {
                xml.writeNamespace(prefix, NAMESPACES.get(prefix));
            }
            xml.writeStartElement("channel");
            element(xml, null, "title", "Comments");
            element(xml, null, "link", site);
            element(xml, "wp", "wxr_version", "1.2");
            element(xml, "wp", "base_site_url", site);
            element(xml, "wp", "base_blog_url", site);
            int post = 0;
            for (String after = ""; after != null; ) {
                List<Article> page = articles(after, onlyArticle);
                for (Article article : page) {
                    post++;
                    String date = WP_DATE.format(article.createdAt());
                    xml.writeStartElement("item");
                    element(xml, null, "title", article.title() == null ? article.id() : article.title());
                    element(xml, null, "link", article.url() == null ? "" : article.url());
                    xml.writeStartElement("guid");
                    xml.writeAttribute("isPermaLink", "false");
                    xml.writeCharacters(site + "/?article=" + URLEncoder.encode(article.id(), StandardCharsets.UTF_8));
                    xml.writeEndElement();
                    element(xml, "dc", "creator", "");
                    cdata(xml, "content", "encoded", "");
                    cdata(xml, "excerpt", "encoded", "");
                    element(xml, "wp", "post_id", Integer.toString(post));
                    element(xml, "wp", "post_date", date);
                    element(xml, "wp", "post_date_gmt", date);
                    element(xml, "wp", "comment_status", article.commentsOpen() ? "open" : "closed");
                    element(xml, "wp", "ping_status", "closed");
                    element(xml, "wp", "post_name", article.id());
                    element(xml, "wp", "status", "publish");
                    element(xml, "wp", "post_parent", "0");
                    element(xml, "wp", "menu_order", "0");
                    element(xml, "wp", "post_type", "post");
                    element(xml, "wp", "post_password", "");
                    element(xml, "wp", "is_sticky", "0");
                    for (long afterComment = 0; afterComment >= 0; ) {
                        Page comments = commentsOf(article.id(), afterComment);
                        for (Comment comment : comments.comments()) {
                            wxrComment(xml, comment);
                        }
                        afterComment = comments.comments().size() < PAGE ? -1
                                : comments.comments().get(PAGE - 1).id();
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                    xml.flush();
                }
                after = page.size() < PAGE ? null : page.get(page.size() - 1).id();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /**
     * A comment in WordPress's words; its text is escaped so that a reader's {@code <} stays text when the file is
     * read as WordPress's HTML again. REJECTED and DELETED are {@code trash}, UNVERIFIED {@code 0}.
     */
    private static void wxrComment(XMLStreamWriter xml, Comment comment) throws XMLStreamException {
        xml.writeStartElement("wp", "comment", NAMESPACES.get("wp"));
        element(xml, "wp", "comment_id", Long.toString(comment.id()));
        element(xml, "wp", "comment_author", comment.authorName());
        element(xml, "wp", "comment_author_email", comment.authorEmail());
        element(xml, "wp", "comment_author_url", comment.authorUrl() == null ? "" : comment.authorUrl());
        element(xml, "wp", "comment_author_IP", comment.ip());
        element(xml, "wp", "comment_date", WP_DATE.format(comment.createdAt()));
        element(xml, "wp", "comment_date_gmt", WP_DATE.format(comment.createdAt()));
        element(xml, "wp", "comment_content", comment.body().replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;"));
        element(xml, "wp", "comment_approved", switch (comment.status()) {
            case APPROVED -> "1";
            case PENDING, UNVERIFIED -> "0";
            case SPAM -> "spam";
            case REJECTED, DELETED -> "trash";
        });
        element(xml, "wp", "comment_type", "comment");
        element(xml, "wp", "comment_parent", comment.parentId() == null ? "0" : Long.toString(comment.parentId()));
        element(xml, "wp", "comment_user_id", "0");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String prefix, String name, String text)
            throws XMLStreamException {
        if (prefix == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(prefix, name, NAMESPACES.get(prefix));
        }
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void cdata(XMLStreamWriter xml, String prefix, String name, String text) throws XMLStreamException {
        xml.writeStartElement(prefix, name, NAMESPACES.get(prefix));
        xml.writeCData(text);
        xml.writeEndElement();
    }

    /** A page of comments with their history lines and their parents' source keys. */
    private record Page(List<Comment> comments, Map<Long, List<Object[]>> history, Map<Long, String> parentKeys) {
    }

    private List<Article> articles(String after, String only) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createQuery("select a from Article a where a.id > ?1"
                    + (only == null ? "" : " and a.id = ?2") + " order by a.id", Article.class).setParameter(1, after);
            if (only != null) {
                query.setParameter(2, only);
            }
            return query.setMaxResults(PAGE).setHint("org.hibernate.readOnly", true).getResultList();
        });
    }

    private Page comments(long after, String only) {
        return QuarkusTransaction.requiringNew().call(() -> page(entityManager.createQuery("select c from Comment c "
                        + "where c.id > ?1" + (only == null ? "" : " and c.articleId = ?2") + " order by c.id",
                Comment.class).setParameter(1, after), only));
    }

    private Page commentsOf(String articleId, long after) {
        return QuarkusTransaction.requiringNew().call(() -> page(entityManager.createQuery("select c from Comment c "
                + "where c.id > ?1 and c.articleId = ?2 order by c.id", Comment.class)
                .setParameter(1, after), articleId));
    }

    private Page page(jakarta.persistence.TypedQuery<Comment> query, String articleId) {
        if (articleId != null) {
            query.setParameter(2, articleId);
        }
        List<Comment> comments = query.setMaxResults(PAGE).setHint("org.hibernate.readOnly", true).getResultList();
        Map<Long, List<Object[]>> history = new HashMap<>();
        Map<Long, String> parentKeys = new HashMap<>();
        if (!comments.isEmpty()) {
            List<Long> ids = comments.stream().map(Comment::id).toList();
            for (Object[] line : entityManager.createQuery("select h.comment.id, h.actor, h.fromStatus, h.toStatus, "
                    + "h.reason, h.createdAt from HistoryEntry h where h.comment.id in ?1 order by h.id", Object[].class)
                    .setParameter(1, ids).getResultList()) {
                history.computeIfAbsent((Long) line[0], k -> new ArrayList<>()).add(line);
            }
            List<Long> parents = comments.stream().map(Comment::parentId).filter(java.util.Objects::nonNull)
                    .distinct().toList();
            if (!parents.isEmpty()) {
                for (Comment parent : entityManager.createQuery("select c from Comment c where c.id in ?1",
                        Comment.class).setParameter(1, parents).getResultList()) {
                    parentKeys.put(parent.id(), sourceKey(parent));
                }
            }
        }
        return new Page(comments, history, parentKeys);
    }

    /** When the export was made, for its file name. */
    Instant now() {
        return clock.instant();
    }
}
