package org.rmbot.mentoring.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.PairingEvent;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.NewProgram;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;

/**
 * A program run through the desk as people would: a coordinator, then mentors and mentees who
 * join with the join form, paired one to one and both accepting.
 */
final class Scene {
  final DeskWorld w;
  final Program program;
  final Caller coordinator = DeskWorld.caller("UCORA", "Cora Coordinator");
  final List<Caller> mentors = new ArrayList<>();
  final List<Caller> mentees = new ArrayList<>();
  final List<Pairing> pairings = new ArrayList<>();

  /** {@code pairs} mentors and mentees; mentor i (0-based) shares focus areas only if listed in {@code sharing}. */
  Scene(DeskWorld w, int pairs, Map<Integer, String> focusAreas, List<Integer> sharing) {
    this.w = w;
    program = w.core.programs().create(NewProgram.reverse("Pilot", "LGBTQ+ inclusion", LocalDate.of(2026, 1, 5)));
    w.core.programs().changeState(program.id(), ProgramState.ENROLLING);
    w.say(coordinator, "me");
    w.core.programs().addCoordinator(program.id(), person(coordinator).id());
    for (int i = 0; i < pairs; i++) {
      Caller mentor = DeskWorld.caller("UM" + i, "Mentor Number" + i);
      Map<String, String> answers = new HashMap<>(Map.of("role", "mentor", "grade", "2", "department", "Dept M" + i,
          "topics_offered", "allyship", "topics_sought", "strategy", "consent", "yes"));
      if (focusAreas.containsKey(i)) {
        answers.put("focus_areas", focusAreas.get(i));
        if (sharing.contains(i)) {
          answers.put("focus_share", "yes");
        }
      }
      join(mentor, answers);
      mentors.add(mentor);
      Caller mentee = DeskWorld.caller("UE" + i, "Mentee Number" + i);
      join(mentee, Map.of("role", "mentee", "grade", "8", "department", "Dept E" + i, "topics_offered", "strategy",
          "topics_sought", "allyship", "consent", "yes"));
      mentees.add(mentee);
    }
    w.core.programs().changeState(program.id(), ProgramState.ACTIVE);
    for (int i = 0; i < pairs; i++) {
      Pairing p = w.core.pairings().propose(program.id(), participant(mentors.get(i)).id(), participant(mentees.get(i)).id(),
          0, "different departments; shared topic: allyship", false);
      w.core.pairingLifecycle().apply(p.id(), PairingEvent.MENTOR_ACCEPTS);
      pairings.add(w.core.pairingLifecycle().apply(p.id(), PairingEvent.MENTEE_ACCEPTS).value());
    }
  }

  private void join(Caller caller, Map<String, String> answers) {
    assertThat(w.say(caller, "join")).isInstanceOf(Reply.ShowForm.class);
    Reply joined = w.submit(caller, "join:" + program.id(), answers);
    assertThat(DeskWorld.text(joined)).contains("You're in \"Pilot\"");
  }

  Person person(Caller caller) {
    return w.core.people().findByIdentity(caller.identity()).orElseThrow();
  }

  Participant participant(Caller caller) {
    return w.core.participants().find(program.id(), person(caller).id()).orElseThrow();
  }

  List<Caller> everyone() {
    List<Caller> all = new ArrayList<>(mentors);
    all.addAll(mentees);
    return all;
  }
}
