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
import org.rmbot.mentoring.wording.Catalogue;

/**
 * A person's own data: {@code my-data} sends them everything the bot holds about them as a file;
 * a reflection can be shared with the partner it was written about;
 * {@code forget-me}, and a coordinator's {@code forget @person} at someone's request, erase it
 * after a confirmation button. Those buttons carry only a reference: who may erase whom is checked
 * again on the click.
 */
public final class PrivacyCommands {
  private static final Catalogue WORDS = Catalogue.english();
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
        Markup.bold(WORDS.phrase("privacy.forget_me.question")) + " "
            + WORDS.phrase("privacy.forget_me.what_goes", "myData", Markup.command("my-data")),
        CONFIRM_FORGET_ME, "", WORDS.phrase("privacy.forget_me.button")));
  }

  Reply forget(Caller caller, Person person, Command.Forget forget) {
    if (!coordinatesAnything(person)) {
      return refuse(person, null, onlyCoordinators());
    }
    Optional<Person> target = mentioned(caller, forget.person());
    boolean admin = authority.isAdmin(person.id());
    if (target.isEmpty() && admin) {
      return Reply.say(WORDS.phrase("privacy.forget.unknown", "person", forget.person().neutralForm()));
    }
    if (target.isEmpty() || !mayErase(person, target.get())) {
      // someone unknown and someone in programs the caller does not coordinate: one answer
      return refuse(person, null, WORDS.phrase("privacy.forget.only_admin", "person", forget.person().neutralForm()));
    }
    return new Reply.Say(confirmation(Markup.bold(WORDS.phrase("privacy.forget.question", "name", target.get().displayName()))
            + " " + WORDS.phrase("privacy.forget.what_goes"),
        CONFIRM_FORGET, String.valueOf(target.get().id()), WORDS.phrase("privacy.forget.button")));
  }

  Reply shareReflection(Caller caller, Person person, String actionId, String value) {
    // only the author can share, only with the partner of the pairing it was written for
    boolean shared = reflections.shareWithPartner(ParticipantCommands.idAfter(value, ""), person.id());
    return Reply.say(shared ? WORDS.phrase("privacy.reflection.shared") : WORDS.phrase("privacy.reflection.not_shared"));
  }

  Reply confirmForgetMe(Caller caller, Person person, String actionId, String value) {
    Erasure.Erased erased = erasure.forget(person.id(), Actor.person(person.id()), null);
    String text = WORDS.phrase("privacy.forget_me.done",
        "enrolments", erased.participations(), "enrolmentsCount", String.valueOf(erased.participations()),
        "entries", erased.reflections(), "entriesCount", String.valueOf(erased.reflections()),
        "requests", erased.helpRequests(), "requestsCount", String.valueOf(erased.helpRequests()));
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)));
  }

  Reply confirmForget(Caller caller, Person person, String actionId, String value) {
    long id = ParticipantCommands.idAfter(value, "");
    Optional<Person> target = people.findById(id);
    boolean admin = authority.isAdmin(person.id());
    if (target.isEmpty() && admin) {
      return new Reply.Replace(ChatMessage.of(WORDS.phrase("privacy.forget.already_erased_short"),
          new Block.Section(WORDS.phrase("privacy.forget.already_erased"))));
    }
    if (!coordinatesAnything(person)) {
      return refuse(person, null, onlyCoordinators());
    }
    if (target.isEmpty() || !mayErase(person, target.get())) {
      // an id that is gone and one the caller may not erase: one answer
      return refuse(person, null, WORDS.phrase("privacy.forget.not_erased"));
    }
    Long program = erasure.programsOf(id).stream().findFirst().orElse(null);
    String name = target.get().displayName();
    erasure.forget(id, Actor.person(person.id()), program);
    String text = WORDS.phrase("privacy.forget.done", "name", name);
    return new Reply.Replace(ChatMessage.of(text, new Block.Section(text)));
  }

  private Reply myData(Caller caller, Person person) {
    Optional<byte[]> file = export.of(person.id());
    if (file.isEmpty()) {
      return Reply.say(WORDS.phrase("privacy.my_data.nothing"));
    }
    Optional<ChatPlatform> platform = platforms.of(caller.identity().platform());
    if (platform.isEmpty()) {
      return Reply.say(WORDS.phrase("privacy.my_data.no_files_here"));
    }
    try {
      Conversation dm = platform.get().openDirect(caller.identity());
      platform.get().upload(dm, file.get(), "my-data.json", WORDS.phrase("privacy.my_data.file_title"));
    } catch (ChatFailure failure) {
      return Reply.say(WORDS.phrase("privacy.my_data.failed", "code", failure.code()));
    }
    return Reply.say(WORDS.phrase("privacy.my_data.sent", "forgetMe", Markup.command("forget-me")));
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
    audit.refused(Actor.person(person.id()), "forget", programId, AuditSubject.described("not allowed"));
    return Reply.say(reason);
  }

  private static String onlyCoordinators() {
    return CoordinatedPrograms.onlyCoordinators("forget");
  }

  private static ChatMessage confirmation(String text, String actionId, String value, String label) {
    return ChatMessage.of(text, new Block.Section(text),
        new Block.Actions(List.of(new Block.Button(actionId, value, label, Block.ButtonStyle.DANGER))),
        new Block.Context(WORDS.phrase("privacy.confirmation.cannot_undo")));
  }

  /** A mentioned person: known by this platform id, or by the email in their profile. */
  private Optional<Person> mentioned(Caller caller, Mention mention) {
    PlatformIdentity identity = new PlatformIdentity(caller.identity().platform(), caller.identity().workspaceId(),
        mention.platformUserId());
    Optional<Person> known = people.findByIdentity(identity);
    return known.isPresent() ? known : directory.emailOf(identity).flatMap(people::findByEmail);
  }
}
