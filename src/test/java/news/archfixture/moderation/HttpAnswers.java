package news.archfixture.moderation;

import jakarta.ws.rs.core.Response;

/** HTTP past the doors: a service that answers with a JAX-RS response. */
class HttpAnswers {

    Response ok() {
        return Response.ok().build();
    }
}
