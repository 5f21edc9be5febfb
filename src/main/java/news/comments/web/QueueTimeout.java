package news.comments.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Bounds how long a request waits for a worker thread. Requests beyond the worker threads queue
 * (application.properties, "Worker threads against connections"); one that waited longer than
 * {@code comments.http.queue-timeout} is answered at once with a 503 {@code /problems/overloaded} and
 * {@code Retry-After} instead of being worked on for a caller that has likely given up, which also drains the queue.
 * The arrival is noted on the event loop, before the request queues; the check runs on the worker thread.
 */
public class QueueTimeout {

    private static final Logger LOG = Logger.getLogger(QueueTimeout.class);
    private static final String ARRIVED = QueueTimeout.class.getName() + ".arrived";

    private final long limitNanos;
    private final LongSupplier nanoTime;

    @Inject
    QueueTimeout(HttpConfig config) {
        this(config.queueTimeout(), System::nanoTime);
    }

    QueueTimeout(Duration limit, LongSupplier nanoTime) {
        this.limitNanos = limit.toNanos();
        this.nanoTime = nanoTime;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void arrived(ContainerRequestContext request) {
        request.setProperty(ARRIVED, nanoTime.getAsLong());
    }

    @ServerRequestFilter
    public Optional<Response> waitedTooLong(ContainerRequestContext request) {
        if (!(request.getProperty(ARRIVED) instanceof Long arrived)) {
            return Optional.empty();
        }
        long waited = nanoTime.getAsLong() - arrived;
        if (waited <= limitNanos) {
            return Optional.empty();
        }
        LOG.warnf("Overloaded: a request waited %d ms for a worker thread", waited / 1_000_000);
        return Optional.of(ProblemMappers.overloadedResponse());
    }
}
