package news.comments.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import news.comments.infra.H2GroupCommit;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/** A write is answered only once its data is in the database file (see {@link H2GroupCommit}). */
public class DurableWritesFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final H2GroupCommit groupCommit;

    DurableWritesFilter(H2GroupCommit groupCommit) {
        this.groupCommit = groupCommit;
    }

    @ServerResponseFilter
    public void awaitStored(ContainerRequestContext request, ContainerResponseContext response) {
        if (WRITES.contains(request.getMethod()) && response.getStatus() < 300) {
            groupCommit.awaitStored();
        }
    }
}
