package news.comments.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one test for a link a person may leave: an absolute http or https URL with a host. */
public final class HttpUrls {

    private HttpUrls() {
    }

    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null
                    && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
