package org.rmbot.mentoring.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.chat.Form.FormInput;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.program.Program;

/**
 * The enrolment form and the reading of its answers. Lived-experience focus areas are optional
 * and the form says plainly who can see them (nobody but the person, unless they share).
 */
final class JoinForm {
  static final String PREFIX = "join:";
  static final String ROLE = "role";
  static final String GRADE = "grade";
  static final String DEPARTMENT = "department";
  static final String MANAGER = "manager_email";
  static final String OFFERED = "topics_offered";
  static final String SOUGHT = "topics_sought";
  static final String LANGUAGES = "languages";
  static final String FOCUS = "focus_areas";
  static final String FOCUS_SHARE = "focus_share";
  static final String NAME_TOPICS = "name_topics";
  static final String CONSENT = "consent";
  static final String PRIVACY_NOTICE =
      "Privacy: the bot keeps only what you enter here, to find you a good match and to remind you of"
          + " meetings. Coordinators see your role, grade, department and topics. Focus areas are"
          + " optional, stored encrypted and seen by nobody but you unless you choose to share them."
          + " Reflections you write are private to you. You can see everything held about you with "
          + Markup.command("my-data") + " and erase it with " + Markup.command("forget-me") + " at any time.";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");

  record Answers(Role role, int grade, String department, String managerEmail, Set<String> offered,
      Set<String> sought, Set<String> languages, String focusAreas, boolean shareFocusAreas,
      boolean nameLivedExperience) {}

  static Form form(Program program) {
    List<FormInput> inputs = List.of(
        new FormInput.SingleChoice(ROLE, "Your role in \"" + ReplyText.clip(program.name(), 60) + "\"", false, List.of(
            new Form.Choice("mentor", "Mentor: I share my experience (usually the more junior colleague)"),
            new Form.Choice("mentee", "Mentee: I listen and learn (usually the senior leader)"))),
        new FormInput.ShortText(GRADE, "Your grade or level, as a number (higher is more senior)", false, 3),
        new FormInput.ShortText(DEPARTMENT, "Your department or team", false, 100),
        new FormInput.ShortText(MANAGER, "Your manager's work email (so you're never paired in your own reporting line)", true, 200),
        new FormInput.LongText(OFFERED, "Topics you could share, separated by ;", true, 500),
        new FormInput.LongText(SOUGHT, "Topics you'd like to learn about, separated by ;", true, 500),
        new FormInput.ShortText(LANGUAGES, "Languages you're happy to meet in, separated by ;", true, 200),
        new FormInput.Checkbox(NAME_TOPICS, "Topics about lived experience (such as LGBTQ+ inclusion or mental"
            + " health) are never named in the reason for your match unless you tick this", true,
            "My partner and the coordinators may see those topics in the reason for our match"),
        new FormInput.LongText(FOCUS, "Optional and private: lived-experience areas you'd like to focus on", true, 500),
        new FormInput.Checkbox(FOCUS_SHARE, "Your focus areas stay private unless you tick this", true,
            "Coordinators may see my focus areas (to help matching and support)"),
        new FormInput.Checkbox(CONSENT, PRIVACY_NOTICE, false, "I have read this and agree"));
    return new Form(PREFIX + program.id(), "Join the program", "Join", inputs);
  }

  /** The answers, or the problems keyed by input id. */
  static Object read(Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    String roleText = values.getOrDefault(ROLE, "");
    Role role = roleText.equals("mentor") ? Role.MENTOR : roleText.equals("mentee") ? Role.MENTEE : null;
    if (role == null) {
      errors.put(ROLE, "Please choose mentor or mentee.");
    }
    int grade = -1;
    try {
      grade = Integer.parseInt(values.getOrDefault(GRADE, "").trim());
      if (grade < 0 || grade > 100) {
        errors.put(GRADE, "Please enter a number from 0 to 100.");
      }
    } catch (NumberFormatException e) {
      errors.put(GRADE, "Please enter your grade as a number, like 3.");
    }
    String department = values.getOrDefault(DEPARTMENT, "").trim();
    if (department.isEmpty()) {
      errors.put(DEPARTMENT, "Please enter your department, so you're not paired with someone you work with daily.");
    }
    String manager = values.getOrDefault(MANAGER, "").trim();
    if (!manager.isEmpty() && !EMAIL.matcher(manager).matches()) {
      errors.put(MANAGER, "That doesn't look like an email address.");
    }
    if (!FormInput.Checkbox.TICKED.equals(values.get(CONSENT))) {
      errors.put(CONSENT, "Please read and agree to the privacy notice to join.");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    String focus = values.getOrDefault(FOCUS, "").trim();
    return new Answers(role, grade, department, manager.isEmpty() ? null : manager, list(values.get(OFFERED)),
        list(values.get(SOUGHT)), list(values.get(LANGUAGES)), focus.isEmpty() ? null : focus,
        !focus.isEmpty() && FormInput.Checkbox.TICKED.equals(values.get(FOCUS_SHARE)),
        FormInput.Checkbox.TICKED.equals(values.get(NAME_TOPICS)));
  }

  static Set<String> list(String text) {
    if (text == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(text.split("[;\\n]")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> ReplyText.clip(s, 100)).limit(20).forEach(out::add);
    return Set.copyOf(new ArrayList<>(out));
  }
}
