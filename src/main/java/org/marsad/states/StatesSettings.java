package org.marsad.states;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;

/** The settings of the states capability. */
public final class StatesSettings {

  private StatesSettings() {}

  private static final String GROUP = "states";

  /** The mention forms a user may count. */
  public static final List<String> KNOWN_FORMS =
      List.of("name", "adjective", "capital", "city", "team");

  /** Mention forms counted in state counts and co-mentions. */
  public static final Setting<Set<String>> FORMS =
      Setting.<Set<String>>custom(
              "forms",
              raw -> {
                Set<String> out = new TreeSet<>();
                for (String r : raw) {
                  for (String f : r.split(",")) {
                    String v = f.strip().toLowerCase(Locale.ROOT);
                    if (v.isEmpty()) {
                      continue;
                    }
                    if (!KNOWN_FORMS.contains(v)) {
                      throw MarsadException.usage(
                          "Cannot use --forms: unknown form",
                          v,
                          "use " + String.join(", ", KNOWN_FORMS));
                    }
                    out.add(v);
                  }
                }
                if (out.isEmpty()) {
                  throw MarsadException.usage(
                      "Cannot use --forms: no form given", "", "e.g. name,adjective,capital");
                }
                return Set.copyOf(out);
              })
          .group(GROUP)
          .label("FORMS")
          .defaultValue(Set.of("name", "adjective", "capital"))
          .printer(v -> String.join(",", new TreeSet<>(v)))
          .help(
              "Mention forms counted in state counts and co-mentions: name,adjective,capital, and"
                  + " city or team (states named as a national team) to count those too")
          .build();

  /** Co-mention scope. */
  public static final Setting<Scope> SCOPE =
      Setting.choice(
              "scope",
              Setting.<Scope>words(
                  "document", Scope.DOCUMENT, "sentence", Scope.SENTENCE, "both", Scope.BOTH))
          .group(GROUP)
          .defaultValue(Scope.BOTH)
          .help("Co-mention scope: document, sentence or both")
          .build();

  /** Minimum co-mentioning units of a pair. */
  public static final Setting<Long> MIN_CO_DOCS =
      Setting.longAtLeast("min-co-docs", 1)
          .group(GROUP)
          .defaultValue(1L)
          .help("A pair is reported when co-mentioned in at least this many documents (sentences)")
          .build();

  /** A folder of gazetteer tables. */
  public static final Setting<String> GAZETTEER =
      Setting.path("gazetteer")
          .group(GROUP)
          .label("DIR")
          .defaultText("(built-in)")
          .help(
              "A folder with your own states.tsv, forms.tsv and context_rules.tsv (and, when present"
                  + " there, the other files of conf/gazetteer) replacing conf/gazetteer")
          .build();

  /** Co-mention scopes. */
  public enum Scope {
    DOCUMENT,
    SENTENCE,
    BOTH;

    /** True when document scope is computed. */
    public boolean document() {
      return this != SENTENCE;
    }

    /** True when sentence scope is computed. */
    public boolean sentence() {
      return this != DOCUMENT;
    }
  }

  /** Every states setting. */
  public static final List<Setting<?>> ALL = List.of(FORMS, SCOPE, MIN_CO_DOCS, GAZETTEER);
}
