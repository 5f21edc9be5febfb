package news.comments.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.comments.web.Cursor;
import news.comments.web.PageLimit;

/** The admin door to the outbox: what waits, what failed and why, what was sent. */
@Path("/api/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private final OutboxQueries queries;

    OutboxResource(OutboxQueries queries) {
        this.queries = queries;
    }

    /** {@code status} is PENDING (waiting), FAILED or SENT; absent lists waiting and failed together. */
    @GET
    public OutboxPage list(@QueryParam("status") String status, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return queries.page(OutboxStatus.parseFilter(status), Cursor.decode("after", after).orElse(null),
                PageLimit.parse(limit, 50, 200));
    }
}
