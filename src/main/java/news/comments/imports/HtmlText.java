package news.comments.imports;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.Set;

/**
 * A comment body of an import file (HTML, as WordPress and Disqus store it) as the service's plain text: paragraphs
 * and line breaks kept (a blank line between paragraphs, as a reader would type them), links kept as their text and
 * address, every other tag dropped, entities decoded. The service's renderer then makes {@code bodyHtml} from this
 * text, so no markup of the file ever reaches a page. WordPress stores line breaks as they were typed (it adds
 * paragraphs only when showing a comment); those are kept too.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "ul", "ol", "li", "pre", "h1", "h2",
            "h3", "h4", "h5", "h6", "table", "tr", "hr");

    private HtmlText() {
    }

    /**
     * A title as WordPress and Disqus write it, entities and all ({@code Fish &amp; Chips}, {@code It&#8217;s}):
     * decoded once, trimmed; null when blank. Tags are not interpreted, as a title is text.
     */
    static String title(String title) {
        if (title == null) {
            return null;
        }
        String decoded = Parser.unescapeEntities(title, false).replace("\u00a0", " ").strip();
        return decoded.isEmpty() ? null : decoded;
    }

    static String toText(String html) {
        if (html == null) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            // no markup and no entity: the text as typed (most comments of real exports), without a parse
            return html.replace("\r\n", "\n").replace("\u00a0", " ").replaceAll("[ \\t]+\\n", "\n")
                    .replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder text = new StringBuilder();
        append(body, text);
        return text.toString().replace("\u00a0", " ").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void append(Node node, StringBuilder text) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode textNode) {
                text.append(textNode.getWholeText().replace("\r\n", "\n"));
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    text.append('\n');
                } else if (tag.equals("a")) {
                    String label = element.text().strip();
                    String href = element.attr("href").strip();
                    if (href.isEmpty() || href.equals(label) || !href.matches("(?i)https?://.*")) {
                        text.append(label);
                    } else if (label.isEmpty()) {
                        text.append(href);
                    } else {
                        text.append(label).append(" (").append(href).append(')');
                    }
                } else if (tag.equals("script") || tag.equals("style")) {
                    continue;
                } else if (BLOCKS.contains(tag)) {
                    text.append("\n\n");
                    append(element, text);
                    text.append("\n\n");
                } else {
                    append(element, text);
                }
            }
        }
    }
}
