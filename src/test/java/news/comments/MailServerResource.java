package news.comments;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts {@link MailServer} once for every {@code @QuarkusTest} of the suite, not only for the annotated class. */
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
public class MailServerResource {
}
