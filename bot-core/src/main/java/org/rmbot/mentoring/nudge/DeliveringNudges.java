package org.rmbot.mentoring.nudge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.feedback.FeedbackCampaigns;
import org.rmbot.mentoring.meeting.Meeting;
import org.rmbot.mentoring.meeting.Meetings;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the nudges that are due. Each pass claims a batch of due rows under a lease in one
 * short transaction, then, outside any transaction, re-checks each row's conditions, opens the
 * conversation, records it on the row, sends through the recipient's {@link ChatPlatform} and
 * records the platform's message id.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>No nudge is lost.</b> A row leaves the waiting states only by being marked sent,
 *       skipped, cancelled or dead. If an instance dies while holding a lease, the lease ends
 *       and any instance claims the row again; an instance restarted under the same name
 *       takes its rows back at once ({@link #releaseLeasesOfEarlierRun}).
 *   <li><b>Duplicates are bounded and usually avoided.</b> A message can be sent twice only if
 *       an instance dies (or stalls past its lease) after the platform accepted the message and
 *       before the row was marked sent. Rows are marked one by one right after their send, so
 *       at most the sends in flight at that moment can repeat: at most {@code concurrency},
 *       and never more than the rows of one lease ({@code batchSize}). Before each attempt the
 *       conversation id is stored on the row and the message carries the row's idempotency key,
 *       so a re-claimed row first asks {@link ChatPlatform#findSentMessage}; a platform that can
 *       look messages up turns the would-be duplicate into a lookup.
 *   <li><b>Leases fence stale workers.</b> Every change after the claim names the lease owner;
 *       a worker whose lease was taken over changes nothing and sends nothing further.
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * Transient errors (timeouts, 5xx) retry with exponential backoff and jitter; after {@code
 * maxAttempts} attempts the row is dead. A 429 waits for its Retry-After and pauses the
 * workspace; it does not count as an attempt. Permanent errors (user gone, bot removed,
 * invalid message) make the row dead at once, keeping only the error code. Sends over the
 * configured rate limits wait briefly in place or are deferred through the ledger; never dropped.
 */
public final class DeliveringNudges implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveringNudges.class);

  /**
   * @param owner this instance's name on the leases it takes (unique per running instance)
   * @param lease how long a claimed row stays with this instance before others may take it
   * @param batchSize rows claimed per pass
   * @param concurrency sends in flight at once
   * @param inlineWait a send over a rate limit waits in place for a token when the wait is at
   *     most this long (real time), and is deferred through the ledger otherwise; zero always
   *     defers, which is what a clock that tests move by hand needs
   */
  public record Settings(String owner, Duration lease, int batchSize, int concurrency, RetryPolicy retry,
      Duration inlineWait) {
    public Settings {
      if (batchSize < 1 || concurrency < 1) {
        throw new IllegalArgumentException("batch size and concurrency must be positive");
      }
      if (inlineWait.compareTo(lease.dividedBy(4)) > 0) {
        throw new IllegalArgumentException("waiting in place must stay well inside the lease");
      }
    }

    public Settings(String owner, Duration lease, int batchSize, int concurrency, RetryPolicy retry) {
      this(owner, lease, batchSize, concurrency, retry, Duration.ZERO);
    }

    public static Settings defaults(String owner) {
      return new Settings(owner, Duration.ofMinutes(2), 100, 4, RetryPolicy.defaults(), Duration.ofSeconds(1));
    }
  }

  /** What became of the rows of one pass. */
  public enum Outcome {
    SENT,
    /** Found already delivered by an earlier attempt; marked sent without sending again. */
    ALREADY_SENT,
    DEFERRED,
    RETRYING,
    DEAD,
    SKIPPED,
    CANCELLED,
    /** The lease was taken over by another instance; left to it. */
    LEASE_LOST
  }

  public record Report(Map<Outcome, Integer> outcomes) {
    public int claimed() {
      return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Outcome outcome) {
      return outcomes.getOrDefault(outcome, 0);
    }
  }

  private final NudgeLedger ledger;
  private final DeliveryContexts contexts;
  private final DispatchConditions conditions;
  private final NudgeMessages messages;
  private final Meetings meetings;
  private final ChatPlatforms platforms;
  private final DeliveryLimits limits;
  private final FeedbackCampaigns campaigns;
  private final Clock clock;
  private final Settings settings;
  private final ExecutorService senders;
  /** Rows whose failure could not even be recorded (the database was down): put back once it answers. */
  private final Queue<Nudge> toPutBack = new ConcurrentLinkedQueue<>();

  public DeliveringNudges(Jdbi jdbi, NudgeLedger ledger, Meetings meetings, ChatPlatforms platforms,
      DeliveryLimits limits, FeedbackCampaigns campaigns, Clock clock, Settings settings) {
    this.ledger = ledger;
    this.contexts = new DeliveryContexts(jdbi);
    this.conditions = new DispatchConditions(meetings, contexts);
    this.messages = new NudgeMessages(contexts, campaigns);
    this.meetings = meetings;
    this.platforms = platforms;
    this.limits = limits;
    this.campaigns = campaigns;
    this.clock = clock;
    this.settings = settings;
    this.senders = settings.concurrency() > 1
        ? Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "nudge-sender");
            t.setDaemon(true);
            return t;
          })
        : null;
  }

  /**
   * At start-up: the rows this instance's name held when a previous run died (SIGKILL, power
   * loss) are due again now rather than when their leases would have run out.
   */
  public int releaseLeasesOfEarlierRun() {
    int released = ledger.releaseLeasesOf(settings.owner());
    if (released > 0) {
      LOG.info("{} nudges held by an earlier run of {} are due again", released, settings.owner());
    }
    return released;
  }

  /** One pass: claims up to a batch of due rows and handles each. */
  public Report dispatchDue() {
    putBackLeftovers();
    List<Nudge> claimed = ledger.claimDue(settings.owner(), settings.lease(), settings.batchSize());
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    if (senders == null || claimed.size() <= 1) {
      for (Nudge nudge : claimed) {
        outcomes.merge(handleSafely(nudge), 1, Integer::sum);
      }
    } else {
      List<Callable<Outcome>> work = new ArrayList<>();
      for (Nudge nudge : claimed) {
        work.add(() -> handleSafely(nudge));
      }
      try {
        for (Future<Outcome> done : senders.invokeAll(work)) {
          outcomes.merge(done.get(), 1, Integer::sum);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return new Report(outcomes);
  }

  /** Dispatches pass after pass until a pass finds nothing due; returns everything done. */
  public Report dispatchAllDue() {
    Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
    while (true) {
      Report pass = dispatchDue();
      pass.outcomes().forEach((k, v) -> total.merge(k, v, Integer::sum));
      if (pass.claimed() == 0) {
        return new Report(total);
      }
    }
  }

  private Outcome handleSafely(Nudge nudge) {
    try {
      return handle(nudge);
    } catch (RuntimeException e) {
      // a bug or a database hiccup: log it and retry later
      LOG.error("nudge {} ({}): unexpected failure", nudge.id(), nudge.kind().code(), e);
      try {
        ledger.retryAt(nudge.id(), settings.owner(),
            clock.instant().plus(settings.retry().delayAfter(nudge.attempts() + 1)), "internal_error", 0);
      } catch (RuntimeException databaseDown) {
        toPutBack.add(nudge);
        throw databaseDown;
      }
      return Outcome.RETRYING;
    }
  }

  /**
   * After a database outage, the rows this instance could not put back are due again as soon as
   * the database answers, rather than when their leases run out. Their attempts and conversation
   * stay, so a send that went out before the outage is looked up, not repeated. The lease fences
   * this like every other change: a row another instance took over is left alone.
   */
  private void putBackLeftovers() {
    for (Nudge nudge = toPutBack.peek(); nudge != null; nudge = toPutBack.peek()) {
      ledger.retryAt(nudge.id(), settings.owner(), clock.instant(), "internal_error", 0);
      toPutBack.poll();
    }
  }

  private Outcome handle(Nudge nudge) {
    String owner = settings.owner();
    Instant now = clock.instant();
    Optional<DeliveryContext> loaded = contexts.load(nudge);
    if (loaded.isEmpty()) {
      return ledger.markCancelled(nudge.id(), owner, "program_gone") ? Outcome.CANCELLED : Outcome.LEASE_LOST;
    }
    DeliveryContext ctx = loaded.get();
    NudgePolicy policy = NudgePolicies.parse(nudge.programId(), ctx.policyJson());
    if (nudge.attempts() >= settings.retry().maxAttempts()) {
      return dead(nudge, nudge.lastError() == null ? "attempts_exhausted" : nudge.lastError());
    }
    DispatchConditions.Decision decision = conditions.decide(ctx, policy, now);
    if (decision instanceof DispatchConditions.Defer defer) {
      return ledger.deferUntil(nudge.id(), owner, defer.until()) ? Outcome.DEFERRED : Outcome.LEASE_LOST;
    }
    if (decision instanceof DispatchConditions.Skip skip) {
      return ledger.markSkipped(nudge.id(), owner, skip.reason()) ? Outcome.SKIPPED : Outcome.LEASE_LOST;
    }
    if (decision instanceof DispatchConditions.Cancel cancel) {
      return ledger.markCancelled(nudge.id(), owner, cancel.reason()) ? Outcome.CANCELLED : Outcome.LEASE_LOST;
    }
    if (nudge.kind() == NudgeKind.FEEDBACK_INVITATION && campaigns.invitation(NudgeMessages.campaignOf(nudge),
        ctx.recipient().person().id(), ctx.recipient().person().timeZone()).isEmpty()) {
      return ledger.markSkipped(nudge.id(), owner, "campaign_closed") ? Outcome.SKIPPED : Outcome.LEASE_LOST;
    }
    return deliver(nudge, ctx, now);
  }

  /**
   * People imported by email who have never talked to the bot: look them up in each connected
   * platform's directory and remember the identity. A lookup that fails leaves them unknown.
   */
  private Optional<PlatformIdentity> findByEmailIfUnknown(long personId) {
    Optional<PlatformIdentity> known = contexts.identityOf(personId);
    if (known.isPresent()) {
      return known;
    }
    String email = contexts.emailOf(personId);
    if (email == null) {
      return Optional.empty();
    }
    for (ChatPlatform platform : platforms.all()) {
      try {
        Optional<PlatformIdentity> found = platform.findPersonByEmail(email);
        if (found.isPresent()) {
          contexts.link(personId, found.get());
          return found;
        }
      } catch (org.rmbot.mentoring.chat.ChatFailure e) {
        // unknown for now; the delivery below reports it
      }
    }
    return Optional.empty();
  }

  private Outcome deliver(Nudge nudge, DeliveryContext ctx, Instant now) {
    String owner = settings.owner();
    List<PlatformIdentity> to;
    if (nudge.audience() == Audience.PAIR) {
      findByEmailIfUnknown(ctx.pair().mentor().person().id());
      findByEmailIfUnknown(ctx.pair().mentee().person().id());
      Optional<List<PlatformIdentity>> shared = contexts.sharedWorkspace(
          ctx.pair().mentor().person().id(), ctx.pair().mentee().person().id());
      if (shared.isEmpty()) {
        return dead(nudge, "pair_not_in_one_workspace");
      }
      to = shared.get();
    } else {
      Optional<PlatformIdentity> identity = contexts.identityOf(nudge.recipientPersonId())
          .or(() -> findByEmailIfUnknown(nudge.recipientPersonId()));
      if (identity.isEmpty()) {
        return dead(nudge, "no_platform_identity");
      }
      to = List.of(identity.get());
    }
    PlatformIdentity first = to.get(0);
    Optional<ChatPlatform> connected = platforms.of(first.platform());
    if (connected.isEmpty()) {
      return dead(nudge, "platform_not_connected");
    }
    ChatPlatform platform = connected.get();
    boolean counted = false;
    try {
      Conversation conversation = nudge.conversationId() != null
          ? new Conversation(first.platform(), first.workspaceId(), nudge.conversationId())
          : (to.size() == 1 ? platform.openDirect(first) : platform.openGroup(to));
      Duration wait = limits.tryAcquire(first.platform(), first.workspaceId(), conversation.id());
      while (!wait.isZero() && wait.compareTo(settings.inlineWait()) <= 0) {
        LockSupport.parkNanos(wait.toNanos());
        wait = limits.tryAcquire(first.platform(), first.workspaceId(), conversation.id());
      }
      if (!wait.isZero()) {
        return ledger.deferUntil(nudge.id(), owner, now.plus(wait)) ? Outcome.DEFERRED : Outcome.LEASE_LOST;
      }
      // the conversation is on the row before the message leaves, so a later attempt can look it up
      if (!ledger.beginAttempt(nudge.id(), owner, conversation.id(), settings.lease())) {
        return Outcome.LEASE_LOST;
      }
      counted = true;
      if (nudge.attempts() > 0 && nudge.conversationId() != null) {
        Optional<String> earlier = platform.findSentMessage(conversation, nudge.idempotencyKey());
        if (earlier.isPresent()) {
          return ledger.markSent(nudge.id(), owner, earlier.get()) ? Outcome.ALREADY_SENT : Outcome.LEASE_LOST;
        }
        if (nudge.kind() == NudgeKind.FEEDBACK_INVITATION) {
          // an earlier attempt may have reached them: a second invitation is a second ballot token
          campaigns.invitationResent(NudgeMessages.campaignOf(nudge));
        }
      }
      ChatMessage message = messages.render(ctx, meetingTime(nudge, ctx));
      String messageId = platform.send(conversation, message);
      if (!ledger.markSent(nudge.id(), owner, messageId)) {
        LOG.warn("nudge {} was sent as {} after its lease passed to another instance", nudge.id(), messageId);
        return Outcome.LEASE_LOST;
      }
      return Outcome.SENT;
    } catch (ChatFailure failure) {
      return failed(nudge, first, failure, counted);
    }
  }

  private Outcome failed(Nudge nudge, PlatformIdentity to, ChatFailure failure, boolean counted) {
    String owner = settings.owner();
    if (failure instanceof ChatFailure.RateLimited limited) {
      limits.pause(to.platform(), to.workspaceId(), limited.retryAfter());
      return ledger.retryAt(nudge.id(), owner, clock.instant().plus(limited.retryAfter()), failure.code(),
          counted ? -1 : 0)
          ? Outcome.RETRYING : Outcome.LEASE_LOST;
    }
    if (failure instanceof ChatFailure.Transient) {
      int attempts = nudge.attempts() + 1;
      if (attempts >= settings.retry().maxAttempts()) {
        return dead(nudge, failure.code());
      }
      return ledger.retryAt(nudge.id(), owner, clock.instant().plus(settings.retry().delayAfter(attempts)),
          failure.code(), counted ? 0 : 1) ? Outcome.RETRYING : Outcome.LEASE_LOST;
    }
    return dead(nudge, failure.code());
  }

  private Instant meetingTime(Nudge nudge, DeliveryContext ctx) {
    if (nudge.kind() != NudgeKind.MEETING_REMINDER) {
      return null;
    }
    long id = ((WindowRef.MeetingReminder) nudge.window()).meetingId();
    return meetings.ofPairing(ctx.pair().pairingId()).stream().filter(m -> m.id() == id)
        .map(Meeting::scheduledAt).findFirst().orElseThrow();
  }

  private Outcome dead(Nudge nudge, String code) {
    if (!ledger.markDead(nudge.id(), settings.owner(), code)) {
      return Outcome.LEASE_LOST;
    }
    LOG.warn("nudge {} ({}, program {}) is dead: {}", nudge.id(), nudge.kind().code(), nudge.programId(), code);
    return Outcome.DEAD;
  }

  @Override
  public void close() {
    if (senders != null) {
      senders.shutdownNow();
    }
  }
}
