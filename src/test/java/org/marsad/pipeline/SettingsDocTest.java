package org.marsad.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.jobs.JobConfig;

/**
 * The README's option reference is made from the setting declarations: a new setting is one
 * declaration, and this test says when the README is out of date. Regenerate on purpose with {@code
 * mvn test -Dtest=SettingsDocTest -Dmarsad.regenerate=true} and review the diff.
 */
@Tag("unit")
class SettingsDocTest {

  static final String BEGIN = "<!-- settings:begin (generated from the declarations) -->\n";
  static final String END = "<!-- settings:end -->";

  @Test
  void theReadmeListsEverySettingAsDeclared() throws Exception {
    Path readme = Path.of(System.getProperty("marsad.basedir", ".")).resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String table = SettingsDoc.markdown(JobConfig.SETTINGS);
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    assertThat(b).as("README marker " + BEGIN.strip()).isGreaterThanOrEqualTo(0);
    assertThat(e).as("README marker " + END).isGreaterThan(b);
    String current = text.substring(b + BEGIN.length(), e);
    if (Boolean.getBoolean("marsad.regenerate")) {
      Files.writeString(
          readme,
          text.substring(0, b + BEGIN.length()) + table + text.substring(e),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current).isEqualTo(table);
  }

  @Test
  void everySettingHasHelpAndAUniqueKey() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Setting<?> s : JobConfig.SETTINGS) {
      assertThat(keys.add(s.key())).as("unique key " + s.key()).isTrue();
      assertThat(s.help()).as(s.key()).isNotBlank();
      assertThat(s.group()).as(s.key()).isNotBlank();
    }
  }
}
