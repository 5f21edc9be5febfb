package news.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import news.comments.config.SiteConfig;
import news.comments.web.HttpUrls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which article page addresses the service will put in mail. The embed sends the page's address ({@code pageUrl});
 * it counts only when its origin is the service's own ({@code comments.public-url}) or one of the sites allowed to
 * embed ({@code comments.cors.origins}), so nobody can make the service mail links to another site.
 */
@ApplicationScoped
class PageLinks {

    static final int URL_MAX = 2000;
    static final int TITLE_MAX = 300;

    private final Set<String> origins = new HashSet<>();

    PageLinks(SiteConfig config) {
        HttpUrls.originOf(config.publicUrl()).ifPresent(origins::add);
        config.cors().origins().orElse(List.of()).forEach(origin -> HttpUrls.originOf(origin.strip())
                .ifPresent(origins::add));
    }

    /** The page address if the service may link to it, else null. */
    String allowedPageUrl(String pageUrl) {
        if (pageUrl == null || pageUrl.length() > URL_MAX) {
            return null;
        }
        String url = pageUrl.strip();
        return HttpUrls.originOf(url).filter(origins::contains).map(origin -> url).orElse(null);
    }

    /** A page title cleaned like any single-line field; null when blank or when its page is not allowed. */
    static String title(String pageTitle, String allowedUrl) {
        if (allowedUrl == null || pageTitle == null) {
            return null;
        }
        String cleaned = pageTitle.replaceAll("\\p{Cntrl}", "").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.codePointCount(0, cleaned.length()) > TITLE_MAX
                ? cleaned.substring(0, cleaned.offsetByCodePoints(0, TITLE_MAX)) : cleaned;
    }
}
