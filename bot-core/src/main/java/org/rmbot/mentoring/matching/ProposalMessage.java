package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.wording.Catalogue;

import org.rmbot.mentoring.chat.ActionIds;

import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.pairing.Pairing;

/** The private proposal each side receives: who, why, and Accept or Decline. */
public final class ProposalMessage {
  private static final Catalogue WORDS = Catalogue.english();
  private ProposalMessage() {}

  public static ChatMessage of(String otherName, boolean iAmMentor, long pairingId, String explanation) {
    return new ChatMessage(WORDS.phrase("matching.proposal.text", "other", otherName),
        blocks(otherName, iAmMentor, pairingId, explanation), null);
  }

  public static List<Block> blocks(String otherName, boolean iAmMentor, Pairing pairing) {
    return blocks(otherName, iAmMentor, pairing.id(), pairing.explanation());
  }

  public static List<Block> blocks(String otherName, boolean iAmMentor, long pairingId, String explanation) {
    String role = iAmMentor
        ? WORDS.phrase("matching.proposal.as_mentor", "other", Markup.bold(otherName))
        : WORDS.phrase("matching.proposal.as_mentee", "other", Markup.bold(otherName));
    return List.of(
        new Block.Section(Markup.bold(WORDS.phrase("matching.proposal.title")) + "\n" + role),
        new Block.Fields(List.of(new Block.Field(WORDS.phrase("matching.proposal.why_field"),
            explanation.isBlank() ? WORDS.phrase("matching.proposal.by_coordinator") : explanation))),
        new Block.Context(WORDS.phrase("matching.proposal.private", "other", otherName)),
        new Block.Actions(List.of(
            new Block.Button(ActionIds.PROPOSAL_ACCEPT, String.valueOf(pairingId), WORDS.phrase("matching.proposal.accept_button"), Block.ButtonStyle.PRIMARY),
            new Block.Button(ActionIds.PROPOSAL_DECLINE, String.valueOf(pairingId), WORDS.phrase("matching.proposal.decline_button"), Block.ButtonStyle.DEFAULT))));
  }
}
