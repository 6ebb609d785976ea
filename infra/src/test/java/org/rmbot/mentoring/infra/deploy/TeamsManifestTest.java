package org.rmbot.mentoring.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.command.Audience;
import org.rmbot.mentoring.command.CommandCatalogue;
import org.rmbot.mentoring.command.CommandHelp;
import org.rmbot.mentoring.testing.SharedReference;

/** The Teams app package: manifest valid against the v1.29 schema, icons of the required sizes, commands from the catalogue. */
class TeamsManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode manifest() throws Exception {
    return JSON.readTree(Files.readString(Path.of("teams", "manifest.json")));
  }

  private static com.networknt.schema.JsonSchema schema() {
    // one pattern (Excel add-in file names, unused here) writes a backspace and a vertical tab
    // as \\b\\v inside a character class, which ECMA-262 allows and Java's regex does not
    String schema = SharedReference.read("teams-app-manifest", "MicrosoftTeams.schema.v1.29.json")
        .replace("\\\\b\\\\v", "\\\\x08\\\\x0B");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
  }

  @Test
  void theManifestIsValidAndTheSchemaCheckCanFail() throws Exception {
    assertThat(schema().validate(manifest())).isEmpty();
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode) manifest();
    broken.put("accentColor", "purple");
    assertThat(schema().validate(broken)).isNotEmpty();
  }

  @Test
  void iconsHaveTheSizesTeamsRequires() throws Exception {
    BufferedImage color = ImageIO.read(Path.of("teams", "color.png").toFile());
    BufferedImage outline = ImageIO.read(Path.of("teams", "outline.png").toFile());
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    // the outline icon is white on transparent
    assertThat(outline.getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void theBotMayHandFilesOver() throws Exception {
    // Teams shows file-consent cards (report, export, my-data) only from a bot that declares it
    assertThat(manifest().path("bots").get(0).path("supportsFiles").asBoolean()).isTrue();
  }

  @Test
  void theBotDeclaresTheCatalogueCommandsWithinTheManifestLimits() throws Exception {
    JsonNode lists = manifest().path("bots").get(0).path("commandLists");
    assertThat(commands(lists, "personal")).containsExactlyElementsOf(expected(Audience.PARTICIPANT));
    assertThat(commands(lists, "team")).containsExactlyElementsOf(expected(Audience.COORDINATOR));
    assertThat(commands(lists, "groupChat")).containsExactlyElementsOf(expected(Audience.COORDINATOR));
  }

  /** The catalogue's commands for one audience, as the manifest can hold them: 10 per list, title up to 32, description up to 128. */
  private static List<String> expected(Audience audience) {
    Set<String> out = new LinkedHashSet<>();
    for (CommandHelp help : CommandCatalogue.all()) {
      if (help.audience() != audience) {
        continue;
      }
      // as Teams shows it: plain words, commands as typed in a Teams chat
      String plain = org.rmbot.mentoring.chat.Markup.plain(help.summary());
      String summary = plain.length() <= 128 ? plain : plain.substring(0, 127) + "…";
      String title = title(help.usage());
      if (out.stream().noneMatch(s -> s.startsWith(title + " | "))) {
        out.add(title + " | " + summary);
      }
    }
    return new ArrayList<>(out).subList(0, Math.min(10, out.size()));
  }

  private static String title(String usage) {
    List<String> words = new ArrayList<>();
    for (String w : usage.split(" ")) {
      if (w.startsWith("<") || w.startsWith("[") || w.startsWith("@")) {
        break;
      }
      words.add(w);
    }
    return String.join(" ", words);
  }

  private static List<String> commands(JsonNode lists, String scope) {
    for (JsonNode list : lists) {
      if (list.path("scopes").get(0).asText().equals(scope)) {
        List<String> out = new ArrayList<>();
        list.path("commands").forEach(c -> out.add(c.path("title").asText() + " | " + c.path("description").asText()));
        return out;
      }
    }
    return List.of();
  }
}
