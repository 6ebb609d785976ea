package org.rmbot.mentoring.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.wording.Catalogue;

/** The chooser's refusals read as they did when they were built from a verb in the code. */
class ProgramChooserWordsTest {
  private final Catalogue words = Catalogue.english();

  @Test
  void severalProgramsAreNamedForEachWayAPersonStandsToThem() {
    String names = "\"Pilot\", \"Tech {2027}\"";
    assertThat(words.phrase("chooser.several", "relation", "coordinate", "names", names))
        .isEqualTo("You coordinate several programs; please name one: \"Pilot\", \"Tech {2027}\".");
    assertThat(words.phrase("chooser.several", "relation", "take_part", "names", names))
        .isEqualTo("You take part in several programs; please name one: \"Pilot\", \"Tech {2027}\".");
    assertThat(words.phrase("chooser.several", "relation", "can_join", "names", names))
        .isEqualTo("You can join several programs; please name one: \"Pilot\", \"Tech {2027}\".");
  }

  @Test
  void noneOfYoursKeepsItsApostrophes() {
    assertThat(words.phrase("chooser.none_of_yours", "relation", "coordinate"))
        .isEqualTo("You don't coordinate any open program.");
    assertThat(words.phrase("chooser.none_of_yours", "relation", "take_part"))
        .isEqualTo("You don't take part in any open program.");
  }
}
