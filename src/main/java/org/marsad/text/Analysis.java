package org.marsad.text;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysers for each supported language, built from the word lists in force: the packaged
 * {@code conf/} lists, or the contents of the user's files (read once on the driver, so that they
 * travel to the executors with the job's configuration). Serializable as those contents only; each
 * JVM builds (and caches) the analysers lazily.
 */
public final class Analysis implements Serializable {

  private static final long serialVersionUID = 2L;
  private static final ConcurrentHashMap<Analysis, Analysers> CACHE = new ConcurrentHashMap<>();

  /** Supported languages. */
  public static final List<String> LANGUAGES = List.of("ar", "en");

  private final List<String> arStopWords;
  private final List<String> enStopWords;
  private final List<String> protectedWords;
  private final List<String> gazetteerForms;
  private final int hash;

  /**
   * Settings: the lines of the lists replacing the packaged ones, or null for the packaged lists.
   *
   * @param arStopWords Arabic stop words ({@code conf/stopwords/ar.txt})
   * @param enStopWords English extra stop words ({@code conf/stopwords/en-news.txt})
   * @param protectedWords Arabic radical-initial words ({@code conf/text/ar-protected.txt})
   * @param gazetteerForms the gazetteer's forms table ({@code conf/gazetteer/forms.tsv}): its
   *     single-word Arabic names and capitals are kept whole as keys
   */
  public Analysis(
      List<String> arStopWords,
      List<String> enStopWords,
      List<String> protectedWords,
      List<String> gazetteerForms) {
    this.arStopWords = copy(arStopWords);
    this.enStopWords = copy(enStopWords);
    this.protectedWords = copy(protectedWords);
    this.gazetteerForms = copy(gazetteerForms);
    this.hash = Objects.hash(this.arStopWords, this.enStopWords, protectedWords, gazetteerForms);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? null : List.copyOf(l);
  }

  /** The defaults packaged in the jar. */
  public static Analysis defaults() {
    return new Analysis(null, null, null, null);
  }

  /** The analyser for {@code lang} ({@code ar} or {@code en}); unknown languages get Arabic. */
  public TextAnalyzer forLanguage(String lang) {
    Analysers a = analysers();
    return "en".equals(lang) ? a.en : a.ar;
  }

  /** Normalised Arabic stop words in force. */
  public Set<String> arabicStopWords() {
    return analysers().arStop;
  }

  private Analysers analysers() {
    Analysers a = CACHE.get(this);
    return a != null ? a : CACHE.computeIfAbsent(this, Analysis::build);
  }

  private Analysers build() {
    Set<String> arStop =
        WordLists.set(
            lines("stopwords/ar.txt", arStopWords), ArabicNormalizer::normalize, Set.of());
    Set<String> radical =
        WordLists.set(
            lines("text/ar-protected.txt", protectedWords), ArabicNormalizer::normalize, Set.of());
    Set<String> enStop =
        WordLists.set(
            lines("stopwords/en-news.txt", enStopWords), s -> s.toLowerCase(Locale.ROOT), Set.of());
    Set<String> names = arabicNames(lines("gazetteer/forms.tsv", gazetteerForms));
    ArabicAnalyzer ar = new ArabicAnalyzer(Set.copyOf(arStop), names, radical);
    return new Analysers(ar, new EnglishAnalyzer(enStop), Set.copyOf(arStop));
  }

  private static List<String> lines(String packaged, List<String> override) {
    return override != null ? override : WordLists.lines(packaged, null);
  }

  /**
   * The single-word Arabic names and capitals of a gazetteer forms table (lines {@code iso2 lang
   * form surface}), normalised: keys the Arabic analyser must keep whole (لبنان is no form of لبن).
   */
  static Set<String> arabicNames(List<String> formsLines) {
    Set<String> out = new HashSet<>();
    for (String line : formsLines) {
      String[] f = line.split("\t", -1);
      if (f.length >= 4
          && f[1].equals("ar")
          && !f[2].equals("adjective")
          && f[3].indexOf(' ') < 0) {
        out.add(ArabicNormalizer.normalize(f[3]));
      }
    }
    return Set.copyOf(out);
  }

  private record Analysers(ArabicAnalyzer ar, TextAnalyzer en, Set<String> arStop) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Analysis a
        && hash == a.hash
        && Objects.equals(arStopWords, a.arStopWords)
        && Objects.equals(enStopWords, a.enStopWords)
        && Objects.equals(protectedWords, a.protectedWords)
        && Objects.equals(gazetteerForms, a.gazetteerForms);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
