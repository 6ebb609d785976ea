package org.rmbot.mentoring.wording;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence the bot says, looked up by what it means ({@code nudge.checkin.question}) in
 * one resource bundle per language ({@code wording/messages_<lang>.properties}) and formatted
 * with ICU MessageFormat, which has plurals and select and keeps apostrophes as written.
 *
 * <p>Keys are written as string literals in {@code phrase} calls, so a test can find every
 * key the code uses and every key in the bundle that nothing uses.
 */
public final class Catalogue {
  private static final String BUNDLE = "wording.messages";
  private static final Catalogue ENGLISH = of(Locale.ENGLISH);

  private final ResourceBundle bundle;
  private final ULocale locale;
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Catalogue(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = ULocale.forLocale(locale);
  }

  /** Today's words: the English bundle. */
  public static Catalogue english() {
    return ENGLISH;
  }

  /** The bundle of one language, without falling back to the machine's default locale. */
  public static Catalogue of(Locale locale) {
    return of(BUNDLE, locale);
  }

  static Catalogue of(String bundleName, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Catalogue(bundle, locale);
  }

  public Locale locale() {
    return locale.toLocale();
  }

  /**
   * The sentence for {@code key}, with its named arguments given as name, value, name, value:
   * for example {@code phrase(key, "count", 3)}.
   *
   * @throws MissingResourceException when the bundle has no such key (a test keeps this from
   *     happening at run time)
   */
  public String phrase(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("arguments of " + key + " must come as name, value pairs");
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      arguments.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
    }
    MessageFormat format = format(key);
    // ICU's formats keep state while they format: one thread at a time per pattern
    synchronized (format) {
      return format.format(arguments);
    }
  }

  /** Whether the bundle has this key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** Every key of the bundle. */
  public java.util.Set<String> keys() {
    return bundle.keySet();
  }

  /** The pattern of a key as written in the bundle. */
  public String pattern(String key) {
    return bundle.getString(key);
  }

  private MessageFormat format(String key) {
    return formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
  }
}
