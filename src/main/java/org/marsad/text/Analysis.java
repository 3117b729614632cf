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
 * JVM builds (and caches) the analysers lazily. Arabic, English, French and Persian have their own
 * analysis; every other language code (Urdu, German, {@code und} ...) gets the {@link
 * GenericAnalyzer}, whose keys are counted under that code.
 */
public final class Analysis implements Serializable {

  private static final long serialVersionUID = 3L;
  private static final ConcurrentHashMap<Analysis, Analysers> CACHE = new ConcurrentHashMap<>();

  /** Languages with an analysis of their own. */
  public static final List<String> LANGUAGES = List.of("ar", "en", "fr", "fa");

  private final List<String> arStopWords;
  private final List<String> enStopWords;
  private final List<String> frStopWords;
  private final List<String> protectedWords;
  private final List<String> gazetteerForms;
  private final List<String> variants;
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
    this(arStopWords, enStopWords, null, protectedWords, gazetteerForms, null);
  }

  /**
   * Settings: the lines of the lists replacing the packaged ones, or null for the packaged lists.
   *
   * @param arStopWords Arabic stop words ({@code conf/stopwords/ar.txt})
   * @param enStopWords English extra stop words ({@code conf/stopwords/en-news.txt})
   * @param frStopWords French extra stop words ({@code conf/stopwords/fr-news.txt}), added to
   *     Lucene's French set
   * @param protectedWords Arabic radical-initial words ({@code conf/text/ar-protected.txt})
   * @param gazetteerForms the gazetteer's forms table ({@code conf/gazetteer/forms.tsv}): its
   *     single-word Arabic names and capitals, and Persian names, capitals and adjectives, are kept
   *     whole as keys
   * @param variants Arabic spelling variants ({@code conf/text/ar-variants.tsv})
   */
  public Analysis(
      List<String> arStopWords,
      List<String> enStopWords,
      List<String> frStopWords,
      List<String> protectedWords,
      List<String> gazetteerForms,
      List<String> variants) {
    this.arStopWords = copy(arStopWords);
    this.enStopWords = copy(enStopWords);
    this.frStopWords = copy(frStopWords);
    this.protectedWords = copy(protectedWords);
    this.gazetteerForms = copy(gazetteerForms);
    this.variants = copy(variants);
    this.hash =
        Objects.hash(
            this.arStopWords,
            this.enStopWords,
            this.frStopWords,
            this.protectedWords,
            this.gazetteerForms,
            this.variants);
  }

  private static List<String> copy(List<String> l) {
    return l == null ? null : List.copyOf(l);
  }

  /** The defaults packaged in the jar. */
  public static Analysis defaults() {
    return new Analysis(null, null, null, null, null, null);
  }

  /**
   * The analyser for {@code lang}: Arabic, English, French or Persian for {@code ar}, {@code en},
   * {@code fr}, {@code fa}; the generic analysis (lower-cased tokens, no stemming, no stop list)
   * for any other code, {@code und} and null included.
   */
  public TextAnalyzer forLanguage(String lang) {
    Analysers a = analysers();
    if (lang == null) {
      return a.generic;
    }
    return switch (lang) {
      case "ar" -> a.ar;
      case "en" -> a.en;
      case "fr" -> a.fr;
      case "fa" -> a.fa;
      default -> a.generic;
    };
  }

  /** True when {@code lang} has an analysis of its own (not the generic one). */
  public static boolean hasOwnAnalysis(String lang) {
    return LANGUAGES.contains(lang);
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
    List<String> forms = lines("gazetteer/forms.tsv", gazetteerForms);
    Set<String> names = arabicNames(forms);
    ArabicVariants v =
        new ArabicVariants(
            lines("text/ar-variants.tsv", variants),
            WordLists.lines("text/ar-alternations.tsv", null));
    ArabicAnalyzer ar = new ArabicAnalyzer(Set.copyOf(arStop), names, radical, v);
    FrenchAnalyzer fr =
        new FrenchAnalyzer(FrenchStopWords.ofLines(lines(FrenchStopWords.RESOURCE, frStopWords)));
    PersianAnalyzer fa = new PersianAnalyzer(persianForms(forms));
    return new Analysers(
        ar, new EnglishAnalyzer(enStop), fr, fa, new GenericAnalyzer(), Set.copyOf(arStop));
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

  /**
   * The single-word Persian forms (names, capitals, adjectives) of a gazetteer forms table, as
   * written: words the Persian stemmer must leave whole.
   */
  static Set<String> persianForms(List<String> formsLines) {
    Set<String> out = new HashSet<>();
    for (String line : formsLines) {
      String[] f = line.split("\t", -1);
      if (f.length >= 4 && f[1].equals("fa")) {
        List<RawToken> t = Tokenizer.tokenize(f[3]);
        if (t.size() == 1) {
          out.add(t.get(0).surface());
        }
      }
    }
    return Set.copyOf(out);
  }

  private record Analysers(
      ArabicAnalyzer ar,
      TextAnalyzer en,
      TextAnalyzer fr,
      TextAnalyzer fa,
      TextAnalyzer generic,
      Set<String> arStop) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Analysis a
        && hash == a.hash
        && Objects.equals(arStopWords, a.arStopWords)
        && Objects.equals(enStopWords, a.enStopWords)
        && Objects.equals(frStopWords, a.frStopWords)
        && Objects.equals(protectedWords, a.protectedWords)
        && Objects.equals(gazetteerForms, a.gazetteerForms)
        && Objects.equals(variants, a.variants);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
