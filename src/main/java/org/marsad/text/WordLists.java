package org.marsad.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads the editable data files of {@code conf/}: from a file path when the user overrides one,
 * otherwise from the copy packaged on the classpath under {@code marsad/conf/}.
 */
public final class WordLists {

  private WordLists() {}

  /** Opens a conf resource: {@code override} if given, else {@code marsad/conf/<name>}. */
  public static InputStream open(String name, String override) {
    try {
      if (override != null && !override.isBlank()) {
        return Files.newInputStream(Path.of(override));
      }
      InputStream in = WordLists.class.getClassLoader().getResourceAsStream("marsad/conf/" + name);
      if (in == null) {
        throw new IllegalStateException(
            "Cannot load configuration: resource marsad/conf/" + name + " is not on the classpath");
      }
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration file " + override, e);
    }
  }

  /** Reads non-blank, non-comment ({@code #}) lines, stripped. */
  public static List<String> lines(String name, String override) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(open(name, override), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.strip();
        if (s.startsWith("\uFEFF")) {
          s = s.substring(1);
        }
        if (!s.isEmpty() && !s.startsWith("#")) {
          out.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read configuration " + name, e);
    }
    return out;
  }

  /**
   * As {@link #lines(String, String)}, but the packaged list when {@code override} names no
   * existing file (an optional file of a user's folder).
   */
  public static List<String> linesIfPresent(String name, String override) {
    if (override != null && !Files.isRegularFile(Path.of(override))) {
      return lines(name, null);
    }
    return lines(name, override);
  }

  /** Reads a word list into a set of keys made by {@code key} (e.g. normalisation). */
  public static Set<String> set(String name, String override, Function<String, String> key) {
    return set(lines(name, override), key, Set.of());
  }

  /** The keys made by {@code key} of the words in {@code lines}, plus {@code extra}. */
  public static Set<String> set(
      List<String> lines, Function<String, String> key, Set<String> extra) {
    Set<String> out = new HashSet<>(extra);
    for (String s : lines) {
      String k = key.apply(s);
      if (!k.isEmpty()) {
        out.add(k);
      }
    }
    return out;
  }

  /** Non-blank, non-comment lines of a text (e.g. a user file read on the driver), stripped. */
  public static List<String> lines(String content) {
    List<String> out = new ArrayList<>();
    for (String line : content.split("\r?\n", -1)) {
      String s = line.strip();
      if (s.startsWith("\uFEFF")) {
        s = s.substring(1).strip();
      }
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return out;
  }
}
