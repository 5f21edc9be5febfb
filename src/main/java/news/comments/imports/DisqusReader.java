package news.comments.imports;

import news.comments.comment.CommentStatus;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a Disqus export ({@code <disqus xmlns="http://disqus.com">}): each {@code thread} becomes an article (its
 * {@code id} is the site's identifier, {@code link} and {@code title}), each {@code post} a comment (its
 * {@code thread} and {@code parent} by {@code dsq:id}, {@code author}, {@code message} in HTML, {@code createdAt},
 * {@code ipAddress}). A thread with {@code isClosed} true becomes an article closed for comments; one with
 * {@code isDeleted} true is skipped (counted), and so are its posts (Disqus writes threads before posts).
 * {@code isSpam} makes it SPAM, {@code isDeleted} REJECTED (deleted by a moderator or its
 * author: either way not shown), {@code isApproved} false (where the export has it) PENDING, else APPROVED. The
 * source id is the post's {@code dsq:id}, unique across Disqus.
 */
final class DisqusReader {

    static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final XMLStreamReader xml;
    private final ArticleIdFrom idFrom;
    private final ImportSink sink;
    /** The threads deleted in Disqus: their posts are skipped too. Ids only, one per deleted thread. */
    private final java.util.Set<String> deletedThreads = new java.util.HashSet<>();

    DisqusReader(XMLStreamReader xml, ArticleIdFrom idFrom, ImportSink sink) {
        this.xml = xml;
        this.idFrom = idFrom;
        this.sink = sink;
    }

    /** Reads the children of the root element {@code disqus}. */
    void read() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("thread")) {
                thread();
            } else if (name.equals("post")) {
                post();
            } else {
                XmlFiles.skip(xml);
            }
        }
    }

    private void thread() throws XMLStreamException {
        ImportSink.Position at = XmlFiles.position(xml);
        String key = xml.getAttributeValue(INTERNALS, "id");
        Map<String, String> fields = fields();
        String link = blankToNull(fields.get("link"));
        String raw = switch (idFrom) {
            case SLUG -> firstNonBlank(ArticleIdFrom.slugOf(link), fields.get("id"), key);
            case ID -> firstNonBlank(fields.get("id"), key);
            case URL -> ArticleIdFrom.fromUrl(link);
        };
        String articleId = ArticleIdFrom.clean(raw);
        if (key != null && truth(fields.get("isDeleted"))) {
            // a thread removed in Disqus: neither it nor its posts come over
            deletedThreads.add(key);
            sink.skippedArticle();
            return;
        }
        if (key == null || articleId == null) {
            sink.failed(at, "thread", key, key == null ? "no dsq:id" : "no article id: the thread has no "
                    + idFrom.slug());
            return;
        }
        sink.article(new ImportSink.FileArticle(key, articleId, HtmlText.title(fields.get("title")), link,
                date(fields.get("createdAt")), !truth(fields.get("isClosed")), null, at));
    }

    private void post() throws XMLStreamException {
        ImportSink.Position at = XmlFiles.position(xml);
        String id = xml.getAttributeValue(INTERNALS, "id");
        Map<String, String> fields = fields();
        if (id == null) {
            sink.failed(at, "post", null, "no dsq:id");
            return;
        }
        String thread = fields.get("thread@id");
        if (thread == null) {
            sink.failed(at, "post", id, "no thread");
            return;
        }
        if (deletedThreads.contains(thread)) {
            sink.skippedComment();
            return;
        }
        Instant created = date(fields.get("createdAt"));
        if (created == null) {
            sink.failed(at, "post", id, "no valid createdAt");
            return;
        }
        CommentStatus status = CommentStatus.APPROVED;
        if (truth(fields.get("isSpam"))) {
            status = CommentStatus.SPAM;
        } else if (truth(fields.get("isDeleted"))) {
            status = CommentStatus.REJECTED;
        } else if ("false".equalsIgnoreCase(fields.getOrDefault("isApproved", "true").strip())) {
            status = CommentStatus.PENDING;
        }
        String name = firstNonBlank(fields.get("author.name"), fields.get("author.username"));
        sink.comment(new ImportSink.FileComment(new ImportSink.SourceKey(ImportFormat.DISQUS.source(), id), thread,
                fields.get("parent@id"), name,
                fields.get("author.email"), null, blankToNull(fields.get("ipAddress")),
                HtmlText.toText(fields.get("message")), status, created, at));
    }

    /**
     * The children of the current element by local name: their text, and for those that point to another element
     * ({@code <thread dsq:id="…"/>}) {@code name@id}; the children of {@code author} as {@code author.name}.
     */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return fields;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ref = xml.getAttributeValue(INTERNALS, "id");
            if (ref != null) {
                fields.put(name + "@id", ref);
            }
            if (name.equals("author")) {
                fields().forEach((child, value) -> fields.put("author." + child, value));
            } else {
                fields.put(name, XmlFiles.text(xml));
            }
        }
    }

    private static boolean truth(String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(value.strip());
            } catch (RuntimeException again) {
                return null;
            }
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
