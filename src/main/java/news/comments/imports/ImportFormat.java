package news.comments.imports;

import java.util.Locale;

/**
 * The files the service imports: WordPress's WXR ("Tools → Export"), Disqus's XML export, Remark42's backup (gzip'd
 * JSON lines, as its {@code backup} and {@code export} write it), Isso's SQLite database file, and the service's own
 * JSON export ({@code GET /api/admin/export?format=json}), for backups and moves between services.
 */
enum ImportFormat {
    WXR, DISQUS, JSON, REMARK42, ISSO;

    /** The value of a comment's {@code source} column. */
    String source() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ImportFormat parse(String value) {
        if (value == null) {
            return null;
        }
        for (ImportFormat format : values()) {
            if (format.source().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    /** The element of the file that one comment is, as failures name it. */
    String commentElement() {
        return switch (this) {
            case WXR -> "wp:comment";
            case DISQUS -> "post";
            case JSON, REMARK42, ISSO -> "comment";
        };
    }

    /** The element of the file that one article is. */
    String articleElement() {
        return switch (this) {
            case WXR -> "item";
            case DISQUS, ISSO -> "thread";
            case JSON -> "article";
            case REMARK42 -> "locator";
        };
    }
}
