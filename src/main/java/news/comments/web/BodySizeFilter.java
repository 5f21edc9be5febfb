package news.comments.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request body over {@code comments.http.max-body-bytes} before it is read, with a 413 problem (Vert.x's
 * own limit answers with an empty body, which clients cannot tell from other failures). Imports
 * ({@value #IMPORTS}) alone are let through: they stream their body to a file and limit it themselves
 * ({@code comments.imports.max-bytes}), which is why Vert.x's limit is that high. A body of unknown length
 * (chunked) elsewhere is refused with 411, as it could not be checked before it is read.
 */
public class BodySizeFilter {

    static final String IMPORTS = "/api/admin/imports";

    private final HttpConfig config;

    BodySizeFilter(HttpConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith(IMPORTS)) {
            return null;
        }
        if (request.getLength() > config.maxBodyBytes()) {
            return ProblemMappers.respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is over the limit of " + config.maxBodyBytes() + " bytes")).build();
        }
        if (request.getLength() < 0 && request.getHeaderString("Transfer-Encoding") != null) {
            return ProblemMappers.respond(Problem.of(ProblemType.LENGTH_REQUIRED,
                    "A request body needs a Content-Length header")).build();
        }
        return null;
    }
}
