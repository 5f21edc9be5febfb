package news.comments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import news.archfixture.FixtureEntity;
import news.archfixture.FixturePath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link ArchitectureTest} fails on the violation written for it in {@code news.archfixture}, naming the
 * class that breaks it, and lets the allowed classes there pass: a rule that cannot fail guards nothing.
 */
class ArchitectureRulesTest {

    private static final String BASE = "news.archfixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(BASE);

    @Test
    void shouldFailOnACycleBetweenPackages() {
        assertViolated(ArchitectureTest.noCycles(BASE), "CommentArticles", "ArticleCounts");
    }

    @Test
    void shouldFailOnAnEntityInAResourceSignature() {
        assertViolated(ArchitectureTest.noEntityInResources(BASE, FixturePath.class, FixtureEntity.class),
                "LeakyResource.get()");
    }

    @Test
    void shouldFailOnJaxRsOutsideTheDoors() {
        assertViolated(ArchitectureTest.jaxRsAtTheDoors(BASE), "HttpAnswers");
    }

    @Test
    void shouldFailOnVertxRoutingOutsideTheNamedRoutes() {
        String message = assertViolated(ArchitectureTest.vertxHttpAtTheDoors(BASE,
                BASE + ".moderation.ConsoleRoute"), "RouterUser");
        assertFalse(message.contains("ConsoleRoute"), message);
    }

    @Test
    void shouldFailOnAFeatureBelowCommentThatDependsOnIt() {
        assertViolated(ArchitectureTest.featuresBelowCommentFreeOfIt(BASE), "ArticleCounts");
    }

    @Test
    void shouldFailOnAnyoneButTheLifecycleFiringTheChange() {
        String message = assertViolated(ArchitectureTest.onlyTheLifecycleFiresChanges(BASE), "RogueNotifier");
        assertFalse(message.contains("CommentLifecycle"), message);
    }

    @Test
    void shouldFailOnAnyoneButTheLifecycleMakingTheChange() {
        String message = assertViolated(ArchitectureTest.onlyTheLifecycleAndRelayMakeChanges(BASE), "RogueNotifier");
        assertFalse(message.contains("CommentLifecycle"), message);
    }

    @Test
    void shouldFailOnAWriteOfCommentsOutsideTheirPackage() {
        String message = assertViolated(ArchitectureTest.onlyTheCommentPackageWritesComments(BASE),
                "RogueWriter.write");
        assertFalse(message.contains("findById"), "reading is allowed: " + message);
    }

    /** Checks that the rule fails on the fixture, naming each of {@code named}; answers its violations. */
    private static String assertViolated(ArchRule rule, String... named) {
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(FIXTURE));
        // the rule's own description names the allowed classes: only what follows it lists violations
        String violations = error.getMessage().substring(error.getMessage().indexOf("was violated"));
        for (String name : named) {
            assertTrue(violations.contains(name), error.getMessage());
        }
        return violations;
    }
}
