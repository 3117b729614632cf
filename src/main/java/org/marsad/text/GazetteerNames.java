package org.marsad.text;

import java.util.HashSet;
import java.util.List;
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
      List<String> lines = WordLists.lines("gazetteer/forms.tsv", null);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length >= 4
            && "ar".equals(f[1])
            && !"adjective".equals(f[2])
            && f[3].indexOf(' ') < 0) {
          out.add(ArabicNormalizer.normalize(f[3]));
        }
      }
      s = Set.copyOf(out);
      arabic = s;
    }
    return s;
  }
}
