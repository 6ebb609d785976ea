package org.rmbot.mentoring.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.common.Transactions;
import org.rmbot.mentoring.pairing.Pairing;
import org.rmbot.mentoring.pairing.Pairings;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.ProgramState;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The coordinator's matching commands: {@code match preview} (compute, save nothing),
 * {@code match commit} (save the proposals, each waiting for both sides' consent) and
 * {@code rematch} (the same over whoever is unpaired now; open pairings are kept).
 */
public final class Matchmaking {
  private static final Catalogue WORDS = Catalogue.english();
  /** What a commit saved: the new pairings, and the proposal they came from (with the unmatched). */
  public record Committed(List<Pairing> pairings, MatchProposal proposal) {}

  private final Transactions transactions;
  private final Programs programs;
  private final Pairings pairings;
  private final MatchConstraints constraints;
  private final Authority authority;
  private final AuditLog audit;
  private final MatchPool pool;
  private final MatchingEngine engine;

  public Matchmaking(Transactions transactions, Programs programs, Participants participants, People people,
      Pairings pairings, MatchConstraints constraints, Authority authority, AuditLog audit, Clock clock,
      MatchingEngine engine) {
    this.transactions = transactions;
    this.programs = programs;
    this.pairings = pairings;
    this.constraints = constraints;
    this.authority = authority;
    this.audit = audit;
    this.pool = new MatchPool(participants, people, pairings, constraints, clock);
    this.engine = engine;
  }

  public Outcome<MatchProposal> preview(long programId, Actor actor) {
    Outcome<Program> program = programToMatch(programId, actor, "match preview");
    if (!program.isDone()) {
      return Outcome.rejected(((Outcome.Rejected<Program>) program).reason());
    }
    Outcome<MatchProposal> proposal = propose(program.value());
    if (proposal.isDone()) {
      audit.record(actor, "match preview", programId,
          AuditSubject.described(proposal.value().pairs().size() + " pairs, " + proposal.value().unmatched().size() + " unmatched"));
    }
    return proposal;
  }

  public Outcome<Committed> commit(long programId, Actor actor) {
    return save(programId, actor, "match commit");
  }

  public Outcome<Committed> rematch(long programId, Actor actor) {
    return save(programId, actor, "rematch");
  }

  private Outcome<Committed> save(long programId, Actor actor, String action) {
    return transactions.inTransaction(() -> {
      Outcome<Program> found = programToMatch(programId, actor, action);
      if (!found.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<Program>) found).reason());
      }
      Program program = found.value();
      // serialise concurrent commits of one program: the second sees the first one's pairings
      lockProgram(programId);
      Outcome<MatchProposal> proposal = propose(program);
      if (!proposal.isDone()) {
        return Outcome.rejected(((Outcome.Rejected<MatchProposal>) proposal).reason());
      }
      List<Pairing> saved = new ArrayList<>();
      for (ProposedPair pair : proposal.value().pairs()) {
        saved.add(pairings.propose(programId, pair.mentorParticipantId(), pair.menteeParticipantId(),
            pair.score(), pair.explanation(), pair.pinned()));
      }
      constraints.clearPins(programId);
      if (program.state() == ProgramState.DRAFT || program.state() == ProgramState.ENROLLING) {
        programs.changeState(programId, ProgramState.MATCHING);
      }
      audit.record(actor, action, programId,
          AuditSubject.described(saved.size() + " pairs proposed, " + proposal.value().unmatched().size() + " unmatched"));
      return Outcome.done(new Committed(List.copyOf(saved), proposal.value()));
    });
  }

  private void lockProgram(long programId) {
    programs.lockForUpdate(programId);
  }

  private Outcome<MatchProposal> propose(Program program) {
    MatchPool.Input input = pool.of(program);
    if (!MatchPool.hasBothSides(input.candidates())) {
      return Outcome.rejected(MatchPool.emptySide(input.candidates()));
    }
    try {
      return Outcome.done(engine.propose(input.rules(), input.candidates(), input.reportingLines()));
    } catch (MatchingInputException e) {
      return Outcome.rejected(WORDS.phrase("matching.cannot_match_yet", "problems", String.join("; ", e.problems())));
    }
  }

  private Outcome<Program> programToMatch(long programId, Actor actor, String action) {
    var program = programs.findById(programId);
    if (program.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("matching.no_such_program", "id", String.valueOf(programId)));
    }
    if (!authority.canCoordinate(actor, programId)) {
      audit.refused(actor, action, programId, AuditSubject.described("not a coordinator"));
      return Outcome.rejected(WORDS.phrase("matching.only_coordinators_run", "command", Markup.command(action)));
    }
    if (program.get().state() == ProgramState.CLOSED) {
      return Outcome.rejected(WORDS.phrase("matching.program_closed", "name", program.get().name()));
    }
    return Outcome.done(program.get());
  }
}
