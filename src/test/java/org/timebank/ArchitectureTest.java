package org.timebank;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.haveAnyDependenciesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture as rules over the compiled service: top-level packages name the business (the
 * features), each with the sub-packages it needs, {@code api}, {@code domain} and {@code persistence},
 * and its services at the top.
 */
@AnalyzeClasses(packages = "org.timebank", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final Pattern PERSISTENCE = Pattern.compile("org\\.timebank\\.(\\w+)\\.persistence(\\..*)?");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_framework = noClasses()
            .that().resideInAPackage("org.timebank..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..",
                    "org.eclipse.microprofile..", "io.vertx..", "com.fasterxml..", "java.sql..", "org.hibernate..");

    /** A feature's rules may use another feature's rules (its events, its values), never its services. */
    @ArchTest
    static final ArchRule the_domain_uses_no_other_layer_of_the_service = noClasses()
            .that().resideInAPackage("org.timebank..domain..")
            .should().dependOnClassesThat(resideInAPackage("org.timebank..")
                    .and(not(resideInAPackage("org.timebank..domain.."))));

    /** A feature asks another through its services, so that each keeps its tables and their invariants to itself. */
    @ArchTest
    static final ArchRule no_feature_reaches_into_another_features_persistence = noClasses()
            .should(haveAnyDependenciesThat(DescribedPredicate.describe("reach into another feature's persistence",
                    ArchitectureTest::intoAnotherFeaturesPersistence)));

    @ArchTest
    static final ArchRule the_features_depend_on_each_other_without_cycles = slices()
            .matching("org.timebank.(*)..").should().beFreeOfCycles();

    /**
     * Services speak commands and results; the resources map them from and to the HTTP records.
     * {@code dev} (demo data) and {@code openapi} (the document's finishing touches) work on the
     * API itself, and nothing depends on them.
     */
    @ArchTest
    static final ArchRule services_do_not_depend_on_any_api = noClasses()
            .that().resideInAPackage("org.timebank.*")
            .and().resideOutsideOfPackages("org.timebank.dev", "org.timebank.openapi")
            .should().dependOnClassesThat().resideInAPackage("org.timebank.*.api..");

    private static boolean intoAnotherFeaturesPersistence(Dependency dependency) {
        Matcher target = PERSISTENCE.matcher(dependency.getTargetClass().getPackageName());
        return target.matches()
                && !dependency.getOriginClass().getPackageName().startsWith("org.timebank." + target.group(1) + ".")
                && !dependency.getOriginClass().getPackageName().equals("org.timebank." + target.group(1));
    }
}
