package org.marsad.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Arabic analysis: tokenise, normalise, drop stop words, strip clitics and light-stem inflectional
 * suffixes, without destroying names.
 *
 * <p>Unlike Lucene's light stemmer it (a) strips proclitic combinations (و ف + ب ك ل + ال, and لل)
 * before looking words up, so وبروسيا and لروسيا reach روسيا; (b) never strips the ان ending (dual
 * and name endings collide: لبنان، إيران، إعلان), nor a suffix that would leave fewer than three
 * letters; (c) keeps protected words (gazetteer names and words whose first letter is radical, e.g.
 * وزير، فريق، بيان) whole; (d) gives spelling variants one key ({@link ArabicVariants}: أميركية and
 * أمريكية, ترمب and ترامب, جوجل and غوغل), looked up after the clitics and before the suffixes, and
 * joins the words of a variant phrase (فيس بوك) into one term. Suffixes are removed in at most two
 * rounds (مخططاتها → مخطط). Through لل, a name that starts with ل keeps it (للبنان is ل + لبنان, as
 * للعراق is ل + العراق).
 */
public final class ArabicAnalyzer implements TextAnalyzer {

  private static final String[] SUFFIXES = {"هما", "ها", "هم", "ات", "ون", "ين", "يه", "ه", "ي"};
  // Letters that must remain after stripping each suffix: ون/ين also end many stems (تعاون، قانون).
  private static final int[] MIN_STEM = {3, 3, 3, 3, 4, 4, 3, 3, 3};
  private static final String[] PRONOUNS = {"هما", "هم", "ها", "كم", "نا", "هن", "ه", "ي"};

  private final Set<String> stop;
  private final Set<String> names;
  private final Set<String> radicals;
  private final ArabicVariants variants;

  /**
   * Creates an analyser.
   *
   * @param stopWords normalised stop words
   * @param names normalised names kept verbatim as keys (states, capitals)
   * @param radicalWords normalised words whose first letter is radical (وزير، فريق): not stripped
   *     as a clitic; they are still stemmed, and so are their inflections
   */
  public ArabicAnalyzer(Set<String> stopWords, Set<String> names, Set<String> radicalWords) {
    this(stopWords, names, radicalWords, ArabicVariants.NONE);
  }

  /**
   * Creates an analyser that also gives spelling variants one key.
   *
   * @param stopWords normalised stop words
   * @param names normalised names kept verbatim as keys (states, capitals)
   * @param radicalWords normalised radical-initial words (see above)
   * @param variants spelling variants and alternation rules
   */
  public ArabicAnalyzer(
      Set<String> stopWords, Set<String> names, Set<String> radicalWords, ArabicVariants variants) {
    this.stop = stopWords;
    this.names = names;
    this.variants = variants;
    java.util.HashSet<String> r = new java.util.HashSet<>();
    for (String w : radicalWords) {
      r.add(w);
      r.add(stripSuffixes(w, ""));
    }
    this.radicals = Set.copyOf(r);
  }

  // The analysis of a token depends on its surface alone: it is kept per lexicon id, so each
  // distinct form is analysed once per thread and generation.
  private final int slot = Lexicon.newSlot();

  /**
   * The display form and key of a kept token; {@link #DROPPED} for a dropped one. {@code phrases}
   * are the variant phrases the token may start (null for none).
   */
  private record Kept(
      String display, String term, List<ArabicVariants.Phrase> phrases, boolean phraseAsWritten) {
    Kept(String display, String term, List<ArabicVariants.Phrase> phrases) {
      this(display, term, phrases, false);
    }
  }

  private static final Kept DROPPED = new Kept("", "", null);

  @Override
  public List<Token> analyze(Field field) {
    List<Token> out = new ArrayList<>(field.size());
    Lexicon lex = field.lexicon();
    for (int i = 0; i < field.size(); i++) {
      int id = field.id(i);
      Kept k = (Kept) lex.get(slot, id);
      if (k == null) {
        Kept a = analyzeSurface(lex.surface(id), lex.norm(id));
        k =
            a == null
                ? DROPPED
                : new Kept(
                    lex.canonical(a.display()),
                    lex.canonical(a.term()),
                    a.phrases(),
                    a.phraseAsWritten());
        lex.set(slot, id, k);
      }
      if (k != DROPPED) {
        int last = k.phrases() == null ? i : phraseEnd(field, i, k.phrases());
        if (last > i) {
          Kept joined = phraseKey(field, i, last, k);
          out.add(
              new Token(
                  field.text().substring(field.start(i), field.end(last)),
                  lex.canonical(joined.display()),
                  lex.canonical(joined.term()),
                  field.start(i),
                  field.end(last),
                  field.sentence(i),
                  last));
          i = last;
          continue;
        }
        out.add(
            new Token(
                lex.surface(id),
                k.display(),
                k.term(),
                field.start(i),
                field.end(i),
                field.sentence(i),
                i));
      }
    }
    return out;
  }

  /**
   * The last token of the longest variant phrase that starts at {@code i} (words in one sentence),
   * or {@code i}.
   */
  private int phraseEnd(Field f, int i, List<ArabicVariants.Phrase> phrases) {
    for (ArabicVariants.Phrase p : phrases) {
      String[] w = p.words();
      if (i + w.length >= f.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < w.length && ok; k++) {
        int j = i + 1 + k;
        ok = f.sentence(j) == f.sentence(i) && variants.canon(f.norm(j)).equals(w[k]);
      }
      if (ok) {
        return i + w.length;
      }
    }
    return i;
  }

  /** The key of the phrase [i, last]: the joined canonical words analysed as one word. */
  private Kept phraseKey(Field f, int i, int last, Kept first) {
    String joined = null;
    for (ArabicVariants.Phrase p : first.phrases()) {
      if (p.words().length == last - i) {
        joined = p.joined();
        break;
      }
    }
    Kept a = analyzeSurface(joined, joined);
    String key = a == null ? joined : a.term();
    String display =
        (first.phraseAsWritten() ? f.surface(i) : first.display())
            + f.text().substring(f.end(i), f.end(last));
    return new Kept(display, key, null);
  }

  /** The display form and key of a surface form with normal form {@code n}, or null. */
  private Kept analyzeSurface(String surface, String n) {
    Kept k = analyzeWord(surface, n);
    if (k == null || variants.isEmpty()) {
      return k;
    }
    // A phrase may start here: look its first word up without clitics, as the key was.
    List<ArabicVariants.Phrase> p = variants.phrases(variants.canon(n));
    if (p != null) {
      return new Kept(k.display(), k.term(), p, true);
    }
    p = variants.phrases(variants.canon(strippedReading(n)));
    return p == null ? k : new Kept(k.display(), k.term(), p, false);
  }

  /** {@code n} without a conjunction, a preposition and the article (no stop or name checks). */
  private static String strippedReading(String n) {
    String w = n;
    if ((w.charAt(0) == 'و' || w.charAt(0) == 'ف') && w.length() >= 4) {
      w = w.substring(1);
    }
    if (w.length() >= 4) {
      if (w.startsWith("لل")) {
        w = "ا" + w.substring(1);
      } else if (w.charAt(0) == 'ب' || w.charAt(0) == 'ك' || w.charAt(0) == 'ل') {
        w = w.substring(1);
      }
    }
    if (w.startsWith("ال") && w.length() >= 4) {
      w = w.substring(2);
    }
    return w;
  }

  private Kept analyzeWord(String surface, String n) {
    if (n.length() < 2 || isNumber(n) || stop.contains(n)) {
      return null;
    }
    if (!ArabicNormalizer.isArabicLetter(n.charAt(0))) {
      return new Kept(surface, n, null);
    }
    // Candidate readings from least to most stripped: as written, without a conjunction (و ف),
    // without a preposition (ب ك ل, or لل = ل + ال), without the article. The first reading that
    // is, or stems to, a protected word wins; otherwise the most stripped one is stemmed.
    String w = n;
    int letters = 0;
    boolean lam = false;
    String key = protectedKey(w);
    if (key == null && (w.charAt(0) == 'و' || w.charAt(0) == 'ف') && w.length() >= 4) {
      w = w.substring(1);
      letters = 1;
      if (stop.contains(w) || stop.contains(stripPronoun(w))) {
        return null;
      }
      key = protectedKey(w);
    }
    if (key == null && w.length() >= 4) {
      char c = w.charAt(0);
      String lamWord = null;
      if (w.startsWith("لل")) {
        // ل + a protected word that starts with ل (للبنان = ل + لبنان), or ل + ال (للرئيس).
        lamWord = protectedKey(w.substring(1));
        w = "ا" + w.substring(1);
        letters++;
        lam = true;
      } else if (c == 'ب' || c == 'ك' || c == 'ل') {
        w = w.substring(1);
        letters++;
      }
      if (stop.contains(w) || stop.contains(stripPronoun(w))) {
        return null;
      }
      key = protectedKey(w);
      if (key == null && lamWord != null) {
        key = lamWord;
        lam = false;
      }
    }
    if (key == null && w.startsWith("ال") && w.length() >= 4) {
      w = w.substring(2);
      if (stop.contains(w)) {
        return null;
      }
      key = protectedKey(w);
    }
    if (key == null) {
      if (stop.contains(stripPronoun(n))) {
        return null;
      }
      key = stripSuffixes(variants.canon(w), surface);
    }
    if (key.length() < 2) {
      return null;
    }
    return new Kept(displayForm(surface, letters, lam), key, null);
  }

  /**
   * The key of a reading that must not be stripped further: a name as it is, a radical-initial word
   * (or an inflection of one), or a listed spelling variant, as its stem; else null. The reading is
   * first given its canonical spelling (أميركا is أمريكا).
   */
  private String protectedKey(String reading) {
    String w = variants.canon(reading);
    if (names.contains(w)) {
      return w;
    }
    String stem = stripSuffixes(w, "");
    // A listed spelling variant is a known word: no letter of it is a clitic (كورونا, بوتن).
    return radicals.contains(w) || radicals.contains(stem) || !w.equals(reading) ? stem : null;
  }

  private String stripPronoun(String w) {
    for (String p : PRONOUNS) {
      if (w.endsWith(p) && w.length() - p.length() >= 2) {
        return w.substring(0, w.length() - p.length());
      }
    }
    return w;
  }

  private String stripSuffixes(String w, String surface) {
    String s = w;
    if (s.endsWith("ا") && s.length() >= 4 && surface.indexOf('\u064B') >= 0) {
      s = s.substring(0, s.length() - 1); // adverbial accusative with tanween: أساسياً
    }
    for (int round = 0; round < 2; round++) {
      boolean stripped = false;
      for (int i = 0; i < SUFFIXES.length; i++) {
        String suf = SUFFIXES[i];
        if (s.endsWith(suf) && s.length() - suf.length() >= MIN_STEM[i]) {
          String cand = s.substring(0, s.length() - suf.length());
          s = cand;
          stripped = true;
          break;
        }
      }
      if (!stripped || names.contains(s)) {
        break;
      }
    }
    return s;
  }

  /** The surface without the first {@code letters} letters (diacritics skipped). */
  static String displayForm(String surface, int letters, boolean articleFromLam) {
    if (letters == 0) {
      return surface;
    }
    String rest = surface.substring(ArabicNormalizer.skipLetters(surface, letters));
    if (articleFromLam) {
      // للرئيس: one ل is the preposition, the other the article's; show الرئيس.
      return "ا" + rest;
    }
    return rest;
  }

  private static boolean isNumber(String n) {
    for (int i = 0; i < n.length(); i++) {
      if (!Character.isDigit(n.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
