package news.comments;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PageModulesTest}'s check fails on the fixture in {@code src/test/resources/module-circle}: a circle through a
 * static import, a re-export named from the root and a dynamic import, and a module importing itself, named as they
 * go round; the imports written in comments, strings and templates there are no edges, and a missing module is named.
 */
class PageModulesRulesTest {

    private static final PageModules FIXTURE = PageModules.read(Path.of("src", "test", "resources", "module-circle"));

    @Test
    void shouldNameEveryCircleAsItGoesRound() {
        assertEquals(List.of("circle/a.js → circle/b.js → shared/c.js → circle/a.js", "self.js → self.js"),
                FIXTURE.circles());
    }

    @Test
    void shouldResolveEachImportAgainstTheFileOrTheRoot() {
        assertEquals(Set.of("circle/a.js"), FIXTURE.imports().get("entry.js"));
        assertEquals(Set.of("circle/b.js"), FIXTURE.imports().get("circle/a.js"));
        assertEquals(Set.of("shared/c.js"), FIXTURE.imports().get("circle/b.js"));
        assertEquals(Set.of("circle/a.js"), FIXTURE.imports().get("shared/c.js"));
        assertEquals(Set.of("shared/c.js"), FIXTURE.imports().get("shared/loose.js"));
    }

    @Test
    void shouldNameAnImportOfAModuleThatIsNotThere() {
        assertEquals(List.of("shared/loose.js imports ./gone.js, which is not there"), FIXTURE.missing());
    }
}
