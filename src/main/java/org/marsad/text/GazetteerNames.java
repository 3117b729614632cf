package org.marsad.text;

import java.util.HashSet;
import java.util.Set;

/**
 * The state names and capitals of the gazetteer, normalised, that the Arabic analyser must keep
 * whole (لبنان is no form of لبن, إيران none of اير).
 */
public final class GazetteerNames {

  private static volatile Set<String> arabic;

  private GazetteerNames() {}

  /** Single-word Arabic names and capitals from {@code conf/gazetteer/forms.tsv}. */
  public static Set<String> arabicNames() {
    Set<String> s = arabic;
    if (s == null) {
      Set<String> out = new HashSet<>();
      for (Gazetteer.Form f : Gazetteer.load(null).forms()) {
        if (f.lang().equals("ar")
            && !f.form().equals("adjective")
            && f.surface().indexOf(' ') < 0) {
          out.add(ArabicNormalizer.normalize(f.surface()));
        }
      }
      s = Set.copyOf(out);
      arabic = s;
    }
    return s;
  }
}
