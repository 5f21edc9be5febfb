package news.comments.imports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Comment bodies and titles of import files (HTML) as the service's plain text. */
class HtmlTextTest {

    @Test
    void shouldKeepParagraphsAsBlankLinesAndLineBreaksAsNewLines() {
        assertEquals("One.\n\nTwo,\nstill two.", HtmlText.toText("<p>One.</p><p>Two,<br>still two.</p>"));
        assertEquals("Typed\nas WordPress keeps it\n\nwith a blank line",
                HtmlText.toText("Typed\r\nas WordPress keeps it\r\n\r\n\r\n\r\nwith a blank line"));
    }

    @Test
    void shouldKeepLinksAsTheirTextAndAddress() {
        assertEquals("See the council (https://council.example/x) now",
                HtmlText.toText("See <a href=\"https://council.example/x\" rel=\"nofollow\">the council</a> now"));
        assertEquals("https://plain.example/", HtmlText.toText("<a href=\"https://plain.example/\">"
                + "https://plain.example/</a>"));
        assertEquals("https://empty.example/", HtmlText.toText("<a href=\"https://empty.example/\"></a>"));
        assertEquals("click", HtmlText.toText("<a href=\"javascript:alert(1)\">click</a>"), "no script address");
    }

    @Test
    void shouldDecodeEntitiesAndDropOtherTags() {
        assertEquals("Fish & chips \u2026 \u201cfresh\u201d, a < b", HtmlText.toText(
                "<strong>Fish &amp; chips</strong> &#8230; &ldquo;fresh&rdquo;,&nbsp;a &lt; b"));
        assertEquals("bold and italic", HtmlText.toText("<b>bold</b> and <em>italic</em>"));
    }

    @Test
    void shouldDropScriptsAndStylesWithTheirContent() {
        assertEquals("Before\n\nAfter", HtmlText.toText("<p>Before</p><script>alert('x')</script>"
                + "<style>p { color: red }</style><p>After</p>"));
    }

    @Test
    void shouldDecodeATitleOnceAndKeepItsAngleBracketsAsText() {
        assertEquals("Bridge to close for repairs & resurfacing",
                HtmlText.title("Bridge to close for repairs &amp; resurfacing"));
        assertEquals("It\u2019s <not> a tag", HtmlText.title(" It&#8217;s <not> a tag "));
        assertEquals("&amp; stays once decoded", HtmlText.title("&amp;amp; stays once decoded"));
        assertNull(HtmlText.title("  "));
        assertNull(HtmlText.title(null));
    }
}
