package news.comments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code, checked on every build: feature packages point one way (web, config, infra ← article ←
 * automod ← comment ← ban, report ← moderation ← settings), resources never hand out entities, and HTTP stays at the
 * doors. When two features need each other, one of them owns a narrow port the other implements.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("news.comments");

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("news.comments.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void shouldNeverPutAnEntityInAResourceSignature() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
                .and().arePublic()
                .should(haveNoEntityInTheirSignature())
                .check(SERVICE);
    }

    @Test
    void shouldKeepJaxRsTypesInResourcesAndTheWebPackage() {
        noClasses().that().resideOutsideOfPackage("news.comments.web..")
                .and(areNotResources())
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .check(SERVICE);
    }

    @Test
    void shouldKeepTheFeaturesBelowTheCommentPackageFreeOfIt() {
        noClasses().that().resideInAnyPackage("news.comments.article..", "news.comments.automod..",
                        "news.comments.infra..", "news.comments.web..", "news.comments.config..")
                .should().dependOnClassesThat().resideInAnyPackage("news.comments.comment..",
                        "news.comments.moderation..", "news.comments.report..", "news.comments.ban..",
                        "news.comments.settings..")
                .check(SERVICE);
    }

    /** A resource class, or a class nested in one (its lambdas and inner records). */
    private static DescribedPredicate<JavaClass> areNotResources() {
        return DescribedPredicate.describe("are not resources", javaClass ->
                !javaClass.getName().replaceAll("\\$.*", "").endsWith("Resource"));
    }

    private static ArchCondition<JavaMethod> haveNoEntityInTheirSignature() {
        return new ArchCondition<>("have no entity in their parameters or return type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Set<JavaClass> involved = new HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                for (JavaParameter parameter : method.getParameters()) {
                    involved.addAll(parameter.getType().getAllInvolvedRawTypes());
                }
                for (JavaClass type : involved) {
                    if (type.isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes the entity " + type.getSimpleName()));
                    }
                }
            }
        };
    }
}
