package news.comments.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Serves a local folder at {@code /static/} when {@code comments.http.static-dir} names one (Quarkus serves only
 * files packaged under {@code META-INF/resources} otherwise). Off by default. The benchmarks use it for their
 * ceiling: the same bytes as a thread page, served by the same process as a plain file.
 */
@ApplicationScoped
public class LocalStaticFiles {

    private static final Logger LOG = Logger.getLogger(LocalStaticFiles.class);

    void install(@Observes Router router, HttpConfig config) {
        config.staticDir().ifPresent(dir -> {
            LOG.infof("Serving the folder %s at /static/", dir);
            router.route("/static/*").handler(StaticHandler.create(FileSystemAccess.ROOT, dir)
                    .setFilesReadOnly(true)
                    .setDirectoryListing(false));
        });
    }
}
