package news.comments.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one test for a link a person may leave: an absolute http or https URL with a host. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** {@code scheme://host[:port]} of an http(s) URL, lower-cased, the port left out when it is the default. */
    public static java.util.Optional<String> originOf(String value) {
        if (value == null || !isHttpUrl(value)) {
            return java.util.Optional.empty();
        }
        URI uri = URI.create(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return java.util.Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port));
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
