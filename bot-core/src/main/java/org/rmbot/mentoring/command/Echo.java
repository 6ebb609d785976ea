package org.rmbot.mentoring.command;

/**
 * Quotes a little of what someone typed back to them in an error message. Kept short so a
 * message stays readable and never replays a pasted wall of text, and defanged so that echoed
 * text cannot become markup ({@code <!channel>}) in the reply.
 */
final class Echo {
  static final int LONGEST = 40;

  private Echo() {}

  /** {@code 'text'}, cut to {@value #LONGEST} characters. */
  static String of(String typed) {
    StringBuilder out = new StringBuilder();
    int kept = 0;
    boolean cut = false;
    for (int i = 0; i < typed.length(); ) {
      int cp = typed.codePointAt(i);
      i += Character.charCount(cp);
      if (kept == LONGEST) {
        cut = true;
        break;
      }
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE) {
        continue;
      }
      out.appendCodePoint(switch (cp) {
        case '<' -> '‹';
        case '>' -> '›';
        case '`' -> '\'';
        default -> cp;
      });
      kept++;
    }
    return "'" + out + (cut ? "…" : "") + "'";
  }
}
