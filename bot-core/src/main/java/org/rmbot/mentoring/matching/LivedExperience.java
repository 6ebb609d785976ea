package org.rmbot.mentoring.matching;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topics that speak of a person's own lived experience: sexuality and gender identity, race and
 * ethnicity, disability, mental health and neurodivergence, faith, class. Offered by someone, such
 * a topic can say who they are, so it is named in a match reason only with that person's consent
 * ({@code participant.topics_shared_at}); an HR import is not consent. Matching still uses it: the
 * person gave it for that.
 */
public final class LivedExperience {
  private static final Pattern WORDS = Pattern.compile(
      "\\b(lgbt\\w*|queer|gay|lesbian|bi(sexual)?|trans(gender)?|non-?binary|gender( identity)?|sexual\\w*"
          + "|race|racism|racial|ethnic\\w*|black|disab\\w*|accessib\\w*|mental health|neuro\\w*|autis\\w*|adhd"
          + "|dyslexi\\w*|chronic|religio\\w*|faith|belief|muslim|jewish|caste|class background|working[- ]class"
          + "|social mobility|first[- ]generation|menopause|pregnan\\w*|migra\\w*|refugee)\\b");

  private LivedExperience() {}

  /** Whether the topic, as people write it, is about lived experience. */
  public static boolean is(String topic) {
    return topic != null && WORDS.matcher(topic.toLowerCase(Locale.ROOT)).find();
  }
}
