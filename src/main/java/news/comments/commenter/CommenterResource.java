package news.comments.commenter;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The readers' door for their address: confirm it from the mailed link, or make a browser's key forgotten. */
@Path("/api/commenters")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CommenterResource {

    private final Commenters commenters;

    CommenterResource(Commenters commenters) {
        this.commenters = commenters;
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public VerifiedView verify(VerifyRequest request) {
        return commenters.verify(request == null ? null : request.token());
    }

    /** Always 204, whether or not the key was known. */
    @POST
    @Path("/forget")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forget(ForgetRequest request) {
        commenters.forget(request == null ? null : request.commenterKey());
        return Response.noContent().build();
    }
}
