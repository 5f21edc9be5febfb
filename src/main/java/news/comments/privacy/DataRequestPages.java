package news.comments.privacy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The small pages a data-request mail leads to: one button that exports or erases, and what was done. No script,
 * nothing external. Opening the page changes nothing, so a mail scanner that follows the link uses no token.
 */
final class DataRequestPages {

    private DataRequestPages() {
    }

    static String export(String token) {
        return page("Your data", "<p>Download everything this site keeps about your address: every comment you wrote "
                + "with it, in every status, and your mail settings, as a JSON file.</p>"
                + "<form method=\"get\" action=\"/api/commenters/data\">" + hidden(token)
                + "<button type=\"submit\">Download my data</button></form>"
                + "<p>The button works once; ask again for a new link.</p>");
    }

    static String erase(String token, boolean anonymize) {
        String what = anonymize
                ? "Your comments stay on the site under the name \u201cDeleted commenter\u201d; your name, address, "
                + "website, IP address and avatar are removed from them."
                : "Your comments are removed from the site, their text included.";
        return page("Erase your data", "<p>Erase everything this site keeps about your address? " + what
                + " Your address's confirmation, the keys of your browsers and your notification settings are "
                + "removed too. This cannot be undone.</p>"
                + "<form method=\"post\" action=\"/api/commenters/erase\">" + hidden(token)
                + "<button type=\"submit\">Erase my data</button></form>");
    }

    static String erased(ErasedView erased) {
        return page("Erased", "<p>Done: " + erased.comments() + (erased.comments() == 1 ? " comment" : " comments")
                + (EraseMode.DELETE.value().equals(erased.mode()) ? " removed" : " anonymized")
                + ", and your address forgotten.</p>");
    }

    static String invalid() {
        return page("Link not valid", "<p>This link is not valid: it may have been used already or have expired. "
                + "Ask again from the comment section for a new one.</p>");
    }

    private static String hidden(String token) {
        return "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">";
    }

    /** Tokens are URL-safe base64, but the page must not trust what came in the URL. */
    private static String escape(String token) {
        return URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><meta name=\"referrer\" content=\"no-referrer\"><title>"
                + title + "</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }
}
