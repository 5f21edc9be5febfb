package news.comments.report;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Readers report a published comment; no login. Answers 202: a moderator will look. */
@Path("/api/comments/{id}/reports")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;

    ReportResource(ReportService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("id") long id, ReportRequest request, @Context HttpServerRequest http) {
        service.report(id, request, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return Response.accepted().build();
    }
}
