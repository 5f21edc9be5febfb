package news.comments.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The two small pages of unsubscribing: a confirmation button, and what was done. No script, nothing external. */
final class UnsubscribePages {

    private UnsubscribePages() {
    }

    static String confirm(String token) {
        String action = "/api/commenters/unsubscribe?token=" + URLEncoder.encode(token == null ? "" : token,
                StandardCharsets.UTF_8);
        return page("Unsubscribe", "<p>Stop these notification mails?</p>"
                + "<form method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    static String done(String what) {
        return page("Unsubscribed", "replies".equals(what)
                ? "<p>You will get no more mail about replies to this comment.</p>"
                : "<p>You will get no more notification mail from this site.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
    }
}
