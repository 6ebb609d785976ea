package org.rmbot.mentoring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.teams.FileConsentCard;
import com.microsoft.bot.schema.teams.FileConsentCardResponse;
import com.microsoft.bot.schema.teams.FileInfoCard;
import com.microsoft.bot.schema.teams.FileUploadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.rmbot.mentoring.wording.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams' file-consent flow, the only way a bot can hand someone a file in a 1:1 chat:
 * <ol>
 *   <li>the bot sends a file-consent card naming the file and its size; the content waits,
 *       sealed, in {@link PendingFiles};
 *   <li>the person presses Allow or Decline; Teams sends a {@code fileConsent/invoke} with, on
 *       Allow, an upload URL in the person's OneDrive;
 *   <li>on Allow the bot PUTs the bytes there and sends a file-info card that opens the file;
 *       on Decline it says nothing was saved. Either way the held content is deleted.
 * </ol>
 * A small chart also comes inline as an image, so it can be seen without opening a file.
 */
public final class FileConsent {
  private static final Logger log = LoggerFactory.getLogger(FileConsent.class);
  private static final Catalogue WORDS = Catalogue.english();
  static final String CONTEXT_KEY = "rmFile";
  /** Inline images go as data URIs inside the message, which Teams caps at about 28 KB (base64 adds a third). */
  public static final int MAX_INLINE_IMAGE = 16 * 1024;

  private final PendingFiles files;
  private final HttpClient http;
  private final Duration timeout;

  public FileConsent(PendingFiles files, Duration timeout) {
    this.files = files;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Holds the file and returns the messages that offer it: the inline chart, if any, then the consent card. */
  List<Activity> offer(String conversationId, byte[] content, String fileName, String title) {
    List<Activity> messages = new ArrayList<>();
    if (fileName.endsWith(".png") && content.length <= MAX_INLINE_IMAGE) {
      Attachment image = new Attachment();
      image.setContentType("image/png");
      image.setName(fileName);
      image.setContentUrl("data:image/png;base64," + Base64.getEncoder().encodeToString(content));
      Activity inline = MessageFactory.attachment(image);
      inline.setText(AdaptiveCardRenderer.label(title, 200));
      messages.add(inline);
    }
    String id = files.hold(conversationId, fileName, content);
    FileConsentCard card = new FileConsentCard();
    card.setDescription(AdaptiveCardRenderer.label(title, 200));
    card.setSizeInBytes(content.length);
    card.setAcceptContext(Map.of(CONTEXT_KEY, id));
    card.setDeclineContext(Map.of(CONTEXT_KEY, id));
    Attachment attachment = new Attachment();
    attachment.setContentType(FileConsentCard.CONTENT_TYPE);
    attachment.setName(fileName);
    attachment.setContent(card);
    Activity consent = MessageFactory.attachment(attachment);
    consent.setSummary(AdaptiveCardRenderer.summary(WORDS.phrase("teams.file.summary", "name", fileName), 200));
    messages.add(consent);
    return messages;
  }

  /** Allow: upload the held bytes to the person's OneDrive, then show the file. */
  CompletableFuture<Void> accepted(TurnContext turn, FileConsentCardResponse response) {
    Optional<PendingFiles.Pending> pending = pending(turn, response);
    if (pending.isEmpty()) {
      return say(turn, WORDS.phrase("teams.file.no_longer_waiting",
          "hours", String.valueOf(PendingFiles.KEEP.toHours())));
    }
    FileUploadInfo upload = response.getUploadInfo();
    if (upload == null || !allowed(upload.getUploadUrl())) {
      return say(turn, WORDS.phrase("teams.file.no_place", "name", pending.get().fileName()));
    }
    byte[] content = pending.get().content();
    int status;
    try {
      HttpRequest put = HttpRequest.newBuilder(URI.create(upload.getUploadUrl())).timeout(timeout)
          .header("Content-Range", "bytes 0-" + (content.length - 1) + "/" + content.length)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
      status = http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = -1;
    } catch (Exception e) {
      log.warn("file upload to OneDrive failed: {}", e.getClass().getSimpleName());
      status = -1;
    }
    if (status < 200 || status >= 300) {
      // kept until it expires: Teams may let the person press Allow again
      return say(turn, WORDS.phrase("teams.file.not_saved", "name", pending.get().fileName(), "reason",
          status < 0 ? WORDS.phrase("teams.file.no_answer") : WORDS.phrase("teams.file.http_status", "status", String.valueOf(status))));
    }
    files.forget(pending.get().id());
    FileInfoCard info = new FileInfoCard();
    info.setUniqueId(upload.getUniqueId());
    info.setFileType(upload.getFileType());
    Attachment attachment = new Attachment();
    attachment.setContentType(FileInfoCard.CONTENT_TYPE);
    attachment.setContentUrl(upload.getContentUrl());
    attachment.setName(upload.getName());
    attachment.setContent(info);
    Activity shown = MessageFactory.attachment(attachment);
    shown.setSummary(AdaptiveCardRenderer.summary(WORDS.phrase("teams.file.saved_summary", "name", upload.getName()), 200));
    return turn.sendActivity(shown).thenApply(r -> null);
  }

  /** Decline: forget the file. */
  CompletableFuture<Void> declined(TurnContext turn, FileConsentCardResponse response) {
    Optional<PendingFiles.Pending> pending = pending(turn, response);
    pending.ifPresent(p -> files.forget(p.id()));
    return say(turn, pending.map(p -> WORDS.phrase("teams.file.declined", "name", p.fileName()))
        .orElse(WORDS.phrase("teams.file.declined_unknown")));
  }

  private Optional<PendingFiles.Pending> pending(TurnContext turn, FileConsentCardResponse response) {
    JsonNode context = response.getContext() == null ? null : Json.MAPPER.valueToTree(response.getContext());
    String id = context == null ? "" : context.path(CONTEXT_KEY).asText("");
    Activity activity = turn.getActivity();
    if (id.isEmpty() || activity.getConversation() == null || activity.getConversation().getId() == null) {
      return Optional.empty();
    }
    return files.find(id, activity.getConversation().getId());
  }

  /** Teams' upload URLs are https; plain http only to this machine (tests, the Emulator). */
  private static boolean allowed(String url) {
    if (url == null) {
      return false;
    }
    try {
      URI uri = URI.create(url);
      return "https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme())
          && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static CompletableFuture<Void> say(TurnContext turn, String text) {
    return turn.sendActivity(MessageFactory.text(text)).thenApply(r -> null);
  }
}
