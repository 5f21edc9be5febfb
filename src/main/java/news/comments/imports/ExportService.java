package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.article.Article;
import news.comments.article.ArticleIds;
import news.comments.comment.Comment;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams every article and every comment, in every status and with its history, for backups and for leaving: as
 * the service's JSON ({@link JsonExport}, which {@code POST /api/admin/imports?format=json} restores) or as
 * WordPress's WXR (for WordPress and the tools that read it; WXR has no place for a history or a user agent). Read in
 * pages by id ({@link ExportPages}), each in a short transaction of its own, and written as read, so an export of
 * millions of comments holds one page in memory and never a long transaction. The export is for admins and holds the
 * authors' addresses and IPs, as a backup must.
 */
@ApplicationScoped
class ExportService {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> NAMESPACES = Map.of(
            "excerpt", "http://wordpress.org/export/1.2/excerpt/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "wp", "http://wordpress.org/export/1.2/");

    private final ExportPages pages;
    private final JsonExport json;
    private final SiteConfig config;
    private final Clock clock;

    ExportService(ExportPages pages, JsonExport json, SiteConfig config, Clock clock) {
        this.pages = pages;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** The article id a request names, checked; null for every article. */
    static String articleFilter(String articleId) {
        return articleId == null || articleId.isBlank() ? null : ArticleIds.require(articleId.strip());
    }

    void json(OutputStream out, String onlyArticle) throws IOException {
        json.write(out, onlyArticle);
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
                List<Article> page = pages.articles(after, onlyArticle);
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
                        ExportPages.Page comments = pages.comments(afterComment, article.id());
                        for (Comment comment : comments.comments()) {
                            wxrComment(xml, comment);
                        }
                        afterComment = comments.comments().size() < ExportPages.PAGE ? -1
                                : comments.comments().get(ExportPages.PAGE - 1).id();
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                    xml.flush();
                }
                after = page.size() < ExportPages.PAGE ? null : page.get(page.size() - 1).id();
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

    /** When the export was made, for its file name. */
    Instant now() {
        return clock.instant();
    }
}
