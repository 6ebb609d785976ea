package org.rmbot.mentoring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.feedback.AnonymousFeedback;
import org.rmbot.mentoring.feedback.CampaignSchedule;
import org.rmbot.mentoring.feedback.FeedbackFormsInDatabase;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.personaldata.Erasure;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class TeamsErasureTest {
  private static final SecretKey SECRET = SecretKey.of("a-teams-erasure-secret-that-is-long-enough");
  @RegisterExtension final TestDatabase db = new TestDatabase();

  @Test
  void erasingAPersonRemovesWhatTheTeamsAdapterKeepsToReachThemAndNobodyElses() {
    World world = new World(db.jdbi());
    AnonymousFeedback feedback = new AnonymousFeedback(db.jdbi(), new SealedBox(SECRET), SECRET, world.programs,
        world.participants, new FeedbackFormsInDatabase(db.jdbi(), world.clock), CampaignSchedule.NONE, world.audit,
        world.clock);
    Person zoe = world.aPerson("Zoe");
    Person amara = world.aPerson("Amara");
    seen(zoe, "aad-zoe", "a:zoe");
    seen(amara, "aad-amara", "a:amara");

    new Erasure(db.jdbi(), feedback, world.audit, world.clock, List.of(new TeamsErasure()))
        .forget(zoe.id(), Actor.person(zoe.id()), null);

    assertThat(rows("select aad_object_id from teams_person")).containsExactly("aad-amara");
    assertThat(rows("select conversation_id from teams_delivery")).containsExactly("a:amara");
    assertThat(rows("select conversation_id from teams_pending_file")).containsExactly("a:amara");
  }

  private void seen(Person person, String aad, String chat) {
    db.jdbi().useHandle(h -> {
      h.execute("insert into platform_identity (platform, workspace_id, user_id, person_id) values ('teams', 'tenant-1', ?, ?)",
          aad, person.id());
      h.execute("""
          insert into teams_person (tenant_id, aad_object_id, user_id, display_name, service_url, personal_conversation_id,
            personal_reference, seen_at) values ('tenant-1', ?, ?, ?, 'https://smba.example', ?, '{}'::jsonb, now())""",
          aad, "29:" + aad, person.displayName(), chat);
      h.execute("insert into teams_delivery (conversation_id, delivery_key, activity_id, sent_at) values (?, 'nudge-1', '1', now())",
          chat);
      h.execute("insert into teams_pending_file (id, conversation_id, file_name, sealed, expires_at)"
          + " values (gen_random_uuid(), ?, 'report.csv', '\\x00'::bytea, now() + interval '1 hour')", chat);
    });
  }

  private List<String> rows(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }
}
