package news.comments.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin door for the learned filter: what it has learned, a rebuild from every decided comment (streamed as one
 * JSON line per batch, so an admin sees the progress), and forgetting everything.
 */
@Path("/api/admin/filter")
@RolesAllowed("admin")
public class FilterResource {

    static final String NDJSON = "application/x-ndjson";

    private final FilterService service;
    private final ObjectMapper mapper;

    FilterResource(FilterService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FilterStatus status() {
        return service.status();
    }

    @POST
    @Path("/retrain")
    @Produces(NDJSON)
    public StreamingOutput retrain() {
        return output -> service.retrain(progress -> line(output, progress));
    }

    @DELETE
    public void forget() {
        service.forget();
    }

    private void line(OutputStream output, RetrainProgress progress) {
        try {
            output.write(mapper.writeValueAsBytes(progress));
            output.write("\n".getBytes(StandardCharsets.UTF_8));
            output.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the admin left before the retrain finished", e);
        }
    }
}
