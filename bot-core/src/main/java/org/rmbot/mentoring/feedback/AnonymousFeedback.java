package org.rmbot.mentoring.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.common.Outcome;
import org.rmbot.mentoring.participant.Participant;
import org.rmbot.mentoring.participant.ParticipantStatus;
import org.rmbot.mentoring.participant.Participants;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.program.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anonymous feedback campaigns and self-assessment surveys: opening them (by a coordinator or
 * the nudge schedule), taking answers so that nothing links them to the person, releasing
 * them when the campaign closes, and showing results only for groups of at least k.
 *
 * <p>How the answers stay unlinkable (docs/PRIVACY.md): while a campaign collects, all its
 * answers live in one sealed, shuffled, padded ballot box on the campaign row; a separate
 * receipt (HMAC of person and campaign) stops a second answer. At close, the ballots are
 * written out in one statement, in random order, with random ids and no person or time;
 * below k they are discarded unread, and the receipts are deleted either way.
 */
public final class AnonymousFeedback implements FeedbackCampaigns {
  private static final Logger LOG = LoggerFactory.getLogger(AnonymousFeedback.class);
  /** How long the schedule's campaigns stay open. */
  public static final Duration SCHEDULED_OPEN_FOR = Duration.ofDays(14);
  /** The longest a coordinator may keep a campaign open. */
  public static final Duration LONGEST_OPEN = Duration.ofDays(90);

  private final FeedbackStore store;
  private final Receipts receipts;
  private final SealedBox box;
  private final Programs programs;
  private final Participants participants;
  private final FeedbackForms forms;
  private final CampaignSchedule schedule;
  private final AuditLog audit;
  private final Clock clock;

  public AnonymousFeedback(Jdbi jdbi, SealedBox box, SecretKey secret, Programs programs, Participants participants,
      FeedbackForms forms, CampaignSchedule schedule, AuditLog audit, Clock clock) {
    this.store = new FeedbackStore(jdbi);
    this.receipts = new Receipts(secret);
    this.box = box;
    this.programs = programs;
    this.participants = participants;
    this.forms = forms;
    this.schedule = schedule;
    this.audit = audit;
    this.clock = clock;
  }

  // Opening and closing

  /** A coordinator opens a campaign with the program's form for this purpose. */
  public Outcome<Campaign> open(long programId, Purpose purpose, CampaignAudience audience, Instant closesAt, Actor actor) {
    Instant now = clock.instant();
    Optional<Program> program = programs.findById(programId);
    if (program.isEmpty()) {
      return Outcome.rejected("that program no longer exists");
    }
    if (!closesAt.isAfter(now.plus(Duration.ofHours(1)))) {
      return Outcome.rejected("the closing date must be in the future, so people have time to answer");
    }
    if (closesAt.isAfter(now.plus(LONGEST_OPEN))) {
      return Outcome.rejected("a campaign can stay open for at most " + LONGEST_OPEN.toDays() + " days");
    }
    List<Long> people = audienceOf(programId, audience);
    if (people.isEmpty()) {
      return Outcome.rejected("nobody in \"" + program.get().name() + "\" is in that audience yet");
    }
    releaseDue();
    Optional<Campaign> opened = store.insert(programId, purpose, "manual", audience, forms.formFor(programId, purpose),
        program.get().settings().anonymityThreshold(), now, closesAt);
    if (opened.isEmpty()) {
      return Outcome.rejected("a " + purpose.label() + " campaign is already open in \"" + program.get().name()
          + "\"; close it first with feedback close");
    }
    Campaign campaign = start(opened.get(), people);
    audit.record(actor.personId(), actor.description(), "feedback open", programId,
        "campaign " + campaign.id() + " (" + purpose.code() + ", " + audience.code() + ")");
    return Outcome.done(campaign);
  }

  /** The nudge schedule: the self-assessment before at kickoff, feedback at midpoint, both at the close. */
  @Override
  public void open(long programId, Kind kind) {
    switch (kind) {
      case KICKOFF -> openScheduled(programId, Purpose.PRE_SURVEY, "kickoff");
      case MIDPOINT -> openScheduled(programId, Purpose.FEEDBACK, "midpoint");
      case CLOSING -> {
        openScheduled(programId, Purpose.FEEDBACK, "closing");
        openScheduled(programId, Purpose.POST_SURVEY, "closing");
      }
    }
  }

  private void openScheduled(long programId, Purpose purpose, String origin) {
    Optional<Program> program = programs.findById(programId);
    if (program.isEmpty()) {
      return;
    }
    releaseDue();
    Instant now = clock.instant();
    Optional<Campaign> opened = store.insert(programId, purpose, origin, CampaignAudience.EVERYONE,
        forms.formFor(programId, purpose), program.get().settings().anonymityThreshold(), now, now.plus(SCHEDULED_OPEN_FOR));
    if (opened.isEmpty()) {
      // opened before (a retried nudge), or a coordinator's campaign of this purpose is collecting
      LOG.info("program {}: scheduled {} campaign ({}) not opened: already opened or one is collecting",
          programId, purpose.code(), origin);
      return;
    }
    Campaign campaign = start(opened.get(), audienceOf(programId, CampaignAudience.EVERYONE));
    audit.record(null, "nudge schedule", "feedback open", programId,
        "campaign " + campaign.id() + " (" + purpose.code() + ", " + origin + ")");
  }

  private Campaign start(Campaign campaign, List<Long> people) {
    store.recordInvited(campaign.id(), people.size());
    schedule.invite(campaign, people);
    schedule.closeAt(campaign);
    return store.find(campaign.id()).orElseThrow();
  }

  /** Everyone in the audience who has not left the program. */
  private List<Long> audienceOf(long programId, CampaignAudience audience) {
    return participants.inProgram(programId).stream()
        .filter(p -> p.status() != ParticipantStatus.LEFT && audience.includes(p.role()))
        .map(Participant::personId)
        .distinct()
        .toList();
  }

  /** Closes every campaign of the program that is collecting, releasing its answers; returns them as closed. */
  public List<Campaign> closeCollecting(long programId, Actor actor) {
    releaseDue();
    Instant now = clock.instant();
    List<Campaign> closed = new ArrayList<>();
    for (Campaign c : store.ofProgram(programId)) {
      if (c.collecting(now)) {
        store.markClosed(c.id(), now);
        release(c.id());
        audit.record(actor.personId(), actor.description(), "feedback close", programId, "campaign " + c.id());
        closed.add(store.find(c.id()).orElseThrow());
      }
    }
    return closed;
  }

  @Override
  public void closeDue(long campaignId) {
    Optional<Campaign> campaign = store.find(campaignId);
    if (campaign.isPresent() && !campaign.get().released()
        && (campaign.get().closedAt() != null || !clock.instant().isBefore(campaign.get().closesAt()))) {
      release(campaignId);
    }
  }

  /** Releases every campaign whose closing time has passed. Cheap when there is none. */
  public void releaseDue() {
    for (long id : store.dueForRelease(clock.instant())) {
      release(id);
    }
  }

  private void release(long campaignId) {
    Campaign campaign = store.find(campaignId).orElseThrow();
    int k = campaign.threshold();
    int[] released = {0};
    boolean done = store.release(campaignId, clock.instant(), sealed -> {
      List<Ballot> ballots = BallotBox.open(box, campaignId, sealed);
      if (ballots.size() < k) {
        return List.of();
      }
      Map<String, Integer> perRole = new LinkedHashMap<>();
      ballots.forEach(b -> perRole.merge(String.valueOf(b.role()), 1, Integer::sum));
      boolean rolesSafe = perRole.values().stream().allMatch(n -> n >= k);
      List<Ballot> out = rolesSafe ? ballots : ballots.stream().map(Ballot::withoutRole).toList();
      released[0] = out.size();
      return BallotBox.shuffled(out);
    });
    if (!done) {
      return;
    }
    audit.record(null, "feedback", "feedback released", campaign.programId(), "campaign " + campaignId + ": "
        + (released[0] == 0 ? "fewer than " + k + " answers, discarded unread" : released[0] + " answers"));
    try {
      store.vacuum();
    } catch (RuntimeException e) {
      // autovacuum will do it later; the old box versions are sealed either way
      LOG.warn("feedback campaign {}: vacuum after release failed ({})", campaignId, e.getClass().getSimpleName());
    }
  }

  // Answering

  /** The form for this person, or why they cannot answer. */
  public Outcome<Form> formFor(long campaignId, long personId, ZoneId zone) {
    Outcome<Campaign> open = answerable(campaignId, personId);
    if (open instanceof Outcome.Rejected<Campaign> r) {
      return Outcome.rejected(r.reason());
    }
    Program program = programs.findById(open.value().programId()).orElseThrow();
    return Outcome.done(FeedbackInvitation.form(open.value(), program.name(), program.theme(), zone));
  }

  public Submission submit(long campaignId, long personId, Map<String, String> values) {
    Outcome<Campaign> open = answerable(campaignId, personId);
    if (open instanceof Outcome.Rejected<Campaign> r) {
      return new Submission.Refused(r.reason());
    }
    Campaign campaign = open.value();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> answers = read(campaign.form(), values, errors);
    if (!errors.isEmpty()) {
      return new Submission.Invalid(errors);
    }
    Participant participant = participants.find(campaign.programId(), personId).orElseThrow();
    Ballot ballot = new Ballot(participant.role().code(), answers);
    int recordSize = BallotBox.recordSize(campaign.form());
    FeedbackStore.Added added = store.addBallot(campaignId, receipts.of(campaignId, personId), clock.instant(), sealed -> {
      List<Ballot> ballots = BallotBox.open(box, campaignId, sealed);
      ballots.add(ballot);
      return BallotBox.seal(box, campaignId, ballots, recordSize);
    });
    return switch (added) {
      case ADDED -> new Submission.Accepted(campaign);
      case ALREADY_ANSWERED -> new Submission.Refused(ALREADY_ANSWERED);
      case CLOSED -> new Submission.Refused(closedReason(campaign));
    };
  }

  static final String ALREADY_ANSWERED =
      "You've already answered this one, thank you. Answers can't be sent twice or changed, so nothing new was saved.";

  /** The campaign, if it collects answers and this person may give one that they have not given yet. */
  private Outcome<Campaign> answerable(long campaignId, long personId) {
    releaseDue();
    Optional<Campaign> found = store.find(campaignId);
    if (found.isEmpty()) {
      return Outcome.rejected("That feedback form is no longer available. Nothing was saved.");
    }
    Campaign campaign = found.get();
    if (!campaign.collecting(clock.instant())) {
      return Outcome.rejected(closedReason(campaign));
    }
    Optional<Participant> participant = participants.find(campaign.programId(), personId)
        .filter(p -> p.status() != ParticipantStatus.LEFT);
    if (participant.isEmpty() || !campaign.audience().includes(participant.get().role())) {
      String who = switch (campaign.audience()) {
        case MENTORS -> "the program's mentors";
        case MENTEES -> "the program's mentees";
        case EVERYONE -> "the program's participants";
      };
      return Outcome.rejected("This feedback is for " + who + ", so nothing was saved.");
    }
    if (store.hasReceipt(campaignId, receipts.of(campaignId, personId))) {
      return Outcome.rejected(ALREADY_ANSWERED);
    }
    return Outcome.done(campaign);
  }

  private static String closedReason(Campaign campaign) {
    return "This " + campaign.purpose().label() + " has closed, so nothing was saved. Thank you for wanting to answer.";
  }

  /** The answers by question id; problems go to {@code errors}, and then nothing is kept. */
  static Map<String, Object> read(FeedbackForm form, Map<String, String> values, Map<String, String> errors) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Question q : form.questions()) {
      String raw = values.get(q.id());
      if (q instanceof Question.Scale) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
          if (!q.optional()) {
            errors.put(q.id(), "Please choose a number from 1 to 5.");
          }
          continue;
        }
        int n = value.matches("[1-5]") ? Integer.parseInt(value) : -1;
        if (n < 1) {
          errors.put(q.id(), "Please choose a number from 1 to 5.");
        } else {
          answers.put(q.id(), n);
        }
      } else {
        Question.Text t = (Question.Text) q;
        String text = raw == null ? "" : withoutControlCharacters(raw).strip();
        if (text.isEmpty()) {
          if (!q.optional()) {
            errors.put(q.id(), "Please write a few words.");
          }
          continue;
        }
        if (text.length() > t.maxLength()) {
          errors.put(q.id(), "Please keep this to " + t.maxLength() + " characters (this has " + text.length()
              + "). Nothing was saved.");
        } else {
          answers.put(q.id(), text);
        }
      }
    }
    return answers;
  }

  /** Keeps line breaks and tabs; drops other control characters (they could only make the text harder to read). */
  static String withoutControlCharacters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
    return out.toString();
  }

  // Reading

  public Optional<Campaign> find(long campaignId) {
    releaseDue();
    return store.find(campaignId);
  }

  /** Newest first. */
  public List<Campaign> campaigns(long programId) {
    releaseDue();
    return store.ofProgram(programId);
  }

  public CampaignResults results(Campaign campaign) {
    String theme = programs.findById(campaign.programId()).map(Program::theme).orElse("the theme");
    return Tally.of(campaign, campaign.released() ? store.responses(campaign.id()) : List.of(), theme);
  }

  /** The most recent campaign of this purpose that has been released. */
  public Optional<CampaignResults> latestResults(long programId, Purpose purpose) {
    return campaigns(programId).stream().filter(c -> c.purpose() == purpose && c.released()).findFirst().map(this::results);
  }

  /** The self-assessment before against the one after, where both reached k. */
  public List<SurveyChange> surveyChanges(long programId) {
    Optional<CampaignResults> before = latestResults(programId, Purpose.PRE_SURVEY);
    Optional<CampaignResults> after = latestResults(programId, Purpose.POST_SURVEY);
    if (before.isEmpty() || after.isEmpty()) {
      return List.of();
    }
    return Tally.changes(before.get(), after.get());
  }

  @Override
  public Optional<ChatMessage> invitation(long campaignId, ZoneId zone) {
    return store.find(campaignId)
        .filter(c -> c.collecting(clock.instant()))
        .flatMap(c -> programs.findById(c.programId()).map(p -> FeedbackInvitation.message(c, p.name(), zone)));
  }

  // What is held about a person

  /** Campaigns still collecting that this person has answered (only the receipt says so). */
  public List<Campaign> answeredBy(long personId) {
    releaseDue();
    List<Campaign> answered = new ArrayList<>();
    for (long id : store.collectingIds()) {
      if (store.hasReceipt(id, receipts.of(id, personId))) {
        store.find(id).ifPresent(answered::add);
      }
    }
    return answered;
  }

  /** Erasure: deletes the person's receipts in campaigns still collecting (released ones have none). */
  public void forgetReceipts(long personId) {
    for (long id : store.collectingIds()) {
      store.deleteReceipt(id, receipts.of(id, personId));
    }
  }
}
