package news.archfixture;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for {@code @Entity} in the fixture (Hibernate would map a test class that carries the real one). */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixtureEntity {
}
