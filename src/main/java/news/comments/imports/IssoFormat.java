package news.comments.imports;

import news.comments.comment.CommentLifecycle;
import news.comments.comment.CommentStatus;
import news.comments.web.Hashes;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Isso's SQLite database file ({@code isso/db/}: {@code threads} with {@code uri} and {@code title},
 * {@code comments} with {@code tid}, {@code parent}, {@code created}, {@code modified}, {@code mode},
 * {@code remote_addr}, {@code text}, {@code author}, {@code email}, {@code website}, {@code notification}), opened
 * read-only with the SQLite JDBC driver. Each thread becomes an article (its id by {@code articleIdFrom}: the last
 * segment of its path, its numeric id, or its path; {@code urlFrom=/&urlTo=https://news.example/} makes its path a
 * full address), created at its first comment; each comment becomes a comment: mode 1 APPROVED, 2 PENDING, 4 DELETED
 * (Isso keeps a deleted comment that has replies, emptied). Isso stores what the reader typed (Markdown), which is
 * kept as the plain text it is; {@code modified} is the author's last edit; {@code notification} the choice of reply
 * mail. Its IP is the one Isso kept (anonymized to /24). A row has no line: failures name the comment's id, at line 0.
 * The source id is {@code <install>#<id>}, where the install is the first 12 hex characters of the SHA-256 of the
 * database's own session key (its {@code preferences}), so two Isso databases imported into one service do not
 * collide.
 */
final class IssoFormat implements FormatReader {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void checkStart(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAGIC.length);
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new MalformedImportException("The file is not an Isso database: it is not an SQLite database file",
                    null, null);
        }
        try (Connection db = open(file)) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rows = db.createStatement().executeQuery("select name from sqlite_master where type = "
                    + "'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.contains("threads") || !tables.contains("comments")) {
                throw new MalformedImportException("The file is not an Isso database: it has no threads and comments "
                        + "tables", null, null);
            }
        } catch (SQLException e) {
            throw new MalformedImportException("The file is not a readable SQLite database", null, null);
        }
    }

    @Override
    public PrefixRecovery checkWhole(InputStream in, Path file) throws IOException {
        try (Connection db = open(file); Statement check = db.createStatement();
             ResultSet result = check.executeQuery("pragma quick_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new MalformedImportException("The Isso database is damaged: " + verdict, null, null);
            }
            return PrefixRecovery.NONE;
        } catch (SQLException e) {
            throw new MalformedImportException("The Isso database is damaged or unreadable", null, null);
        }
    }

    @Override
    public void read(InputStream in, Path file, PrefixRecovery recovery, ImportOptions options, ImportSink sink)
            throws IOException {
        try (Connection db = open(file)) {
            String install = install(db);
            Map<Long, Instant> firsts = new HashMap<>();
            try (ResultSet rows = db.createStatement().executeQuery("select tid, min(created) from comments "
                    + "group by tid")) {
                while (rows.next()) {
                    firsts.put(rows.getLong(1), seconds(rows.getDouble(2)));
                }
            }
            try (ResultSet rows = db.createStatement().executeQuery("select id, uri, title from threads order by id")) {
                while (rows.next()) {
                    thread(rows.getLong(1), rows.getString(2), rows.getString(3), firsts.get(rows.getLong(1)),
                            options, sink);
                }
            }
            try (PreparedStatement query = db.prepareStatement("select id, tid, parent, created, modified, mode, "
                    + "remote_addr, text, author, email, website, notification from comments order by id")) {
                query.setFetchSize(500);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        comment(rows, install, sink);
                    }
                }
            }
        } catch (SQLException e) {
            throw new MalformedImportException("The Isso database could not be read: " + e.getClass().getSimpleName(),
                    null, null);
        }
    }

    private static void thread(long id, String uri, String title, Instant first, ImportOptions options,
                               ImportSink sink) {
        ImportSink.Position at = new ImportSink.Position(0, 0);
        String url = options.urlMap().apply(uri);
        String raw = switch (options.articleIdFrom()) {
            case SLUG -> ArticleIdFrom.slugOf(url);
            case ID -> Long.toString(id);
            case URL -> ArticleIdFrom.fromUrl(url);
        };
        if (raw == null || ArticleIdFrom.clean(raw) == null) {
            raw = Long.toString(id);
            sink.counted(ImportSink.Counter.ID_FALLBACK);
        }
        sink.article(new ImportSink.FileArticle(Long.toString(id), ArticleIdFrom.clean(raw), HtmlText.title(title),
                url, first, at));
    }

    private static void comment(ResultSet row, String install, ImportSink sink) throws SQLException {
        ImportSink.Position at = new ImportSink.Position(0, 0);
        long id = row.getLong("id");
        String sourceId = install + "#" + id;
        int mode = row.getInt("mode");
        CommentStatus status = switch (mode) {
            case 1 -> CommentStatus.APPROVED;
            case 2 -> CommentStatus.PENDING;
            case 4 -> CommentStatus.DELETED;
            default -> null;
        };
        if (status == null) {
            sink.failed(at, "comment", sourceId, "unknown mode " + mode);
            return;
        }
        long parent = row.getLong("parent");
        boolean hasParent = !row.wasNull();
        Instant created = seconds(row.getDouble("created"));
        double modified = row.getDouble("modified");
        Instant edited = row.wasNull() ? null : seconds(modified);
        String text = row.getString("text");
        sink.comment(new ImportSink.FileComment(new ImportSink.SourceKey(ImportFormat.ISSO.source(), sourceId),
                Long.toString(row.getLong("tid")), hasParent ? install + "#" + parent : null, row.getString("author"),
                row.getString("email"), row.getString("website"), row.getString("remote_addr"),
                text == null ? "" : text.strip(), status, created, at)
                .with(edited == null ? null : new ImportSink.Marks(null, null, edited),
                        CommentLifecycle.ImportedDetails.of(false, row.getInt("notification") == 1)));
    }

    /** Which Isso install wrote the database: from its session key, never the key itself. */
    private static String install(Connection db) {
        try (PreparedStatement query = db.prepareStatement("select value from preferences where key = ?")) {
            query.setString(1, "session-key");
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getString(1) != null ? Hashes.sha256Hex(rows.getString(1)).substring(0, 12)
                        : "";
            }
        } catch (SQLException e) {
            return "";
        }
    }

    private static Instant seconds(double value) {
        long whole = (long) Math.floor(value);
        return Instant.ofEpochSecond(whole, Math.round((value - whole) * 1_000_000) * 1000);
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }
}
