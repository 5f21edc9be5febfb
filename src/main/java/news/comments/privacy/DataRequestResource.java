package news.comments.privacy;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.comments.commenter.Commenters;

/**
 * The readers' door to their own data. {@code POST data-request} mails a link; the link opens {@code data-page},
 * whose button calls {@code GET data} (the export, as a JSON download) or {@code POST erase} (a form post, answered
 * with a page; a JSON post with {@code {"token"}} answers JSON, for scripts and the embed).
 */
@Path("/api/commenters")
@PermitAll
public class DataRequestResource {

    private final DataRequests requests;

    DataRequestResource(DataRequests requests) {
        this.requests = requests;
    }

    /**
     * 202 whether or not the address is known; 429 with {@code Retry-After} to a client that asks again within
     * {@code comments.privacy.data-request-every}.
     */
    @POST
    @Path("/data-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(DataRequest request, @Context HttpServerRequest http) {
        requests.request(request, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        return Response.accepted().build();
    }

    /** The page a mailed link opens: a button, and nothing used yet. */
    @GET
    @Path("/data-page")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("token") String token) {
        String page = requests.purposeOf(token).map(purpose -> Commenters.EXPORT.equals(purpose)
                        ? DataRequestPages.export(token)
                        : DataRequestPages.erase(token, requests.eraseMode() == EraseMode.ANONYMIZE))
                .orElseGet(DataRequestPages::invalid);
        return noStore(Response.ok(page, MediaType.TEXT_HTML_TYPE)).build();
    }

    /** The export: uses the token once. */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data(@QueryParam("token") String token) {
        return noStore(Response.ok(requests.export(token), MediaType.APPLICATION_JSON_TYPE))
                .header("Content-Disposition", "attachment; filename=\"my-comments.json\"").build();
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response erase(TokenRequest request) {
        return noStore(Response.ok(requests.erase(request == null ? null : request.token()))).build();
    }

    /** The page's button. */
    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response eraseFromPage(@FormParam("token") String token) {
        return noStore(Response.ok(DataRequestPages.erased(requests.erase(token)), MediaType.TEXT_HTML_TYPE))
                .build();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }
}
