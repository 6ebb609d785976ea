package org.rmbot.mentoring.matching;

import org.rmbot.mentoring.chat.ActionIds;

import java.util.List;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.ChatMessage;
import org.rmbot.mentoring.chat.Markup;
import org.rmbot.mentoring.pairing.Pairing;

/** The private proposal each side receives: who, why, and Accept or Decline. */
public final class ProposalMessage {
  private ProposalMessage() {}

  public static ChatMessage of(String otherName, boolean iAmMentor, long pairingId, String explanation) {
    return new ChatMessage("A mentoring match is proposed for you with " + otherName + ".",
        blocks(otherName, iAmMentor, pairingId, explanation), null);
  }

  public static List<Block> blocks(String otherName, boolean iAmMentor, Pairing pairing) {
    return blocks(otherName, iAmMentor, pairing.id(), pairing.explanation());
  }

  public static List<Block> blocks(String otherName, boolean iAmMentor, long pairingId, String explanation) {
    String role = iAmMentor
        ? "You'd be " + Markup.bold(otherName) + "'s mentor: you share your experience and perspective, and they listen and learn."
        : Markup.bold(otherName) + " would be your mentor: they share their experience and perspective, and you listen and learn."
            + " You'll look after the logistics: invitations and agendas.";
    return List.of(
        new Block.Section(Markup.bold("A mentoring match is proposed for you.") + "\n" + role),
        new Block.Fields(List.of(new Block.Field("Why this match", explanation.isBlank() ? "chosen by a coordinator" : explanation))),
        new Block.Context("Your answer is private. If you decline, " + otherName
            + " is told only that the match will not go ahead, never who declined, and you go back to the pool."),
        new Block.Actions(List.of(
            new Block.Button(ActionIds.PROPOSAL_ACCEPT, String.valueOf(pairingId), "Accept", Block.ButtonStyle.PRIMARY),
            new Block.Button(ActionIds.PROPOSAL_DECLINE, String.valueOf(pairingId), "Decline", Block.ButtonStyle.DEFAULT))));
  }
}
