package news.comments.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import news.comments.config.CommentsConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over {@code comments.http.max-body-bytes} before it is read, with a 413 problem (Vert.x's
 * own limit answers with an empty body, which clients cannot tell from other failures).
 */
public class BodySizeFilter {

    private final CommentsConfig config;

    BodySizeFilter(CommentsConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        if (request.getLength() > config.http().maxBodyBytes()) {
            return ProblemMappers.respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is over the limit of " + config.http().maxBodyBytes() + " bytes")).build();
        }
        return null;
    }
}
