package org.marsad.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The README's option tables, made from the setting declarations (one table per group). */
public final class SettingsDoc {

  private SettingsDoc() {}

  /** Markdown: a heading and a table per group, in declaration order. */
  public static String markdown(List<Setting<?>> settings) {
    Map<String, StringBuilder> groups = new LinkedHashMap<>();
    for (Setting<?> s : settings) {
      StringBuilder b =
          groups.computeIfAbsent(
              s.group(),
              g ->
                  new StringBuilder("#### ")
                      .append(g.isEmpty() ? "other" : g)
                      .append("\n\n| option | default | meaning |\n|---|---|---|\n"));
      String option = "`" + s.option() + (s.shape() == Setting.Shape.FLAG ? "" : " " + s.label());
      if (s.shape() == Setting.Shape.LIST) {
        option += "...";
      }
      option = (option + "`").replace("|", "\\|");
      String def = s.defaultText();
      b.append("| ")
          .append(option)
          .append(" | ")
          .append(def.isEmpty() ? "" : "`" + def.replace("|", "\\|") + "`")
          .append(" | ")
          .append(s.help().replace("|", "\\|"))
          .append(" |\n");
    }
    StringBuilder out = new StringBuilder();
    for (StringBuilder b : groups.values()) {
      out.append(b).append('\n');
    }
    return out.toString().strip() + "\n";
  }
}
