package news.comments;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages' ES modules (the console, the reader embed and what they share) import each other one way, as
 * {@link ArchitectureTest} holds the Java packages to: no module imports one that imports it back, however far round.
 * Where a lower module must reach a higher one, it takes a callback that the entry module hands it (the console's
 * {@code console.js}, the embed's {@code section.js}). {@link PageModulesRulesTest} shows the check failing.
 */
class PageModulesTest {

    static final Path PAGES = Path.of("src", "main", "resources", "META-INF", "resources");

    private static final PageModules MODULES = PageModules.read(PAGES);

    @Test
    void shouldHaveNoCircleOfImportsAmongThePagesModules() {
        List<String> circles = MODULES.circles();
        assertTrue(circles.isEmpty(), () -> "Circles of ES-module imports under " + PAGES + ": "
                + String.join("; ", circles) + ". Hand the lower module a callback from the entry module instead.");
    }

    @Test
    void shouldImportOnlyModulesThatAreThere() {
        assertTrue(MODULES.missing().isEmpty(), () -> String.join("; ", MODULES.missing()));
    }

    /** The check reads the real pages: without their imports, no circle could be found in them. */
    @Test
    void shouldReadTheImportsOfTheConsoleAndTheEmbed() {
        Map<String, Set<String>> imports = MODULES.imports();
        assertTrue(imports.get("moderation/console.js").contains("moderation/signin.js"), imports::toString);
        assertTrue(imports.get("embed/section.js").contains("shared/dom.js"), imports::toString);
        assertTrue(imports.get("shared/dom.js").contains("shared/format.js"), imports::toString);
    }
}
