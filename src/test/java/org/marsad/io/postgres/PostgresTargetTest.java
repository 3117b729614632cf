package org.marsad.io.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class PostgresTargetTest {

  @TempDir Path tmp;

  static final String URL = "jdbc:postgresql://127.0.0.1:5432/db";

  @Test
  void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(
            () -> new PostgresTarget(URL + "?ssl=true&password=s3cret", "marsad", null, null, null))
        .hasMessageStartingWith("Cannot use --jdbc-url: it holds a password parameter")
        .hasMessageContaining("MARSAD_JDBC_PASSWORD")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () -> new PostgresTarget(URL + "?sslpassword=k3y", "marsad", null, null, null))
        .hasMessageNotContaining("k3y");
    assertThat(PostgresTarget.hasPasswordParameter(URL + "?user=a&sslmode=require")).isFalse();
  }

  @Test
  void aUserPasswordInTheUrlIsRefusedWithoutEchoingItAndRedactedEverywhere() {
    for (String pw : java.util.List.of("s3cret", "p@ss/w:rd", "x")) {
      String url = "jdbc:postgresql://alice:" + pw + "@db.example:5432/news";
      assertThatThrownBy(() -> new PostgresTarget(url, "marsad", null, null, null))
          .hasMessageStartingWith("Cannot use --jdbc-url: it holds a password (user:password@host)")
          .hasMessageContaining("--jdbc-user")
          .hasMessageNotContaining(pw.length() > 1 ? pw : "alice:x");
      assertThat(PostgresTarget.redact(url)).doesNotContain(pw.length() > 1 ? pw : ":x@");
    }
    assertThat(PostgresTarget.redact("jdbc:postgresql://alice:s3cret@db.example:5432/news"))
        .isEqualTo("jdbc:postgresql://alice:***@db.example:5432/news");
    assertThat(PostgresTarget.redact(URL + "?ssl=true&password=s3cret&sslpassword=k3y&x=1"))
        .isEqualTo(URL + "?ssl=true&password=***&sslpassword=***&x=1");
    assertThat(
            PostgresTarget.redact(
                "Connection to jdbc:postgresql://u:pw1@h/db failed; Password=abc rejected"))
        .isEqualTo("Connection to jdbc:postgresql://u:***@h/db failed; Password=*** rejected");
    // A port is not a password, nor an @ in a parameter.
    assertThat(PostgresTarget.hasUserInfoPassword(URL + "?user=a@b")).isFalse();
    assertThat(PostgresTarget.redact(URL + "?user=a@b")).isEqualTo(URL + "?user=a@b");
    assertThatThrownBy(
            () -> new PostgresTarget("jdbc:mysql://alice:s3cret@h/db", "marsad", null, null, null))
        .hasMessage(
            "Cannot use --jdbc-url: not a PostgreSQL JDBC URL (jdbc:mysql://alice:***@h/db); use"
                + " jdbc:postgresql://host:port/db");
    PostgresTarget t = new PostgresTarget(URL, "marsad", "u", null, null);
    assertThat(t.toString()).contains(URL).doesNotContain("password");
  }

  @Test
  void urlAndSchemaAreChecked() {
    assertThatThrownBy(() -> new PostgresTarget("jdbc:mysql://h/db", "marsad", null, null, null))
        .hasMessage(
            "Cannot use --jdbc-url: not a PostgreSQL JDBC URL (jdbc:mysql://h/db); use"
                + " jdbc:postgresql://host:port/db");
    assertThatThrownBy(() -> new PostgresTarget(URL, "Marsad; drop", null, null, null))
        .hasMessage(
            "Cannot use --jdbc-schema: not a lower-case SQL identifier of at most 40 characters"
                + " (Marsad; drop)");
    assertThatThrownBy(() -> new PostgresTarget(URL, "marsad", null, "/no/such.properties", null))
        .hasMessage("Cannot read --jdbc-properties: no such readable file (/no/such.properties)");
  }

  @Test
  void theEnvironmentPasswordWinsOverTheFileAndTheUserOptionOverTheFileUser() throws Exception {
    Path p = tmp.resolve("pg.properties");
    Files.writeString(
        p, "user=file_user\npassword=file_pw\nsslmode=disable\n", StandardCharsets.UTF_8);
    PostgresTarget t = new PostgresTarget(URL, "marsad", "cli_user", p.toString(), null);
    Properties fromFile = t.connectionProperties(null);
    assertThat(fromFile.getProperty("user")).isEqualTo("cli_user");
    assertThat(fromFile.getProperty("password")).isEqualTo("file_pw");
    assertThat(fromFile.getProperty("sslmode")).isEqualTo("disable");
    assertThat(t.connectionProperties("env_pw").getProperty("password")).isEqualTo("env_pw");
    assertThat(t.toString()).doesNotContain("file_pw");
    assertThat(t.stagingSchema()).isEqualTo("marsad_staging");
  }
}
