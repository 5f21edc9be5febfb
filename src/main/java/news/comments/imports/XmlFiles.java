package news.comments.imports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * StAX helpers shared by the readers: a factory that never reads a DTD or an external entity (an import file must
 * not make the service open other files or URLs), and small steps over elements.
 */
final class XmlFiles {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private XmlFiles() {
    }

    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in, "UTF-8");
    }

    /** Moves to the root element and answers its local name. */
    static String root(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return xml.getLocalName();
            }
        }
        throw new XMLStreamException("the file has no root element", xml.getLocation());
    }

    /** Skips the current element and everything in it; afterwards the reader is at its end tag. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The text of the current element, or of all text in it when it holds child elements; ends at its end tag. */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            }
        }
        return text.toString().strip();
    }

    static ImportSink.Position position(XMLStreamReader xml) {
        return new ImportSink.Position(xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber());
    }
}
