package news.comments.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import news.comments.web.InvalidRequestException;

import java.util.Locale;

/** The admin door to the export: every article and comment, streamed as JSON (the default) or WordPress's WXR. */
@Path("/api/admin/export")
@RolesAllowed("admin")
public class ExportResource {

    private final ExportService service;

    ExportResource(ExportService service) {
        this.service = service;
    }

    @GET
    @Produces({"application/json", "application/xml"})
    public Response export(@QueryParam("format") String format, @QueryParam("articleId") String articleId) {
        String wanted = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("json") && !wanted.equals("wxr")) {
            throw InvalidRequestException.of("format", "must be json or wxr");
        }
        String only = ExportService.articleFilter(articleId);
        boolean json = wanted.equals("json");
        StreamingOutput body = out -> {
            if (json) {
                service.json(out, only);
            } else {
                service.wxr(out, only);
            }
        };
        String name = "comments-" + service.now().toString().replace(':', '-') + (json ? ".json" : ".xml");
        return Response.ok(body, json ? "application/json" : "application/xml")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
