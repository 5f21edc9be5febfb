package news.comments.settings;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The admin door for the auto-moderation settings: GET the whole document, PUT it back whole. */
@Path("/api/admin/settings")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SettingsService service;
    private final SecurityIdentity identity;

    SettingsResource(SettingsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public SettingsDocument get() {
        return service.document();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsDocument put(SettingsDocument document) {
        return service.replace(document, identity.getPrincipal().getName());
    }
}
