package org.rmbot.mentoring.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * What runs in production (serve, the other operator commands, the adapters and the core) never
 * uses the demo's or the benchmarks' code, so neither can shape it. The one exception is
 * {@code Main}, which lists {@code demo} and {@code bench} among the jar's subcommands.
 */
class ServeNeverUsesDemoOrBenchTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.rmbot.mentoring");

  static ArchRule rule() {
    return noClasses()
        .that().resideOutsideOfPackages("org.rmbot.mentoring.infra.demo..", "org.rmbot.mentoring.infra.bench..")
        .and().doNotHaveFullyQualifiedName("org.rmbot.mentoring.infra.Main")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.rmbot.mentoring.infra.demo..", "org.rmbot.mentoring.infra.bench..")
        .because("demo and bench live in their own source sets and compose from the same wiring as serve");
  }

  @Test
  void productionCodeNeverUsesDemoOrBench() {
    rule().check(PRODUCTION);
  }

  @Test
  void theImportSeesAllThreeSourceSets() {
    // The rule would pass on nothing if demo or bench classes were not imported.
    assertThat(PRODUCTION.stream().map(c -> c.getPackageName())).contains(
        "org.rmbot.mentoring.infra", "org.rmbot.mentoring.infra.demo", "org.rmbot.mentoring.infra.bench",
        "org.rmbot.mentoring.slack", "org.rmbot.mentoring.teams", "org.rmbot.mentoring.conversation");
  }

  @Test
  void theRuleRefusesServeCodeThatReachesIntoTheDemo() {
    JavaClasses offending = new ClassFileImporter().importClasses(ReachesIntoDemo.class,
        org.rmbot.mentoring.infra.demo.DemoCommand.class);
    assertThatThrownBy(() -> rule().check(offending)).isInstanceOf(AssertionError.class);
  }

  /** A stand-in for production code that would use the demo. */
  static final class ReachesIntoDemo {
    Object demo = new org.rmbot.mentoring.infra.demo.DemoCommand();
  }
}
