package news.comments.imports;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.web.DomainException;
import news.comments.web.InvalidRequestException;
import news.comments.web.ProblemType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An import's file on its way in: streamed to a temporary file ({@code comments.imports.temp-dir}, else the system's),
 * never held in memory, and refused with a 413 problem past {@code comments.imports.max-bytes}.
 */
@ApplicationScoped
class ImportUpload {

    private static final Logger LOG = Logger.getLogger(ImportUpload.class);

    private final ImportsConfig config;

    ImportUpload(ImportsConfig config) {
        this.config = config;
    }

    Path receive(InputStream body) {
        long max = config.maxBytes().asLongValue();
        Path file;
        try {
            file = config.tempDir().isPresent()
                    ? Files.createTempFile(Path.of(config.tempDir().get()), "import-", ".upload")
                    : Files.createTempFile("import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; in != null && (read = in.read(buffer)) != -1; ) {
                total += read;
                if (total > max) {
                    throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "The import file is over the limit of "
                            + max + " bytes (comments.imports.max-bytes)");
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw InvalidRequestException.of("body", "must be the export file");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("temporary import file %s could not be deleted", file);
        }
    }
}
