package org.rmbot.mentoring.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmbot.mentoring.participant.Person;
import org.rmbot.mentoring.privacy.SealedBox;
import org.rmbot.mentoring.privacy.SecretKey;
import org.rmbot.mentoring.testing.TestDatabase;
import org.rmbot.mentoring.testing.World;

class ReflectionsInDatabaseTest {
  @RegisterExtension final TestDatabase db = new TestDatabase();
  private World world;
  private Reflections reflections;
  private final SealedBox box = new SealedBox(SecretKey.of("a-test-secret-that-is-long-enough-1234567890"));

  @BeforeEach
  void setUp() {
    world = new World(db.jdbi());
    reflections = new ReflectionsInDatabase(db.jdbi(), world.clock, box);
  }

  @Test
  void theAuthorReadsTheirOwnReflectionBack() {
    Person author = world.aPerson("Amara");
    reflections.write(author.id(), null, "I told him about coming out at work.");
    assertThat(reflections.writtenBy(author.id())).extracting(Reflection::text)
        .containsExactly("I told him about coming out at work.");
    assertThat(reflections.writtenBy(world.aPerson("Someone else").id())).isEmpty();
  }

  @Test
  void theRawTableHoldsOnlyCiphertext() {
    Person author = world.aPerson("Amara");
    String secret = "coming out at work";
    reflections.write(author.id(), null, "I told him about " + secret + ".");

    List<byte[]> raw = db.jdbi().withHandle(h -> h.createQuery("select sealed_text from reflection").mapTo(byte[].class).list());
    String everything = db.jdbi().withHandle(h -> h.createQuery("select to_jsonb(r)::text from reflection r").mapTo(String.class).one());

    assertThat(raw).singleElement().satisfies(bytes -> {
      assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(secret);
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("coming");
    });
    assertThat(everything).doesNotContain("coming");
  }

  @Test
  void aSealedTextMovedToAnotherAuthorsRowDoesNotOpen() {
    Person author = world.aPerson("Amara");
    Person snoop = world.aPerson("Snoop");
    reflections.write(author.id(), null, "private");
    db.jdbi().useHandle(h -> h.execute("update reflection set author_person_id = ?", snoop.id()));
    assertThatThrownBy(() -> reflections.writtenBy(snoop.id())).isInstanceOf(SealedBox.SealedBoxException.class);
  }

  @Test
  void aDifferentServerKeyCannotOpenIt() {
    byte[] sealed = box.seal("private", "ctx");
    SealedBox other = new SealedBox(SecretKey.of("another-secret-that-is-also-long-enough-0987"));
    assertThatThrownBy(() -> other.open(sealed, "ctx")).isInstanceOf(SealedBox.SealedBoxException.class);
    assertThat(box.open(sealed, "ctx")).isEqualTo("private");
  }

  @Test
  void emptyAndOversizedReflectionsAreRefused() {
    Person author = world.aPerson("Amara");
    assertThatThrownBy(() -> reflections.write(author.id(), null, "  ")).hasMessage("a reflection needs some text");
    assertThatThrownBy(() -> reflections.write(author.id(), null, "x".repeat(10_000)))
        .hasMessage("a reflection can be at most 4000 characters");
    assertThat(reflections.writtenBy(author.id())).isEmpty();
  }
}
