package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Finding 7: admin rights matched the platform user id alone. Authority belongs to the whole
 * identity (platform, installation, user id): the configured admin {@code UADMIN} of workspace
 * T-ACME is not an admin when the same user id arrives from another workspace, from a Teams
 * tenant or from another platform, and each of those is a different person.
 */
class AuthorityBindingTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private DeskWorld w;

  @BeforeEach
  void setUp() {
    w = new DeskWorld(db.database());
  }

  @AfterEach
  void tearDown() {
    w.close();
  }

  private static Caller from(Platform platform, String installation, String user, String name, String email) {
    return new Caller(new PlatformIdentity(platform, installation, user), name, Optional.of(email),
        Optional.of(ZoneId.of("Europe/London")));
  }

  @Test
  void theConfiguredAdminIsAnAdminInTheirOwnWorkspace() {
    Caller ada = from(Platform.SLACK, DeskWorld.WORKSPACE, "UADMIN", "Ada Admin", "ada@example.com");
    assertThat(DeskWorld.text(w.say(ada, "program create \"Pilot\" Allyship"))).startsWith("Created \"Pilot\"");
  }

  @Test
  void theSameUserIdFromAnotherWorkspaceIsNotAnAdminAndIsSomeoneElse() {
    Caller ada = from(Platform.SLACK, DeskWorld.WORKSPACE, "UADMIN", "Ada Admin", "ada@example.com");
    Caller mallory = from(Platform.SLACK, "T-ELSEWHERE", "UADMIN", "Mallory", "mallory@elsewhere.example");
    assertThat(DeskWorld.text(w.say(mallory, "program create \"Mine\" Allyship"))).startsWith("Only workspace admins");
    assertThat(DeskWorld.text(w.say(ada, "program create \"Pilot\" Allyship"))).startsWith("Created \"Pilot\"");
    assertThat(personOf(mallory.identity())).isNotEqualTo(personOf(ada.identity()));
    assertThat(w.core.programs().findByName("Mine")).isEmpty();
  }

  @Test
  void theSameUserIdFromATeamsTenantIsNotAnAdminAndIsSomeoneElse() {
    Caller ada = from(Platform.SLACK, DeskWorld.WORKSPACE, "UADMIN", "Ada Admin", "ada@example.com");
    Caller teams = from(Platform.TEAMS, "56653e9d-2158-46ee-90d7-675c39642038", "UADMIN", "Tess", "tess@tenant.example");
    assertThat(DeskWorld.text(w.say(teams, "program create \"Mine\" Allyship"))).startsWith("Only workspace admins");
    assertThat(DeskWorld.text(w.say(ada, "help"))).contains("For workspace admins");
    assertThat(DeskWorld.text(w.say(teams, "help"))).doesNotContain("For workspace admins");
    assertThat(personOf(teams.identity())).isNotEqualTo(personOf(ada.identity()));
  }

  /** A workspace id that happens to equal the admin's user id, and the reverse: still someone else. */
  @Test
  void installationAndUserAreNotInterchangeable() {
    Caller swapped = from(Platform.SLACK, "UADMIN", DeskWorld.WORKSPACE, "Swapped", "swapped@example.com");
    assertThat(DeskWorld.text(w.say(swapped, "program create \"Mine\" Allyship"))).startsWith("Only workspace admins");
  }

  private long personOf(PlatformIdentity identity) {
    return w.core.people().findByIdentity(identity).orElseThrow().id();
  }
}
