package news.comments.comment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The safe HTML made from a plain-text body. */
class CommentRendererTest {

    private final CommentRenderer renderer = new CommentRenderer();

    @Test
    void shouldEscapeMarkup() {
        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt;</p>", renderer.toHtml("<img src=x onerror=alert(1)>"));
        assertEquals("<p>&lt;/p&gt;&lt;script&gt;x&lt;/script&gt;</p>", renderer.toHtml("</p><script>x</script>"));
    }

    @Test
    void shouldRenderNothingWhenTheBodyIsEmptyAsAnErasedCommentsIs() {
        assertEquals("", renderer.toHtml(""));
        assertEquals("", renderer.toHtml(" \n "));
    }

    @Test
    void shouldMakeParagraphsFromBlankLinesAndKeepLineBreaks() {
        assertEquals("<p>one<br>two</p><p>three</p>", renderer.toHtml("one\ntwo\n\n  \n\nthree"));
    }

    @Test
    void shouldLinkHttpUrlsWithNofollowAndLeaveTrailingPunctuationOut() {
        assertEquals("<p>See <a href=\"https://example.org/x\" rel=\"nofollow ugc\">https://example.org/x</a>.</p>",
                renderer.toHtml("See https://example.org/x."));
        assertEquals("<p>(<a href=\"http://example.org\" rel=\"nofollow ugc\">http://example.org</a>)</p>",
                renderer.toHtml("(http://example.org)"));
    }

    @Test
    void shouldNotLinkOtherSchemes() {
        assertEquals("<p>javascript:alert(1) ftp://example.org/f</p>",
                renderer.toHtml("javascript:alert(1) ftp://example.org/f"));
    }

    @Test
    void shouldEndLinksAtQuotesSoNoAttributeCanBeInjected() {
        assertEquals("<p><a href=\"https://example.org/?q=\" rel=\"nofollow ugc\">https://example.org/?q=</a>"
                        + "\"x\" onmouseover=\"alert(1)\"&amp;a=1</p>",
                renderer.toHtml("https://example.org/?q=\"x\" onmouseover=\"alert(1)\"&a=1"));
    }
}
