package org.rmbot.mentoring.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.common.Phrases;

/**
 * The catalogue is shared by every thread that sends (the nudge senders, the chat workers, the
 * ballot writer), and ICU's formats are not safe to share: formatting one moment for several
 * readers at once once showed some of them the time in someone else's zone.
 */
class ConcurrentPhrasesTest {
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/Sao_Paulo"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Auckland"),
      ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Tokyo"), ZoneId.of("Asia/Dubai"));
  private static final int CALLS = 20_000;

  @Test
  void everyReaderSeesTheMomentInTheirOwnZoneWhileOthersFormatAtTheSameTime() throws Exception {
    Instant at = Instant.parse("2026-03-10T09:30:00Z");
    List<String> expected = ZONES.stream().map(z -> Phrases.moment(at, z)).toList();
    assertThat(expected).doesNotHaveDuplicates();
    ExecutorService pool = Executors.newFixedThreadPool(ZONES.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < ZONES.size(); t++) {
        int mine = t;
        Callable<Integer> reader = () -> {
          start.await();
          int mistakes = 0;
          for (int i = 0; i < CALLS; i++) {
            if (!Phrases.moment(at, ZONES.get(mine)).equals(expected.get(mine))) {
              mistakes++;
            }
          }
          return mistakes;
        };
        wrong.add(pool.submit(reader));
      }
      start.countDown();
      int mistakes = 0;
      for (Future<Integer> f : wrong) {
        mistakes += f.get();
      }
      assertThat(mistakes).as("moments shown in another reader's zone, out of " + CALLS * ZONES.size()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
