package org.rmbot.mentoring.matching;

/**
 * One pair in a proposal, with its soft score and the reasons in words, for example {@code
 * "shared topics: allyship, inclusive language; different departments; 3 h overlap in working
 * hours; shared language: English"}. {@code pinned} pairs were fixed by the coordinator.
 */
public record ProposedPair(
    long mentorParticipantId,
    String mentorName,
    long menteeParticipantId,
    String menteeName,
    int score,
    boolean pinned,
    String explanation) {}
