package news.archfixture.moderation;

import io.vertx.ext.web.Router;

/** Vert.x routing past the doors. */
class RouterUser {

    void register(Router router) {
        router.get("/rogue");
    }
}
