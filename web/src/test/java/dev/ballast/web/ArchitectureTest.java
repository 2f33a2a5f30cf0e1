package dev.ballast.web;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies flow one way, core ← ratings ← rebalancer ← api ← web, and within core the
 * domain values depend on nothing but the JDK. Maven already stops a module from seeing the
 * modules above it; these rules also hold the packages inside each module to their place.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // Test fixtures reach us as core's test-jar (for ClusterIT): tests, not architecture.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.ballast");
  }

  @Test
  void modulesDependOnlyDownTheChain() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("dev.ballast.core..")
        .layer("ratings").definedBy("dev.ballast.ratings..")
        .layer("rebalancer").definedBy("dev.ballast.rebalancer..")
        .layer("api").definedBy("dev.ballast.api..")
        .layer("web").definedBy("dev.ballast.web..")
        .whereLayer("web").mayNotBeAccessedByAnyLayer()
        .whereLayer("api").mayOnlyBeAccessedByLayers("web")
        .whereLayer("rebalancer").mayOnlyBeAccessedByLayers("api", "web")
        .whereLayer("ratings").mayOnlyBeAccessedByLayers("rebalancer", "api", "web")
        .check(classes);
  }

  @Test
  void domainValuesKnowNothingOfStorageOrFrameworks() {
    noClasses().that().resideInAnyPackage("dev.ballast.core.asset..", "dev.ballast.core.price..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.ballast.core.store..", "dev.ballast.core.importer..",
            "dev.ballast.core.market..", "org.jdbi..", "org.flywaydb..", "io.dropwizard..",
            "jakarta.ws.rs..", "com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void onlyTheApiAndWebUseDropwizardAndJersey() {
    noClasses().that().resideInAnyPackage(
            "dev.ballast.core..", "dev.ballast.ratings..", "dev.ballast.rebalancer..")
        .should().dependOnClassesThat().resideInAnyPackage("io.dropwizard..", "jakarta.ws.rs..")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.ballast.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
