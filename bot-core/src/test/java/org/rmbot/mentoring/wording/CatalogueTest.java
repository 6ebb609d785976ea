package org.rmbot.mentoring.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private final Catalogue sample = Catalogue.of("wording.sample", Locale.ENGLISH);

  @Test
  void countsTakeTheirPluralAndApostrophesStayAsWritten() {
    assertThat(sample.phrase("sample.pairs", "count", 0, "name", "Ana")).isEqualTo("no pairs in Ana's program");
    assertThat(sample.phrase("sample.pairs", "count", 1, "name", "Ana")).isEqualTo("1 pair in Ana's program");
    assertThat(sample.phrase("sample.pairs", "count", 1200, "name", "Ana")).isEqualTo("1,200 pairs in Ana's program");
  }

  @Test
  void selectChoosesTheWordsForARole() {
    assertThat(sample.phrase("sample.role", "role", "mentor", "when", "Tue")).isEqualTo("You mentor; you'll meet Tue.");
    assertThat(sample.phrase("sample.role", "role", "mentee", "when", "Tue")).isEqualTo("You are mentored; you'll meet Tue.");
  }

  @Test
  void quotedBracesAreText() {
    assertThat(sample.phrase("sample.braces")).isEqualTo("Type {help} to start.");
  }

  @Test
  void argumentsOfPeopleAreNotReadAsPatterns() {
    assertThat(sample.phrase("sample.pairs", "count", 2, "name", "{x} '' #")).isEqualTo("2 pairs in {x} '' #'s program");
  }

  @Test
  void aMissingKeyOrOddArgumentsFailLoudly() {
    assertThatThrownBy(() -> sample.phrase("sample.nothing")).isInstanceOf(MissingResourceException.class);
    assertThatThrownBy(() -> sample.phrase("sample.pairs", "count")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noBundleFallsBackToTheMachinesLanguage() {
    assertThatThrownBy(() -> Catalogue.of("wording.sample", Locale.JAPANESE)).isInstanceOf(MissingResourceException.class);
  }
}
