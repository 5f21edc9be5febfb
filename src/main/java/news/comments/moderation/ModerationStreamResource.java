package news.comments.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The moderators' live stream as server-sent events, one JSON object per event. Browsers' {@code EventSource}
 * cannot send an {@code Authorization} header, so the console reads it with {@code fetch()}.
 */
@Path("/api/moderation/stream")
@RolesAllowed({"moderator", "admin"})
public class ModerationStreamResource {

    private final ModerationStream stream;

    ModerationStreamResource(ModerationStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public RestMulti<StreamEvent> stream() {
        // no-store: never cached; X-Accel-Buffering: nginx would otherwise hold events back in its buffer
        return RestMulti.fromMultiData(stream.subscribe())
                .header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}
