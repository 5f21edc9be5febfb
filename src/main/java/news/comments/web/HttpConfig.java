package news.comments.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/** The HTTP door's own limits ({@code comments.http.*}), read by the filters and routes of this package. */
@ConfigMapping(prefix = "comments.http")
public interface HttpConfig {

    /**
     * Largest request body, in bytes, answered with a 413 problem when exceeded. Vert.x's own hard limit
     * ({@code quarkus.http.limits.max-body-size}, 1M here) stays above it as a safety net.
     */
    @WithDefault("65536")
    @Min(1024)
    int maxBodyBytes();

    /**
     * An absolute folder served as static files at {@code /static/}; unset (the default) serves none. Meant
     * for the benchmarks in {@code bench/}, which compare a thread page with the same bytes as a file.
     */
    Optional<String> staticDir();

    /**
     * A request that waited longer than this for a worker thread is answered at once with 503
     * {@code /problems/overloaded} and {@code Retry-After}, instead of being worked on for a caller that has
     * likely given up. Twice H2's pool acquisition timeout, far above a warm instance's p99 (under 0.2 s).
     */
    @WithDefault("10s")
    Duration queueTimeout();
}
