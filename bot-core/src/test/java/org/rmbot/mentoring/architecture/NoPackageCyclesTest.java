package org.rmbot.mentoring.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The packages of bot-core (one a feature) depend on each other in one direction only, so each
 * can be read, tested and changed from the bottom up.
 */
class NoPackageCyclesTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.rmbot.mentoring");

  static final ArchRule NO_CYCLES = slices().matching("org.rmbot.mentoring.(*)..").should().beFreeOfCycles();

  @Test
  void botCoresPackagesAreFreeOfCycles() {
    NO_CYCLES.check(CORE);
  }

  @Test
  void theRuleSeesACycle() {
    // Two test classes that use each other across packages: the rule must refuse them.
    JavaClasses cyclic = new ClassFileImporter().importClasses(
        org.rmbot.mentoring.architecture.cycle.one.Ping.class, org.rmbot.mentoring.architecture.cycle.two.Pong.class);
    ArchRule rule = slices().matching("org.rmbot.mentoring.architecture.cycle.(*)..").should().beFreeOfCycles();
    assertThatThrownBy(() -> rule.check(cyclic)).isInstanceOf(AssertionError.class);
  }
}
