package org.marsad.text;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifies the language of a news document as an ISO 639-1 code ({@code ar}, {@code fa}, {@code
 * ur}, {@code en}, {@code fr}, {@code es}, {@code de}, {@code it}, {@code tr}, {@code pt}, {@code
 * nl}) or {@code und}, script first, on a bounded prefix of title and text. Arabic-script texts are
 * told apart by the letters only Arabic, Persian or Urdu use; the rare text that mixes them (an
 * Arabic article typed with Persian ی and ک) goes to Optimaize's n-gram detector restricted to the
 * Arabic-script candidates. A Latin-script text whose function words clearly belong to one
 * candidate (most news prose, see {@link FunctionWords}) is that language; the others go to
 * Optimaize restricted to the Latin candidates plus the other Latin-script languages it knows,
 * which come back {@code und}. Any other script, or too few letters, is {@code und}. Thread-safe
 * and deterministic; instances are cached per configuration, so each is built once per JVM.
 */
public final class LanguageIdentifier {

  /** ISO 639-2 code for "undetermined": another language, or too little text. */
  public static final String UNDETERMINED = "und";

  /** Arabic-script languages told apart, in order of precedence. */
  public static final List<String> ARABIC_SCRIPT = List.of("ar", "fa", "ur");

  /** Latin-script languages told apart by the detector. */
  public static final List<String> LATIN_SCRIPT =
      List.of("en", "fr", "es", "de", "it", "tr", "pt", "nl");

  /** Fewer letters than this in the prefix: {@code und}. */
  public static final int MIN_LETTERS = 3;

  /** Characters of title and text the detector looks at, by default. */
  public static final int DEFAULT_PREFIX = 400;

  /** Characters of title and text whose letters are counted (cheap: about a microsecond). */
  static final int SCRIPT_PREFIX = 1000;

  /**
   * A language outside the candidates wins only this sure; below, the best candidate does (an
   * English earnings table scores 0.57 Swedish, a Polish sentence 0.99999 Polish).
   */
  static final double OTHER_MIN_PROBABILITY = 0.9;

  /**
   * Other Latin-script languages of Optimaize's profiles, scored alongside the candidates so that a
   * Polish or Swedish text comes back {@code und} rather than as its nearest candidate.
   */
  static final List<String> OTHER_LATIN =
      List.of(
          "af", "ca", "cs", "cy", "da", "et", "eu", "fi", "ga", "gl", "hr", "hu", "id", "is", "lt",
          "lv", "ms", "mt", "no", "pl", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "vi");

  private static final ConcurrentHashMap<Key, LanguageIdentifier> CACHE = new ConcurrentHashMap<>();

  private final Set<String> languages;
  private final List<String> arabicCandidates;
  private final Set<String> arabicSet;
  private final Set<String> latinCandidates;
  private final int prefix;
  private final LanguageDetector latin;
  private final LanguageDetector arabic;

  private final boolean functionWords;

  private record Key(
      Set<String> languages, int prefix, boolean otherLatin, boolean functionWords) {}

  private LanguageIdentifier(Key key) {
    this.languages = key.languages;
    this.prefix = key.prefix;
    this.functionWords = key.functionWords;
    this.arabicCandidates = ARABIC_SCRIPT.stream().filter(languages::contains).toList();
    this.arabicSet = Set.copyOf(arabicCandidates);
    this.latinCandidates = new LinkedHashSet<>();
    LATIN_SCRIPT.stream().filter(languages::contains).forEach(latinCandidates::add);
    this.latin =
        latinCandidates.size() > 1 || (latinCandidates.size() == 1 && key.otherLatin)
            ? detector(latinCandidates, key.otherLatin ? OTHER_LATIN : List.of())
            : null;
    this.arabic = arabicCandidates.size() > 1 ? detector(arabicCandidates, List.of()) : null;
  }

  /** The identifier of every supported language, prefix {@value #DEFAULT_PREFIX}. */
  public static LanguageIdentifier get() {
    return forLanguages(supported());
  }

  /** Every language this class can return besides {@code und}. */
  public static Set<String> supported() {
    Set<String> all = new LinkedHashSet<>(ARABIC_SCRIPT);
    all.addAll(LATIN_SCRIPT);
    return Set.copyOf(all);
  }

  /**
   * The identifier restricted to {@code languages} (a subset of {@link #supported()}), which also
   * tells other Latin-script languages apart and returns {@code und} for them.
   */
  public static LanguageIdentifier forLanguages(Collection<String> languages) {
    return of(languages, DEFAULT_PREFIX, true);
  }

  /**
   * The identifier restricted to {@code languages}, looking at {@code prefix} chars of title and
   * text; with {@code otherLatin} false a Latin-script text always gets its nearest candidate
   * (faster; for corpora known to hold only the candidates).
   */
  public static LanguageIdentifier of(
      Collection<String> languages, int prefix, boolean otherLatin) {
    return of(languages, prefix, otherLatin, true);
  }

  /**
   * As {@link #of(Collection, int, boolean)}; with {@code functionWords} false every Latin-script
   * text goes to the n-gram detector (slower, for comparison: see {@link FunctionWords}).
   */
  public static LanguageIdentifier of(
      Collection<String> languages, int prefix, boolean otherLatin, boolean functionWords) {
    Set<String> langs = new TreeSet<>();
    for (String l : languages) {
      String code = l.strip().toLowerCase(Locale.ROOT);
      if (!supported().contains(code)) {
        throw new IllegalArgumentException(
            "Cannot identify language: unsupported code '" + l + "'; supported: " + supported());
      }
      langs.add(code);
    }
    if (langs.isEmpty()) {
      throw new IllegalArgumentException("Cannot identify language: no candidate language given");
    }
    if (prefix < 1) {
      throw new IllegalArgumentException("Cannot identify language: prefix < 1 (" + prefix + ")");
    }
    return CACHE.computeIfAbsent(
        new Key(Set.copyOf(langs), prefix, otherLatin, functionWords), LanguageIdentifier::new);
  }

  /** The candidate languages. */
  public Set<String> languages() {
    return languages;
  }

  /** The language of a document given as one text. */
  public String identify(String text) {
    return identify(null, text);
  }

  /**
   * The language of a document: an ISO 639-1 code of {@link #languages()}, or {@code und} when the
   * first {@code prefix} chars of title and text have fewer than {@value #MIN_LETTERS} letters, are
   * mostly in a script other than Arabic or Latin, or are in a language outside the candidates.
   * Either argument may be null.
   */
  public String identify(String title, String text) {
    ScriptProfile p = ScriptProfile.of(title, text, Math.max(prefix, SCRIPT_PREFIX));
    if (p.letters() < MIN_LETTERS) {
      return UNDETERMINED;
    }
    return switch (p.script()) {
      case ARABIC -> arabicScript(p, title, text);
      case LATIN -> latinScript(title, text);
      default -> UNDETERMINED;
    };
  }

  private String arabicScript(ScriptProfile p, String title, String text) {
    if (arabicCandidates.isEmpty()) {
      return UNDETERMINED;
    }
    boolean mixed = p.arabic() > 0 && p.persian() + p.urdu() > 0;
    if (mixed && arabic != null) {
      String lower = join(title, text, prefix).toLowerCase(Locale.ROOT);
      String l = best(arabic, lower, arabicSet);
      if (!UNDETERMINED.equals(l)) {
        return l;
      }
    }
    String l = arabicScriptByLetters(p);
    if (arabicCandidates.contains(l)) {
      return l;
    }
    // Urdu without an Urdu candidate is nearest to Persian, and both nearer to each other than to
    // Arabic; a restricted set falls back in that order.
    if ("ur".equals(l) && arabicCandidates.contains("fa")) {
      return "fa";
    }
    if ("fa".equals(l) && arabicCandidates.contains("ur")) {
      return "ur";
    }
    return arabicCandidates.get(0);
  }

  /**
   * {@code ar}, {@code fa} or {@code ur} from letter counts: Arabic when its own letters (ة ي ك ى)
   * are at least as many as those only Persian and Urdu use (پ چ ژ گ ک ی and ٹ ڈ ڑ ں ے ھ ہ ۃ), else
   * Urdu when Urdu's own letters are at least a tenth of the Persian ones, else Persian.
   */
  public static String arabicScriptByLetters(ScriptProfile p) {
    int pe = p.persian();
    int ur = p.urdu();
    if (pe + ur <= p.arabic()) {
      return "ar";
    }
    return ur > 0 && ur * 10 >= pe ? "ur" : "fa";
  }

  private String latinScript(String title, String text) {
    if (latin == null) {
      return latinCandidates.isEmpty() ? UNDETERMINED : latinCandidates.iterator().next();
    }
    // Optimaize's profiles are of lower-case text (Reuters titles are upper case); the text is
    // clean already (TextCleaner removes URLs and markup), so no TextObjectFactory.
    String lower = join(title, text, prefix).toLowerCase(Locale.ROOT);
    if (functionWords) {
      String l = FunctionWords.decide(lower, latinCandidates);
      if (l != null) {
        return l;
      }
    }
    return best(latin, lower, latinCandidates);
  }

  /**
   * The best-ranked candidate, or {@code und} when a language outside the candidates ranks first
   * with at least {@link #OTHER_MIN_PROBABILITY}, or nothing scores.
   */
  private static String best(LanguageDetector d, String lower, Set<String> candidates) {
    for (DetectedLanguage dl : d.getProbabilities(lower)) {
      String l = dl.getLocale().getLanguage();
      if (candidates.contains(l)) {
        return l;
      }
      if (dl.getProbability() >= OTHER_MIN_PROBABILITY) {
        return UNDETERMINED;
      }
    }
    return UNDETERMINED;
  }

  private static String join(String title, String text, int limit) {
    StringBuilder sb = new StringBuilder(Math.min(limit, 4096));
    if (title != null) {
      sb.append(title, 0, Math.min(title.length(), limit));
    }
    if (text != null && !text.isEmpty() && sb.length() < limit) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(text, 0, Math.min(text.length(), Math.max(0, limit - sb.length())));
    }
    return sb.toString();
  }

  private static LanguageDetector detector(Collection<String> candidates, List<String> others) {
    List<LdLocale> locales = new ArrayList<>();
    for (String l : candidates) {
      locales.add(LdLocale.fromString(l));
    }
    for (String l : others) {
      locales.add(LdLocale.fromString(l));
    }
    List<LanguageProfile> profiles;
    try {
      profiles = new LanguageProfileReader().readBuiltIn(locales);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the language profiles of " + locales, e);
    }
    // Default seed (fixed): the sampling of long texts gives the same answer on every call.
    return LanguageDetectorBuilder.create(NgramExtractors.standard())
        .withProfiles(profiles)
        .build();
  }
}
