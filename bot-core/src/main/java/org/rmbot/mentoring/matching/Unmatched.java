package org.rmbot.mentoring.matching;

/**
 * A participant the proposal leaves without a partner: every unmatched mentee, and every mentor
 * left with no mentee at all. {@code explanation} is the reason in words, for coordinators.
 */
public record Unmatched(
    long participantId, String name, Side side, UnmatchedReason reason, String explanation) {}
