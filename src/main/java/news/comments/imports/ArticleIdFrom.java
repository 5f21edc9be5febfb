package news.comments.imports;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which of a file's article fields becomes the service's article id: {@code slug} (WordPress's post name, or the last
 * path segment of the article's URL), {@code id} (WordPress's post id, Disqus's thread identifier) or {@code url}
 * (the article's address). Characters an article id may not hold become {@code -}; ids are cut to 200 characters.
 */
enum ArticleIdFrom {
    SLUG, ID, URL;

    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._:-]+");
    private static final Pattern DEFAULT_DOCUMENT = Pattern.compile("(?i)(index|default)\\.(html?|php|aspx?)");

    static ArticleIdFrom parse(String value) {
        if (value == null || value.isBlank()) {
            return SLUG;
        }
        for (ArticleIdFrom from : values()) {
            if (from.name().equalsIgnoreCase(value.trim())) {
                return from;
            }
        }
        return null;
    }

    String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An article id from a raw value, or null when nothing usable is left. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String id = NOT_ALLOWED.matcher(raw.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
        if (id.length() > 200) {
            id = id.substring(0, 200);
        }
        return id.isEmpty() ? null : id;
    }

    /**
     * The last non-empty path segment of a URL, without query or fragment, passing over a folder's default document
     * ({@code .../budget/index.html} is {@code budget}: every article of a static site is an {@code index.html}).
     */
    static String slugOf(String url) {
        if (url == null) {
            return null;
        }
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank() && !DEFAULT_DOCUMENT.matcher(segments[i]).matches()) {
                return segments[i];
            }
        }
        return null;
    }

    /** The address without its scheme, as an id ({@code news.example/2024/budget} → {@code news.example-2024-budget}). */
    static String fromUrl(String url) {
        return url == null ? null : url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    }
}
