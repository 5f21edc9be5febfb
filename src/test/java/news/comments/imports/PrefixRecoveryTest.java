package news.comments.imports;

import org.junit.jupiter.api.Test;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one repair: an undeclared prefix is recognised in the parser's words, and declared on the root element past the
 * file's declaration and comments, so the same file then reads; other errors are not taken for it.
 */
class PrefixRecoveryTest {

    private static final String FILE = "<?xml version=\"1.0\"?>\n<!-- generator=\"WordPress.com\" -->\n"
            + "<rss version=\"2.0\">\n<channel>\n<atom:link rel=\"search\" href=\"https://x.example/osd.xml\"/>\n"
            + "<title>T</title></channel></rss>";

    private static void readAll(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = XmlFiles.open(in);
        while (xml.hasNext()) {
            xml.next();
        }
    }

    @Test
    void shouldNameTheUndeclaredPrefixAndReadTheFileOnceItIsDeclared() throws IOException, XMLStreamException {
        XMLStreamException refused = assertThrows(XMLStreamException.class, () -> readAll(
                new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8))));
        assertEquals("atom", PrefixRecovery.unboundPrefix(refused));
        assertEquals(5, refused.getLocation().getLineNumber());

        PrefixRecovery recovery = PrefixRecovery.NONE.and("atom", new ImportSink.Position(5, 1));
        readAll(recovery.declaredIn(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of("atom"), recovery.prefixes());
    }

    @Test
    void shouldFindTheRootElementPastTheDeclarationAndComments() {
        byte[] head = FILE.getBytes(StandardCharsets.UTF_8);
        assertEquals(FILE.indexOf("<rss") + 4, PrefixRecovery.rootNameEnd(head));
        assertEquals(-1, PrefixRecovery.rootNameEnd("<!-- never closed".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldNotTakeAnotherErrorForAnUndeclaredPrefix() {
        XMLStreamException mismatched = assertThrows(XMLStreamException.class, () -> readAll(
                new ByteArrayInputStream("<rss><channel></rss>".getBytes(StandardCharsets.UTF_8))));
        assertNull(PrefixRecovery.unboundPrefix(mismatched));
        assertEquals("atom", PrefixRecovery.unboundPrefix(new XMLStreamException(
                "The prefix \"atom\" for element \"atom:link\" is not bound.")));
        assertEquals("xsi2", PrefixRecovery.unboundPrefix(new XMLStreamException(
                "Message: http://www.w3.org/TR/1999/REC-xml-names-19990114#AttributePrefixUnbound?link&xsi2:type&xsi2")));
        assertNull(PrefixRecovery.unboundPrefix(new XMLStreamException("Undeclared namespace prefix \"xmlns\"")));
    }
}
