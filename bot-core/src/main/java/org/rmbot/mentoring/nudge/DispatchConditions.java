package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rmbot.mentoring.meeting.CheckIn;
import org.rmbot.mentoring.meeting.CheckInAnswer;
import org.rmbot.mentoring.meeting.Meeting;
import org.rmbot.mentoring.meeting.MeetingStatus;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.program.ProgramState;

/**
 * Decides, when a nudge comes due, whether it still makes sense to send it now: the plan was
 * made earlier and the world moved on (they booked, they met, someone paused or snoozed, the
 * hour is outside someone's working day).
 */
final class DispatchConditions {

  sealed interface Decision {}

  record Send() implements Decision {}

  /** Not now: try again at {@code until} (working hours, snooze). */
  record Defer(Instant until) implements Decision {}

  /** Never, for a reason that belongs to this nudge only (already booked, expired...). */
  record Skip(String reason) implements Decision {}

  /** Never, because the pairing or the person's participation is over. */
  record Cancel(String reason) implements Decision {}

  private final Meetings meetings;
  private final DeliveryContexts contexts;

  DispatchConditions(Meetings meetings, DeliveryContexts contexts) {
    this.meetings = meetings;
    this.contexts = contexts;
  }

  Decision decide(DeliveryContext ctx, NudgePolicy policy, Instant now) {
    Nudge n = ctx.nudge();
    NudgeKind kind = n.kind();
    // a program's last messages and its final feedback still go out after a coordinator closes it
    boolean programLevel = kind == NudgeKind.CLOSING || kind == NudgeKind.FEEDBACK_INVITATION;
    if (ctx.programState() == ProgramState.CLOSED && !programLevel) {
      return new Cancel("program_closed");
    }
    // after the last day the program has said goodbye: nothing that organises pairs goes out,
    // only the closing thanks, feedback, and what a person or a coordinator asked for
    if (organisesPairs(kind) && ctx.programOver(now)) {
      return new Cancel("program_ended");
    }
    if (kind == NudgeKind.PROPOSAL) {
      if (!ctx.pair().state().awaitingConsent()) {
        return new Cancel("proposal_closed");
      }
    } else if (ctx.pair() != null && !kind.aboutConsent()) {
      switch (ctx.pair().state()) {
        case ACTIVE -> {}
        case PAUSED -> {
          return new Skip("pairing_paused");
        }
        default -> {
          return new Cancel("pairing_ended");
        }
      }
    }
    if (n.audience() == Audience.PERSON && ctx.recipient() == null) {
      return new Cancel("recipient_gone");
    }
    for (DeliveryContext.Side side : ctx.audience()) {
      if (side.status() == ParticipantStatus.LEFT) {
        return new Cancel("participant_left");
      }
      if (side.status() == ParticipantStatus.PAUSED) {
        return new Skip("participant_paused");
      }
    }
    // planned before a coordinator switched the kind off (after the pause checks, so a paused
    // window still counts as paused)
    if (kind.switchable() && !policy.sends(kind)) {
      return new Cancel("switched_off");
    }
    if (n.expiresAt() != null && !now.isBefore(n.expiresAt())) {
      return new Skip("expired");
    }
    Instant snoozedUntil = ctx.audience().stream().map(DeliveryContext.Side::snoozedUntil)
        .filter(s -> s != null && s.isAfter(now)).max(Instant::compareTo).orElse(null);
    if (snoozedUntil != null) {
      return deferOrExpire(n, nextWorking(ctx, snoozedUntil), "recipient_snoozed");
    }
    if (!ctx.audience().isEmpty()) {
      Instant working = nextWorking(ctx, now);
      if (!working.equals(now)) {
        // a short meeting reminder is only any use at its time (MeetingReminders)
        return deferOrExpire(n, working, kind == NudgeKind.MEETING_REMINDER ? "outside_working_hours" : "expired");
      }
    }
    // the program's words to pairs go to people in a pairing (and to coordinators); nobody unmatched
    boolean toPairs = kind == NudgeKind.KICKOFF || kind == NudgeKind.MIDPOINT || kind == NudgeKind.CLOSING;
    if (toPairs && ctx.recipient() != null && ctx.recipient().role() != null
        && !contexts.inOpenPairing(n.programId(), n.recipientPersonId())) {
      return new Skip("not_in_a_pairing");
    }
    return switch (kind) {
      case HELP_REQUEST -> contexts.helpRequestOpen(NudgeMessages.helpRequestOf(n)) ? new Send() : new Skip("resolved");
      case UNMATCHED -> contexts.inOpenPairing(n.programId(), n.recipientPersonId()) ? new Skip("matched_since") : new Send();
      case BOOK_FIRST_MEETING -> booked(ctx.pair().pairingId()) ? new Skip("meeting_booked") : new Send();
      case MEETING_REMINDER -> meetingStillOn(ctx, now) ? new Send() : new Skip("meeting_changed");
      case CHECK_IN -> answered(ctx) ? new Skip("already_answered") : new Send();
      case STALLED -> escalation(ctx, policy, now, policy.stalledAfterWindows());
      case AT_RISK -> escalation(ctx, policy, now, policy.atRiskAfterWindows());
      default -> new Send();
    };
  }

  /** The kinds that keep a pairing going: they make no sense once the program has ended. */
  static boolean organisesPairs(NudgeKind kind) {
    return switch (kind) {
      case INTRODUCTION, BOOK_FIRST_MEETING, MENTOR_PREPARATION, MEETING_REMINDER, CHECK_IN, REFLECTION, STALLED,
          AT_RISK, PROPOSAL -> true;
      default -> false;
    };
  }

  private static Decision deferOrExpire(Nudge n, Instant until, String reasonIfExpired) {
    if (n.expiresAt() != null && !until.isBefore(n.expiresAt())) {
      return new Skip(reasonIfExpired);
    }
    return new Defer(until);
  }

  /** The first instant at or after {@code at} inside the working hours of everyone the nudge goes to. */
  static Instant nextWorking(DeliveryContext ctx, Instant at) {
    List<Person> people = ctx.audience().stream().map(DeliveryContext.Side::person).toList();
    if (people.size() == 1) {
      return WorkingTime.next(people.get(0), at);
    }
    return WorkingTime.nextCommon(people, at)
        // as when planning: hours that never overlap follow the junior mentor's day
        .orElseGet(() -> WorkingTime.next(ctx.pair().mentor().person(), at));
  }

  private boolean booked(long pairingId) {
    return meetings.ofPairing(pairingId).stream().anyMatch(m -> m.status() != MeetingStatus.CANCELLED);
  }

  private boolean meetingStillOn(DeliveryContext ctx, Instant now) {
    WindowRef.MeetingReminder ref = (WindowRef.MeetingReminder) ctx.nudge().window();
    return meetings.ofPairing(ctx.pair().pairingId()).stream().anyMatch(m -> m.id() == ref.meetingId()
        && m.status() == MeetingStatus.PLANNED && m.scheduledAt().getEpochSecond() == ref.scheduledAtEpochSecond()
        && m.scheduledAt().isAfter(now));
  }

  private boolean answered(DeliveryContext ctx) {
    LocalDate window = windowDate(ctx.nudge());
    long person = ctx.nudge().recipientPersonId();
    return meetings.checkInsOf(ctx.pair().pairingId()).stream()
        .anyMatch(c -> c.personId() == person && c.windowStart().equals(window));
  }

  /**
   * Sends the escalation only when the windows without a meeting, counted back from this one,
   * are exactly {@code threshold}: fewer means they met recently; more means this step of the
   * ladder already went out for an earlier window. A meeting booked ahead also stops it, and
   * a window the pairing spent paused (its check-ins were skipped for that) ends the count like
   * a meeting does: an agreed break is not a stall.
   */
  private Decision escalation(DeliveryContext ctx, NudgePolicy policy, Instant now, int threshold) {
    DeliveryContext.Pair pair = ctx.pair();
    List<Meeting> booked = meetings.ofPairing(pair.pairingId());
    if (booked.stream().anyMatch(m -> m.status() == MeetingStatus.PLANNED && m.scheduledAt().isAfter(now))) {
      return new Skip("meeting_booked");
    }
    List<CheckIn> answers = meetings.checkInsOf(pair.pairingId());
    Set<WindowRef> pausedWindows = contexts.pausedWindows(pair.pairingId());
    Duration cadence = Duration.ofDays(ctx.cadenceDays());
    Optional<Integer> window = windowIndex(ctx, windowDate(ctx.nudge()));
    if (window.isEmpty()) {
      return new Skip("unknown_window");
    }
    int withoutMeeting = 0;
    for (int k = window.get(); k >= 1; k--) {
      Instant start = pair.activatedAt().plus(cadence.multipliedBy(k - 1));
      Instant end = start.plus(cadence);
      LocalDate startDay = LocalDate.ofInstant(start, ctx.programZone());
      boolean met = answers.stream().anyMatch(c -> c.answer() == CheckInAnswer.MET && c.windowStart().equals(startDay))
          || booked.stream().anyMatch(m -> m.status() == MeetingStatus.HELD
              && !m.scheduledAt().isBefore(start) && m.scheduledAt().isBefore(end));
      if (met || pausedWindows.contains(WindowRef.CadenceWindow.of(start, ctx.programZone()))) {
        break;
      }
      withoutMeeting++;
    }
    if (withoutMeeting < threshold) {
      return new Skip("met_recently");
    }
    if (withoutMeeting > threshold) {
      return new Skip("already_escalated");
    }
    return new Send();
  }

  /** Which cadence window (1-based) of the pairing starts on this day. */
  static Optional<Integer> windowIndex(DeliveryContext ctx, LocalDate windowStart) {
    Duration cadence = Duration.ofDays(ctx.cadenceDays());
    for (int k = 1; k <= 60; k++) {
      LocalDate day = LocalDate.ofInstant(ctx.pair().activatedAt().plus(cadence.multipliedBy(k - 1)), ctx.programZone());
      if (day.equals(windowStart)) {
        return Optional.of(k);
      }
      if (day.isAfter(windowStart)) {
        break;
      }
    }
    return Optional.empty();
  }

  static LocalDate windowDate(Nudge n) {
    return ((WindowRef.CadenceWindow) n.window()).start();
  }
}
