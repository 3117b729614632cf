package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.jobs.JobConfig;

/** The --jdbc-* options: precedence, validation, and no password in the resolved config. */
@Tag("spark")
class PostgresOptionsTest {

  @TempDir Path tmp;

  static final String URL = "jdbc:postgresql://127.0.0.1:5432/db";

  private static JobConfig config(String... args) {
    return Cli.config(args);
  }

  @Test
  void withoutJdbcUrlThereIsNoTargetAndNoJdbcSetting() {
    JobConfig c = config();
    assertThat(c.postgres()).isNull();
    assertThat(c.resolved()).containsEntry("jdbc-url", "(none)").doesNotContainKey("jdbc-password");
  }

  @Test
  void theCommandLineWinsOverTheConfigFileWhichWinsOverTheDefaults() throws Exception {
    Path props = tmp.resolve("pg.properties");
    Files.writeString(props, "user=u\npassword=s3cret-file\n", StandardCharsets.UTF_8);
    Path conf = tmp.resolve("marsad.properties");
    Files.writeString(
        conf,
        "jdbc-url=" + URL + "\njdbc-user=file_user\njdbc-properties=" + props + "\n",
        StandardCharsets.UTF_8);
    JobConfig c = config("--config", conf.toString(), "--jdbc-user", "cli_user");
    assertThat(c.postgres().url()).isEqualTo(URL);
    assertThat(c.postgres().user()).isEqualTo("cli_user");
    assertThat(c.postgres().schema()).isEqualTo("marsad");
    assertThat(c.postgres().propertiesFile()).isEqualTo(props.toString());
    assertThat(c.resolved()).containsEntry("jdbc-user", "cli_user");
    assertThat(c.resolved().get("jdbc-password")).startsWith("(redacted, from ");
    assertThat(c.resolved().toString()).doesNotContain("s3cret-file");
    assertThat(config("--config", conf.toString(), "--jdbc-schema", "bi").postgres().schema())
        .isEqualTo("bi");
  }

  @Test
  void jdbcOptionsNeedAUrlAndPasswordsStayOutOfTheConfigFile() throws Exception {
    assertThatThrownBy(() -> config("--jdbc-user", "u"))
        .hasMessage(
            "Cannot write to PostgreSQL: no --jdbc-url given (--jdbc-user); the other --jdbc-*"
                + " options need it");
    Path conf = tmp.resolve("marsad.properties");
    Files.writeString(conf, "jdbc-url=" + URL + "\njdbc-password=pw\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> config("--config", conf.toString()))
        .hasMessageStartingWith(
            "Cannot use --config: it holds a password, which would be logged with the config"
                + " (jdbc-password)")
        .hasMessageNotContaining("=pw");
  }

  @Test
  void thereIsNoPasswordOptionAndAPasswordInTheUrlExitsOne() {
    StringWriter err = new StringWriter();
    int code =
        Marsad.execute(
            new PrintWriter(err, true), "run", "--jdbc-url", URL, "--jdbc-password", "pw");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--jdbc-password', 'pw'");
    StringWriter err2 = new StringWriter();
    int code2 =
        Marsad.execute(
            new PrintWriter(err2, true),
            "terms",
            "--input",
            "x",
            "--output",
            "o",
            "--jdbc-url",
            URL + "?password=pw1");
    assertThat(code2).isEqualTo(1);
    assertThat(err2.toString())
        .contains("Cannot use --jdbc-url: it holds a password parameter")
        .doesNotContain("pw1");
  }
}
