package org.marsad.text;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysers for each supported language, built from {@code conf/} word lists (or user files).
 * Serializable as its settings only; executors build (and cache per JVM) the analysers lazily.
 */
public final class Analysis implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<Analysis, Analysers> CACHE = new ConcurrentHashMap<>();

  /** Supported languages. */
  public static final List<String> LANGUAGES = List.of("ar", "en");

  private final String arStopWords;
  private final String enStopWords;
  private final String protectedWords;

  /**
   * Settings: paths overriding the packaged lists, or null for the defaults.
   *
   * @param arStopWords Arabic stop-word file
   * @param enStopWords English extra stop-word file
   * @param protectedWords Arabic protected-words file
   */
  public Analysis(String arStopWords, String enStopWords, String protectedWords) {
    this.arStopWords = arStopWords;
    this.enStopWords = enStopWords;
    this.protectedWords = protectedWords;
  }

  /** The defaults packaged in the jar. */
  public static Analysis defaults() {
    return new Analysis(null, null, null);
  }

  /** The analyser for {@code lang} ({@code ar} or {@code en}); unknown languages get Arabic. */
  public TextAnalyzer forLanguage(String lang) {
    Analysers a = CACHE.computeIfAbsent(this, Analysis::build);
    return "en".equals(lang) ? a.en.get() : a.ar;
  }

  /** Normalised Arabic stop words in force. */
  public Set<String> arabicStopWords() {
    return CACHE.computeIfAbsent(this, Analysis::build).arStop;
  }

  private Analysers build() {
    Set<String> arStop =
        WordLists.set("stopwords/ar.txt", arStopWords, ArabicNormalizer::normalize);
    Set<String> radical =
        WordLists.set("text/ar-protected.txt", protectedWords, ArabicNormalizer::normalize);
    Set<String> names = new HashSet<>(GazetteerNames.arabicNames());
    Set<String> enStop =
        WordLists.set("stopwords/en-news.txt", enStopWords, s -> s.toLowerCase(Locale.ROOT));
    ArabicAnalyzer ar = new ArabicAnalyzer(Set.copyOf(arStop), Set.copyOf(names), radical);
    // Lucene analysers hold per-thread state; one per thread.
    ThreadLocal<TextAnalyzer> en = ThreadLocal.withInitial(() -> new EnglishAnalyzer(enStop));
    return new Analysers(ar, en, Set.copyOf(arStop));
  }

  private record Analysers(ArabicAnalyzer ar, ThreadLocal<TextAnalyzer> en, Set<String> arStop) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Analysis a
        && java.util.Objects.equals(arStopWords, a.arStopWords)
        && java.util.Objects.equals(enStopWords, a.enStopWords)
        && java.util.Objects.equals(protectedWords, a.protectedWords);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(arStopWords, enStopWords, protectedWords);
  }
}
