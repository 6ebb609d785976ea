package org.rmbot.mentoring.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.common.StorableText;
import org.rmbot.mentoring.conversation.Caller;
import org.rmbot.mentoring.conversation.ChatDesk;
import org.rmbot.mentoring.feedback.FeedbackInvitation;
import org.rmbot.mentoring.participant.Platform;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.conversation.Reply;
import org.rmbot.mentoring.wording.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: one listener per kind of request, each turning it into one {@link ChatDesk}
 * call. Slack wants an answer within 3 seconds. Over HTTP the work runs on the request thread
 * while a watchdog stands ready to acknowledge at the deadline ({@link Acknowledgement}); in
 * Socket Mode it runs on an executor while the handler waits up to the same budget. Either way,
 * work not done in time is acknowledged with "working on it" and the answer follows through the
 * request's response URL (or, for a form, the person's DM with the bot). Nothing else runs before
 * the acknowledgement, and modals are opened after it. People never see a stack trace: an
 * unexpected failure becomes a short apology and a log line without their text.
 */
public final class SlackBot {
  public static final String COMMAND = "/mentoring";
  static final Duration ACK_BUDGET = Duration.ofMillis(2500);
  /** Desk calls at once, on server threads and the executor together; as many as the executor's threads. */
  static final int WORKING_HERE = 8;
  private static final Catalogue WORDS = Catalogue.english();
  static final String WORKING = WORDS.phrase("slack.working");
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
  static final String FORM_FAILED = WORDS.phrase("slack.form_failed");
  static final String SORRY = WORDS.phrase("slack.sorry");

  private final ChatDesk desk;
  private final SlackProfiles profiles;
  private final BlockKitRenderer renderer;
  private final SlackForms forms;
  private final ExecutorService executor;
  private final Semaphore workingHere = new Semaphore(WORKING_HERE);

  public SlackBot(ChatDesk desk, SlackProfiles profiles, BlockKitRenderer renderer, ExecutorService executor) {
    this.desk = desk;
    this.profiles = profiles;
    this.renderer = renderer;
    this.forms = new SlackForms(renderer);
    this.executor = executor;
  }

  /**
   * The installation a user id belongs to, the second part of every Slack identity: the
   * Enterprise Grid organisation for an org-wide install (its people arrive from many workspaces,
   * each with one user id), otherwise the workspace. Null when the payload names neither.
   */
  private static final Pattern SLACK_ID = Pattern.compile("[A-Z][A-Z0-9-]{0,63}");

  public static String installation(boolean enterpriseInstall, String enterpriseId, String teamId) {
    return enterpriseInstall && !blank(enterpriseId) ? enterpriseId : teamId;
  }

  /**
   * Slack's workspace and organisation ids are upper-case letters and digits (T…, E…). Anything
   * else did not come from Slack as it is: a number where the id should be reads as "1.0E308" or
   * "-1" once Bolt has parsed it, and must not become a new identity of a known person.
   */
  private static boolean notAnInstallation(String id) {
    return blank(id) || !SLACK_ID.matcher(id).matches();
  }

  /** A Bolt app for HTTP mode (requests verified with the signing secret) or Socket Mode. */
  public App app(SlackSettings settings, Slack slack) {
    AppConfig.AppConfigBuilder config = AppConfig.builder().singleTeamBotToken(settings.botToken()).slack(slack);
    settings.signingSecret().ifPresent(config::signingSecret);
    App app = new App(config.build());
    register(app);
    return app;
  }

  void register(App app) {
    app.command(COMMAND, (req, ctx) -> {
      var p = req.getPayload();
      String installation = installation(p.isEnterpriseInstall(), p.getEnterpriseId(), p.getTeamId());
      if (notAnInstallation(installation) || blank(p.getUserId())) {
        return badRequest();
      }
      String text = p.getText() == null ? "" : p.getText();
      return answer(() -> desk.command(profiles.caller(installation, p.getUserId()), text),
          reply -> {
            if (reply instanceof Reply.ShowForm show) {
              // the trigger id lasts 3 s, plenty to acknowledge first and open the modal right after
              executor.submit(() -> openModal(ctx, p.getTriggerId(), show,
                  () -> ctx.respond(r -> r.responseType("ephemeral").text(FORM_FAILED))));
              return ctx.ack();
            }
            List<BlockKitRenderer.Page> pages = renderer.pages(message(reply));
            if (pages.size() == 1) {
              return ctx.ack(ephemeral(pages.get(0)));
            }
            // several messages: all through the response URL, in order, after an empty acknowledgement
            executor.submit(() -> {
              inOrder(pages, page -> ctx.respond(r -> r.responseType("ephemeral").text(page.text()).blocks(page.blocks())));
              return null;
            });
            return ctx.ack();
          },
          late -> {
            if (late instanceof Reply.ShowForm show) {
              openModal(ctx, p.getTriggerId(), show, () -> ctx.respond(r -> r.responseType("ephemeral").text(FORM_FAILED)));
            } else {
              inOrder(renderer.pages(message(late)),
                  page -> ctx.respond(r -> r.responseType("ephemeral").text(page.text()).blocks(page.blocks())));
            }
          },
          () -> ctx.ack(ephemeral(renderer.pages(ChatMessage.of(WORKING)).get(0))));
    });

    app.blockAction(Pattern.compile(".+", Pattern.DOTALL), (req, ctx) -> {
      var p = req.getPayload();
      String workspace = p.getTeam() != null ? p.getTeam().getId() : p.getUser() != null ? p.getUser().getTeamId() : null;
      String enterprise = p.getEnterprise() != null ? p.getEnterprise().getId() : p.getTeam() != null ? p.getTeam().getEnterpriseId() : null;
      String team = installation(p.isEnterpriseInstall(), enterprise, workspace);
      if (p.getUser() == null || blank(p.getUser().getId()) || p.getActions() == null || p.getActions().isEmpty()
          || p.getActions().get(0) == null || notAnInstallation(team)) {
        return badRequest();
      }
      var action = p.getActions().get(0);
      executor.submit(() -> {
        // an anonymous path is answered without the person's profile: nothing about them is asked for on the way
        Caller caller = FeedbackInvitation.isAnonymous(action.getActionId())
            ? Caller.of(new PlatformIdentity(Platform.SLACK, team, p.getUser().getId()))
            : profiles.caller(team, p.getUser().getId());
        Reply reply = safely(() -> desk.action(caller, action.getActionId(),
            action.getValue() == null ? "" : action.getValue()));
        try {
          if (reply instanceof Reply.Replace replace) {
            List<BlockKitRenderer.Page> pages = renderer.pages(replace.message());
            BlockKitRenderer.Page first = pages.get(0);
            ctx.respond(r -> r.replaceOriginal(true).text(first.text()).blocks(first.blocks()));
            inOrder(pages.subList(1, pages.size()), page -> ctx.respond(r -> r.responseType("ephemeral")
                .replaceOriginal(false).text(page.text()).blocks(page.blocks())));
          } else if (reply instanceof Reply.Say say) {
            inOrder(renderer.pages(say.message()), page -> ctx.respond(r -> r.responseType("ephemeral")
                .replaceOriginal(false).text(page.text()).blocks(page.blocks())));
          } else if (reply instanceof Reply.ShowForm show) {
            openModal(ctx, p.getTriggerId(), show,
                () -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(FORM_FAILED)));
          }
        } catch (Exception e) {
          log.warn("could not answer a button click: {}", e.getClass().getSimpleName());
        }
      });
      return ctx.ack();
    });

    app.viewSubmission(Pattern.compile(".+", Pattern.DOTALL), (req, ctx) -> {
      var p = req.getPayload();
      if (p.getUser() == null || p.getTeam() == null || p.getView() == null || blank(p.getUser().getId())
          || blank(p.getTeam().getId())) {
        return badRequest();
      }
      String installation = installation(p.isEnterpriseInstall(),
          p.getEnterprise() != null ? p.getEnterprise().getId() : p.getTeam().getEnterpriseId(), p.getTeam().getId());
      if (notAnInstallation(installation)) {
        return badRequest();
      }
      Map<String, String> values = SlackForms.values(p.getView().getState());
      String user = p.getUser().getId();
      String callback = p.getView().getCallbackId();
      if (FeedbackInvitation.isAnonymous(callback)) {
        return anonymousSubmission(ctx, p.getView().getId(), () -> desk.submit(Caller.of(
            new PlatformIdentity(Platform.SLACK, installation, user)), callback, values));
      }
      return answer(() -> desk.submit(profiles.caller(installation, user), callback, values),
          reply -> {
            if (reply instanceof Reply.FormErrors errors) {
              return ctx.ack(r -> r.responseAction("errors").errors(errors.errors()));
            }
            if (reply instanceof Reply.Say say) {
              // the modal closes; the answer goes to the person's DM with the bot
              executor.submit(() -> direct(ctx, user, say.message()));
            }
            return ctx.ack();
          },
          late -> {
            // the modal has closed already, so even what it would have shown goes to the DM
            if (late instanceof Reply.Say say) {
              direct(ctx, user, say.message());
            } else if (late instanceof Reply.FormErrors errors) {
              direct(ctx, user, ChatMessage.of(WORDS.phrase("slack.form_not_saved", "errors", String.join(" ", errors.errors().values()))));
            }
          },
          ctx::ack);
    });

    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      var event = payload.getEvent();
      boolean orgWide = payload.getAuthorizations() != null
          && payload.getAuthorizations().stream().anyMatch(a -> a != null && Boolean.TRUE.equals(a.getIsEnterpriseInstall()));
      String installation = installation(orgWide, payload.getEnterpriseId(), payload.getTeamId());
      if (!"home".equals(event.getTab()) || notAnInstallation(installation) || blank(event.getUser())) {
        return ctx.ack();
      }
      executor.submit(() -> {
        ChatMessage home = desk.home(profiles.caller(installation, event.getUser()));
        ctx.client().viewsPublish(r -> r.userId(event.getUser())
            .view(View.builder().type("home").blocks(renderer.render(home.blocks(), 100)).build()));
        return null;
      });
      return ctx.ack();
    });
  }

  /**
   * An anonymous feedback form ({@code FeedbackInvitation.isAnonymous}): the answer is shown in the
   * modal itself (response_action update, or views.update when it comes late), never as a message
   * the bot sends, and the person's profile is not looked up: nothing about them is written or
   * asked for on the way.
   */
  private com.slack.api.bolt.response.Response anonymousSubmission(
      com.slack.api.bolt.context.builtin.ViewSubmissionContext ctx, String viewId, Supplier<Reply> work) {
    return answer(work,
        reply -> reply instanceof Reply.FormErrors errors
            ? ctx.ack(r -> r.responseAction("errors").errors(errors.errors()))
            : ctx.ack(r -> r.responseAction("update").view(forms.said(WORDS.phrase("slack.feedback.title"), message(reply)))),
        late -> {
          ChatMessage said = late instanceof Reply.FormErrors errors
              ? ChatMessage.of(WORDS.phrase("slack.feedback.not_saved", "errors", String.join(" ", errors.errors().values())))
              : message(late);
          ctx.client().viewsUpdate(r -> r.viewId(viewId).view(forms.said(WORDS.phrase("slack.feedback.title"), said)));
        },
        () -> ctx.ack(r -> r.responseAction("update").view(forms.said(WORDS.phrase("slack.feedback.title"), ChatMessage.of(SENDING)))));
  }

  static final String SENDING = WORDS.phrase("slack.feedback.sending");

  /** A moment after a form was asked for, so the trigger is still fresh; a refusal is told to the person. */
  private void openModal(Context ctx, String triggerId, Reply.ShowForm show, Answer failed) {
    try {
      var opened = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(forms.modal(show.form(), List.of())));
      if (opened.isOk()) {
        return;
      }
      log.warn("views.open failed: {}", opened.getError());
    } catch (Exception e) {
      log.warn("views.open failed: {}", e.getClass().getSimpleName());
    }
    try {
      failed.send();
    } catch (Exception e) {
      log.warn("could not say the form failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Where a reply goes when it was not ready for the acknowledgement. */
  @FunctionalInterface
  private interface Late {
    void deliver(Reply reply) throws Exception;
  }

  /** An answer through a request's response URL. */
  @FunctionalInterface
  private interface Answer {
    void send() throws Exception;
  }

  /** Blank once what cannot be stored is dropped: a user id of NUL is no user id. */
  private static boolean blank(String s) {
    return s == null || StorableText.of(s).isBlank();
  }

  /** A request Slack would never send (no user or workspace): refused, nothing done. */
  private static com.slack.api.bolt.response.Response badRequest() {
    return com.slack.api.bolt.response.Response.builder().statusCode(400).contentType("application/json")
        .body("{\"error\":\"missing user or team\"}").build();
  }

  private static ChatMessage message(Reply reply) {
    return reply instanceof Reply.Say say ? say.message()
        : reply instanceof Reply.Replace replace ? replace.message()
        : ChatMessage.of(WORDS.phrase("slack.done"));
  }

  /**
   * Runs a request's work and acknowledges in time: {@code onTime} builds the acknowledgement from
   * a reply ready within the budget; otherwise {@code interim} is the acknowledgement and the
   * reply goes to {@code late} when it is ready. Over HTTP the work runs on this thread, with the
   * servlet's watchdog sending {@code interim} at the deadline; in Socket Mode (no early
   * acknowledgement possible) it runs on the executor while this thread waits up to the budget.
   * At most {@link #WORKING_HERE} desk calls run at once, wherever they run: a request that finds
   * no permit free goes through the executor and waits there, so a slow database can neither
   * hold on to every server thread past its budget (they are released at the deadline, as the
   * executor's work queues) nor get more concurrent calls than before.
   */
  private com.slack.api.bolt.response.Response answer(Supplier<Reply> work,
      Function<Reply, com.slack.api.bolt.response.Response> onTime, Late late,
      Supplier<com.slack.api.bolt.response.Response> interim) {
    Optional<Acknowledgement> ack = Acknowledgement.onThisThread();
    if (ack.isPresent() && workingHere.tryAcquire()) {
      ack.get().arm(ACK_BUDGET, interim);
      Reply reply;
      try {
        reply = safely(work);
      } finally {
        workingHere.release();
      }
      if (ack.get().claim()) {
        return onTime.apply(reply);
      }
      // on this thread, which has the reply already: no hand-off that a stopping executor could refuse
      deliverLate(late, reply);
      return com.slack.api.bolt.response.Response.ok(); // never sent: the interim answer went out at the deadline
    }
    Future<Reply> running = executor.submit(() -> {
      workingHere.acquireUninterruptibly(); // the same bound, so at most WORKING_HERE desk calls run at once
      try {
        return work.get();
      } finally {
        workingHere.release();
      }
    });
    Reply reply = within(running);
    if (reply != null) {
      return onTime.apply(reply);
    }
    Runnable delivery = () -> deliverLate(late, finish(running));
    try {
      executor.execute(delivery);
    } catch (RejectedExecutionException e) {
      delivery.run(); // shutting down: wait here for the work rather than lose its answer
    }
    return interim.get();
  }

  private static void deliverLate(Late late, Reply reply) {
    try {
      late.deliver(reply);
    } catch (Exception e) {
      log.warn("could not deliver a late answer: {}", e.getClass().getSimpleName());
    }
  }

  private void direct(Context ctx, String user, ChatMessage message) {
    try {
      for (BlockKitRenderer.Page page : renderer.pages(message)) {
        ctx.client().chatPostMessage(r -> r.channel(user).text(page.text()).blocks(page.blocks()));
      }
    } catch (Exception e) {
      log.warn("could not send a direct message: {}", e.getClass().getSimpleName());
    }
  }

  /** Sends one page of a reply (through the response URL, or as a message). */
  @FunctionalInterface
  private interface PageSender {
    void send(BlockKitRenderer.Page page) throws Exception;
  }

  /** The pages of a reply one after another, so they arrive in order. */
  private static void inOrder(List<BlockKitRenderer.Page> pages, PageSender sender) throws Exception {
    for (BlockKitRenderer.Page page : pages) {
      sender.send(page);
    }
  }

  private static SlashCommandResponse ephemeral(BlockKitRenderer.Page page) {
    return SlashCommandResponse.builder().responseType("ephemeral").text(page.text()).blocks(page.blocks()).build();
  }

  /** The reply if it is ready within the ack budget; null if still running. */
  private Reply within(Future<Reply> work) {
    try {
      return work.get(ACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.say(SORRY);
    } catch (ExecutionException e) {
      log.error("a Slack request failed: {}", e.getCause().getClass().getName());
      return Reply.say(SORRY);
    }
  }

  private static Reply finish(Future<Reply> work) {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reply.say(SORRY);
    } catch (ExecutionException e) {
      log.error("a Slack request failed: {}", e.getCause().getClass().getName());
      return Reply.say(SORRY);
    }
  }

  private Reply safely(Supplier<Reply> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      log.error("a Slack request failed: {}", e.getClass().getName());
      return Reply.say(SORRY);
    }
  }
}
