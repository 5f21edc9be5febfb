package news.comments.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The service's own JSON export, read with Jackson's streaming parser; the check walks every token. */
final class JsonFormat implements FormatReader {

    private final ObjectMapper mapper;
    private final Set<String> parts;

    JsonFormat(ObjectMapper mapper, Set<String> parts) {
        this.mapper = mapper;
        this.parts = parts;
    }

    @Override
    public void checkStart(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             JsonParser json = mapper.getFactory().createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedImportException("The file is not this service's JSON export: it is not a JSON "
                        + "object", json.currentTokenLocation().getLineNr(),
                        json.currentTokenLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        }
    }

    @Override
    public PrefixRecovery checkWhole(InputStream in, Path file) throws IOException {
        try (JsonParser json = mapper.getFactory().createParser(in)) {
            while (json.nextToken() != null) {
                // every token once: a file broken at its end is refused before anything is stored
            }
            return PrefixRecovery.NONE;
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        }
    }

    @Override
    public void read(InputStream in, Path file, PrefixRecovery recovery, ImportOptions options, ImportSink sink)
            throws IOException {
        try (JsonParser json = mapper.getFactory().createParser(in)) {
            new JsonReader(json, mapper, parts, options.urlMap(), sink).read();
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        }
    }
}
