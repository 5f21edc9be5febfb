package news.comments.notify;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.comments.commenter.VerifyRequest;

/**
 * Unsubscribing from notification mail. The link in a mail is {@code /api/commenters/unsubscribe?token=...}: a
 * {@code GET} of it only shows a page with a button (mail scanners open links, and must not unsubscribe anyone);
 * the button, and a mail client's RFC 8058 one-click {@code POST} ({@code List-Unsubscribe=One-Click}), unsubscribe.
 * A JSON {@code POST} with {@code {"token"}} does the same for scripts and the embed.
 */
@Path("/api/commenters/unsubscribe")
@PermitAll
public class UnsubscribeResource {

    private final Unsubscribing unsubscribing;

    UnsubscribeResource(Unsubscribing unsubscribing) {
        this.unsubscribing = unsubscribing;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page(@QueryParam("token") String token) {
        return UnsubscribePages.confirm(token);
    }

    /**
     * The page's button and mail clients' one-click unsubscribe. RFC 8058 lets a client send its
     * {@code List-Unsubscribe=One-Click} body as {@code multipart/form-data} or form-urlencoded; the token is in the
     * URL, so the body is not read.
     */
    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.TEXT_HTML)
    public String oneClick(@QueryParam("token") String token) {
        return UnsubscribePages.done(unsubscribing.unsubscribe(token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public UnsubscribedView json(VerifyRequest request) {
        return new UnsubscribedView(unsubscribing.unsubscribe(request == null ? null : request.token()));
    }
}
