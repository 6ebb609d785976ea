package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ActionIds;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.feedback.Campaign;
import org.rmbot.mentoring.feedback.CampaignAudience;
import org.rmbot.mentoring.feedback.Purpose;
import org.rmbot.mentoring.infra.Settings;
import org.rmbot.mentoring.infra.Storage;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.testing.DataDirectoryForensics;
import org.rmbot.mentoring.testing.DataDirectoryForensics.Finding;

/**
 * {@code forget-me} as the adversary who holds the embedded server's whole data directory sees
 * it. A person takes part in everything (joins, is paired, meets, checks in, writes a
 * reflection, asks for help, answers feedback, is nudged by the coordinator, is known to the
 * Teams adapter), the statistics are analysed, and then they erase themselves. Afterwards, as
 * the superuser, nothing of theirs is found, in UTF-8 bytes, in any page of any relation
 * ({@code get_raw_page}), in {@code pg_stats}, or in any file of the data directory: relation
 * files and every WAL segment included. The same search before the erasure finds them in each
 * of those places, so the search itself is shown to work.
 *
 * <p>The server is the persistent one, started by {@link Storage} exactly as {@code serve}
 * starts it (fsync and full-page writes on, so the WAL holds full-page images).
 */
class ErasureLeavesNoTraceTest {
  private static final String NAME = "Zoë Quartermaine-Okonkwo";
  private static final String USER_ID = "U07ZQXWV3KD";
  // the address DeskWorld.caller gives her: what her Slack profile says
  private static final String EMAIL = "zoë.quartermaine-okonkwo@example.com";
  private static final String TEAMS_ID = "a5c7e2f0-zoe-aad-object-9b31";
  private static final String TEAMS_CHAT = "a:1zoeQuartermainePersonalChat";
  private static final List<String> HER = List.of(NAME, EMAIL, USER_ID, TEAMS_ID, TEAMS_CHAT);

  @TempDir Path dir;

  @Test
  void afterForgetMeNoPageStatisticOrFileOfTheEmbeddedServerHoldsThePerson() throws Exception {
    try (Storage storage = Storage.open(new Settings(dir, Optional.empty()), 8)) {
      DeskWorld w = new DeskWorld(storage.database());
      try {
        assertThat(w.count("select count(*) from pg_roles where rolname = current_user and rolname = 'mentoring'"
            + " and not rolsuper")).as("the bot's connection is its own role, no superuser").isEqualTo(1);
        Caller zoe = takesPartInEverything(w);
        DataDirectoryForensics adversary = new DataDirectoryForensics(dir.resolve("postgres"));
        try (Connection c = adversary.connect("postgres"); Statement s = c.createStatement()) {
          assertThat(show(s, "fsync") + "/" + show(s, "full_page_writes")).isEqualTo("on/on");
          s.execute("analyze"); // what autovacuum does on its own sooner or later
        }

        List<Finding> before = adversary.search(HER);
        assertThat(before).as("the search finds her before the erasure")
            .anyMatch(f -> f.where().startsWith("page public.person ") && f.needle().equals(NAME))
            .anyMatch(f -> f.where().startsWith("page public.person_email_key ") && f.needle().equals(EMAIL))
            .anyMatch(f -> f.where().startsWith("page public.platform_identity_pkey ") && f.needle().equals(USER_ID))
            .anyMatch(f -> f.where().startsWith("page pg_toast.") && f.needle().equals(NAME))
            .anyMatch(f -> f.where().startsWith("pg_stats") && f.needle().equals(EMAIL))
            .anyMatch(f -> f.where().startsWith("file pg_wal/") && f.needle().equals(NAME))
            .anyMatch(f -> f.where().startsWith("file base/") && f.needle().equals(USER_ID));

        Block.Button confirm = DeskWorld.button(w.say(zoe, "forget-me"));
        assertThat(DeskWorld.text(w.click(zoe, confirm.actionId(), confirm.value())))
            .contains("I've erased everything I held about you");

        assertThat(adversary.search(HER)).as("what still holds her after forget-me").isEmpty();
        assertThat(w.count("select count(*) from person")).as("everyone else is still there").isEqualTo(12);
      } finally {
        w.close();
      }
    }
  }

  /** Zoë joins a program with five other pairs and does everything the bot records something about. */
  private static Caller takesPartInEverything(DeskWorld w) throws Exception {
    Scene scene = new Scene(w, 5, Map.of(), List.of());
    Caller zoe = DeskWorld.caller(USER_ID, NAME);
    Caller partner = DeskWorld.caller("UPARTNER9", "Partner Person");
    long programId = scene.program.id();
    w.core.programs().changeState(programId, ProgramState.ENROLLING);
    join(w, zoe, programId, Map.of("role", "mentor", "grade", "2", "department", "Research", "topics_offered",
        "allyship", "topics_sought", "strategy", "consent", "yes", "focus_areas", "growing up queer in a small town"));
    join(w, partner, programId, Map.of("role", "mentee", "grade", "8", "department", "Finance", "topics_offered",
        "strategy", "topics_sought", "allyship", "consent", "yes"));
    w.core.programs().changeState(programId, ProgramState.ACTIVE);
    long zoeId = w.core.people().findByIdentity(zoe.identity()).orElseThrow().id();
    long partnerId = w.core.people().findByIdentity(partner.identity()).orElseThrow().id();
    Pairing pairing = w.core.pairings().propose(programId, w.core.participants().find(programId, zoeId).orElseThrow().id(),
        w.core.participants().find(programId, partnerId).orElseThrow().id(), 0, "different departments", false);
    w.core.pairingLifecycle().apply(pairing.id(), PairingEvent.MENTOR_ACCEPTS);
    w.core.pairingLifecycle().apply(pairing.id(), PairingEvent.MENTEE_ACCEPTS);
    w.deliver();

    w.click(zoe, ActionIds.WRITE_REFLECTION, String.valueOf(pairing.id()));
    assertThat(DeskWorld.text(w.submit(zoe, ActionIds.REFLECTION_FORM + pairing.id(),
        Map.of("text", "I told him about my first pride march")))).contains("Saved to your private journal");
    assertThat(DeskWorld.text(w.say(zoe, "help-request my partner keeps cancelling"))).contains("Your request is private");
    w.core.meetings().book(pairing.id(), w.world.clock.instant().plus(Duration.ofDays(2)), zoeId);
    w.core.meetings().checkIn(pairing.id(), zoeId, LocalDate.of(2026, 1, 5), CheckInAnswer.MET);
    Campaign campaign = w.nudges.feedback().open(programId, Purpose.FEEDBACK, CampaignAudience.EVERYONE,
        w.world.clock.instant().plus(Duration.ofDays(7)), Actor.person(scene.person(scene.coordinator).id())).value();
    w.submit(zoe, "feedback:" + campaign.id(), Map.of("safe", "4", "working", "4", "learned", "5", "comment", "good"));
    assertThat(DeskWorld.text(w.say(scene.coordinator, "nudge <@" + USER_ID + ">")))
        .contains("I'll send " + NAME + " a friendly nudge");
    assertThat(DeskWorld.text(w.say(scene.coordinator, "help-requests"))).doesNotContain("No open help requests");
    assertThat(DeskWorld.text(w.say(zoe, "my-data"))).contains("my-data.json");
    w.deliver();
    assertThat(w.slack.to(USER_ID)).as("messages the bot sent her").isNotEmpty();

    // what the Teams adapter keeps to reach her: the SDK's conversation reference (her name and ids
    // in it, with random padding so that it is stored out of line, uncompressed, in TOAST)
    byte[] padding = new byte[3000];
    new SecureRandom().nextBytes(padding);
    String reference = """
        {"user": {"id": "29:%s", "name": "%s", "aadObjectId": "%s"}, "conversation": {"id": "%s"}, "padding": "%s"}"""
        .formatted(TEAMS_ID, NAME, TEAMS_ID, TEAMS_CHAT, Base64.getEncoder().encodeToString(padding));
    w.world.jdbi.useHandle(h -> {
      h.execute("insert into platform_identity (platform, workspace_id, user_id, person_id) values ('teams', 'tenant-1', ?, ?)",
          TEAMS_ID, zoeId);
      h.execute("""
          insert into teams_person (tenant_id, aad_object_id, user_id, display_name, service_url, personal_conversation_id,
            personal_reference, seen_at) values ('tenant-1', ?, ?, ?, 'https://smba.example', ?, cast(? as jsonb), now())""",
          TEAMS_ID, "29:" + TEAMS_ID, NAME, TEAMS_CHAT, reference);
      h.execute("insert into teams_delivery (conversation_id, delivery_key, activity_id, sent_at) values (?, 'nudge-1', '1', now())",
          TEAMS_CHAT);
    });
    return zoe;
  }

  private static void join(DeskWorld w, Caller caller, long programId, Map<String, String> answers) {
    w.say(caller, "join");
    assertThat(DeskWorld.text(w.submit(caller, "join:" + programId, answers))).contains("You're in");
  }

  private static String show(Statement s, String setting) throws Exception {
    try (var rs = s.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
