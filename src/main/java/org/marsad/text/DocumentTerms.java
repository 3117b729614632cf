package org.marsad.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-document counts that term statistics are built from: how often each term occurs, how
 * often each surface (display) form of it occurs, and adjacent term pairs (bigrams) for
 * collocations. Pairs are only counted across tokens that were adjacent in the text with no removed
 * word and no sentence boundary between them.
 */
public final class DocumentTerms {

  /** A term and its count in the document. */
  public record TermCount(String term, int n) {}

  /** A surface form of a term and its count in the document. */
  public record FormCount(String term, String form, int n) {}

  /** A pair of adjacent terms, the surface forms as written, and the count. */
  public record Bigram(String a, String b, String form, int n) {}

  private final int nTokens;
  private final List<TermCount> terms;
  private final List<FormCount> forms;
  private final List<Bigram> bigrams;

  private DocumentTerms(
      int nTokens, List<TermCount> terms, List<FormCount> forms, List<Bigram> bigrams) {
    this.nTokens = nTokens;
    this.terms = terms;
    this.forms = forms;
    this.bigrams = bigrams;
  }

  /** Counts the tokens of each field (title, text ...) of one document; fields don't chain. */
  public static DocumentTerms of(List<List<Token>> fields) {
    Map<String, Integer> termCounts = new TreeMap<>();
    Map<String, Map<String, Integer>> formCounts = new TreeMap<>();
    Map<String, int[]> bigramCounts = new TreeMap<>();
    Map<String, String> bigramForms = new HashMap<>();
    int n = 0;
    for (List<Token> tokens : fields) {
      Token prev = null;
      for (Token t : tokens) {
        n++;
        termCounts.merge(t.term(), 1, Integer::sum);
        formCounts
            .computeIfAbsent(t.term(), k -> new TreeMap<>())
            .merge(t.display(), 1, Integer::sum);
        if (prev != null
            && prev.position() + 1 == t.position()
            && prev.sentence() == t.sentence()) {
          String key = prev.term() + '\t' + t.term();
          bigramCounts.computeIfAbsent(key, k -> new int[1])[0]++;
          bigramForms.putIfAbsent(key, prev.display() + ' ' + t.display());
        }
        prev = t;
      }
    }
    List<TermCount> terms = new ArrayList<>(termCounts.size());
    termCounts.forEach((k, v) -> terms.add(new TermCount(k, v)));
    List<FormCount> forms = new ArrayList<>();
    formCounts.forEach((k, m) -> m.forEach((f, v) -> forms.add(new FormCount(k, f, v))));
    List<Bigram> bigrams = new ArrayList<>(bigramCounts.size());
    bigramCounts.forEach(
        (k, v) -> {
          int tab = k.indexOf('\t');
          bigrams.add(
              new Bigram(k.substring(0, tab), k.substring(tab + 1), bigramForms.get(k), v[0]));
        });
    return new DocumentTerms(n, terms, forms, bigrams);
  }

  /** Number of kept tokens. */
  public int nTokens() {
    return nTokens;
  }

  /** Distinct terms with counts, sorted by term. */
  public List<TermCount> terms() {
    return terms;
  }

  /** Distinct (term, surface form) pairs with counts. */
  public List<FormCount> forms() {
    return forms;
  }

  /** Distinct adjacent term pairs with counts. */
  public List<Bigram> bigrams() {
    return bigrams;
  }
}
