package news.comments.comment;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.comments.web.Cursor;
import news.comments.web.PageLimit;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/**
 * The public door: readers post, the site reads. No login. The client IP is the connection's address; Quarkus
 * replaces it with the forwarded one only when the operator trusts a proxy ({@code quarkus.http.proxy.*}).
 */
@Path("/api")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** The header that carries a comment's editToken. */
    static final String COMMENT_TOKEN = "Comment-Token";

    private final PostingService posting;
    private final ThreadService reading;
    private final AuthorService authors;
    private final ThreadCache threads;
    private final String cacheControl;

    CommentResource(PostingService posting, ThreadService reading, AuthorService authors, ThreadCache threads,
                    CommentConfig config) {
        this.posting = posting;
        this.reading = reading;
        this.authors = authors;
        this.threads = threads;
        this.cacheControl = "public, max-age=" + config.read().maxAgeSeconds();
    }

    @POST
    @Path("/articles/{articleId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("articleId") String articleId, CommentRequest request,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http) {
        PostingService.Posted posted = posting.post(articleId, request, origin(http),
                IdempotencyKey.parse(idempotencyKey));
        Response.ResponseBuilder response = Response.created(URI.create("/api/comments/" + posted.id()))
                .type(MediaType.APPLICATION_JSON).entity(posted.body());
        if (posted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** Served from {@link ThreadCache}; a matching {@code If-None-Match} answers 304 with no body. */
    @GET
    @Path("/articles/{articleId}/comments")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CommentPage.class)))
    public Response thread(@PathParam("articleId") String articleId, @QueryParam("after") String after,
                           @QueryParam("limit") String limit, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ThreadCache.Page page = threads.page(articleId, Cursor.decode("after", after).orElse(null),
                PageLimit.parse(limit, DEFAULT_LIMIT, MAX_LIMIT));
        Response.ResponseBuilder response = page.matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(page.json(), MediaType.APPLICATION_JSON_TYPE);
        return response.header("ETag", page.etag()).header("Cache-Control", cacheControl).build();
    }

    /** Approved counts of up to 100 articles in one query, for lists of headlines. */
    @GET
    @Path("/comment-counts")
    public CommentCounts counts(@QueryParam("articleId") List<String> articleIds) {
        return reading.counts(articleIds);
    }

    @GET
    @Path("/articles/{articleId}/comments/count")
    public CommentCount count(@PathParam("articleId") String articleId) {
        return reading.count(articleId);
    }

    @GET
    @Path("/comment-form")
    public CommentFormSettings form() {
        return posting.formSettings();
    }

    /**
     * A published comment for everyone; with {@code Comment-Token} (the comment's editToken), the author's view of
     * it in any status, never stored by any cache. Both answers vary by that header, so a cache never gives one for
     * the other.
     */
    @GET
    @Path("/comments/{id}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {PublicCommentView.class,
            AuthorCommentView.class})))
    public Response comment(@PathParam("id") long id, @HeaderParam(COMMENT_TOKEN) String token) {
        if (token == null) {
            return Response.ok(reading.approvedComment(id)).header("Vary", COMMENT_TOKEN).build();
        }
        return authorsOnly(Response.ok(authors.view(id, token)));
    }

    /** The author's edit, within {@code comments.author.edit-window}; answers the author's view. */
    @PATCH
    @Path("/comments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuthorCommentView.class)))
    public Response edit(@PathParam("id") long id, @HeaderParam(COMMENT_TOKEN) String token, EditRequest request) {
        return authorsOnly(Response.ok(authors.edit(id, token, request)));
    }

    /** An answer for the token's holder only: no cache keeps it. */
    private static Response authorsOnly(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "private, no-store").header("Vary", COMMENT_TOKEN).build();
    }

    /** The author takes the comment back: 204, at any time. */
    @DELETE
    @Path("/comments/{id}")
    public Response delete(@PathParam("id") long id, @HeaderParam(COMMENT_TOKEN) String token) {
        authors.delete(id, token);
        return Response.noContent().build();
    }

    private static PostingService.Origin origin(HttpServerRequest http) {
        return PostingService.Origin.of(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                http.getHeader("User-Agent"));
    }
}
