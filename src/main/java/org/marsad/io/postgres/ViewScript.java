package org.marsad.io.postgres;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements of {@code conf/sql/views.sql}. A statement ends at a line ending with {@code ;}
 * outside a dollar-quoted function body ({@code $$ ... $$}, {@code $body$ ... $body$}). A comment
 * line {@code -- requires: t1, t2} before a statement names the tables it reads: the sink runs it
 * only when they all exist in the schema (so topic views appear once a run wrote topic tables).
 * {@code ${schema}} stands for the target schema.
 */
final class ViewScript {

  /**
   * One statement.
   *
   * @param sql the SQL with {@code ${schema}} in place
   * @param requires tables the statement reads
   */
  record Statement(String sql, Set<String> requires) {

    /** True for a {@code CREATE [OR REPLACE] VIEW}. */
    boolean isView() {
      return sql.replaceAll("(?m)^\\s*--.*$", " ")
          .strip()
          .toUpperCase(Locale.ROOT)
          .matches("(?s)CREATE\\s+(OR\\s+REPLACE\\s+)?VIEW\\s.*");
    }

    /** A short name for logs: the object the statement creates. */
    String name() {
      String[] words = sql.replaceAll("(?m)^\\s*--.*$", " ").strip().split("\\s+");
      for (int i = 0; i + 1 < words.length; i++) {
        String w = words[i].toUpperCase(Locale.ROOT);
        if (w.equals("VIEW") || w.equals("FUNCTION") || w.equals("TABLE")) {
          String n = words[i + 1];
          return n.substring(n.lastIndexOf('.') + 1).replaceAll("\\(.*", "");
        }
      }
      return words.length > 0 ? words[0] : "";
    }
  }

  private ViewScript() {}

  private static final String REQUIRES = "-- requires:";

  private static final java.util.regex.Pattern DOLLAR_TAG =
      java.util.regex.Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*\\$|\\$\\$");

  /** The dollar-quote tag open after {@code line}, given the one open before it (or null). */
  static String dollarQuote(String line, String open) {
    java.util.regex.Matcher m = DOLLAR_TAG.matcher(line);
    String tag = open;
    while (m.find()) {
      if (tag == null) {
        tag = m.group();
      } else if (tag.equals(m.group())) {
        tag = null;
      }
    }
    return tag;
  }

  /** Parses a script, replacing {@code ${schema}} with {@code schemaSql}. */
  static List<Statement> parse(String script, String schemaSql) {
    List<Statement> out = new ArrayList<>();
    Set<String> requires = new LinkedHashSet<>();
    StringBuilder sql = new StringBuilder();
    String dollar = null; // the tag of the dollar-quoted body ($$ ... $$) the line is in, if any
    for (String line : script.split("\\R")) {
      String s = line.strip();
      if (sql.length() == 0) {
        if (s.toLowerCase(Locale.ROOT).startsWith(REQUIRES)) {
          for (String t : s.substring(REQUIRES.length()).split(",")) {
            if (!t.isBlank()) {
              requires.add(t.strip());
            }
          }
          continue;
        }
        if (s.isEmpty() || s.startsWith("--")) {
          continue;
        }
      }
      sql.append(line).append('\n');
      dollar = dollarQuote(line, dollar);
      if (dollar == null && s.endsWith(";")) {
        String text = sql.toString().strip();
        out.add(
            new Statement(
                text.substring(0, text.length() - 1).replace("${schema}", schemaSql),
                Set.copyOf(requires)));
        sql.setLength(0);
        requires.clear();
      }
    }
    if (!sql.toString().isBlank()) {
      throw new IllegalArgumentException(
          "Cannot read the views script: the last statement has no closing ';'");
    }
    return out;
  }
}
