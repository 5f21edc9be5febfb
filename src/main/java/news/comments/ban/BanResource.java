package news.comments.ban;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Bans, on the moderation door. */
@Path("/api/moderation")
@RolesAllowed({"moderator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class BanResource {

    private final BanService service;
    private final SecurityIdentity identity;

    BanResource(BanService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/comments/{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ban(@PathParam("id") long commentId, BanRequest request) {
        BanView ban = service.banAuthorOf(commentId, request, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/moderation/bans/" + ban.id())).entity(ban).build();
    }

    @GET
    @Path("/bans")
    public List<BanView> list() {
        return service.list();
    }

    @DELETE
    @Path("/bans/{id}")
    public Response lift(@PathParam("id") long id) {
        service.lift(id);
        return Response.noContent().build();
    }
}
