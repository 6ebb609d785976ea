package org.rmbot.mentoring.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a message says, as values rather than words: for readers that check messages without
 * reading their text (the demo's transcript reader, tests), so that their checks hold when the
 * words change or are translated. Adapters never send it anywhere.
 *
 * @param key what kind of message it is, stable across wordings: {@code meeting_reminder},
 *     {@code reply.check_in.not_yet}; empty when nobody gave one
 * @param moments the instants the message tells its reader (a meeting, a deadline), each shown
 *     in the reader's own zone
 * @param organiser the person the message asks to organise a meeting (book it, send the invite,
 *     set the agenda), or null when it asks nobody
 * @param forPairs whether it is meant only for people in a pairing (the program's kickoff,
 *     midpoint and closing words to pairs, pair feedback, the self-assessment after)
 * @param figures the figures it shows, by name, as {@code ProgramActivity} defines them
 */
public record Meaning(String key, List<Instant> moments, Long organiser, boolean forPairs, Map<String, Long> figures) {

  public static final Meaning NONE = new Meaning("", List.of(), null, false, Map.of());

  public Meaning {
    key = key == null ? "" : key;
    moments = List.copyOf(moments);
    figures = java.util.Collections.unmodifiableMap(new TreeMap<>(figures));
  }

  public static Meaning of(String key) {
    return new Meaning(key, List.of(), null, false, Map.of());
  }

  public Meaning at(Instant... instants) {
    return new Meaning(key, List.of(instants), organiser, forPairs, figures);
  }

  public Meaning asking(Long organiserPersonId) {
    return new Meaning(key, moments, organiserPersonId, forPairs, figures);
  }

  public Meaning forPairsOnly() {
    return new Meaning(key, moments, organiser, true, figures);
  }

  public Meaning withFigures(Map<String, Long> shown) {
    return new Meaning(key, moments, organiser, forPairs, shown);
  }
}
