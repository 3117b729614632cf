package org.marsad.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Arabic spelling variants that should share one analysis key ({@code conf/text/ar-variants.tsv}:
 * أميركية/أمريكية, ترمب/ترامب, جوجل/غوغل) and the infix alternation rules that give a whole word
 * family one key ({@code conf/text/ar-alternations.tsv}: اميرك → امريك at the start of a word).
 * Both apply to a normalised word without its clitics and article, before suffix stripping. A
 * variant of one word and a canonical form of another number of words (فيس بوك/فيسبوك,
 * بيونغيانغ/بيونغ يانغ) make a phrase: its words are joined into one term, whose key is that of the
 * canonical words written as one; variants of the same number of words map word by word (بيونج يانج
 * → بيونغ يانغ).
 */
public final class ArabicVariants {

  /** No variants and no rules. */
  public static final ArabicVariants NONE = new ArabicVariants(List.of(), List.of());

  /**
   * Words that are joined into one term.
   *
   * @param words the normalised words after the first one, in order (already canonical)
   * @param joined the canonical words written as one (normalised), to be analysed as one word
   */
  public record Phrase(String[] words, String joined) {}

  private record Rule(String from, String to, boolean start) {}

  private final Map<String, String> words = new HashMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, List<Phrase>> phrases = new HashMap<>();

  /**
   * Builds the lookup from the lines of a variants table ({@code variant<TAB>canonical}) and of an
   * alternations table ({@code from<TAB>to<TAB>scope[<TAB>example]}), comments already removed.
   */
  public ArabicVariants(List<String> variantLines, List<String> alternationLines) {
    for (String line : alternationLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || !(f[2].equals("start") || f[2].equals("any"))) {
        throw new IllegalArgumentException(
            "Cannot load Arabic alternations: expected 'from<TAB>to<TAB>start|any': " + line);
      }
      String from = ArabicNormalizer.normalize(f[0]);
      String to = ArabicNormalizer.normalize(f[1]);
      if (!from.isEmpty() && !from.equals(to)) {
        rules.add(new Rule(from, to, f[2].equals("start")));
      }
    }
    List<String[][]> multi = new ArrayList<>();
    for (String line : variantLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        throw new IllegalArgumentException(
            "Cannot load Arabic variants: expected 'variant<TAB>canonical': " + line);
      }
      String[] v = tokens(f[0]);
      String[] c = tokens(f[1]);
      if (v.length == 0 || c.length == 0) {
        continue;
      }
      if (v.length == c.length) {
        for (int i = 0; i < v.length; i++) {
          if (!v[i].equals(c[i])) {
            words.putIfAbsent(v[i], c[i]);
          }
        }
      } else {
        multi.add(new String[][] {v, c});
      }
    }
    for (String[][] vc : multi) {
      String[] c = canonical(vc[1]);
      String joined = String.join("", c);
      for (String[] seq : List.of(vc[0], c)) {
        if (seq.length == 1) {
          if (!seq[0].equals(joined)) {
            words.putIfAbsent(seq[0], joined);
          }
        } else {
          String[] rest = new String[seq.length - 1];
          for (int i = 1; i < seq.length; i++) {
            rest[i - 1] = canon(seq[i]);
          }
          List<Phrase> l = phrases.computeIfAbsent(canon(seq[0]), k -> new ArrayList<>(1));
          if (l.stream().noneMatch(p -> java.util.Arrays.equals(p.words(), rest))) {
            l.add(new Phrase(rest, joined));
          }
        }
      }
    }
    // Longest phrase first, so that it wins over a shorter one with the same start.
    phrases.values().forEach(l -> l.sort((a, b) -> b.words().length - a.words().length));
  }

  private String[] canonical(String[] ws) {
    String[] out = new String[ws.length];
    for (int i = 0; i < ws.length; i++) {
      out[i] = canon(ws[i]);
    }
    return out;
  }

  private static String[] tokens(String s) {
    return Tokenizer.tokenize(s).stream()
        .map(t -> ArabicNormalizer.normalize(t.surface()))
        .filter(t -> !t.isEmpty())
        .toArray(String[]::new);
  }

  /** True when there is no variant and no rule. */
  public boolean isEmpty() {
    return words.isEmpty() && rules.isEmpty() && phrases.isEmpty();
  }

  /** The canonical spelling of a normalised word without clitics, or the word itself. */
  public String canon(String w) {
    String c = words.get(w);
    if (c != null) {
      return c;
    }
    for (Rule r : rules) {
      if (r.start()) {
        if (w.startsWith(r.from())) {
          return r.to() + w.substring(r.from().length());
        }
      } else {
        int i = w.indexOf(r.from());
        if (i >= 0) {
          return w.substring(0, i) + r.to() + w.substring(i + r.from().length());
        }
      }
    }
    return w;
  }

  /** The phrases whose first word is the canonical word {@code first}, longest first; or null. */
  public List<Phrase> phrases(String first) {
    return phrases.get(first);
  }
}
