package news.archfixture;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for {@code @Path} in the fixture (Quarkus would serve a test class that carries the real one). */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixturePath {
}
