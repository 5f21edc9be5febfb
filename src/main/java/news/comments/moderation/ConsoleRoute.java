package news.comments.moderation;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends {@code /moderation} to {@code /moderation/}, where the console's static page is served, so that the address
 * moderators type works and the page's relative links resolve inside the folder.
 */
@ApplicationScoped
class ConsoleRoute {

    void register(@Observes Router router) {
        router.get("/moderation").handler(context -> {
            if (context.request().path().equals("/moderation")) {
                String query = context.request().query();
                context.redirect("/moderation/" + (query == null ? "" : "?" + query));
            } else {
                context.next();
            }
        });
    }
}
