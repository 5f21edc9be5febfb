package news.comments.imports;

import news.comments.comment.CommentStatus;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Disqus export ({@code <disqus xmlns="http://disqus.com">}): each {@code thread} becomes an article (its
 * {@code id} is the site's identifier, {@code link} and {@code title}), each {@code post} a comment (its
 * {@code thread} and {@code parent} by {@code dsq:id}, {@code author}, {@code message} in HTML, {@code createdAt},
 * {@code ipAddress}). A thread with {@code isClosed} true becomes an article closed for comments; one with
 * {@code isDeleted} true is skipped (counted), and so are its posts (Disqus writes threads before posts). A post
 * whose thread is not in the file goes to an article named by that thread's {@code dsq:id}, reported once per thread.
 * {@code isDeleted} makes a post DELETED (its message is often empty; it keeps its place, so its replies keep their
 * parent), {@code isSpam} SPAM (a deleted spam post without text is DELETED), {@code isApproved} false (where the
 * export has it) PENDING, else APPROVED; a flag that is neither {@code true} nor {@code false} is reported and read as
 * false. The source id is the post's {@code dsq:id}, unique across Disqus.
 */
final class DisqusReader {

    static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final XMLStreamReader xml;
    private final ArticleIdFrom idFrom;
    private final UrlMap urlMap;
    private final ImportSink sink;
    /** The threads deleted in Disqus: their posts are skipped too. Ids only, one per deleted thread. */
    private final Set<String> deletedThreads = new HashSet<>();
    /** The threads of the file and those made up for posts whose thread is missing: one id per article. */
    private final Set<String> threads = new HashSet<>();

    DisqusReader(XMLStreamReader xml, ArticleIdFrom idFrom, UrlMap urlMap, ImportSink sink) {
        this.xml = xml;
        this.idFrom = idFrom;
        this.urlMap = urlMap;
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
        String link = blankToNull(urlMap.apply(blankToNull(fields.get("link"))));
        String identifier = blankToNull(fields.get("id"));
        if (identifier != null && identifier.matches("(?i)https?://.*")) {
            identifier = urlMap.apply(identifier);
        }
        String raw = switch (idFrom) {
            case SLUG -> firstNonBlank(ArticleIdFrom.slugOf(link), identifier, key);
            case ID -> firstNonBlank(identifier, key);
            case URL -> ArticleIdFrom.fromUrl(link);
        };
        String articleId = ArticleIdFrom.clean(raw);
        if (key != null && flag(fields.get("isDeleted"), at, "thread", key, "isDeleted")) {
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
        threads.add(key);
        sink.article(new ImportSink.FileArticle(key, articleId, HtmlText.title(fields.get("title")), link,
                date(fields.get("createdAt")), !flag(fields.get("isClosed"), at, "thread", key, "isClosed"), null,
                at));
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
        boolean spam = flag(fields.get("isSpam"), at, "post", id, "isSpam");
        boolean deleted = flag(fields.get("isDeleted"), at, "post", id, "isDeleted");
        Instant created = date(fields.get("createdAt"));
        if (created == null) {
            sink.failed(at, "post", id, "no valid createdAt");
            return;
        }
        if (!threads.contains(thread) && !madeUp(thread, at, id)) {
            return;
        }
        String body = HtmlText.toText(fields.get("message"));
        CommentStatus status = CommentStatus.APPROVED;
        if (spam && !(deleted && body.isEmpty())) {
            status = CommentStatus.SPAM;
        } else if (deleted) {
            status = CommentStatus.DELETED;
        } else if ("false".equalsIgnoreCase(blankToNull(fields.get("isApproved")))) {
            status = CommentStatus.PENDING;
        }
        String name = firstNonBlank(fields.get("author.name"), fields.get("author.username"));
        sink.comment(new ImportSink.FileComment(new ImportSink.SourceKey(ImportFormat.DISQUS.source(), id), thread,
                fields.get("parent@id"), name,
                fields.get("author.email"), null, blankToNull(fields.get("ipAddress")),
                body, status, created, at));
    }

    /**
     * A post names a thread the file does not have (removed from the export, or never exported): its article is made
     * from the thread's {@code dsq:id}, once, and the admin is told. Answers false when no article id can be made.
     */
    private boolean madeUp(String thread, ImportSink.Position at, String postId) {
        String articleId = ArticleIdFrom.clean(thread);
        if (articleId == null) {
            sink.failed(at, "post", postId, "its thread is not in the file");
            return false;
        }
        threads.add(thread);
        sink.counted(ImportSink.Counter.MISSING_THREAD);
        sink.warned(at, "post", postId, "its thread " + thread + " is not in the file: its posts go to the article "
                + articleId);
        sink.article(new ImportSink.FileArticle(thread, articleId, null, null, null, at));
        return true;
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

    /** A flag of the file: true or false (any case); anything else is reported and read as false. */
    private boolean flag(String value, ImportSink.Position at, String element, String id, String name) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        sink.warned(at, element, id, name + " is '" + cut(value.strip()) + "', neither true nor false: read as false");
        return false;
    }

    private static String cut(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
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
