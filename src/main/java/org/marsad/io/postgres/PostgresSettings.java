package org.marsad.io.postgres;

import java.util.List;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;

/** The settings of the PostgreSQL sink. */
public final class PostgresSettings {

  private PostgresSettings() {}

  private static final String GROUP = "postgres";

  /** The database. */
  public static final Setting<String> URL =
      Setting.string("jdbc-url")
          .group(GROUP)
          .label("URL")
          .defaultText("(none)")
          .printer(PostgresSettings::redact)
          .help(
              "Also write every table to PostgreSQL: jdbc:postgresql://host:port/db (the password"
                  + " only from MARSAD_JDBC_PASSWORD or --jdbc-properties)")
          .build();

  /** The schema. */
  public static final Setting<String> SCHEMA =
      Setting.string("jdbc-schema")
          .group(GROUP)
          .label("NAME")
          .defaultValue(PostgresTarget.DEFAULT_SCHEMA)
          .help("Schema of the tables and views; staging tables go to <NAME>_staging")
          .build();

  /** The user. */
  public static final Setting<String> USER =
      Setting.string("jdbc-user")
          .group(GROUP)
          .label("USER")
          .defaultText("(the properties file's)")
          .help("The role that loads (it needs CREATE on the database, or to own both schemas)")
          .build();

  /** Driver properties. */
  public static final Setting<String> PROPERTIES =
      Setting.path("jdbc-properties")
          .group(GROUP)
          .defaultText("(none)")
          .help("Java properties handed to the driver: user, password, sslmode, sslrootcert...")
          .build();

  /** The views. */
  public static final Setting<String> VIEWS =
      Setting.path("jdbc-views")
          .group(GROUP)
          .defaultText("(built-in)")
          .help("SQL views replacing conf/sql/views.sql")
          .build();

  /** Every PostgreSQL setting. */
  public static final List<Setting<?>> ALL = List.of(URL, SCHEMA, USER, PROPERTIES, VIEWS);

  /** The target of resolved settings, or null without a URL. */
  public static PostgresTarget target(SettingValues v) {
    String url = v.get(URL);
    if (url == null) {
      for (Setting<?> s : List.of(USER, PROPERTIES, VIEWS)) {
        if (v.given(s)) {
          throw MarsadException.usage(
              "Cannot write to PostgreSQL: no --jdbc-url given",
              s.option(),
              "the other --jdbc-* options need it");
        }
      }
      if (v.given(SCHEMA)) {
        throw MarsadException.usage(
            "Cannot write to PostgreSQL: no --jdbc-url given",
            SCHEMA.option(),
            "the other --jdbc-* options need it");
      }
      return null;
    }
    return new PostgresTarget(url, v.get(SCHEMA), v.get(USER), v.get(PROPERTIES), v.get(VIEWS));
  }

  /** The URL without a password written in it ({@code user:PW@host}, {@code password=}). */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String u = url.replaceAll("(//[^/@:]*:)[^/@]*@", "$1(redacted)@");
    return u.replaceAll("(?i)(password=)[^&]*", "$1(redacted)");
  }
}
