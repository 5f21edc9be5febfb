package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;
import org.nibor.autolink.Span;

import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a plain-text body into the safe HTML a page may insert as is: paragraphs from blank lines, line breaks kept,
 * http(s) links made clickable with {@code rel="nofollow ugc"}. jsoup escapes every text node it writes, and the
 * result goes through jsoup's Cleaner with a safelist of {@code p}, {@code br} and {@code a[href]} as a second wall;
 * autolink finds the links (it knows about trailing punctuation and brackets).
 */
@ApplicationScoped
public class CommentRenderer {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL)).build();
    private static final Safelist SAFELIST = Safelist.none()
            .addTags("p", "br", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow ugc");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);


    public String toHtml(String body) {
        if (body.isBlank()) {
            // only an erased comment has no text (restored from an export): nothing to show, as erasure left it
            return "";
        }
        Document document = Document.createShell("");
        document.outputSettings(COMPACT);
        Element root = document.body();
        for (String paragraph : PARAGRAPH_BREAK.split(body.strip())) {
            Element p = root.appendElement("p");
            String[] lines = paragraph.strip().split("\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    p.appendElement("br");
                }
                appendLinked(p, lines[i]);
            }
        }
        return Jsoup.clean(root.html(), "", SAFELIST, COMPACT);
    }

    private static void appendLinked(Element parent, String line) {
        for (Span span : LINKS.extractSpans(line)) {
            String text = line.substring(span.getBeginIndex(), span.getEndIndex());
            if (span instanceof LinkSpan && isHttp(text)) {
                parent.appendElement("a").attr("href", text).attr("rel", "nofollow ugc").appendText(text);
            } else {
                parent.appendText(text);
            }
        }
    }

    private static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
