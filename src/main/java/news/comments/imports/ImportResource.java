package news.comments.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The admin door to imports: the export file is the request body (any content type; the only endpoint past
 * {@code comments.http.max-body-bytes}, up to {@code comments.imports.max-bytes}), answered 202 with the job.
 */
@Path("/api/admin/imports")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** The path {@code web/BodySizeFilter} lets through; the import limits the body itself. */
    public static final String PATH = "/api/admin/imports";

    private final ImportService service;

    ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response start(@QueryParam("format") String format, @QueryParam("articleIdFrom") String articleIdFrom,
                          @QueryParam("train") String train, @QueryParam("dryRun") String dryRun,
                          @QueryParam("urlFrom") List<String> urlFrom, @QueryParam("urlTo") List<String> urlTo,
                          InputStream body) {
        ImportOptions options = ImportOptions.parse(format, articleIdFrom, train, dryRun, urlFrom, urlTo);
        ImportJobView job = service.start(options, body);
        return Response.accepted(job).location(URI.create(PATH + "/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    public ImportJobView get(@PathParam("id") long id) {
        return service.view(id);
    }
}
