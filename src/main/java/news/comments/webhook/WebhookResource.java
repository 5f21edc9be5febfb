package news.comments.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.comments.web.Cursor;
import news.comments.web.PageLimit;

import java.net.URI;
import java.util.List;

/** The admin door to webhooks: register an endpoint (its secret is in the answer, once), list, delete, deliveries. */
@Path("/api/admin/webhooks")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(WebhookRequest request) {
        WebhookView created = service.register(request);
        return Response.created(URI.create("/api/admin/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    public List<WebhookView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public DeliveryPage deliveries(@PathParam("id") long id, @QueryParam("after") String after,
                                   @QueryParam("limit") String limit) {
        return service.deliveries(id, Cursor.decode("after", after).orElse(null), PageLimit.parse(limit, 50, 200));
    }
}
