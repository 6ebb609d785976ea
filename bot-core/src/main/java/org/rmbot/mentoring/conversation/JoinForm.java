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
import org.rmbot.mentoring.participation.JoinAnswers;
import org.rmbot.mentoring.program.Program;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * The enrolment form and the reading of its answers. Lived-experience focus areas are optional
 * and the form says plainly who can see them (nobody but the person, unless they share).
 */
final class JoinForm {
  private static final Catalogue WORDS = Catalogue.english();
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
  static final String PRIVACY_NOTICE = WORDS.phrase("join.form.privacy_notice",
      "myData", Markup.command("my-data"), "forgetMe", Markup.command("forget-me"));
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");

  static Form form(Program program) {
    List<FormInput> inputs = List.of(
        new FormInput.SingleChoice(ROLE, WORDS.phrase("join.form.role", "program", ReplyText.clip(program.name(), 60)),
            false, List.of(
                new Form.Choice("mentor", WORDS.phrase("join.form.role.mentor")),
                new Form.Choice("mentee", WORDS.phrase("join.form.role.mentee")))),
        new FormInput.ShortText(GRADE, WORDS.phrase("join.form.grade"), false, 3),
        new FormInput.ShortText(DEPARTMENT, WORDS.phrase("join.form.department"), false, 100),
        new FormInput.ShortText(MANAGER, WORDS.phrase("join.form.manager_email"), true, 200),
        new FormInput.LongText(OFFERED, WORDS.phrase("join.form.topics_offered"), true, 500),
        new FormInput.LongText(SOUGHT, WORDS.phrase("join.form.topics_sought"), true, 500),
        new FormInput.ShortText(LANGUAGES, WORDS.phrase("join.form.languages"), true, 200),
        new FormInput.Checkbox(NAME_TOPICS, WORDS.phrase("join.form.name_topics"), true,
            WORDS.phrase("join.form.name_topics_box")),
        new FormInput.LongText(FOCUS, WORDS.phrase("join.form.focus_areas"), true, 500),
        new FormInput.Checkbox(FOCUS_SHARE, WORDS.phrase("join.form.focus_share"), true,
            WORDS.phrase("join.form.focus_share_box")),
        new FormInput.Checkbox(CONSENT, PRIVACY_NOTICE, false, WORDS.phrase("join.form.consent_box")));
    return new Form(PREFIX + program.id(), WORDS.phrase("join.form.title"), WORDS.phrase("join.form.submit"), inputs);
  }

  /** The answers, or the problems keyed by input id. */
  static Object read(Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    String roleText = values.getOrDefault(ROLE, "");
    Role role = roleText.equals("mentor") ? Role.MENTOR : roleText.equals("mentee") ? Role.MENTEE : null;
    if (role == null) {
      errors.put(ROLE, WORDS.phrase("join.error.role"));
    }
    int grade = -1;
    try {
      grade = Integer.parseInt(values.getOrDefault(GRADE, "").trim());
      if (grade < 0 || grade > 100) {
        errors.put(GRADE, WORDS.phrase("join.error.grade_out_of_range"));
      }
    } catch (NumberFormatException e) {
      errors.put(GRADE, WORDS.phrase("join.error.grade_not_a_number"));
    }
    String department = values.getOrDefault(DEPARTMENT, "").trim();
    if (department.isEmpty()) {
      errors.put(DEPARTMENT, WORDS.phrase("join.error.department"));
    }
    String manager = values.getOrDefault(MANAGER, "").trim();
    if (!manager.isEmpty() && !EMAIL.matcher(manager).matches()) {
      errors.put(MANAGER, WORDS.phrase("join.error.manager_email"));
    }
    if (!FormInput.Checkbox.TICKED.equals(values.get(CONSENT))) {
      errors.put(CONSENT, WORDS.phrase("join.error.consent"));
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    String focus = values.getOrDefault(FOCUS, "").trim();
    return new JoinAnswers(role, grade, department, manager.isEmpty() ? null : manager, list(values.get(OFFERED)),
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
