package news.archfixture.moderation;

import io.vertx.ext.web.Router;

/** A route named as allowed: the rule must let it pass while it fails on {@link RouterUser}. */
class ConsoleRoute {

    void register(Router router) {
        router.get("/console");
    }
}
