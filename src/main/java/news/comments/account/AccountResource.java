package news.comments.account;

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

/** The admin door for accounts. */
@Path("/api/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService service;

    AccountResource(AccountService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest request) {
        AccountView created = service.create(request);
        return Response.created(URI.create("/api/admin/users/" + created.username())).entity(created).build();
    }

    @GET
    public List<AccountView> list() {
        return service.list();
    }

    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username) {
        service.delete(username);
        return Response.noContent().build();
    }
}
