package org.rmbot.mentoring.conversation;

import org.rmbot.mentoring.nudge.Notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.coordination.AddingCoordinator;
import org.rmbot.mentoring.coordination.Addition;
import org.rmbot.mentoring.coordination.MovingPairing;
import org.rmbot.mentoring.coordination.Nudging;
import org.rmbot.mentoring.coordination.NudgingPeople;
import org.rmbot.mentoring.coordination.PairingMove;
import org.rmbot.mentoring.coordination.ProgramRefusal;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.Mention;
import org.rmbot.mentoring.command.PairingRef;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.matching.MatchProposal;
import org.rmbot.mentoring.matching.Matchmaking;
import org.rmbot.mentoring.matching.ProposedPair;
import org.rmbot.mentoring.matching.SettingMatchRules;
import org.rmbot.mentoring.matching.Unmatched;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.report.ProgramFigures;
import org.rmbot.mentoring.report.ProgramStatus;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Coordinator and admin commands about matching, pairings, nudges and coordinators (the program
 * commands are {@link ProgramCommands}). Each finds the program, pairing or people it names among
 * those the person coordinates (a refusal is audited and answered with what the person can do
 * instead), hands the work to its use case, and puts the result into words. Pausing and resuming
 * a pairing, nudging and adding a coordinator are use cases in {@code coordination}.
 */
public final class CoordinatorCommands {
  private static final Catalogue WORDS = Catalogue.english();
  private final ProgramChooser chooser;
  private final Programs programs;
  private final People people;
  private final Participants participants;
  private final Pairings pairings;
  private final Matchmaking matchmaking;
  private final SettingMatchRules rules;
  private final ProgramFigures figures;
  private final Authority authority;
  private final AuditLog audit;
  private final Notifications notifications;
  private final Directory directory;
  private final CoordinatedPrograms coordinating;
  private final AddingCoordinator adding;
  private final MovingPairing moving;
  private final NudgingPeople nudging;

  public CoordinatorCommands(ProgramChooser chooser, Programs programs, People people, Participants participants,
      Pairings pairings, Matchmaking matchmaking, SettingMatchRules rules, ProgramFigures figures, Authority authority,
      AuditLog audit, Notifications notifications, Directory directory, AddingCoordinator adding, MovingPairing moving,
      NudgingPeople nudging) {
    this.chooser = chooser;
    this.programs = programs;
    this.people = people;
    this.participants = participants;
    this.pairings = pairings;
    this.matchmaking = matchmaking;
    this.rules = rules;
    this.figures = figures;
    this.authority = authority;
    this.audit = audit;
    this.notifications = notifications;
    this.directory = directory;
    this.coordinating = new CoordinatedPrograms(chooser, programs, authority, audit);
    this.adding = adding;
    this.moving = moving;
    this.nudging = nudging;
  }

  Reply status(Caller caller, Person person, Command.Status status) {
    return withProgram(person, status.program(), "status", p -> new Reply.Say(statusMessage(figures.status(p))));
  }

  Reply matchPreview(Caller caller, Person person, Command.MatchPreview preview) {
    Actor actor = Actor.person(person.id());
    return withProgram(person, preview.program(), "match preview", p -> proposal(WORDS.phrase("coordinator.match.preview_title"),
        matchmaking.preview(p.id(), actor)));
  }

  Reply matchCommit(Caller caller, Person person, Command.MatchCommit commit) {
    Actor actor = Actor.person(person.id());
    return withProgram(person, commit.program(), "match commit", p -> commit(p.id(), matchmaking.commit(p.id(), actor)));
  }

  Reply rematch(Caller caller, Person person, Command.Rematch rematch) {
    Actor actor = Actor.person(person.id());
    return withProgram(person, rematch.program(), "rematch", p -> commit(p.id(), matchmaking.rematch(p.id(), actor)));
  }

  Reply pair(Caller caller, Person person, Command.Pair pair) {
    Actor actor = Actor.person(person.id());
    return twoPeople(caller, person, pair.mentor(), pair.mentee(), "pair", (p, a, b) -> {
      var pin = rules.pin(p.id(), a.id(), b.id(), actor);
      return pin.isDone() ? Reply.say(WORDS.phrase("coordinator.pair.pinned", "one", a.displayName(), "other", b.displayName()))
          : Reply.say(reason(pin));
    });
  }

  Reply neverPair(Caller caller, Person person, Command.NeverPair never) {
    Actor actor = Actor.person(person.id());
    return twoPeople(caller, person, never.one(), never.other(), "never-pair", (p, a, b) -> {
      var rule = rules.neverPair(p.id(), a.id(), b.id(), actor);
      return rule.isDone() ? Reply.say(WORDS.phrase("coordinator.never_pair.noted", "one", a.displayName(), "other", b.displayName()))
          : Reply.say(reason(rule));
    });
  }

  Reply unpair(Caller caller, Person person, Command.Unpair unpair) {
    Actor actor = Actor.person(person.id());
    return withPairing(caller, person, unpair.pairing(), "unpair", pairing -> {
      var split = rules.unpair(pairing.id(), actor);
      if (split.isDone()) {
        notifications.pairingEnded(pairing);
      }
      return split.isDone() ? Reply.say(WORDS.phrase("coordinator.unpair.done", "pairing", String.valueOf(pairing.id()),
          "rematch", Markup.command("rematch"))) : Reply.say(reason(split));
    });
  }

  Reply pausePairing(Caller caller, Person person, Command.PausePairing pause) {
    Actor actor = Actor.person(person.id());
    return withPairing(caller, person, pause.pairing(), "pause pairing", pairing -> said(moving.pause(actor, pairing.id()),
        "pause pairing", "paused"));
  }

  Reply resumePairing(Caller caller, Person person, Command.ResumePairing resume) {
    Actor actor = Actor.person(person.id());
    return withPairing(caller, person, resume.pairing(), "resume pairing", pairing -> said(moving.resume(actor, pairing.id()),
        "resume pairing", "resumed"));
  }

  Reply nudgePerson(Caller caller, Person person, Command.NudgePerson nudge) {
    Actor actor = Actor.person(person.id());
    return withPeople(caller, person, List.of(nudge.person()), "nudge", (p, named) -> {
      Person target = named.get(0);
      return said(nudging.nudge(actor, p.id(), target.id()), "nudge", target);
    });
  }

  Reply nudgeAtRisk(Caller caller, Person person, Command.NudgeAtRisk command) {
    Actor actor = Actor.person(person.id());
    return withProgram(person, Optional.empty(), "nudge at-risk", p -> said(nudging.nudgeAtRisk(actor, p.id()), "nudge at-risk", null));
  }

  Reply addCoordinator(Caller caller, Person person, Command.AddCoordinator add) {
    Actor actor = Actor.person(person.id());
    // who may comes first, so that every refusal is audited, whatever else is wrong with the request
    Optional<Addition.NotAnAdmin> refused = adding.refusal(actor, add.program());
    if (refused.isPresent()) {
      return Reply.say(WORDS.phrase("coordinator.add.only_admins"));
    }
    Optional<Person> target = resolve(caller, add.person());
    if (target.isEmpty()) {
      return Reply.say(unknown(add.person()));
    }
    Outcome<Program> program = chooser.coordinated(person, add.program());
    if (program instanceof Outcome.Rejected<Program> r) {
      return Reply.say(r.reason());
    }
    return Reply.say(said(adding.add(actor, program.value().id(), target.get().id()), target.get()));
  }

  private static String said(Addition addition, Person target) {
    if (addition instanceof Addition.Added added) {
      return WORDS.phrase("coordinator.add.done", "person", target.displayName(), "program", added.program().name());
    }
    if (addition instanceof Addition.NotAnAdmin) {
      return WORDS.phrase("coordinator.add.only_admins");
    }
    return WORDS.phrase("coordination.programs.gone");
  }

  /** {@code target}: the person nudged; none for the at-risk pairs. */
  private static Reply said(Nudging nudge, String action, Person target) {
    if (nudge instanceof Nudging.Nudged) {
      return Reply.say(WORDS.phrase("coordinator.nudge.will_send", "person", target.displayName()));
    }
    if (nudge instanceof Nudging.NotInProgram not) {
      return Reply.say(WORDS.phrase("coordinator.nudge.not_in_program", "person", target.displayName(), "program",
          not.program().name()));
    }
    if (nudge instanceof Nudging.AtRiskNudged atRisk) {
      return Reply.say(atRisk.pairs() == 0 ? WORDS.phrase("coordinator.nudge_at_risk.none")
          : WORDS.phrase("coordinator.nudge_at_risk.nudging", "count", atRisk.pairs(), "n", String.valueOf(atRisk.pairs())));
    }
    return Reply.say(CoordinatedPrograms.refusal((ProgramRefusal) nudge, action));
  }

  private static Reply said(PairingMove move, String action, String done) {
    if (move instanceof PairingMove.Moved moved) {
      return Reply.say(WORDS.phrase("coordinator.pairing.moved", "pairing", String.valueOf(moved.pairing().id()), "move", done));
    }
    if (move instanceof PairingMove.NotMoved not) {
      return Reply.say(not.reason());
    }
    if (move instanceof PairingMove.NoSuchPairing) {
      return Reply.say(WORDS.phrase("coordinator.pairing.not_found"));
    }
    return Reply.say(CoordinatedPrograms.refusal((ProgramRefusal) move, action));
  }

  /** Resolves the program and checks the person coordinates it; refusals are audited. */
  private Reply withProgram(Person person, Optional<String> name, String action, java.util.function.Function<Program, Reply> work) {
    return coordinating.answer(person, name, action, work);
  }

  /** Before looking anyone up: someone who coordinates nothing is refused, and the refusal audited. */
  private Optional<Reply> refusedToNonCoordinators(Person person, String action) {
    if (coordinating.coordinatesAnything(person)) {
      return Optional.empty();
    }
    audit.refused(Actor.person(person.id()), action, null, AuditSubject.described("not a coordinator"));
    return Optional.of(Reply.say(CoordinatedPrograms.onlyCoordinators(action)));
  }

  interface TwoPeople {
    Reply apply(Program program, Person a, Person b);
  }

  private Reply twoPeople(Caller caller, Person person, Mention one, Mention other, String action, TwoPeople work) {
    return withPeople(caller, person, List.of(one, other), action, (p, named) -> work.apply(p, named.get(0), named.get(1)));
  }

  /**
   * For commands that name people, not a program: the program they all take part in among those
   * the caller coordinates. Someone unknown, and someone known only to programs the caller does
   * not coordinate, get the same answer, so a mention tells nobody who takes part where. Admins
   * coordinate everything and hear which person the bot does not know.
   */
  private Reply withPeople(Caller caller, Person person, List<Mention> mentions, String action,
      java.util.function.BiFunction<Program, List<Person>, Reply> work) {
    Optional<Reply> refused = refusedToNonCoordinators(person, action);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean admin = authority.isAdmin(person.id());
    List<Person> named = new ArrayList<>();
    for (Mention mention : mentions) {
      Optional<Person> found = resolve(caller, mention);
      if (found.isEmpty() && admin) {
        return Reply.say(unknown(mention));
      }
      found.ifPresent(named::add);
    }
    List<Long> shared = named.size() < mentions.size() ? List.of()
        : participants.ofPerson(named.get(0).id()).stream().map(Participant::programId)
            .filter(program -> named.stream().allMatch(n -> participants.find(program, n.id()).isPresent()))
            .distinct().toList();
    List<Long> theirs = shared.stream().filter(program -> authority.canCoordinate(person.id(), program)).toList();
    if (theirs.size() == 1) {
      return work.apply(programs.findById(theirs.get(0)).orElseThrow(), named);
    }
    if (theirs.isEmpty() && !admin) {
      return Reply.say(coordinating.notInTheirPrograms(person, action, shared.isEmpty() ? null : shared.get(0),
          WORDS.phrase("coordinator.people.not_yours", "count", mentions.size(), "one", mentions.get(0).neutralForm(),
              "other", mentions.get(mentions.size() - 1).neutralForm(), "join", Markup.command("join"))));
    }
    // in several of the caller's programs (or, for an admin, in none together): the caller's own program
    return withProgram(person, Optional.empty(), action, p -> work.apply(p, named));
  }

  /**
   * The pairing a command names, by number or by one of its people, if it is in a program the
   * caller coordinates. A number or person that is missing, and one in another program, get the
   * same answer.
   */
  private Reply withPairing(Caller caller, Person person, PairingRef ref, String action, java.util.function.Function<Pairing, Reply> work) {
    Optional<Reply> refused = refusedToNonCoordinators(person, action);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean admin = authority.isAdmin(person.id());
    Optional<Pairing> pairing;
    String none;
    if (ref instanceof PairingRef.Numbered n) {
      pairing = pairings.findById(n.pairingId());
      none = WORDS.phrase("coordinator.pairing.none_numbered", "pairing", String.valueOf(n.pairingId()));
    } else {
      Mention m = ((PairingRef.WithPerson) ref).person();
      Optional<Person> who = resolve(caller, m);
      if (who.isEmpty() && admin) {
        return Reply.say(unknown(m));
      }
      List<Pairing> open = who.stream().flatMap(w -> participants.ofPerson(w.id()).stream())
          .flatMap(p -> pairings.openFor(p.id()).stream()).toList();
      // the one in a program the caller coordinates; else any, for the audit of the refusal
      pairing = open.stream().filter(p -> authority.canCoordinate(person.id(), p.programId())).findFirst()
          .or(() -> open.stream().findFirst());
      none = WORDS.phrase("coordinator.pairing.none_for", "person", m.neutralForm());
    }
    if (pairing.isPresent() && authority.canCoordinate(person.id(), pairing.get().programId())) {
      return work.apply(pairing.get());
    }
    if (admin) {
      return Reply.say(WORDS.phrase("coordinator.pairing.not_found"));
    }
    return Reply.say(coordinating.notInTheirPrograms(person, action, pairing.map(Pairing::programId).orElse(null), none));
  }

  /** A mentioned person: known by this platform id, or by the email in their profile. */
  private Optional<Person> resolve(Caller caller, Mention mention) {
    PlatformIdentity identity = new PlatformIdentity(caller.identity().platform(), caller.identity().workspaceId(), mention.platformUserId());
    Optional<Person> known = people.findByIdentity(identity);
    if (known.isPresent()) {
      return known;
    }
    Optional<Person> byEmail = directory.emailOf(identity).flatMap(people::findByEmail);
    byEmail.ifPresent(p -> people.link(p.id(), identity));
    return byEmail;
  }

  private static String unknown(Mention mention) {
    return WORDS.phrase("coordinator.people.unknown", "person", mention.neutralForm());
  }

  private Reply proposal(String title, Outcome<MatchProposal> outcome) {
    if (outcome instanceof Outcome.Rejected<MatchProposal> r) {
      return Reply.say(capitalise(r.reason()) + ".");
    }
    return new Reply.Say(proposalMessage(title, outcome.value()));
  }

  private Reply commit(long programId, Outcome<Matchmaking.Committed> outcome) {
    if (outcome instanceof Outcome.Rejected<Matchmaking.Committed> r) {
      return Reply.say(capitalise(r.reason()) + ".");
    }
    for (Pairing pairing : outcome.value().pairings()) {
      notifications.proposalMade(pairing);
    }
    // everyone left without a partner is told, privately, once each time they are back in the pool
    List<Unmatched> unmatched = outcome.value().proposal().unmatched();
    List<Pairing> earlier = unmatched.isEmpty() ? List.of() : pairings.inProgram(programId);
    for (Unmatched u : unmatched) {
      long since = earlier.stream().filter(p -> p.mentorId() == u.participantId() || p.menteeId() == u.participantId())
          .mapToLong(Pairing::id).max().orElse(0);
      notifications.unmatched(programId, u.participantId(), since,
          u.reason() instanceof org.rmbot.mentoring.matching.UnmatchedReason.CapacityTaken);
    }
    int proposed = outcome.value().pairings().size();
    return new Reply.Say(proposalMessage(WORDS.phrase("coordinator.match.proposed_title", "count", proposed, "n", String.valueOf(proposed)),
        WORDS.phrase("coordinator.match.proposed_detail", "unmatched", unmatched.size(), "unmatchedCount", String.valueOf(unmatched.size())),
        outcome.value().proposal()));
  }

  /** A preview: its title, then how many pairs and how many unmatched. */
  static ChatMessage proposalMessage(String title, MatchProposal proposal) {
    return proposalMessage(title, WORDS.phrase("coordinator.match.preview_detail", "count", proposal.pairs().size(),
        "n", String.valueOf(proposal.pairs().size()), "unmatched", String.valueOf(proposal.unmatched().size())), proposal);
  }

  /** The pairs of a proposal and why each person left over is unmatched, under "title: detail". */
  static ChatMessage proposalMessage(String title, String detail, MatchProposal proposal) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(WORDS.phrase("coordinator.match.heading", "title", Markup.bold(title), "detail", detail)));
    for (ProposedPair pair : proposal.pairs()) {
      blocks.add(new Block.Section(WORDS.phrase("coordinator.match.pair", "mentor", Markup.bold(pair.mentorName()),
          "mentee", Markup.bold(pair.menteeName()), "pinned", pair.pinned() ? "yes" : "no") + "\n" + pair.explanation()));
    }
    for (Unmatched u : proposal.unmatched()) {
      blocks.add(new Block.Context(WORDS.phrase("coordinator.match.unmatched", "side", u.side().name().toLowerCase(java.util.Locale.ROOT),
          "name", u.name(), "explanation", u.explanation())));
    }
    return new ChatMessage(title, blocks, null);
  }

  static ChatMessage statusMessage(ProgramStatus s) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Section(WORDS.phrase("coordinator.status.heading", "program", Markup.bold(s.programName()), "state", s.state())));
    blocks.add(new Block.Fields(List.of(
        new Block.Field(WORDS.phrase("coordinator.status.participants"), WORDS.phrase("coordinator.status.participants_value",
            "mentors", String.valueOf(s.mentors()), "mentees", String.valueOf(s.mentees()))),
        new Block.Field(WORDS.phrase("coordinator.status.pairs_active"), String.valueOf(s.pairings("active"))),
        new Block.Field(WORDS.phrase("coordinator.status.awaiting_answers"),
            String.valueOf(s.pairings("proposed") + s.pairings("accepted_by_mentor") + s.pairings("accepted_by_mentee"))),
        new Block.Field(WORDS.phrase("coordinator.status.paused_ended"),
            s.pairings("paused") + " / " + (s.pairings("ended") + s.pairings("rematched"))),
        new Block.Field(WORDS.phrase("coordinator.status.met_last_window"), String.valueOf(s.metLastWindow())),
        new Block.Field(WORDS.phrase("coordinator.status.at_risk"), String.valueOf(s.atRisk())),
        new Block.Field(WORDS.phrase("coordinator.status.help_requests"), String.valueOf(s.helpRequests())),
        new Block.Field(WORDS.phrase("coordinator.status.undeliverable"), String.valueOf(s.deadLetters())))));
    // once past its last day the program reads as ended, whatever its pairs' state, until a coordinator closes it
    String fallback = WORDS.phrase("coordinator.status.fallback", "program", s.programName(),
        "ended", s.state().startsWith("ended") ? "yes" : "no", "state", s.state(),
        "active", s.pairings("active"), "activeCount", String.valueOf(s.pairings("active")),
        "met", String.valueOf(s.metLastWindow()), "atRisk", String.valueOf(s.atRisk()));
    java.util.Map<String, Long> figures = new java.util.LinkedHashMap<>();
    figures.put("pairs_active", (long) s.pairings("active"));
    figures.put("pairs_awaiting_answers",
        (long) (s.pairings("proposed") + s.pairings("accepted_by_mentor") + s.pairings("accepted_by_mentee")));
    figures.put("met_last_window", (long) s.metLastWindow());
    figures.put("at_risk_now", (long) s.atRisk());
    figures.put("help_requests_open", (long) s.helpRequests());
    figures.put("undeliverable", (long) s.deadLetters());
    return new ChatMessage(fallback, blocks, null, org.rmbot.mentoring.chat.Meaning.of("status").withFigures(figures));
  }

  private static String reason(Outcome<?> outcome) {
    return capitalise(((Outcome.Rejected<?>) outcome).reason()) + ".";
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
