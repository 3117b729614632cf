package org.marsad.io.postgres;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where and as whom the PostgreSQL sink writes. It holds no password: the password is read when
 * connecting, from the environment variable {@value #PASSWORD_ENV} or else the properties file, so
 * it can appear neither on a command line nor in a logged or serialised config.
 *
 * @param url {@code jdbc:postgresql://host:port/db}, without a password parameter
 * @param schema schema of the tables and views (lower-case SQL identifier)
 * @param user user name, or null for the properties file's or the URL's
 * @param propertiesFile java properties file of driver settings (user, password, ssl...), or null
 * @param viewsFile SQL file replacing the packaged {@code conf/sql/views.sql}, or null
 */
public record PostgresTarget(
    String url, String schema, String user, String propertiesFile, String viewsFile)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The environment variable holding the password. */
  public static final String PASSWORD_ENV = "MARSAD_JDBC_PASSWORD";

  /** The default schema. */
  public static final String DEFAULT_SCHEMA = "marsad";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

  /** Validates the URL (no password in it) and the schema name. */
  public PostgresTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "Cannot use --jdbc-url: not a PostgreSQL JDBC URL ("
              + (url == null ? "none" : redact(url).replaceAll("\\?.*", "?..."))
              + "); use jdbc:postgresql://host:port/db");
    }
    if (hasUserInfoPassword(url)) {
      throw new IllegalArgumentException(
          "Cannot use --jdbc-url: it holds a password (user:password@host); give the user with"
              + " --jdbc-user and the password in the environment variable "
              + PASSWORD_ENV
              + " or as password= in --jdbc-properties FILE");
    }
    if (hasPasswordParameter(url)) {
      // The value is not echoed: it would land in the terminal's history and the logs.
      throw new IllegalArgumentException(
          "Cannot use --jdbc-url: it holds a password parameter; set the environment variable "
              + PASSWORD_ENV
              + " or password= in --jdbc-properties FILE");
    }
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "Cannot use --jdbc-schema: not a lower-case SQL identifier of at most 40 characters ("
              + schema
              + ")");
    }
    if (propertiesFile != null && !Files.isReadable(Path.of(propertiesFile))) {
      throw new IllegalArgumentException(
          "Cannot read --jdbc-properties: no such readable file (" + propertiesFile + ")");
    }
    if (viewsFile != null && !Files.isReadable(Path.of(viewsFile))) {
      throw new IllegalArgumentException(
          "Cannot read --jdbc-views: no such readable file (" + viewsFile + ")");
    }
  }

  // user:password@ after // (the password may hold '/' or ':', not '@' or '?', as it is typed)
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:\\s]+):[^@\\s?]*@");

  // key=value of a parameter whose key names a password (password, sslpassword...)
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;]?[a-z0-9_.-]*password=)[^&;\\s]*");

  /** True when the authority of {@code url} holds {@code user:password@}. */
  static boolean hasUserInfoPassword(String url) {
    return USER_INFO_PASSWORD.matcher(url).find();
  }

  /**
   * {@code text} (a URL, or any message that may quote one) with every password in it replaced by
   * {@code ***}: the {@code password} of {@code user:password@host} and the value of every {@code
   * ...password=} parameter. For the log, the manifest and error messages.
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String s = USER_INFO_PASSWORD.matcher(text).replaceAll("$1:***@");
    return PASSWORD_PARAM.matcher(s).replaceAll("$1***");
  }

  /** The target without secrets (there are none in it, but the URL is redacted all the same). */
  @Override
  public String toString() {
    return "PostgresTarget[url="
        + redact(url)
        + ", schema="
        + schema
        + ", user="
        + user
        + ", propertiesFile="
        + propertiesFile
        + ", viewsFile="
        + viewsFile
        + "]";
  }

  /** True when a query parameter of {@code url} names a password ({@code password=...}). */
  static boolean hasPasswordParameter(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return false;
    }
    for (String p : url.substring(q + 1).split("&")) {
      int eq = p.indexOf('=');
      String key = (eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (key.contains("password")) {
        return true;
      }
    }
    return false;
  }

  /** The schema holding the staging tables of running (or killed) loads. */
  public String stagingSchema() {
    return schema + "_staging";
  }

  /**
   * Driver properties: the properties file, then {@code user}, then the password from {@value
   * #PASSWORD_ENV} (which wins over the file's).
   */
  public Properties connectionProperties() {
    return connectionProperties(System.getenv(PASSWORD_ENV));
  }

  Properties connectionProperties(String envPassword) {
    Properties p = new Properties();
    if (propertiesFile != null) {
      try (Reader r = Files.newBufferedReader(Path.of(propertiesFile), StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot read --jdbc-properties " + propertiesFile + ": " + e.getMessage(), e);
      }
    }
    if (user != null) {
      p.setProperty("user", user);
    }
    if (envPassword != null && !envPassword.isEmpty()) {
      p.setProperty("password", envPassword);
    }
    p.putIfAbsent("ApplicationName", "marsad");
    return p;
  }

  /** Where the password comes from, for the log and the manifest (never the password itself). */
  public String passwordSource() {
    String env = System.getenv(PASSWORD_ENV);
    if (env != null && !env.isEmpty()) {
      return "(redacted, from " + PASSWORD_ENV + ")";
    }
    if (propertiesFile != null && connectionProperties(null).getProperty("password") != null) {
      return "(redacted, from --jdbc-properties)";
    }
    return "(none)";
  }
}
