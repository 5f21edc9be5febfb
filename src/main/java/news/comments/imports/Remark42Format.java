package news.comments.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Remark42's backup, as its {@code backup} command and its admin export write it: gzip'd (or plain) JSON lines, the
 * first a meta record ({@code version}, {@code users}, {@code posts}), then one comment a line
 * ({@link Remark42Reader}). The check reads every line once, so a damaged gzip or a broken line is refused before
 * anything is stored.
 */
final class Remark42Format implements FormatReader {

    private final ObjectMapper mapper;

    Remark42Format(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The file's bytes, unzipped when it starts as gzip does. */
    static InputStream unzipped(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024),
                64 * 1024) : buffered;
    }

    @Override
    public void checkStart(Path file) throws IOException {
        try (InputStream in = unzipped(Files.newInputStream(file));
             JsonParser json = mapper.getFactory().createParser(in)) {
            JsonToken first = json.nextToken();
            JsonNode meta = first == JsonToken.START_OBJECT ? mapper.readTree(json) : null;
            if (meta == null || !meta.has("version") && !meta.has("users") && !meta.has("posts")) {
                throw new MalformedImportException("The file is not a Remark42 backup: its first line is not the "
                        + "backup's meta record ({\"version\":1,\"users\":[...],\"posts\":[...]})", 1, 1);
            }
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MalformedImportException("The file is not a Remark42 backup: its gzip data is damaged", null,
                    null);
        }
    }

    @Override
    public PrefixRecovery checkWhole(InputStream in, Path file) throws IOException {
        try (JsonParser json = mapper.getFactory().createParser(unzipped(in))) {
            while (json.nextToken() != null) {
                // every line once
            }
            return PrefixRecovery.NONE;
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new MalformedImportException("The file is not a Remark42 backup: its gzip data is damaged or cut "
                    + "short", null, null);
        }
    }

    @Override
    public void read(InputStream in, Path file, PrefixRecovery recovery, ImportOptions options, ImportSink sink)
            throws IOException {
        try (JsonParser json = mapper.getFactory().createParser(unzipped(in))) {
            new Remark42Reader(json, mapper, options, sink).read();
        } catch (JsonProcessingException e) {
            throw MalformedImportException.of(e);
        }
    }
}
