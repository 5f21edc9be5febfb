package news.comments.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * How one format of import file is read, in three steps: its start is checked when the file arrives (a file that is
 * not of the format named is refused at once, 400, with line and column); the whole file is then read once without
 * storing anything, so a file that turns out malformed half-way is refused whole and nothing of it is half-imported;
 * only then is it read into the {@link ImportSink}. {@code in} streams count the bytes read, for the job's progress.
 */
interface FormatReader {

    /** At upload: whether the file starts as this format does; else {@link MalformedImportException}. */
    void checkStart(Path file) throws IOException;

    /**
     * Reads the whole file once and stores nothing; answers the one repair the file needs ({@link PrefixRecovery},
     * WordPress only), or throws {@link MalformedImportException} with where the file is broken.
     */
    PrefixRecovery checkWhole(InputStream in, Path file) throws IOException;

    /** Reads the file into the sink, with the repair the check found. */
    void read(InputStream in, Path file, PrefixRecovery recovery, ImportOptions options, ImportSink sink)
            throws IOException;
}
