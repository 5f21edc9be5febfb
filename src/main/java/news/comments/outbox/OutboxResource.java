package news.comments.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import news.comments.web.Cursor;
import news.comments.web.InvalidRequestException;
import news.comments.web.PageLimit;

import java.util.List;
import java.util.Locale;

/** The admin door to the outbox: what waits, what failed and why, what was sent. */
@Path("/api/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private static final List<String> STATUSES = List.of("PENDING", "FAILED", "SENT");

    private final OutboxQueries queries;

    OutboxResource(OutboxQueries queries) {
        this.queries = queries;
    }

    /** {@code status} is PENDING (waiting), FAILED or SENT; absent lists waiting and failed together. */
    @GET
    public OutboxPage list(@QueryParam("status") String status, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        List<String> statuses = List.of("PENDING", "FAILED");
        if (status != null && !status.isBlank()) {
            String wanted = status.trim().toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(wanted)) {
                throw InvalidRequestException.of("status", "must be one of PENDING, FAILED, SENT");
            }
            statuses = List.of(wanted);
        }
        return queries.page(statuses, Cursor.decode("after", after).orElse(null), PageLimit.parse(limit, 50, 200));
    }
}
