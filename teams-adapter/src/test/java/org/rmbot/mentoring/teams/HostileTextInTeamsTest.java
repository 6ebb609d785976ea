package org.rmbot.mentoring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.testing.EveryMessage;
import org.rmbot.mentoring.testing.HostileText;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

/**
 * Every card the bot can send, built with the hostile samples (nine at a time) as every name, topic, department
 * and reason: no {@code <at>} mention, HTML tag or Markdown link survives into the card, and the
 * sample's words still show.
 */
class HostileTextInTeamsTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

  @Test
  void typedMarkupShowsAsTextInEveryCard() {
    World world = new World(db.jdbi());
    for (String sample : HostileText.storableInGroups()) {
      EveryMessage.Catalogue catalogue = EveryMessage.build(world, sample);
      StringBuilder cards = new StringBuilder();
      for (ChatMessage message : catalogue.messages()) {
        cards.append(renderer.render(message).toString());
      }
      for (Form form : catalogue.forms()) {
        cards.append(renderer.render(form).toString());
      }
      String all = cards.toString();
      assertThat(all).as(sample).doesNotContain("<").doesNotContain("](http");
      // the words are still there: the first word of the sample, with angle brackets swapped
      String word = sample.replace('<', '‹').replace('>', '›').split("[\\s\\]]")[0];
      assertThat(all).as(sample).contains(Json.MAPPER.valueToTree(word).toString().replaceAll("^\"|\"$", ""));
    }
  }
}
