package org.marsad.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The resolved value of every setting of a run: command line over {@code --config} file over the
 * declared default. Immutable and serializable (it travels to executors inside the settings of the
 * pass). Which settings the user gave explicitly is kept: a column named explicitly must exist.
 */
public final class SettingValues implements Serializable {

  private static final long serialVersionUID = 1L;

  private final List<Setting<?>> declared;
  private final Map<String, Object> values;
  private final Set<String> given;

  private SettingValues(List<Setting<?>> declared, Map<String, Object> values, Set<String> given) {
    this.declared = List.copyOf(declared);
    this.values = Collections.unmodifiableMap(new HashMap<>(values));
    this.given = Set.copyOf(given);
  }

  /** Every setting at its default. */
  public static SettingValues defaults(List<Setting<?>> declared) {
    Map<String, Object> v = new HashMap<>();
    for (Setting<?> s : declared) {
      if (s.defaultValue() != null) {
        v.put(s.key(), s.defaultValue());
      }
    }
    return new SettingValues(declared, v, Set.of());
  }

  /**
   * Resolves the settings from the command line, then the config file, then the defaults.
   *
   * @param declared every setting the command knows
   * @param cli raw values given on the command line, by key (paths already resolved)
   * @param file the {@code --config} file's properties (may be empty)
   * @param resolveFilePath resolves a relative path of the config file against its folder
   * @throws MarsadException a usage error for an unknown config key or a bad value
   */
  public static SettingValues resolve(
      List<Setting<?>> declared,
      Map<String, List<String>> cli,
      Properties file,
      UnaryOperator<String> resolveFilePath) {
    Map<String, Setting<?>> byKey = new LinkedHashMap<>();
    for (Setting<?> s : declared) {
      byKey.put(s.key(), s);
    }
    for (String k : file.stringPropertyNames()) {
      if (!byKey.containsKey(k)) {
        throw MarsadException.usage(
            "Cannot use --config: unknown key",
            k,
            "known keys: " + String.join(", ", Setting.keys(declared)));
      }
    }
    Map<String, Object> v = new HashMap<>();
    Set<String> given = new HashSet<>();
    for (Setting<?> s : declared) {
      List<String> raw = cli.get(s.key());
      if (raw == null || raw.isEmpty()) {
        String f = file.getProperty(s.key());
        if (f != null && !f.isBlank()) {
          raw = new ArrayList<>();
          for (String item : s.split(f.strip())) {
            raw.add(s.isPath() ? resolveFilePath.apply(item) : item);
          }
        }
      }
      if (raw != null && !raw.isEmpty()) {
        v.put(s.key(), s.parse(raw));
        given.add(s.key());
      } else if (s.defaultValue() != null) {
        v.put(s.key(), s.defaultValue());
      }
    }
    return new SettingValues(declared, v, given);
  }

  /** The value of {@code s} (its default when not given; null when it has none). */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> s) {
    return (T) values.get(s.key());
  }

  /** The value of {@code s}, or {@code otherwise} when it is null. */
  public <T> T get(Setting<T> s, T otherwise) {
    T v = get(s);
    return v == null ? otherwise : v;
  }

  /** True when the user gave {@code s} (command line or config file). */
  public boolean given(Setting<?> s) {
    return given.contains(s.key());
  }

  /** These values with {@code s} set to {@code value} (as if given). */
  public <T> SettingValues with(Setting<T> s, T value) {
    Map<String, Object> v = new HashMap<>(values);
    Set<String> g = new HashSet<>(given);
    if (value == null) {
      v.remove(s.key());
      g.remove(s.key());
    } else {
      v.put(s.key(), value);
      g.add(s.key());
    }
    List<Setting<?>> d = declared;
    if (!declared.contains(s)) {
      d = new ArrayList<>(declared);
      d.add(s);
    }
    return new SettingValues(d, v, g);
  }

  /** These values with {@code s} parsed from raw strings (as if given on the command line). */
  public SettingValues withRaw(Setting<?> s, String... raw) {
    return withObject(s, s.parse(List.of(raw)));
  }

  private SettingValues withObject(Setting<?> s, Object value) {
    Map<String, Object> v = new HashMap<>(values);
    Set<String> g = new HashSet<>(given);
    v.put(s.key(), value);
    g.add(s.key());
    return new SettingValues(declared, v, g);
  }

  /** The declared settings, in order. */
  public List<Setting<?>> declared() {
    return declared;
  }

  /** Every setting with its printed value, sorted by key: the manifest's {@code config}. */
  public Map<String, String> printed() {
    Map<String, String> out = new TreeMap<>();
    for (Setting<?> s : declared) {
      out.put(s.key(), print(s));
    }
    return out;
  }

  /** The settings whose value differs from the default, sorted by key: the log's config line. */
  public Map<String, String> changed() {
    Map<String, String> out = new TreeMap<>();
    for (Setting<?> s : declared) {
      Object v = values.get(s.key());
      if (!Objects.equals(v, s.defaultValue())) {
        out.put(s.key(), print(s));
      }
    }
    return out;
  }

  private String print(Setting<?> s) {
    Object v = values.get(s.key());
    return v == null ? s.defaultText() : s.print(v);
  }
}
