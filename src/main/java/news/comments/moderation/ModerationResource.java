package news.comments.moderation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.comments.comment.Actor;
import news.comments.web.InvalidRequestException;
import news.comments.web.PageLimit;

/**
 * The moderation door. Each answer about one comment carries its version as {@code ETag}, which the moderator
 * sends back as {@code If-Match} when deciding.
 */
@Path("/api/moderation")
@RolesAllowed({"moderator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    private final ModerationService service;
    private final QueueRules rules;
    private final SecurityIdentity identity;

    ModerationResource(ModerationService service, QueueRules rules, SecurityIdentity identity) {
        this.service = service;
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @Path("/queue")
    public QueuePage queue(@QueryParam("status") String status, @QueryParam("articleId") String articleId,
                           @QueryParam("rule") String rule, @QueryParam("after") String after,
                           @QueryParam("limit") String limit) {
        return service.queue(QueueQuery.parse(status, articleId, rule, after, PageLimit.parse(limit, 50, 200),
                rules.names()));
    }

    /** The rules the queue can be filtered by ({@code rule}), for the console's filter. */
    @GET
    @Path("/rules")
    public RuleNames rules() {
        return new RuleNames(rules.names());
    }

    @GET
    @Path("/comments/{id}")
    public Response comment(@PathParam("id") long id) {
        return withVersion(service.detail(id));
    }

    @POST
    @Path("/comments/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                            DecisionRequest request) {
        return decide(id, Decision.APPROVE, ifMatch, request);
    }

    @POST
    @Path("/comments/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           DecisionRequest request) {
        return decide(id, Decision.REJECT, ifMatch, request);
    }

    @POST
    @Path("/comments/{id}/spam")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response spam(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                         DecisionRequest request) {
        return decide(id, Decision.SPAM, ifMatch, request);
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResult bulk(BulkRequest request) {
        return service.bulk(BulkCommand.parse(request), moderator());
    }

    /** {@code notifyAuthor} counts on a rejection only (approve and spam ignore it), and needs a reason to send. */
    private Response decide(long id, Decision decision, String ifMatch, DecisionRequest request) {
        boolean notifyAuthor = decision == Decision.REJECT && request != null
                && Boolean.TRUE.equals(request.notifyAuthor());
        String reason = DecisionReason.parse(request == null ? null : request.reason());
        if (notifyAuthor && reason == null) {
            throw InvalidRequestException.of("reason", "is needed to tell the author why (notifyAuthor)");
        }
        return withVersion(service.decide(id, decision, expectedVersion(ifMatch), moderator(), reason, notifyAuthor));
    }

    private Actor moderator() {
        return Actor.moderator(identity.getPrincipal().getName());
    }

    private static Response withVersion(ModerationDetail detail) {
        return Response.ok(detail).tag(new EntityTag(Long.toString(detail.comment().version()))).build();
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3; {@code *} or nothing → null (decide whatever it is now). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("If-Match", "must be the comment's version in quotes, such as \"3\"");
        }
    }
}
