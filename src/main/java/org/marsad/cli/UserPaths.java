package org.marsad.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves the paths a user gives against the folder the user ran the command from: {@code
 * jobs/marsad} changes into the install folder to build and passes the user's folder as {@code
 * MARSAD_CWD} (tests set the system property {@code marsad.cwd}). Paths inside a {@code --config}
 * file resolve against that file's folder; URIs with a scheme ({@code hdfs://}, {@code s3a://},
 * {@code file:}) and absolute paths stay as they are.
 */
public final class UserPaths {

  /** System property naming the user's working folder (wins over {@link #CWD_ENV}). */
  public static final String CWD_PROPERTY = "marsad.cwd";

  /** Environment variable the launcher sets to the user's working folder. */
  public static final String CWD_ENV = "MARSAD_CWD";

  /** System property naming the install folder (the bundled sample and {@code conf/}). */
  public static final String HOME_PROPERTY = "marsad.home";

  /** Environment variable the launcher sets to the install folder. */
  public static final String HOME_ENV = "MARSAD_HOME";

  // Two or more letters before the colon: a scheme, not a Windows drive letter.
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  private UserPaths() {}

  /**
   * The folder relative command-line paths resolve against: {@code marsad.cwd}, else {@code
   * MARSAD_CWD}, else null (spark-submit: paths are left to Hadoop, which resolves them against the
   * default filesystem's working folder, as Spark does).
   */
  public static Path cwd() {
    return folder(CWD_PROPERTY, CWD_ENV);
  }

  /** The install folder ({@code marsad.home}, else {@code MARSAD_HOME}), or null. */
  public static Path home() {
    return folder(HOME_PROPERTY, HOME_ENV);
  }

  private static Path folder(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : Path.of(v).toAbsolutePath().normalize();
  }

  /** True for {@code hdfs://...}, {@code s3a://...}, {@code file:/...} and other URIs. */
  public static boolean hasScheme(String path) {
    return SCHEME.matcher(path).matches();
  }

  /** {@code path} resolved against {@code base} (null base or path: unchanged). */
  public static String resolve(String path, Path base) {
    if (path == null || base == null || path.isBlank() || hasScheme(path)) {
      return path;
    }
    Path p = Path.of(path);
    return p.isAbsolute() ? path : base.resolve(p).normalize().toString();
  }

  /** A path given on the command line, resolved against the user's folder. */
  public static String fromCommandLine(String path) {
    return resolve(path, cwd());
  }

  /**
   * A default path of the install ({@code sample-data/corpus}): under the install folder when the
   * launcher names it, else against the user's folder.
   */
  public static String bundled(String path) {
    Path home = home();
    return home != null ? resolve(path, home) : fromCommandLine(path);
  }
}
