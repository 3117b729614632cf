package org.marsad.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command whose options are the declared {@link Setting}s: one {@code --key} option per setting
 * (added to the command's spec by {@link #addOptions}), {@code --config FILE} with {@code
 * key=value} lines (an unknown key is an error naming the known ones), and the launcher's options.
 * The command line wins over the file, the file over the declared defaults.
 */
abstract class SettingsCommand {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with any of these options under their long names (text-col=body;"
              + " lists comma-separated, date-format separated by ||); relative paths in it"
              + " resolve against its folder.")
  String config;

  @Option(
      names = "--master",
      description = "Spark master URL when not run through spark-submit (default: local[*]).")
  String master;

  @Option(
      names = "--verbose",
      description =
          "Spark's own logging at INFO (default: one line per stage and only the warnings to act"
              + " on).")
  boolean verbose;

  /** The settings this command takes. */
  abstract List<Setting<?>> settings();

  /** Adds one option per setting to {@code spec}. */
  static void addOptions(CommandSpec spec, List<Setting<?>> settings) {
    for (Setting<?> s : settings) {
      String help = s.help() + ".";
      String def = s.defaultText();
      if (!def.isEmpty()) {
        help += " Default: " + def + ".";
      }
      OptionSpec.Builder b = OptionSpec.builder(s.option()).paramLabel(s.label()).description(help);
      switch (s.shape()) {
        case FLAG -> b.arity("0").type(boolean.class);
        case LIST -> b.arity("1..*").type(List.class).auxiliaryTypes(String.class);
        default -> b.arity("1").type(String.class);
      }
      spec.addOption(b.build());
    }
  }

  /**
   * The resolved settings: the command line (paths against the user's folder), then the config file
   * (paths against its folder), then {@code commandDefaults} (raw values by key, for {@code run}'s
   * bundled sample and {@code ./out}), then the declared defaults.
   */
  SettingValues resolve(Map<String, List<String>> commandDefaults) {
    Map<String, List<String>> cli = new LinkedHashMap<>();
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    for (Setting<?> s : settings()) {
      OptionSpec o = spec.findOption(s.option());
      if (o == null || !pr.hasMatchedOption(o)) {
        continue;
      }
      Object v = o.getValue();
      List<String> raw = new ArrayList<>();
      if (v instanceof List<?> l) {
        l.forEach(x -> raw.add(String.valueOf(x)));
      } else if (v instanceof Boolean bool) {
        raw.add(bool.toString());
      } else if (v != null) {
        raw.add(String.valueOf(v));
      }
      if (s.isPath()) {
        raw.replaceAll(UserPaths::fromCommandLine);
      }
      cli.put(s.key(), raw);
    }
    Properties file = file();
    for (Map.Entry<String, List<String>> d : commandDefaults.entrySet()) {
      if (!cli.containsKey(d.getKey()) && file.getProperty(d.getKey()) == null) {
        cli.put(d.getKey(), d.getValue());
      }
    }
    Path folder = config == null ? null : configFile().getParent();
    return SettingValues.resolve(settings(), cli, file, p -> UserPaths.resolve(p, folder));
  }

  private Properties file() {
    Properties p = rawFile();
    for (String k : List.of("master", "verbose", "config")) {
      p.remove(k);
    }
    return p;
  }

  private Properties rawFile() {
    Properties p = new Properties();
    if (config == null) {
      return p;
    }
    Path file = configFile();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw MarsadException.usage(
          "Cannot read --config: " + e.getMessage(), file.toString(), "check the path");
    }
    for (String k : List.of("password", "jdbc-password")) {
      if (p.getProperty(k) != null) {
        throw MarsadException.usage(
            "Cannot use --config: it holds a password, which would be logged with the config",
            k,
            "set the environment variable MARSAD_JDBC_PASSWORD or password= in --jdbc-properties"
                + " FILE");
      }
    }
    return p;
  }

  /** The master from the command line, else from the config file, else null. */
  String master() {
    if (master != null) {
      return master;
    }
    String m = rawFile().getProperty("master");
    return m == null || m.isBlank() ? null : m.strip();
  }

  private Path configFile() {
    return Path.of(UserPaths.fromCommandLine(config)).toAbsolutePath().normalize();
  }
}
