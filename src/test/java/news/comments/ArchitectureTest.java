package news.comments;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.enterprise.event.Event;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code, checked on every build: feature packages point one way (web, config, infra ← article ←
 * automod ← comment ← ban, report ← moderation ← settings), one class fires the change of a comment and only the
 * comment package writes comments, resources never hand out entities, and HTTP stays at the doors. When two features
 * need each other, one of them owns a narrow port the other implements.
 * <p>
 * Each rule is written for a base package, so that {@code ArchitectureRulesTest} can show it failing on the small
 * fixture of violations in {@code news.archfixture} (test classes that nothing else scans).
 */
class ArchitectureTest {

    static final String BASE = "news.comments";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        noCycles(BASE).check(SERVICE);
    }

    @Test
    void shouldNeverPutAnEntityInAResourceSignature() {
        noEntityInResources(BASE, Path.class, Entity.class).check(SERVICE);
    }

    @Test
    void shouldKeepJaxRsTypesInResourcesAndTheWebPackage() {
        jaxRsAtTheDoors(BASE).check(SERVICE);
    }

    @Test
    void shouldKeepVertxHttpInResourcesAndTheTwoRoutes() {
        vertxHttpAtTheDoors(BASE, BASE + ".moderation.ConsoleRoute", BASE + ".web.LocalStaticFiles").check(SERVICE);
    }

    @Test
    void shouldKeepTheFeaturesBelowTheCommentPackageFreeOfIt() {
        featuresBelowCommentFreeOfIt(BASE).check(SERVICE);
    }

    @Test
    void shouldLetOnlyTheLifecycleFireTheChangeOfAComment() {
        onlyTheLifecycleFiresChanges(BASE).check(SERVICE);
    }

    @Test
    void shouldLetOnlyTheLifecycleAndTheRelayMakeAChangeOfAComment() {
        onlyTheLifecycleAndRelayMakeChanges(BASE).check(SERVICE);
    }

    @Test
    void shouldLetNothingOutsideTheCommentPackageWriteComments() {
        onlyTheCommentPackageWritesComments(BASE).check(SERVICE);
    }

    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /** The fixture names its own annotations: Quarkus would serve a test class marked @Path, and map an @Entity. */
    static ArchRule noEntityInResources(String base, Class<? extends Annotation> resource,
                                        Class<? extends Annotation> entity) {
        return methods().that().areDeclaredInClassesThat().areAnnotatedWith(resource)
                .and().areDeclaredInClassesThat().resideInAPackage(base + "..")
                .and().arePublic()
                .should(haveNoEntityInTheirSignature(entity));
    }

    static ArchRule jaxRsAtTheDoors(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackage(base + ".web..")
                .and(areNotResources())
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..");
    }

    /** Vert.x's HTTP types: in resources (the connection's address), and in the routes named by class. */
    static ArchRule vertxHttpAtTheDoors(String base, String... routes) {
        return noClasses().that().resideInAPackage(base + "..")
                .and(areNotResources())
                .and(areNoneOf(routes))
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..", "io.vertx.core.http..",
                        "io.quarkus.vertx.http..");
    }

    static ArchRule featuresBelowCommentFreeOfIt(String base) {
        return noClasses().that().resideInAnyPackage(base + ".article..", base + ".automod..", base + ".infra..",
                        base + ".web..", base + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".comment..", base + ".moderation..",
                        base + ".report..", base + ".ban..", base + ".settings..");
    }

    /** Firing needs an {@code Event<CommentChanged>}: only the lifecycle may hold one. */
    static ArchRule onlyTheLifecycleFiresChanges(String base) {
        String changed = base + ".comment.CommentChanged";
        return classes().that().resideInAPackage(base + "..")
                .and(areNoneOf(base + ".comment.CommentLifecycle"))
                .should(holdNoEventOf(changed));
    }

    /** The relay makes one of another instance's changes, which it hands on as a different event type. */
    static ArchRule onlyTheLifecycleAndRelayMakeChanges(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .and(areNoneOf(base + ".comment.CommentLifecycle", base + ".comment.CommentChangeRelay",
                        base + ".comment.CommentChanged"))
                .should().callConstructorWhere(DescribedPredicate.describe("it makes a CommentChanged",
                        call -> call.getTargetOwner().getName().equals(base + ".comment.CommentChanged")));
    }

    /** Other features read comments through the repository, and change them only through the lifecycle. */
    static ArchRule onlyTheCommentPackageWritesComments(String base) {
        Set<String> writes = Set.of("persist", "persistAndFlush", "delete", "deleteAll", "deleteById", "update",
                "flush");
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackage(base + ".comment..")
                .should().callMethodWhere(DescribedPredicate.describe("it writes through CommentRepository",
                        (JavaMethodCall call) -> call.getTargetOwner().getName()
                                .equals(base + ".comment.CommentRepository")
                                && writes.contains(call.getName())));
    }

    /** A resource class, or a class nested in one (its lambdas and inner records). */
    private static DescribedPredicate<JavaClass> areNotResources() {
        return DescribedPredicate.describe("are not resources", javaClass ->
                !outermost(javaClass).endsWith("Resource"));
    }

    private static DescribedPredicate<JavaClass> areNoneOf(String... names) {
        Set<String> excluded = Set.of(names);
        return DescribedPredicate.describe("are none of " + excluded, javaClass ->
                !excluded.contains(outermost(javaClass)));
    }

    private static String outermost(JavaClass javaClass) {
        return javaClass.getName().replaceAll("\\$.*", "");
    }

    private static ArchCondition<JavaClass> holdNoEventOf(String eventType) {
        return new ArchCondition<>("hold no Event<" + eventType + ">") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Map<String, JavaType> types = new LinkedHashMap<>();
                for (JavaField field : javaClass.getFields()) {
                    types.put("field " + field.getName(), field.getType());
                }
                for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                    for (JavaParameter parameter : unit.getParameters()) {
                        types.put("parameter " + parameter.getIndex() + " of " + unit.getFullName(), parameter.getType());
                    }
                }
                types.forEach((where, type) -> {
                    if (type instanceof JavaParameterizedType parameterized
                            && parameterized.toErasure().isEquivalentTo(Event.class)
                            && parameterized.getActualTypeArguments().stream()
                            .anyMatch(argument -> argument.toErasure().getName().equals(eventType))) {
                        events.add(SimpleConditionEvent.violated(javaClass,
                                javaClass.getName() + " holds an Event<" + eventType + "> in " + where));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaMethod> haveNoEntityInTheirSignature(Class<? extends Annotation> entity) {
        return new ArchCondition<>("have no entity in their parameters or return type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Set<JavaClass> involved = new HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                for (JavaParameter parameter : method.getParameters()) {
                    involved.addAll(parameter.getType().getAllInvolvedRawTypes());
                }
                for (JavaClass type : involved) {
                    if (type.isAnnotatedWith(entity)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes the entity " + type.getSimpleName()));
                    }
                }
            }
        };
    }
}
