package org.rmbot.mentoring.slack;

import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.block.element.UsersSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rmbot.mentoring.chat.Block;
import org.rmbot.mentoring.chat.Form;
import org.rmbot.mentoring.wording.Catalogue;

/**
 * Forms as Slack modals, and modal submissions back as plain input-id to value maps. Each
 * input's block id and action id are the form input's id, so the core never sees Slack's
 * nested state shape.
 */
public final class SlackForms {
  private static final Catalogue WORDS = Catalogue.english();
  static final int MAX_TITLE = 24;
  static final int MAX_LABEL = 2000;
  static final int MAX_OPTION_TEXT = 75;
  static final int MAX_OPTIONS = 100;
  static final int MAX_RADIO = 10;

  private final BlockKitRenderer renderer;

  public SlackForms(BlockKitRenderer renderer) {
    this.renderer = renderer;
  }

  /** A modal for the form; {@code intro} blocks (for example the anonymity notice) come first. */
  public View modal(Form form, List<Block> intro) {
    List<LayoutBlock> blocks = new ArrayList<>(renderer.render(intro, 100 - form.inputs().size()));
    for (Form.FormInput input : form.inputs()) {
      blocks.add(InputBlock.builder()
          .blockId(input.id())
          .optional(input.optional())
          .label(plainText(SlackText.plain(input.label(), MAX_LABEL)))
          .element(element(input))
          .build());
    }
    return View.builder()
        .type("modal")
        .callbackId(form.callbackId())
        .title(ViewTitle.builder().type("plain_text").text(SlackText.plain(form.title(), MAX_TITLE)).build())
        .submit(ViewSubmit.builder().type("plain_text").text(SlackText.plain(form.submitLabel(), MAX_TITLE)).build())
        .close(ViewClose.builder().type("plain_text").text(WORDS.phrase("slack.modal.cancel")).build())
        .blocks(blocks)
        .build();
  }

  /** A modal that only says something, with a Close button: what an anonymous form turns into once sent. */
  public View said(String title, org.rmbot.mentoring.chat.ChatMessage message) {
    return View.builder()
        .type("modal")
        .title(ViewTitle.builder().type("plain_text").text(SlackText.plain(title, MAX_TITLE)).build())
        .close(ViewClose.builder().type("plain_text").text(WORDS.phrase("slack.modal.close")).build())
        .blocks(renderer.render(message.blocks().isEmpty()
            ? List.of(new Block.Section(message.fallbackText())) : message.blocks(), 100))
        .build();
  }

  private static BlockElement element(Form.FormInput input) {
    if (input instanceof Form.FormInput.ShortText t) {
      return PlainTextInputElement.builder().actionId(t.id()).maxLength(Math.min(3000, t.maxLength())).build();
    }
    if (input instanceof Form.FormInput.LongText t) {
      return PlainTextInputElement.builder().actionId(t.id()).multiline(true).maxLength(Math.min(3000, t.maxLength())).build();
    }
    if (input instanceof Form.FormInput.SingleChoice c) {
      List<OptionObject> options = c.choices().stream().limit(MAX_OPTIONS)
          .map(ch -> option(plainText(SlackText.plain(ch.label(), MAX_OPTION_TEXT)), ch.value())).toList();
      if (options.size() <= MAX_RADIO) {
        return RadioButtonsElement.builder().actionId(c.id()).options(options).build();
      }
      return StaticSelectElement.builder().actionId(c.id()).options(options).build();
    }
    if (input instanceof Form.FormInput.Scale s) {
      List<OptionObject> options = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        String label = i == 1 ? WORDS.phrase("slack.scale.low", "label", s.lowLabel())
            : i == 5 ? WORDS.phrase("slack.scale.high", "label", s.highLabel()) : String.valueOf(i);
        options.add(option(plainText(SlackText.plain(label, MAX_OPTION_TEXT)), String.valueOf(i)));
      }
      return RadioButtonsElement.builder().actionId(s.id()).options(options).build();
    }
    if (input instanceof Form.FormInput.DateInput d) {
      return DatePickerElement.builder().actionId(d.id()).build();
    }
    if (input instanceof Form.FormInput.TimeInput t) {
      return TimePickerElement.builder().actionId(t.id()).build();
    }
    if (input instanceof Form.FormInput.Checkbox c) {
      return CheckboxesElement.builder().actionId(c.id()).options(List.of(
          option(plainText(SlackText.plain(c.text(), MAX_OPTION_TEXT)), Form.FormInput.Checkbox.TICKED))).build();
    }
    Form.FormInput.PersonPicker p = (Form.FormInput.PersonPicker) input;
    return UsersSelectElement.builder().actionId(p.id()).build();
  }

  /** The submitted values by input id; inputs left empty are absent. */
  public static Map<String, String> values(ViewState state) {
    Map<String, String> values = new LinkedHashMap<>();
    if (state == null || state.getValues() == null) {
      return values;
    }
    // a block or input of null is one Slack never sends: nothing was entered there
    state.getValues().forEach((blockId, actions) -> (actions == null ? Map.<String, ViewState.Value>of() : actions).forEach((actionId, v) -> {
      if (v == null) {
        return;
      }
      List<String> ticked = v.getSelectedOptions() == null ? List.of() : v.getSelectedOptions().stream()
          .filter(java.util.Objects::nonNull).map(ViewState.SelectedOption::getValue).filter(java.util.Objects::nonNull).toList();
      String value = v.getValue() != null ? v.getValue()
          : v.getSelectedOption() != null ? v.getSelectedOption().getValue()
          : v.getSelectedDate() != null ? v.getSelectedDate()
          : v.getSelectedTime() != null ? v.getSelectedTime()
          : !ticked.isEmpty() ? String.join(",", ticked)
          : v.getSelectedUser();
      if (value != null) {
        values.put(actionId, value);
      }
    }));
    return values;
  }
}
