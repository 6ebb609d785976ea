package org.rmbot.mentoring.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * How the demo's transcript reads each kind of attachment the Teams adapter sends, in the shapes
 * docs/TEAMS.md describes: an inline chart, a file-consent card and a file-info card. (The
 * demo's own chart is too big to come inline, so its run never shows one.)
 */
class ShownMessageTest {

  @Test
  void anInlineImageShowsItsNameAndTheMessageText() {
    ShownMessage shown = ShownMessage.card(json("""
        {"type":"message","text":"Pilot: meetings per week","attachments":[{"contentType":"image/png",
         "name":"pilot-chart.png","contentUrl":"data:image/png;base64,iVBORw0KGgo="}]}"""), "");

    assertThat(shown.text()).isEqualTo("[image, inline] pilot-chart.png: Pilot: meetings per week");
    assertThat(shown.buttons()).isEmpty();
  }

  @Test
  void aFileConsentCardOffersAllowAndDeclineCarryingItsContexts() {
    ShownMessage shown = ShownMessage.card(json("""
        {"type":"message","summary":"File: pilot-figures.csv","attachments":[{
         "contentType":"application/vnd.microsoft.teams.card.file.consent","name":"pilot-figures.csv",
         "content":{"description":"Pilot: figures","sizeInBytes":3277,
                    "acceptContext":{"rmFile":"f-1"},"declineContext":{"rmFile":"f-1"}}}]}"""), "");

    assertThat(shown.text()).isEqualTo("[file-consent card] pilot-figures.csv (3.2 KB): Pilot: figures");
    assertThat(shown.buttonRow()).isEqualTo("[Allow] [Decline]");
    assertThat(JsonParser.parseString(shown.button(ShownMessage.ALLOW_FILE).orElseThrow().value()))
        .isEqualTo(json("{\"rmFile\":\"f-1\"}"));
    assertThat(shown.button(ShownMessage.DECLINE_FILE)).isPresent();
  }

  @Test
  void aFileInfoCardNamesTheSavedFile() {
    ShownMessage shown = ShownMessage.card(json("""
        {"type":"message","summary":"Saved: pilot-figures.csv","attachments":[{
         "contentType":"application/vnd.microsoft.teams.card.file.info","name":"pilot-figures.csv",
         "contentUrl":"https://contoso-my.sharepoint.com/personal/cora/Documents/pilot-figures.csv",
         "content":{"uniqueId":"1150D938-8870-4044-9F2C-5BBDEBA70C8C","fileType":"csv"}}]}"""), "");

    assertThat(shown.text()).isEqualTo("[file card] pilot-figures.csv (csv), opens from the person's OneDrive");
    assertThat(shown.buttons()).isEmpty();
  }

  @Test
  void anAdaptiveCardStillReadsAsSectionsAndButtons() {
    ShownMessage shown = ShownMessage.card(json("""
        {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
         "type":"AdaptiveCard","fallbackText":"Proposed","body":[{"type":"TextBlock","text":"Proposed for you"},
         {"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Accept",
          "data":{"rmAction":"proposal.accept","rmValue":"7"}}]}]}}]}"""), "proposal");

    assertThat(shown.headline()).isEqualTo("Proposed for you");
    assertThat(shown.buttonRow()).isEqualTo("[Accept]");
    assertThat(shown.kind()).isEqualTo("proposal");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
