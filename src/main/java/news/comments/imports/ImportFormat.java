package news.comments.imports;

import java.util.Locale;

/**
 * The files the service imports: WordPress's WXR ("Tools → Export"), Disqus's XML export, and the service's own JSON
 * export ({@code GET /api/admin/export?format=json}), for backups and moves between services.
 */
enum ImportFormat {
    WXR, DISQUS, JSON;

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
}
