package org.rmbot.mentoring.conversation;


import java.util.List;
import java.util.Optional;
import org.rmbot.mentoring.access.Actor;
import org.rmbot.mentoring.access.Authority;
import org.rmbot.mentoring.audit.AuditLog;
import org.rmbot.mentoring.audit.AuditSubject;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatFailure;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.ChatPlatform;
import org.rmbot.mentoring.chat.ChatPlatforms;
import org.rmbot.mentoring.chat.Conversation;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.command.Command;
import org.rmbot.mentoring.command.Mention;
import org.rmbot.mentoring.participant.People;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.participant.PlatformIdentity;
import org.rmbot.mentoring.personaldata.Erasure;
import org.rmbot.mentoring.personaldata.PersonalDataExport;
import org.rmbot.mentoring.program.Programs;
import org.rmbot.mentoring.reflection.Reflections;

/**
 * A person's own data: {@code my-data} sends them everything the bot holds about them as a file;
 * a reflection can be shared with the partner it was written about;
 * {@code forget-me}, and a coordinator's {@code forget @person} at someone's request, erase it
 * after a confirmation button. Those buttons carry only a reference: who may erase whom is checked
 * again on the click.
 */
public final class PrivacyCommands {
  static final String CONFIRM_FORGET_ME = "privacy.forget_me";
  /** Value: the person id to erase. */
  static final String CONFIRM_FORGET = "privacy.forget";

  private final People people;
  private final Programs programs;
  private final Authority authority;
  private final AuditLog audit;
  private final Directory directory;
  private final PersonalDataExport export;
  private final Erasure erasure;
  private final ChatPlatforms platforms;
  private final Reflections reflections;

  public PrivacyCommands(People people, Programs programs, Authority authority, AuditLog audit, Directory directory,
      PersonalDataExport export, Erasure erasure, ChatPlatforms platforms, Reflections reflections) {
    this.people = people;
    this.programs = programs;
    this.authority = authority;
    this.audit = audit;
    this.directory = directory;
    this.export = export;
    this.erasure = erasure;
    this.platforms = platforms;
    this.reflections = reflections;
  }

  Reply myData(Caller caller, Person person, Command.MyData command) {
    return myData(caller, person);
  }

  Reply forgetMe(Caller caller, Person person, Command.ForgetMe command) {
    return new Reply.Say(confirmation(
        Markup.bold("Erase everything I hold about you?") + " Your profile, your platform accounts' link to it, your enrolments,"
            + " pairings' link to you, journal, help requests, check-in answers and the messages planned for you"
            + " are deleted for good. Programs keep only anonymous totals (a pairing ended, meetings counted), and"
            + " anonymous feedback stays anonymous. To keep a copy first, type " + Markup.command("my-data") + ".",
        CONFIRM_FORGET_ME, "", "Erase my data"));
  }

  Reply forget(Caller caller, Person person, Command.Forget forget) {
    if (!coordinatesAnything(person)) {
      return refuse(person, null, "Only coordinators can use " + CoordinatedPrograms.named("forget") + HELP);
    }
    Optional<Person> target = mentioned(caller, forget.person());
    boolean admin = authority.isAdmin(person.id());
    if (target.isEmpty() && admin) {
      return Reply.say("I don't know " + forget.person().neutralForm() + ", so there is nothing to erase.");
    }
    if (target.isEmpty() || !mayErase(person, target.get())) {
      // someone unknown and someone in programs the caller does not coordinate: one answer
      return refuse(person, null, "Only an admin can erase " + forget.person().neutralForm() + " for you:"
          + " I erase at a coordinator's request only people who take part only in programs they coordinate.");
    }
    return new Reply.Say(confirmation(Markup.bold("Erase everything I hold about " + target.get().displayName() + "?")
            + " Do this only at their request. Their profile, enrolments, journal, help requests and check-in answers"
            + " are deleted for good; programs keep only anonymous totals. This is recorded in the audit log.",
        CONFIRM_FORGET, String.valueOf(target.get().id()), "Erase their data"));
  }

  Reply shareReflection(Caller caller, Person person, String actionId, String value) {
    // only the author can share, only with the partner of the pairing it was written for
    boolean shared = reflections.shareWithPartner(ParticipantCommands.idAfter(value, ""), person.id());
    return Reply.say(shared ? "Shared: your partner can now read that reflection in their journal."
        : "That reflection isn't yours, or belongs to no pairing, so it wasn't shared.");
  }

  Reply confirmForgetMe(Caller caller, Person person, String actionId, String value) {
    Erasure.Erased erased = erasure.forget(person.id(), Actor.person(person.id()), null);
    String text = "Done: I've erased everything I held about you (" + ReplyText.plural(erased.participations(), "enrolment",
        "enrolments") + ", " + ReplyText.plural(erased.reflections(), "journal entry", "journal entries") + ", "
        + ReplyText.plural(erased.helpRequests(), "help request", "help requests") + "). If you message me again I'll start"
        + " afresh. Thank you for taking part.";
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)));
  }

  Reply confirmForget(Caller caller, Person person, String actionId, String value) {
    long id = ParticipantCommands.idAfter(value, "");
    Optional<Person> target = people.findById(id);
    boolean admin = authority.isAdmin(person.id());
    if (target.isEmpty() && admin) {
      return new Reply.Replace(ChatMessage.of("Already erased.", new Block.Section("Already erased: nothing left to do.")));
    }
    if (!coordinatesAnything(person)) {
      return refuse(person, null, "Only coordinators can use " + CoordinatedPrograms.named("forget") + HELP);
    }
    if (target.isEmpty() || !mayErase(person, target.get())) {
      // an id that is gone and one the caller may not erase: one answer
      return refuse(person, null, "Nothing was erased: at a coordinator's request I erase only people who"
          + " take part only in programs they coordinate, and who are still here. If they asked to be forgotten, an admin can do it.");
    }
    Long program = erasure.programsOf(id).stream().findFirst().orElse(null);
    String name = target.get().displayName();
    erasure.forget(id, Actor.person(person.id()), program);
    String text = "Done: everything I held about " + name + " is erased; the audit log records that you did it.";
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)));
  }

  private Reply myData(Caller caller, Person person) {
    Optional<byte[]> file = export.of(person.id());
    if (file.isEmpty()) {
      return Reply.say("I hold nothing about you.");
    }
    Optional<ChatPlatform> platform = platforms.of(caller.identity().platform());
    if (platform.isEmpty()) {
      return Reply.say("I can't send files on this platform yet, so nothing was sent.");
    }
    try {
      Conversation dm = platform.get().openDirect(caller.identity());
      platform.get().upload(dm, file.get(), "my-data.json", "Everything the mentoring bot holds about you");
    } catch (ChatFailure failure) {
      return Reply.say("I couldn't send the file just now (" + failure.code() + "). Nothing was shared; please try again in a minute.");
    }
    return Reply.say("I've sent you my-data.json in our direct messages: everything I hold about you, with your private"
        + " notes opened for you. Only you can see it. To erase it all, type " + Markup.command("forget-me") + ".");
  }

  /** Admins may erase anyone; a coordinator, someone whose every program they coordinate (and who is no admin). */
  private boolean mayErase(Person actor, Person target) {
    if (authority.isAdmin(actor.id())) {
      return true;
    }
    List<Long> theirs = erasure.programsOf(target.id());
    return coordinatesAnything(actor) && !authority.isAdmin(target.id()) && !theirs.isEmpty()
        && theirs.stream().allMatch(p -> authority.canCoordinate(actor.id(), p));
  }

  private boolean coordinatesAnything(Person person) {
    return authority.isAdmin(person.id()) || programs.all().stream().anyMatch(p -> authority.canCoordinate(person.id(), p.id()));
  }

  private Reply refuse(Person person, Long programId, String reason) {
    audit.refused(person.id(), "person " + person.id(), "forget", programId, AuditSubject.described("not allowed"));
    return Reply.say(reason);
  }

  private static final String HELP = ". Type " + Markup.command("help") + " to see what you can do.";

  private static ChatMessage confirmation(String text, String actionId, String value, String label) {
    return ChatMessage.of(text, new Block.Section(text),
        new Block.Actions(List.of(new Block.Button(actionId, value, label, Block.ButtonStyle.DANGER))),
        new Block.Context("This can't be undone. If you don't want this, just ignore this message."));
  }

  /** A mentioned person: known by this platform id, or by the email in their profile. */
  private Optional<Person> mentioned(Caller caller, Mention mention) {
    PlatformIdentity identity = new PlatformIdentity(caller.identity().platform(), caller.identity().workspaceId(),
        mention.platformUserId());
    Optional<Person> known = people.findByIdentity(identity);
    return known.isPresent() ? known : directory.emailOf(identity).flatMap(people::findByEmail);
  }
}
