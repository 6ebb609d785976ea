package org.rmbot.mentoring.infra.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rmbot.mentoring.common.MovableClock;
import org.rmbot.mentoring.infra.Main;
import org.rmbot.mentoring.teams.FileConsent;
import org.rmbot.mentoring.testing.Poll;
import org.rmbot.mentoring.testing.TestDatabase;

/**
 * Two things Teams makes a bot work for, through /api/messages and the real connector client:
 * reaching people it has never talked to (found by email in the member list of a team it was
 * added to, then a 1:1 chat created with CreateConversation), and handing over files (report
 * and export come as file-consent cards; Allow uploads to the URL Teams gives, Decline forgets).
 */
class TeamsRosterAndFilesTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  @TempDir Path dir;
  private final TeamsTenant teams = new TeamsTenant();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final Map<String, String> env = new HashMap<>(teams.env());
  private TeamsTenant.Person admin;

  @BeforeEach
  void start() throws Exception {
    admin = teams.person("Cora Coordinator", "cora@example.com");
    env.putAll(Map.of("DATABASE_URL", db.url().jdbcUrl(), "MENTORING_SECRET_KEY", "a-roster-test-secret-that-is-long-enough",
        "MENTORING_ADMINS", "teams:" + TeamsTenant.TENANT + ":" + admin.aad(), "MENTORING_INSTANCE_ID", "rosters"));
    teams.startBot(env, clock, new PrintWriter(new StringWriter(), true));
  }

  @AfterEach
  void stop() {
    teams.close();
  }

  private String say(TeamsTenant.Person who, String text) throws Exception {
    return teams.say(who, text);
  }

  @Test
  void peopleImportedByEmailAreFoundInATeamRosterAndReachedInNewOneToOneChats() throws Exception {
    // the app is added to a team: the bot keeps the team, to read its member list later
    ObjectNode added = teams.capture("conversationUpdate.bot-added-to-team.json");
    String team = added.path("channelData").path("team").path("id").asText();
    added.put("serviceUrl", teams.serviceUrl());
    added.putObject("from").put("id", admin.userId()).put("aadObjectId", admin.aad());
    added.putObject("recipient").put("id", "28:" + TeamsTenant.APP_ID);
    added.putArray("membersAdded").addObject().put("id", "28:" + TeamsTenant.APP_ID);
    ((ObjectNode) added.path("conversation")).put("tenantId", TeamsTenant.TENANT);
    ((ObjectNode) added.path("channelData").path("tenant")).put("id", TeamsTenant.TENANT);
    assertThat(teams.send(added).statusCode()).isBetween(200, 202);
    assertThat(strings("select conversation_id || ' ' || kind from teams_roster")).containsExactly(team + " team");

    // two people the bot has never seen are imported by email
    TeamsTenant.Person helen = new TeamsTenant.Person("Helen Carter", "helen.carter@example.com", "aad-helen", "29:helen", null);
    TeamsTenant.Person amara = new TeamsTenant.Person("Amara Okafor", "amara.okafor@example.com", "aad-amara", "29:amara", null);
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "email,name,role,grade,department,time_zone\n"
        + "Helen.Carter@example.com,Helen Carter,mentee,8,Finance,Europe/London\n"
        + "amara.okafor@example.com,Amara Okafor,mentor,2,Data,Europe/London\n");
    StringWriter out = new StringWriter();
    var cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    assertThat(cli.execute("import", "--program", "Pilot", csv.toString())).as(out.toString()).isZero();

    teams.api.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/pagedmembers"))
        .willReturn(okJson(teams.rosterPage(admin, helen, amara))));
    for (TeamsTenant.Person p : List.of(helen, amara)) {
      teams.api.stubFor(post(urlEqualTo("/teams/v3/conversations")).withRequestBody(containing("\"" + p.userId() + "\""))
          .willReturn(okJson("{\"id\":\"a:new-" + p.aad() + "\"}")));
    }

    assertThat(say(admin, "match commit Pilot")).contains("Proposed 1 pair");
    assertThat(Poll.until(Duration.ofSeconds(30), () -> {
      clock.advance(Duration.ofMillis(250));
      return List.of(helen, amara).stream().allMatch(p -> teams.sentTo("a:new-" + p.aad()).stream()
          .anyMatch(b -> b.contains("proposal.accept")));
    })).as("proposals delivered: %s", strings("select kind || ' ' || state || ' ' || coalesce(last_error, '') from nudge"))
        .isTrue();
    // a 1:1 chat was created for each, in the tenant, with the user id from the roster
    List<LoggedRequest> created = teams.api.findAll(postRequestedFor(urlEqualTo("/teams/v3/conversations")));
    assertThat(created).hasSize(2).allSatisfy(r -> assertThat(r.getBodyAsString())
        .contains("\"tenantId\":\"" + TeamsTenant.TENANT + "\"").contains("\"isGroup\":false"));
    assertThat(strings("select user_id from platform_identity where platform = 'teams' order by user_id"))
        .contains("aad-amara", "aad-helen");
    // one read of the roster found both
    assertThat(teams.api.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlPathMatching("/teams/v3/conversations/[^/]+/pagedmembers")))).hasSize(1);

    // the app is removed from the team: its roster is forgotten
    ObjectNode removed = added.deepCopy();
    removed.put("id", "act-removed"); // another activity: one id is taken once
    removed.remove("membersAdded");
    removed.putArray("membersRemoved").addObject().put("id", "28:" + TeamsTenant.APP_ID);
    ((ObjectNode) removed.path("channelData")).put("eventType", "teamMemberRemoved");
    assertThat(teams.send(removed).statusCode()).isBetween(200, 202);
    assertThat(strings("select conversation_id from teams_roster")).isEmpty();
  }

  @Test
  void aReportComesAsFileConsentCardsAndAllowUploadsTheFileWhereTeamsSays() throws Exception {
    assertThat(say(admin, "program create \"Pilot\" Allyship")).contains("Created");
    assertThat(say(admin, "report Pilot")).contains("I've sent the report");

    List<JsonNode> offers = new ArrayList<>();
    JsonNode inline = null;
    for (String body : teams.sentTo(admin.conversationId())) {
      JsonNode attachment = TeamsTenant.JSON.readTree(body).path("attachments").path(0);
      if (attachment.path("contentType").asText().equals("application/vnd.microsoft.teams.card.file.consent")) {
        offers.add(attachment);
      } else if (attachment.path("contentType").asText().equals("image/png")) {
        inline = attachment;
      }
    }
    assertThat(offers).extracting(a -> a.path("name").asText()).containsExactly("pilot-chart.png", "pilot-figures.csv");
    JsonNode chart = offers.get(0);
    JsonNode figures = offers.get(1);
    assertThat(figures.path("content").path("description").asText()).isEqualTo("Pilot: figures");
    // a chart this small is also shown inline, before its card
    assertThat(chart.path("content").path("sizeInBytes").asLong()).isLessThanOrEqualTo(FileConsent.MAX_INLINE_IMAGE);
    assertThat(inline).isNotNull();
    assertThat(inline.path("contentUrl").asText()).startsWith("data:image/png;base64,iVBOR");
    assertThat(count("select count(*) from teams_pending_file")).isEqualTo(2);

    // someone else cannot take a file offered in the coordinator's chat
    TeamsTenant.Person amara = teams.person("Amara Okafor", "amara@example.com");
    teams.api.stubFor(put(urlPathMatching("/onedrive/.*")).willReturn(aResponse().withStatus(201).withBody("{}")));
    String chartId = chart.path("content").path("acceptContext").path("rmFile").asText();
    assertThat(consent(amara, "accept", chartId, uploadInfo("pilot-chart.png", "png"))).contains("no longer waiting");
    assertThat(teams.api.findAll(putRequestedFor(urlPathMatching("/onedrive/.*")))).isEmpty();

    // Allow: the bytes go to the upload URL Teams gave, then a file card opens them
    String figuresId = figures.path("content").path("acceptContext").path("rmFile").asText();
    String shown = consent(admin, "accept", figuresId, uploadInfo("pilot-figures.csv", "csv"));
    List<LoggedRequest> uploads = teams.api.findAll(putRequestedFor(urlPathMatching("/onedrive/.*")));
    assertThat(uploads).hasSize(1);
    long size = figures.path("content").path("sizeInBytes").asLong();
    assertThat(uploads.get(0).getBody()).hasSize((int) size);
    assertThat(uploads.get(0).getHeader("Content-Range")).isEqualTo("bytes 0-" + (size - 1) + "/" + size);
    assertThat(new String(uploads.get(0).getBody(), StandardCharsets.UTF_8)).startsWith("section,");
    JsonNode card = TeamsTenant.JSON.readTree(shown).path("attachments").path(0);
    assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.info");
    assertThat(card.path("contentUrl").asText()).isEqualTo("https://contoso.sharepoint.com/personal/cora/Documents/pilot-figures.csv");
    assertThat(card.path("content").path("uniqueId").asText()).isEqualTo("1150D938-8870-4044-9F2C-5BBDEBA70C8C");
    assertThat(card.path("content").path("fileType").asText()).isEqualTo("csv");
    assertThat(count("select count(*) from teams_pending_file")).isEqualTo(1);
    // pressing Allow again finds nothing waiting, and uploads nothing
    assertThat(consent(admin, "accept", figuresId, uploadInfo("pilot-figures.csv", "csv"))).contains("no longer waiting");
    assertThat(teams.api.findAll(putRequestedFor(urlPathMatching("/onedrive/.*")))).hasSize(1);

    // a consent answer that is neither Allow nor Decline, or has no value, is refused without a 5xx
    ObjectNode odd = teams.fileConsent(admin, "maybe", chartId, null);
    assertThat(teams.send(odd).statusCode()).isEqualTo(400);
    odd.remove("value");
    odd.put("id", "act-odd-without-value"); // another activity: one id is taken once
    assertThat(teams.send(odd).statusCode()).isBetween(400, 499);
    assertThat(count("select count(*) from teams_pending_file")).isEqualTo(1);

    // Decline: forgotten, nothing uploaded
    assertThat(consent(admin, "decline", chartId, null)).contains("I didn't send pilot-chart.png");
    assertThat(count("select count(*) from teams_pending_file")).isZero();
    assertThat(teams.api.findAll(putRequestedFor(urlPathMatching("/onedrive/.*")))).hasSize(1);

    // an upload Teams refuses is said plainly, and the file still waits for another try
    assertThat(say(admin, "export Pilot")).contains("two CSV files");
    String participants = lastOffer("pilot-participants.csv");
    teams.api.stubFor(put(urlPathMatching("/onedrive/.*")).willReturn(aResponse().withStatus(507)));
    assertThat(consent(admin, "accept", participants, uploadInfo("pilot-participants.csv", "csv")))
        .contains("couldn't save pilot-participants.csv").contains("HTTP 507");
    assertThat(count("select count(*) from teams_pending_file")).isEqualTo(2);
  }

  private String lastOffer(String name) throws Exception {
    String id = null;
    for (String body : teams.sentTo(admin.conversationId())) {
      JsonNode attachment = TeamsTenant.JSON.readTree(body).path("attachments").path(0);
      if (attachment.path("name").asText().equals(name)) {
        id = attachment.path("content").path("acceptContext").path("rmFile").asText();
      }
    }
    assertThat(id).as(name).isNotNull();
    return id;
  }

  private ObjectNode uploadInfo(String name, String type) {
    return TeamsTenant.JSON.createObjectNode().put("name", name).put("fileType", type)
        .put("uploadUrl", teams.api.baseUrl() + "/onedrive/upload/" + name + "?tempauth=abc")
        .put("contentUrl", "https://contoso.sharepoint.com/personal/cora/Documents/" + name)
        .put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C");
  }

  /** Sends the consent answer and returns what the bot said in that turn. */
  private String consent(TeamsTenant.Person who, String action, String fileId, ObjectNode uploadInfo) throws Exception {
    int before = teams.connectorCalls().size();
    HttpResponse<String> response = teams.send(teams.fileConsent(who, action, fileId, uploadInfo));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> calls = teams.connectorCalls();
    return String.join("\n", calls.subList(before, calls.size()));
  }

  private List<String> strings(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private int count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }
}
