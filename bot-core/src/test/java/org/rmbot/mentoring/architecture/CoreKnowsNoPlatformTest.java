package org.rmbot.mentoring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** bot-core talks to chat platforms only through its own port; adapters depend on it, never the reverse. */
class CoreKnowsNoPlatformTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.rmbot.mentoring");

  static final ArchRule NO_PLATFORM_TYPES =
      noClasses().that().resideInAPackage("org.rmbot.mentoring..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "com.slack..", "com.microsoft.bot..", "jakarta.servlet..", "javax.servlet..",
              "org.eclipse.jetty..", "okhttp3..")
          .because("bot-core must stay platform-neutral (see DESIGN.md: the chat port)");

  static final ArchRule NO_ADAPTER_OR_INFRA =
      noClasses().that().resideInAPackage("org.rmbot.mentoring..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "org.rmbot.mentoring.slack..", "org.rmbot.mentoring.teams..", "org.rmbot.mentoring.infra..");

  @Test
  void coreClassesWereFound() {
    // guards against the rules passing vacuously on an empty import
    assertThat(CORE.stream().map(c -> c.getPackageName()))
        .contains("org.rmbot.mentoring.pairing", "org.rmbot.mentoring.persistence");
  }

  @Test
  void noChatSdkOrWebServerTypesInCore() {
    NO_PLATFORM_TYPES.check(CORE);
  }

  @Test
  void coreDoesNotReachIntoAdaptersOrInfra() {
    NO_ADAPTER_OR_INFRA.check(CORE);
  }

  @Test
  void theRuleDoesCatchAViolation() {
    JavaClasses offender = new ClassFileImporter().importClasses(SlackLeak.class);
    ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..");
    assertThatThrownBy(() -> rule.check(offender)).isInstanceOf(AssertionError.class);
  }

  /** Stands in for a core class that leaks a platform type. */
  static final class SlackLeak {
    java.net.http.HttpClient client;
  }
}
