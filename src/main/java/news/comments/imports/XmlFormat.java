package news.comments.imports;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WordPress's WXR and Disqus's export: StAX with no DTD and no external entity. The whole-file check pulls every
 * event without building anything; for WordPress it repairs one known fault, an undeclared namespace prefix
 * ({@link PrefixRecovery}), by reading again with the prefix declared, and refuses everything else.
 */
final class XmlFormat implements FormatReader {

    private final ImportFormat format;

    XmlFormat(ImportFormat format) {
        this.format = format;
    }

    private String root() {
        return format == ImportFormat.WXR ? "rss" : "disqus";
    }

    @Override
    public void checkStart(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = XmlFiles.open(in);
            String root = XmlFiles.root(xml);
            if (!root.equals(root())) {
                throw new MalformedImportException("The file is not a " + (format == ImportFormat.WXR
                        ? "WordPress export (WXR)" : "Disqus export") + ": its root element is <" + root
                        + ">, not <" + root() + ">", xml.getLocation().getLineNumber(),
                        xml.getLocation().getColumnNumber());
            }
        } catch (XMLStreamException e) {
            throw MalformedImportException.of(e);
        }
    }

    @Override
    public PrefixRecovery checkWhole(InputStream first, Path file) throws IOException {
        PrefixRecovery recovery = PrefixRecovery.NONE;
        InputStream in = first;
        while (true) {
            try {
                XMLStreamReader xml = XmlFiles.open(recovery.declaredIn(in));
                while (xml.hasNext()) {
                    xml.next();
                }
                return recovery;
            } catch (XMLStreamException e) {
                String prefix = PrefixRecovery.unboundPrefix(e);
                if (format != ImportFormat.WXR || prefix == null || recovery.prefixes().contains(prefix)
                        || recovery.prefixes().size() >= PrefixRecovery.MAX_PREFIXES) {
                    throw MalformedImportException.of(e);
                }
                ImportSink.Position at = e.getLocation() == null ? new ImportSink.Position(0, 0)
                        : new ImportSink.Position(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
                recovery = recovery.and(prefix, at);
                in.close();
                in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
            }
        }
    }

    @Override
    public void read(InputStream in, Path file, PrefixRecovery recovery, ImportOptions options, ImportSink sink)
            throws IOException {
        try {
            XMLStreamReader xml = XmlFiles.open(recovery.declaredIn(in));
            XmlFiles.root(xml);
            if (format == ImportFormat.WXR) {
                new WxrReader(xml, options.articleIdFrom(), options.urlMap(), sink).read();
            } else {
                new DisqusReader(xml, options.articleIdFrom(), options.urlMap(), sink).read();
            }
        } catch (XMLStreamException e) {
            throw MalformedImportException.of(e);
        }
    }
}
