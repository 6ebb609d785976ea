package org.rmbot.mentoring.nudge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a ledger row is about, the last part of its key: a cadence window, a meeting reminder,
 * a help request, a campaign's invitation and so on. Stored as text in {@code nudge.window_ref};
 * {@link #parse} and {@link #format} are the only places that know that text, and they read
 * back every row ever written.
 */
public sealed interface WindowRef {

  String format();

  /** A cadence window, named by its first day in the program's zone: {@code window:<day>}. */
  record CadenceWindow(LocalDate start) implements WindowRef {
    static CadenceWindow of(Instant windowStart, ZoneId programZone) {
      return new CadenceWindow(LocalDate.ofInstant(windowStart, programZone));
    }

    @Override
    public String format() {
      return "window:" + start;
    }
  }

  /** One reminder of a meeting booked at a time: {@code meeting:<id>@<epoch second>/<lead>}. */
  record MeetingReminder(long meetingId, long scheduledAtEpochSecond, Duration lead) implements WindowRef {
    @Override
    public String format() {
      return "meeting:" + meetingId + "@" + scheduledAtEpochSecond + "/" + lead;
    }
  }

  /** A help request, told at once or again while still open: {@code help:<id>} or {@code help:<id>:still-open}. */
  record HelpRequest(long helpRequestId, boolean stillOpen) implements WindowRef {
    @Override
    public String format() {
      return "help:" + helpRequestId + (stillOpen ? ":still-open" : "");
    }
  }

  /** A campaign's invitation, or its re-sending with a token: {@code campaign:<id>} or {@code campaign:<id>:tokens}. */
  record CampaignInvitation(long campaignId, boolean withTokens) implements WindowRef {
    @Override
    public String format() {
      return "campaign:" + campaignId + (withTokens ? ":tokens" : "");
    }
  }

  /** Back in the pool since a pairing (0 if none), and why: {@code pool:<since>:full} or {@code pool:<since>:rules}. */
  record Pool(long since, boolean becauseFull) implements WindowRef {
    /** The text every reason for the same return to the pool starts with. */
    static String prefixOf(long since) {
      return "pool:" + since + ":";
    }

    @Override
    public String format() {
      return prefixOf(since) + (becauseFull ? "full" : "rules");
    }
  }

  /** A coordinator's nudge in one minute: {@code at:<minute>}. */
  record At(Instant minute) implements WindowRef {
    @Override
    public String format() {
      return "at:" + minute;
    }
  }

  /** A named once-only step: activation, proposal, withdrawn, ended, kickoff, midpoint, closing. */
  record Named(String name) implements WindowRef {
    public static final Named ACTIVATION = new Named("activation");
    public static final Named PROPOSAL = new Named("proposal");
    public static final Named WITHDRAWN = new Named("withdrawn");
    public static final Named ENDED = new Named("ended");

    @Override
    public String format() {
      return name;
    }
  }

  static WindowRef parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new Named(text);
    }
    String rest = text.substring(colon + 1);
    return switch (text.substring(0, colon)) {
      case "window" -> new CadenceWindow(LocalDate.parse(rest));
      case "meeting" -> new MeetingReminder(Long.parseLong(rest.substring(0, rest.indexOf('@'))),
          Long.parseLong(rest.substring(rest.indexOf('@') + 1, rest.indexOf('/'))),
          Duration.parse(rest.substring(rest.lastIndexOf('/') + 1)));
      case "help" -> new HelpRequest(Long.parseLong(beforeColon(rest)), rest.endsWith(":still-open"));
      case "campaign" -> new CampaignInvitation(Long.parseLong(beforeColon(rest)), rest.endsWith(":tokens"));
      case "pool" -> new Pool(Long.parseLong(beforeColon(rest)), rest.endsWith(":full"));
      case "at" -> new At(Instant.parse(rest));
      default -> throw new IllegalArgumentException("not a window reference: " + text);
    };
  }

  private static String beforeColon(String s) {
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }
}
