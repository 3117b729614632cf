package org.marsad.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a Marsad run, declared once with its key, type, default, parser and help: the
 * command-line option {@code --key}, the {@code --config} file key {@code key=}, the manifest's
 * resolved config and the README's option table all come from this declaration (the model is
 * Iceberg's {@code SparkConfParser}). A capability keeps its settings as constants of its own
 * {@code XxxSettings} class.
 *
 * @param <T> the type of the resolved value
 */
public final class Setting<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Turns the raw values of a setting (one for a single value, many for a list) into its value. */
  @FunctionalInterface
  public interface Parser<T> extends Serializable {
    /**
     * Parses {@code raw}.
     *
     * @throws MarsadException a usage error naming the option and what it accepts
     */
    T parse(List<String> raw);
  }

  /** Turns a value back into the text the config file and the manifest show. */
  @FunctionalInterface
  public interface Printer<T> extends Serializable {
    String print(T value);
  }

  /** How a setting is given. */
  public enum Shape {
    /** {@code --key VALUE}. */
    VALUE,
    /** {@code --key} alone (true); {@code key=true|false} in the config file. */
    FLAG,
    /** {@code --key V1 V2 ...} (repeatable); separated by {@link #separator()} in the file. */
    LIST
  }

  private final String key;
  private final String group;
  private final String label;
  private final String help;
  private final T defaultValue;
  private final String defaultText;
  private final Parser<T> parser;
  private final Printer<T> printer;
  private final Shape shape;
  private final String separator;
  private final boolean path;

  private Setting(Builder<T> b) {
    this.key = Objects.requireNonNull(b.key);
    this.group = b.group;
    this.label = b.label;
    this.help = Objects.requireNonNull(b.help, "help of " + b.key);
    this.defaultValue = b.defaultValue;
    this.defaultText = b.defaultText;
    this.parser = Objects.requireNonNull(b.parser);
    this.printer = b.printer;
    this.shape = b.shape;
    this.separator = b.separator;
    this.path = b.path;
  }

  /** The key: the option is {@code --key}, the config file line {@code key=value}. */
  public String key() {
    return key;
  }

  /** The option as typed on the command line. */
  public String option() {
    return "--" + key;
  }

  /** The group it is listed under (help, README): loading, terms, states, topics ... */
  public String group() {
    return group;
  }

  /** The parameter label shown in help ({@code FILE}, {@code N}). */
  public String label() {
    return label;
  }

  /** One sentence saying what the setting does. */
  public String help() {
    return help;
  }

  /** The default value (null: none, or computed from the corpus; see {@link #defaultText}). */
  public T defaultValue() {
    return defaultValue;
  }

  /** The default as shown to a user. */
  public String defaultText() {
    if (defaultText != null) {
      return defaultText;
    }
    return defaultValue == null ? "" : print(defaultValue);
  }

  /** How it is given. */
  public Shape shape() {
    return shape;
  }

  /** The separator of a list's items in the config file. */
  public String separator() {
    return separator;
  }

  /** True when the values are paths (relative ones resolve against the user's or file's folder). */
  public boolean isPath() {
    return path;
  }

  /** Parses raw values into the setting's value. */
  public T parse(List<String> raw) {
    return parser.parse(raw);
  }

  /** The value as the config file and the manifest show it. */
  public String print(Object value) {
    if (value == null) {
      return "";
    }
    @SuppressWarnings("unchecked")
    T v = (T) value;
    if (printer != null) {
      return printer.print(v);
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder();
      for (Object o : l) {
        b.append(b.length() == 0 ? "" : separator).append(o);
      }
      return b.toString();
    }
    return String.valueOf(v);
  }

  @Override
  public String toString() {
    return option();
  }

  // --- builders ----------------------------------------------------------------------------

  /** A string setting. */
  public static Builder<String> string(String key) {
    return new Builder<String>(key, raw -> one(raw)).label("VALUE");
  }

  /** A path setting (relative paths resolve against the user's folder or the config's). */
  public static Builder<String> path(String key) {
    Builder<String> b = new Builder<>(key, raw -> one(raw));
    b.path = true;
    return b.label("FILE");
  }

  /** A list of paths ({@code --input A B}; {@code input=A,B} in the config file). */
  public static Builder<List<String>> paths(String key) {
    Builder<List<String>> b = new Builder<>(key, raw -> List.copyOf(raw));
    b.path = true;
    b.shape = Shape.LIST;
    return b.label("PATH");
  }

  /** A list of strings separated by {@code separator} in the config file. */
  public static Builder<List<String>> list(String key, String separator) {
    Builder<List<String>> b = new Builder<>(key, raw -> List.copyOf(raw));
    b.shape = Shape.LIST;
    b.separator = separator;
    return b.label("VALUE");
  }

  /** An on/off flag. */
  public static Builder<Boolean> flag(String key) {
    Builder<Boolean> b =
        new Builder<>(
            key,
            raw -> {
              String v = one(raw).strip().toLowerCase(Locale.ROOT);
              if (v.equals("true") || v.isEmpty()) {
                return true;
              }
              if (v.equals("false")) {
                return false;
              }
              throw MarsadException.usage(
                  "Cannot use --" + key + ": not true or false", v, "write " + key + "=true");
            });
    b.shape = Shape.FLAG;
    b.defaultValue = false;
    return b;
  }

  /** A whole number of at least {@code min}. */
  public static Builder<Long> longAtLeast(String key, long min) {
    return new Builder<Long>(
            key,
            raw -> {
              long v = parseLong(key, one(raw));
              if (v < min) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": must be at least " + min, Long.toString(v), null);
              }
              return v;
            })
        .label("N");
  }

  /** A whole number of at least {@code min}. */
  public static Builder<Integer> intAtLeast(String key, int min) {
    return new Builder<Integer>(
            key,
            raw -> {
              long v = parseLong(key, one(raw));
              if (v < min || v > Integer.MAX_VALUE) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": must be at least " + min, Long.toString(v), null);
              }
              return (int) v;
            })
        .label("N");
  }

  /** A number in [{@code min}, {@code max}]. */
  public static Builder<Double> doubleIn(String key, double min, double max) {
    return new Builder<Double>(
            key,
            raw -> {
              String s = one(raw).strip();
              double v;
              try {
                v = Double.parseDouble(s);
              } catch (NumberFormatException e) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": not a number", s, "give a number such as 0.5");
              }
              if (!(v >= min && v <= max)) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": must be between " + min + " and " + max, s, null);
              }
              return v;
            })
        .label("X");
  }

  /**
   * One of fixed words mapped to values, in declaration order ({@code --period day|week|...}).
   *
   * @param choices word to value (the words are printed back for the value)
   */
  public static <E extends Serializable> Builder<E> choice(String key, Map<String, E> choices) {
    Map<String, E> c = new LinkedHashMap<>(choices);
    Builder<E> b =
        new Builder<E>(
            key,
            raw -> {
              String v = one(raw).strip().toLowerCase(Locale.ROOT);
              E e = c.get(v);
              if (e == null) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": unknown value",
                    v,
                    "use " + orList(new java.util.ArrayList<>(c.keySet())));
              }
              return e;
            });
    b.printer =
        value -> {
          for (Map.Entry<String, E> e : c.entrySet()) {
            if (e.getValue().equals(value)) {
              return e.getKey();
            }
          }
          return String.valueOf(value);
        };
    return b.label(String.join("|", c.keySet()));
  }

  /** A setting with its own parser of the raw values. */
  public static <T> Builder<T> custom(String key, Parser<T> parser) {
    return new Builder<>(key, parser);
  }

  /**
   * An ordered map of words to values for {@link #choice}: {@code words("day", DAY, "week", WEEK)}.
   */
  @SuppressWarnings("unchecked")
  public static <E extends Serializable> Map<String, E> words(Object... wordThenValue) {
    Map<String, E> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < wordThenValue.length; i += 2) {
      m.put((String) wordThenValue[i], (E) wordThenValue[i + 1]);
    }
    return m;
  }

  /** The only raw value (the last one given wins for single-valued settings). */
  public static String one(List<String> raw) {
    return raw.get(raw.size() - 1);
  }

  private static long parseLong(String key, String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw MarsadException.usage(
          "Cannot use --" + key + ": not a whole number", s, "give a number such as 5");
    }
  }

  /** Splits a config-file value into a list's items. */
  public List<String> split(String value) {
    if (shape != Shape.LIST) {
      return List.of(value);
    }
    List<String> out = new ArrayList<>();
    for (String s : value.split(java.util.regex.Pattern.quote(separator))) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * Builds a {@link Setting}.
   *
   * @param <T> value type
   */
  public static final class Builder<T> {
    private final String key;
    private final Parser<T> parser;
    private String group = "";
    private String label = "VALUE";
    private String help;
    private T defaultValue;
    private String defaultText;
    private Printer<T> printer;
    private Shape shape = Shape.VALUE;
    private String separator = ",";
    private boolean path;

    private Builder(String key, Parser<T> parser) {
      this.key = key;
      this.parser = parser;
    }

    /** The default value. */
    public Builder<T> defaultValue(T v) {
      this.defaultValue = v;
      return this;
    }

    /** How the default is shown when it is not a plain value ("size", "(built-in)"). */
    public Builder<T> defaultText(String t) {
      this.defaultText = t;
      return this;
    }

    /** The help sentence. */
    public Builder<T> help(String h) {
      this.help = h;
      return this;
    }

    /** The group (loading, terms, states, topics, stories, relations, output, postgres). */
    public Builder<T> group(String g) {
      this.group = g;
      return this;
    }

    /** The parameter label in help. */
    public Builder<T> label(String l) {
      this.label = l;
      return this;
    }

    /** How a value prints back. */
    public Builder<T> printer(Printer<T> p) {
      this.printer = p;
      return this;
    }

    /** A validation applied after parsing. */
    public Builder<T> check(Check<T> c) {
      Parser<T> inner = this.parser;
      Builder<T> b = new Builder<>(key, raw -> c.apply(inner.parse(raw)));
      b.group = group;
      b.label = label;
      b.help = help;
      b.defaultValue = defaultValue;
      b.defaultText = defaultText;
      b.printer = printer;
      b.shape = shape;
      b.separator = separator;
      b.path = path;
      return b;
    }

    /** Declares the setting. */
    public Setting<T> build() {
      return new Setting<>(this);
    }
  }

  /** A validation of a parsed value that returns it (or a normalised one) or throws. */
  @FunctionalInterface
  public interface Check<T> extends Serializable {
    T apply(T value);
  }

  /** The keys of {@code settings}, sorted, for "known keys" messages. */
  public static List<String> keys(List<Setting<?>> settings) {
    return settings.stream().map(Setting::key).sorted().toList();
  }

  /** The settings of {@code holders} in order (each a list of declarations). */
  @SafeVarargs
  public static List<Setting<?>> concat(List<Setting<?>>... holders) {
    List<Setting<?>> out = new ArrayList<>();
    Arrays.stream(holders).forEach(out::addAll);
    return List.copyOf(out);
  }

  /** "a, b or c". */
  static String orList(List<String> xs) {
    if (xs.size() <= 1) {
      return String.join("", xs);
    }
    return String.join(", ", xs.subList(0, xs.size() - 1)) + " or " + xs.get(xs.size() - 1);
  }
}
