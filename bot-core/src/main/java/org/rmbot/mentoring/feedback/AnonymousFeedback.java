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
import org.rmbot.mentoring.audit.AuditActor;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
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
import org.rmbot.mentoring.wording.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anonymous feedback campaigns and self-assessment surveys: opening them (by a coordinator or
 * the nudge schedule), taking answers so that nothing links them to the person, releasing
 * them when the campaign closes, and showing results only for groups of at least k.
 *
 * <p>How the answers stay unlinkable (docs/PRIVACY.md): each invitation carries a fresh ballot
 * token (campaign, role, random nonce, MAC) that is never stored with its recipient. Opening
 * the form and submitting it never look the person up and run read-only, except for the one
 * write of the answer, sealed to the mixer's in-memory key ({@link BallotWriter}). The mixer
 * ({@link BallotMixer}) moves answers into the sealed ballot box in groups of at least k per
 * role at fixed times, and at close writes them out in one statement, in random order, with
 * random ids and no person or time; below k they are discarded unread, and the used tokens
 * are deleted either way.
 */
public final class AnonymousFeedback implements FeedbackCampaigns {
  private static final Logger LOG = LoggerFactory.getLogger(AnonymousFeedback.class);
  private static final Catalogue WORDS = Catalogue.english();
  /** How long the schedule's campaigns stay open. */
  public static final Duration SCHEDULED_OPEN_FOR = Duration.ofDays(14);
  /** The longest a coordinator may keep a campaign open. */
  public static final Duration LONGEST_OPEN = Duration.ofDays(90);

  private final AnonymousFeedbackSql sql;
  private final FeedbackStore store;
  private final Receipts receipts;
  private final BallotToken.Keys tokens;
  private final BallotMixer mixer;
  private final BallotWriter writer;
  private final SealedBox box;
  private final Programs programs;
  private final Participants participants;
  private final FeedbackForms forms;
  private final CampaignSchedule schedule;
  private final AuditLog audit;
  private final Clock clock;

  public AnonymousFeedback(Jdbi jdbi, SealedBox box, SecretKey secret, Programs programs, Participants participants,
      FeedbackForms forms, CampaignSchedule schedule, AuditLog audit, Clock clock) {
    this.sql = jdbi.onDemand(AnonymousFeedbackSql.class);
    this.store = new FeedbackStore(jdbi);
    this.receipts = new Receipts(secret);
    this.tokens = new BallotToken.Keys(secret);
    this.mixer = new BallotMixer(jdbi, box, clock);
    this.writer = new BallotWriter(store, mixer, clock);
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
      return Outcome.rejected(WORDS.phrase("feedback.open.program_gone"));
    }
    if (!closesAt.isAfter(now.plus(Duration.ofHours(1)))) {
      return Outcome.rejected(WORDS.phrase("feedback.open.closes_too_soon"));
    }
    if (closesAt.isAfter(now.plus(LONGEST_OPEN))) {
      return Outcome.rejected(WORDS.phrase("feedback.open.closes_too_late", "days", String.valueOf(LONGEST_OPEN.toDays())));
    }
    List<Long> people = audienceOf(programId, audience, purpose);
    if (people.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("feedback.open.nobody", "program", program.get().name()));
    }
    releaseDue();
    Optional<Campaign> opened = store.insert(programId, purpose, "manual", audience, forms.formFor(programId, purpose),
        program.get().settings().anonymityThreshold(), now, closesAt);
    if (opened.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("feedback.open.already_open", "purpose", purpose.label(),
          "program", program.get().name()));
    }
    Campaign campaign = start(opened.get(), people);
    audit.record(actor, "feedback open", programId,
        AuditSubject.campaign(campaign.id()).noting(" (" + purpose.code() + ", " + audience.code() + ")"));
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
    // open for two weeks, to the end of a day in the program's zone: one deadline everyone is told in their own time
    java.time.ZoneId zone = program.get().settings().defaultTimeZone();
    Instant closes = java.time.LocalDate.ofInstant(now.plus(SCHEDULED_OPEN_FOR), zone).atStartOfDay(zone).toInstant();
    Optional<Campaign> opened = store.insert(programId, purpose, origin, CampaignAudience.EVERYONE,
        forms.formFor(programId, purpose), program.get().settings().anonymityThreshold(), now, closes);
    if (opened.isEmpty()) {
      // opened before (a retried nudge), or a coordinator's campaign of this purpose is collecting
      LOG.info("program {}: scheduled {} campaign ({}) not opened: already opened or one is collecting",
          programId, purpose.code(), origin);
      return;
    }
    Campaign campaign = start(opened.get(), audienceOf(programId, CampaignAudience.EVERYONE, purpose));
    audit.record(AuditActor.Unnamed.NUDGE_SCHEDULE, "feedback open", programId,
        AuditSubject.campaign(campaign.id()).noting(" (" + purpose.code() + ", " + origin + ")"));
  }

  private Campaign start(Campaign campaign, List<Long> people) {
    store.recordInvited(campaign.id(), people.size());
    schedule.invite(campaign, people);
    schedule.closeAt(campaign);
    return store.find(campaign.id()).orElseThrow();
  }

  /**
   * Everyone in the audience who has not left the program and is in a pairing when the campaign
   * opens: for feedback on the pairing and the self-assessment after, a pairing both accepted
   * (active or paused); for the self-assessment before, also one still being agreed. Nobody left
   * unmatched is asked how their pairing is going. Chosen here, at the invitation: a ballot never
   * records whether its author was matched.
   */
  private List<Long> audienceOf(long programId, CampaignAudience audience, Purpose purpose) {
    java.util.Set<Long> paired = new java.util.HashSet<>(sql.paired(programId, purpose == Purpose.PRE_SURVEY
        ? List.of("proposed", "accepted_by_mentor", "accepted_by_mentee", "active", "paused")
        : List.of("active", "paused")));
    return participants.inProgram(programId).stream()
        .filter(p -> p.status() != ParticipantStatus.LEFT && audience.includes(p.role()) && paired.contains(p.id()))
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
        audit.record(actor, "feedback close", programId, AuditSubject.campaign(c.id()));
        closed.add(store.find(c.id()).orElseThrow());
      }
    }
    return closed;
  }

  /** The closing step on the schedule: the mixer writes out what is due (another instance's mixer will, if not this one). */
  @Override
  public void closeDue(long campaignId) {
    tick();
  }

  /** Releases every campaign whose closing time has passed, if this instance is the mixer. Cheap when there is none. */
  public void releaseDue() {
    if (!mixer.lead()) {
      return;
    }
    for (long id : store.dueForRelease(clock.instant())) {
      release(id);
    }
  }

  /**
   * The mixer's round, every few seconds on every instance: renew or take the lease; if this
   * instance is the mixer, move answers into the box at the fixed flush times, and write out the
   * campaigns that have closed.
   */
  public void tick() {
    if (!mixer.lead()) {
      return;
    }
    for (long id : mixer.dueForFlush()) {
      store.find(id).ifPresent(mixer::flush);
    }
    for (long id : store.dueForRelease(clock.instant())) {
      release(id);
    }
  }

  /**
   * A clean stop: if this instance is the mixer, it hands what waits, and the lease, over to
   * another running instance (re-sealed to its key); with none running, what waits is lost when
   * the next mixer starts (counted and shown). True if handed over.
   */
  public boolean stop() {
    return mixer.resign();
  }

  private void release(long campaignId) {
    Campaign campaign = store.find(campaignId).orElseThrow();
    int k = campaign.threshold();
    Optional<BallotMixer.Released> done = mixer.release(campaign);
    if (done.isEmpty()) {
      return;
    }
    BallotMixer.Released r = done.get();
    audit.record(AuditActor.Unnamed.FEEDBACK, "feedback released", campaign.programId(), AuditSubject.campaign(campaignId).noting(": "
        + (r.tooFew() ? "fewer than " + k + " answers, discarded unread" : r.written() + " answers")
        + (r.lost() > 0 ? "; " + r.lost() + " answers given after a restart deleted unread, fewer than " + k : "")));
    try {
      store.vacuum();
    } catch (RuntimeException e) {
      // autovacuum will do it later; the old box versions are sealed either way
      LOG.warn("feedback campaign {}: vacuum after release failed ({})", campaignId, e.getClass().getSimpleName());
    }
  }

  /**
   * Campaigns opened before ballot tokens: everyone in the audience who has no receipt (has not
   * answered) gets a new invitation with a token; the box and the receipts stay until close,
   * and new answers join the box through the mixer. Run once at start-up.
   */
  public int upgradeOpenCampaigns() {
    int invited = 0;
    for (long id : store.legacyCollecting()) {
      Campaign campaign = store.find(id).orElseThrow();
      if (campaign.collecting(clock.instant())) {
        List<Long> notYet = audienceOf(campaign.programId(), campaign.audience(), campaign.purpose()).stream()
            .filter(person -> !store.hasReceipt(id, receipts.of(id, person))).toList();
        schedule.reinvite(campaign, notYet);
        invited += notYet.size();
      }
      store.markUpgraded(id);
    }
    return invited;
  }

  /** Delivery sent an invitation again after an attempt that may have reached the person. */
  @Override
  public void invitationResent(long campaignId) {
    store.countResent(campaignId);
  }

  // Answering

  /**
   * The form behind an invitation's button, or why it cannot be answered. Reads only: the token
   * says the campaign and the role; the person is never looked up.
   */
  public Outcome<Form> formFor(String token, ZoneId zone) {
    return formFor(token, Optional.of(zone));
  }

  /** As above, for a reader whose zone the platform did not say. */
  public Outcome<Form> formFor(String token, Optional<ZoneId> zone) {
    Outcome<Answerable> open = answerable(token);
    if (open instanceof Outcome.Rejected<Answerable> r) {
      return Outcome.rejected(r.reason());
    }
    Campaign campaign = open.value().campaign();
    Program program = programs.findById(campaign.programId()).orElseThrow();
    return Outcome.done(FeedbackInvitation.form(campaign, token, program.name(), program.theme(), zone));
  }

  /**
   * An answer through an invitation's token. Reads only, except the one write of the sealed
   * answer on the writer's thread; the person is thanked once it is committed.
   */
  public Submission submit(String token, Map<String, String> values) {
    Outcome<Answerable> open = answerable(token);
    if (open instanceof Outcome.Rejected<Answerable> r) {
      return new Submission.Refused(r.reason());
    }
    Campaign campaign = open.value().campaign();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, Object> answers = read(campaign.form(), values, errors);
    if (!errors.isEmpty()) {
      return new Submission.Invalid(errors);
    }
    BallotToken ballotToken = open.value().token();
    return switch (writer.write(campaign, ballotToken, new Ballot(ballotToken.role().code(), answers))) {
      case SAVED -> new Submission.Accepted(campaign);
      case ALREADY_ANSWERED -> new Submission.Refused(ALREADY_ANSWERED);
      case CLOSED -> new Submission.Refused(closedReason(campaign));
      case NOT_SAVED -> new Submission.Refused(NOT_SAVED);
    };
  }

  static final String ALREADY_ANSWERED = WORDS.phrase("feedback.answer.already_answered");
  static final String NOT_SAVED = WORDS.phrase("feedback.answer.not_saved");
  static final String REPLACED = WORDS.phrase("feedback.answer.replaced");
  static final String NOT_OURS = WORDS.phrase("feedback.answer.not_ours");

  private record Answerable(Campaign campaign, BallotToken token) {}

  /** The campaign, if the token is one of ours, the campaign collects and the token has not been used. */
  private Outcome<Answerable> answerable(String text) {
    if (text != null && text.matches("\\d{1,18}")) {
      return Outcome.rejected(REPLACED); // an invitation sent before ballot tokens
    }
    Optional<BallotToken> token = tokens.read(text);
    if (token.isEmpty()) {
      return Outcome.rejected(NOT_OURS);
    }
    Optional<Campaign> found = store.find(token.get().campaignId());
    if (found.isEmpty()) {
      return Outcome.rejected(WORDS.phrase("feedback.answer.gone"));
    }
    Campaign campaign = found.get();
    if (!campaign.collecting(clock.instant())) {
      return Outcome.rejected(closedReason(campaign));
    }
    if (store.tokenUsed(campaign.id(), token.get().hash())) {
      return Outcome.rejected(ALREADY_ANSWERED);
    }
    return Outcome.done(new Answerable(campaign, token.get()));
  }

  private static String closedReason(Campaign campaign) {
    return WORDS.phrase("feedback.answer.closed", "purpose", campaign.purpose().label());
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
            errors.put(q.id(), WORDS.phrase("feedback.answer.choose_a_number"));
          }
          continue;
        }
        int n = value.matches("[1-5]") ? Integer.parseInt(value) : -1;
        if (n < 1) {
          errors.put(q.id(), WORDS.phrase("feedback.answer.choose_a_number"));
        } else {
          answers.put(q.id(), n);
        }
      } else {
        Question.Text t = (Question.Text) q;
        String text = raw == null ? "" : withoutControlCharacters(raw).strip();
        if (text.isEmpty()) {
          if (!q.optional()) {
            errors.put(q.id(), WORDS.phrase("feedback.answer.write_a_few_words"));
          }
          continue;
        }
        if (text.length() > t.maxLength()) {
          errors.put(q.id(), WORDS.phrase("feedback.answer.too_long", "max", String.valueOf(t.maxLength()),
              "length", String.valueOf(text.length())));
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
    String theme = programs.findById(campaign.programId()).map(Program::theme).orElseGet(() -> WORDS.phrase("feedback.theme_unknown"));
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

  /**
   * The invitation to one person, with a fresh ballot token for their role in the program; empty
   * once the campaign no longer collects answers or they are no longer in it. The token is made
   * here and goes only into the message: nothing stores it with the person.
   */
  @Override
  public Optional<ChatMessage> invitation(long campaignId, long personId, ZoneId zone) {
    Optional<Campaign> campaign = store.find(campaignId).filter(c -> c.collecting(clock.instant()));
    if (campaign.isEmpty()) {
      return Optional.empty();
    }
    Optional<Participant> participant = participants.find(campaign.get().programId(), personId)
        .filter(p -> p.status() != ParticipantStatus.LEFT && campaign.get().audience().includes(p.role()));
    return participant.flatMap(p -> programs.findById(campaign.get().programId()).map(program -> FeedbackInvitation.message(
        campaign.get(), tokens.write(BallotToken.fresh(campaignId, p.role())), program.name(), zone)));
  }

  // What is held about a person

  /** Erasure: deletes the person's receipts in campaigns opened before ballot tokens (nothing else names them). */
  public void forgetReceipts(long personId) {
    for (long id : store.collectingIds()) {
      store.deleteReceipt(id, receipts.of(id, personId));
    }
  }
}
