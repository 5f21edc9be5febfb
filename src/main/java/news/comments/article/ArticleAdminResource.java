package news.comments.article;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.comments.web.Cursor;
import news.comments.web.PageLimit;

/** The admin door for articles: open or close comments, give an article its title and URL. */
@Path("/api/admin/articles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleAdminResource {

    private final ArticleService service;

    ArticleAdminResource(ArticleService service) {
        this.service = service;
    }

    @PUT
    @Path("/{articleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("articleId") String articleId, ArticleRequest request) {
        ArticleService.Saved saved = service.put(articleId, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.article()).build();
    }

    @GET
    public ArticlePage list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        return service.list(Cursor.decodeKey("after", after).orElse(null), PageLimit.parse(limit, 100, 500));
    }
}
