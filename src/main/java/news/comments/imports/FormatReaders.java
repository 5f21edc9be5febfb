package news.comments.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.comments.backup.BackupPart;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The reader of each format, and the parts of this service that a restore of its own export can take. */
@ApplicationScoped
class FormatReaders {

    private final Map<ImportFormat, FormatReader> readers = new EnumMap<>(ImportFormat.class);
    private final Map<String, BackupPart> parts;

    FormatReaders(ObjectMapper mapper, JsonExport export) {
        this.parts = export.parts().stream().collect(Collectors.toMap(BackupPart::name, part -> part));
        readers.put(ImportFormat.WXR, new XmlFormat(ImportFormat.WXR));
        readers.put(ImportFormat.DISQUS, new XmlFormat(ImportFormat.DISQUS));
        readers.put(ImportFormat.JSON, new JsonFormat(mapper, parts.keySet()));
        readers.put(ImportFormat.REMARK42, new Remark42Format(mapper));
        readers.put(ImportFormat.ISSO, new IssoFormat());
    }

    FormatReader of(ImportFormat format) {
        return readers.get(format);
    }

    Map<String, BackupPart> parts() {
        return parts;
    }
}
