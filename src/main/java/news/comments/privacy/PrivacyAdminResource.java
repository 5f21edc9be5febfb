package news.comments.privacy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Admins export or erase an address whose owner asked by another channel (a letter, a mail to the newsroom). */
@Path("/api/admin/commenters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyAdminResource {

    private final DataRequests requests;
    private final SecurityIdentity identity;

    PrivacyAdminResource(DataRequests requests, SecurityIdentity identity) {
        this.requests = requests;
        this.identity = identity;
    }

    @POST
    @Path("/export")
    public DataExport export(AddressRequest request) {
        return requests.exportForAdmin(request);
    }

    @POST
    @Path("/erase")
    public ErasedView erase(AddressRequest request) {
        return requests.eraseForAdmin(request, identity.getPrincipal().getName());
    }
}
