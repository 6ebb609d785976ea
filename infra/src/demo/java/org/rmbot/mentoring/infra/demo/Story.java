package org.rmbot.mentoring.infra.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rmbot.mentoring.chat.Meaning;
import org.rmbot.mentoring.infra.demo.Cast.Member;

/**
 * What the demo recorded beside its transcript, as values: every message as the people who got it
 * got it (with the {@link Meaning} the bot gave it: its catalogue key, the moments it tells, who it
 * asks to organise, whether it is for pairs only, the figures it shows), everything people did,
 * and, at the end, the program's pairings, campaigns and consents as the database holds them.
 * Checks read these rather than the words, so they hold when the words change.
 */
final class Story {

  /** A message from the bot: one it sent (a nudge, with its ledger key) or its reply to something someone did. */
  record Message(int seq, Instant at, List<Member> to, String deliveryKey, Meaning meaning, String text, boolean reply) {
    /** The ledger's kind ({@code check_in}); empty for replies. */
    String kind() {
      return deliveryKey == null ? "" : deliveryKey.substring(0, deliveryKey.indexOf('/'));
    }

    /** The part of the ledger key that names what it is about, without the recipient. */
    String about() {
      return deliveryKey == null ? "" : deliveryKey.replaceAll("/person:\\d+", "");
    }
  }

  /**
   * Something a person did: typed a command, clicked a button (its action id and value), submitted a
   * form (its id and values).
   */
  record Act(int seq, Instant at, Member who, String how, String what, String value, Map<String, String> values) {}

  /** A pairing as the database ends it, by its people's emails. */
  record Pairing(long id, String mentor, String mentee, String state, Instant proposedAt, Instant activatedAt,
      Instant closedAt) {
    boolean involves(String email) {
      return mentor.equalsIgnoreCase(email) || mentee.equalsIgnoreCase(email);
    }

    /** Proposed, agreed or active at {@code t}: not yet declined or ended. */
    boolean openAt(Instant t) {
      return !proposedAt.isAfter(t) && (closedAt == null || closedAt.isAfter(t));
    }

    /** Both had said yes by {@code t}, and it had not ended. */
    boolean activeAt(Instant t) {
      return activatedAt != null && !activatedAt.isAfter(t) && (closedAt == null || closedAt.isAfter(t));
    }
  }

  /** A feedback campaign or survey: what it asks, when it opened and when it closes. */
  record Campaign(long id, String purpose, Instant openedAt, Instant closesAt) {}

  final List<Message> messages = new ArrayList<>();
  final List<Act> acts = new ArrayList<>();
  final List<Pairing> pairings = new ArrayList<>();
  final List<Campaign> campaigns = new ArrayList<>();
  /** Person id (as the bot's keys name people) to email. */
  final Map<Long, String> emails = new LinkedHashMap<>();
  /** Emails of the people who consented to have lived-experience topics named. */
  final java.util.Set<String> namingLivedExperience = new java.util.HashSet<>();
  /** The program's theme: everyone in the program reads it, so it is nobody's personal topic. */
  String theme;
  /** The end of the program's last day, in its zone. */
  Instant programEnd;
  /** The figures the coordinator's report showed, and when. */
  Map<String, Long> reportFigures = Map.of();
  Instant reportAt;
  /** The figures of the summary at the end, and when it was taken. */
  Map<String, Long> summaryFigures = Map.of();
  Instant summaryAt;
  private int seq;

  int next() {
    return seq++;
  }

  /** Whether the person was in a pairing (proposed or active) at {@code t}. */
  boolean pairedAt(String email, Instant t) {
    return pairings.stream().anyMatch(p -> p.involves(email) && p.openAt(t));
  }

  /** Whether the person was in a pairing both had accepted at {@code t}. */
  boolean activeAt(String email, Instant t) {
    return pairings.stream().anyMatch(p -> p.involves(email) && p.activeAt(t));
  }

  Set<String> emailsOf(List<Member> members) {
    Set<String> out = new java.util.LinkedHashSet<>();
    members.forEach(m -> out.add(m.email()));
    return out;
  }
}
