package org.marsad.states.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marsad.text.Analysis;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.Field;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.Lexicon;
import org.marsad.text.RawToken;
import org.marsad.text.Tokenizer;
import org.marsad.text.WordLists;

/**
 * Finds the states a text names, per document language, in one pass over its tokens with a token
 * trie of the gazetteer (no regular expression per state).
 *
 * <p>Rows apply per language: a document of language L is matched with the gazetteer rows of L
 * (forms.tsv: ar, en, fr, fa; cities.tsv: ar, en, fr), and, for a language without rows, with the
 * CLDR country names of L generated from the JDK (German, Spanish, Urdu ...). A Latin-script
 * document other than English also reads the English rows, and {@code und} reads them alone; a
 * language's own row wins over a borrowed one of the same surface (the French capital Mexico is not
 * the English name Mexico). See {@link #rowsOf} for the exact rule.
 *
 * <p>Matching works on normalised tokens, so hamza, alef, ya, ta-marbuta variants and diacritics
 * match. An Arabic token's clitics (و ف, ب ك ل, لل) are stripped only when the rest starts a
 * gazetteer entry (وبروسيا، للولايات، فالصين); a French token's elided article too (l'Égypte,
 * d'Irak, with ’ read as '), and a Turkish or English suffix after an apostrophe (Türkiye'nin,
 * Russia's). The longest entry wins (روسيا البيضاء is Belarus, الولايات المتحدة الأمريكية one
 * mention); a fragment never matches (المتحدة alone is nothing). Entries written with capitals need
 * them in the text, each entry checked on its own (Suisse the name, suisse the adjective), not in a
 * text written in capitals. Ambiguous forms go through context rules: the editable {@code
 * conf/gazetteer/context_rules.tsv} and {@code ambiguous_places.tsv}, news agencies ({@code
 * agencies.tsv}) are no mention, a dateline's place is one, and the built-in rules documented on
 * {@link #resolve}.
 */
public final class StateMatcher {

  /**
   * A state mention.
   *
   * @param iso2 ISO 3166-1 alpha-2 of the state
   * @param form name, adjective or capital; city for a city of the state (or another place in it,
   *     such as a US state read from {@code ambiguous_places.tsv}); team for a name or adjective in
   *     a sentence about a sports match (the national team, not the state)
   * @param surface the text as written (without a stripped clitic or elided article)
   * @param field index of the field the mention is in (e.g. 0 title, 1 text)
   * @param start offset in the field (inclusive)
   * @param end offset in the field (exclusive)
   * @param sentence sentence index within the field
   */
  public record Mention(
      String iso2, String form, String surface, int field, int start, int end, int sentence) {}

  private record Entry(
      String iso2, String form, String lang, String[] surfaceTokens, long population) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    final List<Entry> entries = new ArrayList<>(1);
    boolean own;
  }

  private record Rule(String kind, List<String[]> words) {}

  /** One row of ambiguous_places.tsv: a reading (iso2 or none) and the cue that picks it. */
  private record Cue(String reading, String kind, List<String[]> words) {}

  /** An agency surface: its tokens' keys and whether it is a credit only (a common word). */
  private record Agency(String[] keys, boolean creditOnly) {}

  private static final Set<String> PLACE_WORDS =
      norm(
          "في",
          "إلى",
          "الى",
          "من",
          "شمال",
          "جنوب",
          "شرق",
          "غرب",
          "وسط",
          "شمالي",
          "جنوبي",
          "جمهورية",
          "دولة",
          "رئيس",
          "حكومة",
          "عاصمة",
          "سفارة",
          "سفير",
          "حدود",
          "مع",
          "بين",
          "داخل",
          "أنحاء",
          "in",
          "to",
          "from",
          "of",
          "northern",
          "southern",
          "eastern",
          "western",
          "central",
          "with",
          "à",
          "au",
          "aux",
          "en",
          "vers",
          "depuis",
          "nord",
          "sud",
          "est",
          "ouest",
          "république",
          "gouvernement",
          "président",
          "capitale",
          "ambassade",
          "frontière",
          "avec",
          "entre",
          "dans",
          "du",
          "de",
          "des",
          "در",
          "به",
          "از",
          "با",
          "شمال",
          "جنوب",
          "شرق",
          "غرب",
          "دولت",
          "رئیس",
          "جمهوری",
          "سفارت",
          "سفیر",
          "مرز",
          "پایتخت",
          "کشور",
          "میان",
          "بین");
  private static final Set<String> CAPITAL_CUES =
      norm("العاصمة", "عاصمة", "مدينة", "ولاية", "بلدية", "city", "capitale", "ville", "پایتخت");
  // Water bodies and valleys named after a state are not the state (a mountain named after one,
  // جبل لبنان, lies in it and stays a mention).
  private static final Set<String> GEO_FEATURES =
      norm(
          "نهر", "بحيرة", "بحيرات", "حوض", "دلتا", "غور", "وادي", "هضبة", "صحراء", "خليج", "بحر",
          "lake", "river", "gulf", "basin", "fleuve", "lac", "golfe", "bassin", "delta", "désert",
          "mer", "océan", "ocean", "رود", "رودخانه", "دریاچه", "خلیج", "دریای", "اقیانوس");
  // The same after the name, in languages that put the noun last: the China Sea, the Congo River.
  private static final Set<String> GEO_AFTER =
      norm("sea", "river", "basin", "delta", "valley", "gulf");
  // A state's adjective after these nouns names the state: الدولة اللبنانية، الجمهورية اللبنانية،
  // l'État libanais.
  private static final Set<String> STATE_NOUNS =
      norm("الدولة", "الجمهورية", "المملكة", "السلطنة", "الإمارة", "état", "etat");
  // Sentences about a match: a state's name there is its national team (recorded as form "team").
  private static final Set<String> SPORT_STRONG =
      norm(
          "منتخب",
          "المنتخب",
          "منتخبات",
          "المنتخبات",
          "مباراة",
          "المباراة",
          "مباراتي",
          "مباريات",
          "المباريات",
          "التصفيات",
          "تصفيات",
          "مرمى",
          "الشوط",
          "ملعب",
          "الملعب",
          "الفيفا",
          "المونديال",
          "كأس",
          "striker",
          "goalkeeper",
          "midfielder",
          "stadium",
          "fifa",
          "qualifier",
          "qualifiers",
          "sélection",
          "sélectionneur",
          "mondial",
          "attaquant",
          "gardien",
          "stade",
          "فوتبال",
          "ورزشگاه");
  private static final Set<String> SPORT_WEAK =
      norm(
          "هدف",
          "أهداف",
          "هدفين",
          "بهدف",
          "تعادل",
          "فوز",
          "فاز",
          "خسارة",
          "لاعب",
          "لاعبي",
          "اللاعب",
          "اللاعبين",
          "مدرب",
          "المدرب",
          "بطولة",
          "البطولة",
          "المجموعة",
          "نقاط",
          "النقاط",
          "الفريق",
          "فريق",
          "ركلة",
          "جزاء",
          "الدوري",
          "goal",
          "goals",
          "coach",
          "league",
          "cup",
          "team",
          "scored",
          "draw",
          "tournament",
          "match",
          "buts",
          "entraîneur",
          "équipe",
          "coupe",
          "championnat",
          "victoire",
          "تیم",
          "جام",
          "مربی",
          "بازی",
          "گل",
          "لیگ");
  private static final String SOUTH_AFRICA = norm1("جنوب") + " " + norm1("أفريقيا");
  private static final Set<String> COMPASS = norm("شرق", "غرب", "شمال", "وسط", "الشرق", "الغرب");
  private static final Set<String> AFRICA = norm("أفريقيا", "إفريقيا", "افريقيا");
  private static final Set<String> LANGUAGE_CUES =
      norm(
          "اللغة",
          "لغة",
          "باللغة",
          "اللغات",
          "بلغة",
          "language",
          "langue",
          "en",
          "parle",
          "parlent",
          "parler",
          "traduit",
          "زبان");
  private static final Set<String> JO_CONTEXT =
      norm("الأردن", "الأردني", "الأردنية", "أردني", "أردنية", "الأردنيين", "الهاشمية");
  private static final Set<String> OM_CONTEXT =
      norm("السلطنة", "مسقط", "العماني", "العمانية", "عماني", "عمانية", "قابوس", "العمانيين");
  private static final Set<String> KP_CONTEXT =
      norm(
          "الشمالية",
          "بيونغ",
          "بيونغيانغ",
          "بيونج",
          "north",
          "pyongyang",
          "nord",
          "nord-coréen",
          "nord-coréenne",
          "nord-coréens");
  private static final Set<String> KR_CONTEXT =
      norm("الجنوبية", "سيول", "south", "seoul", "sud", "séoul", "sud-coréen", "sud-coréenne");
  private static final Set<String> CG_CONTEXT = norm("برازافيل", "brazzaville");
  private static final Set<String> PERSON_NAME_STATES = norm("jordan", "chad", "georgia");
  private static final Set<String> KOREA = norm("كوريا", "korea", "corée", "coree");
  private static final Set<String> CONGO = norm("الكونغو", "congo");
  // Articles a French prev-word check looks through (au nord du Mali: the place word is nord).
  private static final Set<String> FRENCH_ARTICLES =
      norm("le", "la", "les", "l'", "du", "des", "au", "aux", "de", "d'");
  // Elided articles and prepositions before an apostrophe (French, Italian): l'Égypte, dell'Iran.
  private static final Set<String> ELIDED =
      Set.of(
          "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
          "presqu", "dell", "all", "dall", "nell", "sull", "coll", "un", "quell");
  // The United States next to "dollar" names the currency (دولار أمريكي, U.S. dollars, dollars
  // américains, دلار آمریکا): amounts everywhere are quoted in US dollars, so the phrase says
  // nothing
  // of the US. Other currencies (the Swiss franc, the Canadian dollar) are news about their state
  // and stay mentions.
  private static final Set<String> DOLLAR_BEFORE =
      norm(
          "دولار",
          "دولارا",
          "دولارات",
          "الدولار",
          "الدولارات",
          "dollar",
          "dollars",
          "دلار",
          "دلاری");
  private static final Set<String> DOLLAR_AFTER = norm("dollar", "dollars", "dlr", "dlrs");

  private static final Set<String> MONTHS =
      norm(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "janvier",
          "février",
          "mars",
          "avril",
          "mai",
          "juin",
          "juillet",
          "août",
          "septembre",
          "octobre",
          "novembre",
          "décembre",
          "يناير",
          "فبراير",
          "مارس",
          "أبريل",
          "ابريل",
          "مايو",
          "يونيو",
          "يوليو",
          "أغسطس",
          "سبتمبر",
          "أكتوبر",
          "نوفمبر",
          "ديسمبر");

  private final Gazetteer gazetteer;
  private final Map<String, List<Rule>> rules = new HashMap<>();
  private final Map<String, List<Cue>> places = new HashMap<>();
  private final Map<String, String> placeSurfaces = new HashMap<>();
  private final Map<String, List<Agency>> agencies = new HashMap<>();
  private final Set<String> stop;
  // Words whose presence anywhere in a document decides a rule (needs_context words, the Jordan,
  // Oman, Korea and Congo cues, the doc cues of ambiguous places): a document's context is the set
  // of these it contains.
  private final Set<String> cueWords = new HashSet<>();
  private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();
  private final int agencySlot = Lexicon.newSlot();

  /**
   * What the matcher needs to know of one normalised token, computed once per thread, token and
   * language.
   *
   * @param key the token's normal form, ’ read as '
   * @param readings the token and its clitic-stripped readings
   * @param nodes the trie node each reading starts, or null
   * @param tail the key without an apostrophe suffix (Korea's), or null: how the token may end a
   *     multi-word entry
   * @param sport 2 for a strong sport cue, 1 for a weak one, 0 for none
   * @param cues the context cue words among the readings
   * @param upper upper-case Latin letters of the surface
   * @param latin Latin letters of the surface
   */
  private record Facts(
      String key,
      List<Reading> readings,
      Node[] nodes,
      String tail,
      int sport,
      List<String> cues,
      int upper,
      int latin,
      List<Part> parts) {}

  /**
   * A part of a hyphenated Latin word that names a state (israélo-palestinien, Franco-German,
   * Saudi-led): its characters [start, end) in the token, and its trie node or the state of a
   * combining form (franco-, sino-).
   */
  private record Part(String key, int start, int end, Node node, String iso2) {}

  // Combining forms of state adjectives, first part of compounds: franco-allemand, sino-américain.
  private static final Map<String, String> COMBINING =
      Map.ofEntries(
          Map.entry("franco", "FR"),
          Map.entry("germano", "DE"),
          Map.entry("anglo", "GB"),
          Map.entry("sino", "CN"),
          Map.entry("russo", "RU"),
          Map.entry("israélo", "IL"),
          Map.entry("israelo", "IL"),
          Map.entry("irano", "IR"),
          Map.entry("américano", "US"),
          Map.entry("americano", "US"),
          Map.entry("italo", "IT"),
          Map.entry("hispano", "ES"),
          Map.entry("nippo", "JP"),
          Map.entry("turco", "TR"),
          Map.entry("indo", "IN"),
          Map.entry("pakistano", "PK"),
          Map.entry("syro", "SY"),
          Map.entry("libano", "LB"),
          Map.entry("égypto", "EG"),
          Map.entry("soudano", "SD"),
          Map.entry("algéro", "DZ"),
          Map.entry("algero", "DZ"),
          Map.entry("maroco", "MA"),
          Map.entry("tuniso", "TN"),
          Map.entry("saoudo", "SA"),
          Map.entry("irako", "IQ"),
          Map.entry("afghano", "AF"),
          Map.entry("helvético", "CH"),
          Map.entry("belgo", "BE"),
          Map.entry("gréco", "GR"),
          Map.entry("greco", "GR"),
          Map.entry("polono", "PL"),
          Map.entry("serbo", "RS"),
          Map.entry("croato", "HR"),
          Map.entry("luso", "PT"),
          Map.entry("austro", "AT"),
          Map.entry("ivoiro", "CI"),
          Map.entry("sénégalo", "SN"));

  /**
   * Builds the matcher with the packaged ambiguous places and agencies.
   *
   * @param gazetteer states, their forms and cities
   * @param contextRules lines of {@code context_rules.tsv} (surface, rule, words)
   * @param stopWords normalised stop words (to tell an adjective after a noun from a name)
   */
  public StateMatcher(Gazetteer gazetteer, List<String> contextRules, Set<String> stopWords) {
    this(
        gazetteer,
        contextRules,
        WordLists.lines("gazetteer/ambiguous_places.tsv", null),
        WordLists.lines("gazetteer/agencies.tsv", null),
        stopWords);
  }

  /**
   * Builds the matcher.
   *
   * @param gazetteer states, their forms and cities
   * @param contextRules lines of {@code context_rules.tsv} (surface, rule, words)
   * @param ambiguousPlaces lines of {@code ambiguous_places.tsv} (surface, lang, reading, cue,
   *     words)
   * @param agencyLines lines of {@code agencies.tsv} (surface, lang, agency, home, note)
   * @param stopWords normalised stop words (to tell an adjective after a noun from a name)
   */
  public StateMatcher(
      Gazetteer gazetteer,
      List<String> contextRules,
      List<String> ambiguousPlaces,
      List<String> agencyLines,
      Set<String> stopWords) {
    this.gazetteer = gazetteer;
    this.stop = stopWords;
    for (String line : contextRules) {
      String[] f = line.split("\t", -1);
      if (f.length < 3) {
        throw new IllegalArgumentException(
            "Cannot load context rules: expected 'surface<TAB>rule<TAB>words': " + line);
      }
      if (!Set.of("not_after", "not_before", "needs_context").contains(f[1])) {
        throw new IllegalArgumentException(
            "Cannot load context rules: unknown rule " + f[1] + " in: " + line);
      }
      List<String[]> words = words(f[2]);
      rules.computeIfAbsent(joinedKey(f[0]), k -> new ArrayList<>()).add(new Rule(f[1], words));
      if (f[1].equals("needs_context")) {
        addCues(words);
      }
    }
    for (String line : ambiguousPlaces) {
      String[] f = line.split("\t", -1);
      if (f.length < 4 || f[0].startsWith("#")) {
        continue;
      }
      if (!Set.of("prev", "next", "doc", "default").contains(f[3])) {
        throw new IllegalArgumentException(
            "Cannot load ambiguous places: unknown cue " + f[3] + " in: " + line);
      }
      List<String[]> words = f.length > 4 && !f[4].isBlank() ? words(f[4]) : List.of();
      String placeKey = joinedKey(f[0]) + "\t" + f[1];
      places.computeIfAbsent(placeKey, k -> new ArrayList<>()).add(new Cue(f[2], f[3], words));
      placeSurfaces.putIfAbsent(placeKey, f[0]);
      if (f[3].equals("doc")) {
        addCues(words);
      }
    }
    for (String line : agencyLines) {
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f[0].startsWith("#")) {
        continue;
      }
      String[] keys = keys(f[0]);
      if (keys.length > 0) {
        agencies
            .computeIfAbsent(keys[0], k -> new ArrayList<>())
            .add(new Agency(keys, f.length > 4 && !f[4].isBlank()));
      }
    }
    for (Set<String> cues : List.of(JO_CONTEXT, OM_CONTEXT, KP_CONTEXT, KR_CONTEXT, CG_CONTEXT)) {
      cueWords.addAll(cues);
    }
  }

  private void addCues(List<String[]> words) {
    for (String[] w : words) {
      if (!w[0].equals("@place")) {
        cueWords.addAll(List.of(w));
      }
    }
  }

  private static List<String[]> words(String commaSeparated) {
    List<String[]> words = new ArrayList<>();
    for (String w : commaSeparated.split(",")) {
      String s = w.strip();
      if (!s.isEmpty()) {
        words.add(s.equals("@place") ? new String[] {"@place"} : keys(s));
      }
    }
    return words;
  }

  /** The matcher over the packaged gazetteer, rules and stop words. */
  public static StateMatcher defaults(Analysis analysis) {
    return new StateMatcher(
        Gazetteer.load(null),
        WordLists.lines("gazetteer/context_rules.tsv", null),
        analysis.arabicStopWords());
  }

  // ---------------------------------------------------------------------------------------------
  // Rows per language

  /**
   * Persian documents read the Arabic rows of cities.tsv (Persian has none of its own; Iran's and
   * the region's cities are written alike: کرمان، شیراز، تبریز، استانبول), not the Arabic forms.
   * Measured on our Persian examples ({@code src/test/resources/states/fa-news.jsonl}) and the 40
   * Persian texts of {@code src/test/resources/langid/fa.tsv}: with the Arabic forms as well, no
   * state mention changes (Persian writes its own spellings, سوریه، عراق، آمریکا, already in the
   * Persian rows) and the Arabic article forms and Arabic-only spellings could only add Arabic
   * readings of Persian words; the Arabic cities add 9 city mentions, all right.
   */
  static final boolean PERSIAN_READS_ARABIC_FORMS = false;

  /** The rows a document language matches with, and who owns them. */
  private record Rows(String lang, boolean own, boolean cldr, boolean citiesOnly) {
    Rows(String lang, boolean own, boolean cldr) {
      this(lang, own, cldr, false);
    }
  }

  /**
   * The rows of a document language {@code lang}: its own rows of forms.tsv and cities.tsv when it
   * has any (ar, en, fr, fa); else, for a language the JDK's CLDR data names countries in, those
   * CLDR names; the English rows for {@code und} and for a code CLDR does not know. A Latin-script
   * language other than English also reads the English rows (a French article's Chicago, a German
   * article's Iran), below its own; Persian reads the Arabic cities (see {@link
   * #PERSIAN_READS_ARABIC_FORMS}).
   */
  private List<Rows> rowsOf(String lang) {
    List<Rows> out = new ArrayList<>();
    boolean hasRows = false;
    for (Gazetteer.Form f : gazetteer.forms()) {
      if (f.lang().equals(lang)) {
        hasRows = true;
        break;
      }
    }
    if (hasRows) {
      out.add(new Rows(lang, true, false));
    } else if (!lang.equals("und") && CldrNames.knows(lang)) {
      out.add(new Rows(lang, true, true));
    } else {
      out.add(new Rows("en", true, false));
      return out;
    }
    if (lang.equals("en")) {
      return out;
    }
    if (CldrNames.isLatinScript(lang)) {
      out.add(new Rows("en", false, false));
    } else if (lang.equals("fa")) {
      out.add(new Rows("ar", false, false, !PERSIAN_READS_ARABIC_FORMS));
    }
    return out;
  }

  /** The trie and per-token facts of one document language, built on first use. */
  private final class Profile {
    final String lang;
    final boolean arabicClitics;
    final Map<String, Node> root = new HashMap<>();
    final int slot = Lexicon.newSlot();

    Profile(String lang) {
      this.lang = lang;
      this.arabicClitics = lang.equals("ar");
      for (Rows r : rowsOf(lang)) {
        List<Gazetteer.Form> forms =
            r.cldr() ? CldrNames.forms(r.lang(), gazetteer.states()) : gazetteer.forms();
        for (Gazetteer.Form f : r.citiesOnly() ? List.<Gazetteer.Form>of() : forms) {
          if (!f.lang().equals(r.lang())) {
            continue;
          }
          String[] toks = surfaceTokens(f.surface());
          if (toks.length == 0) {
            continue;
          }
          add(toks, new Entry(f.iso2(), f.form(), f.lang(), toks, 0), r.own());
          if (f.lang().equals("ar")
              && f.form().equals("adjective")
              && !norm1(toks[0]).startsWith("ال")) {
            String[] def = toks.clone();
            def[0] = "ال" + toks[0];
            add(def, new Entry(f.iso2(), f.form(), f.lang(), def, 0), r.own());
          }
        }
        Set<String> cities = new HashSet<>();
        for (Gazetteer.City c : gazetteer.cities()) {
          if (c.lang().equals(r.lang())) {
            String[] toks = surfaceTokens(c.surface());
            if (toks.length > 0) {
              add(toks, new Entry(c.iso2(), "city", c.lang(), toks, c.population()), r.own());
              cities.add(joinedKey(c.surface()));
            }
          }
        }
        // A place listed only in ambiguous_places.tsv is a city of its first reading.
        for (Map.Entry<String, List<Cue>> e : places.entrySet()) {
          String[] kl = e.getKey().split("\t");
          if (!kl[1].equals(r.lang())) {
            continue;
          }
          if (hasEntry(kl[0].split(" "))) {
            continue;
          }
          String iso = firstReading(e.getValue());
          String[] toks = surfaceTokens(placeSurfaces.get(e.getKey()));
          if (iso != null && toks.length > 0) {
            add(toks, new Entry(iso, "city", r.lang(), toks, 0), r.own());
          }
        }
        // "Korea" alone names no state by itself; resolved from context in resolve().
        String korea =
            r.citiesOnly()
                ? null
                : switch (r.lang()) {
                  case "ar" -> "كوريا";
                  case "en" -> "Korea";
                  case "fr" -> "Corée";
                  default -> null;
                };
        if (korea != null) {
          add(
              new String[] {korea},
              new Entry("KR", "name", r.lang(), new String[] {korea}, 0),
              r.own());
        }
      }
    }

    private boolean hasEntry(String[] keys) {
      Map<String, Node> level = root;
      Node node = null;
      for (String k : keys) {
        node = level.get(k);
        if (node == null) {
          return false;
        }
        level = node.next;
      }
      return node != null && !node.entries.isEmpty();
    }

    private void add(String[] toks, Entry e, boolean own) {
      Map<String, Node> level = root;
      Node node = null;
      for (String t : toks) {
        node = level.computeIfAbsent(key(t), k -> new Node());
        level = node.next;
      }
      if (own) {
        if (!node.own) {
          node.entries.clear();
          node.own = true;
        }
        node.entries.add(e);
      } else if (!node.own) {
        node.entries.add(e);
      }
    }
  }

  private static String firstReading(List<Cue> cues) {
    for (Cue c : cues) {
      if (c.kind().equals("default") && !c.reading().equals("none")) {
        return c.reading();
      }
    }
    for (Cue c : cues) {
      if (!c.reading().equals("none")) {
        return c.reading();
      }
    }
    return null;
  }

  private Profile profile(String lang) {
    String l = lang == null || lang.isBlank() ? "und" : lang;
    Profile p = profiles.get(l);
    return p != null ? p : profiles.computeIfAbsent(l, Profile::new);
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens

  private Facts facts(Profile p, String surface, String norm) {
    String key = fold(norm);
    List<Reading> rs = readings(key, surface, p.lang);
    int sport = 0;
    List<String> cues = new ArrayList<>(0);
    for (Reading r : rs) {
      if (sport == 0 && SPORT_STRONG.contains(r.key())) {
        sport = 2;
      } else if (sport == 0 && SPORT_WEAK.contains(r.key())) {
        sport = 1;
      }
      if (cueWords.contains(r.key())) {
        cues.add(r.key());
      }
    }
    Node[] nodes = new Node[rs.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = p.root.get(rs.get(i).key());
    }
    String tail = null;
    for (Reading r : rs) {
      if (r.cutEnd() > 0 && r.cutStart() == 0) {
        tail = r.key();
      }
    }
    int upper = 0;
    int latin = 0;
    for (int k = 0; k < surface.length(); k++) {
      char c = surface.charAt(k);
      if (c >= 'A' && c <= 'Z') {
        upper++;
        latin++;
      } else if (c >= 'a' && c <= 'z') {
        latin++;
      }
    }
    return new Facts(
        key,
        List.copyOf(rs),
        nodes,
        tail,
        sport,
        cues.isEmpty() ? List.of() : List.copyOf(cues),
        upper,
        latin,
        parts(p, key, nodes));
  }

  /**
   * The parts of a hyphenated Latin word that name states, when the word itself starts no entry and
   * either two parts name states (israélo-palestinien, Franco-German) or one part does and the
   * others are lower-case words (Saudi-led, Paris-based); else null.
   */
  private static List<Part> parts(Profile p, String key, Node[] nodes) {
    if (key.indexOf('-') <= 0
        || key.isEmpty()
        || ArabicNormalizer.isArabicLetter(key.charAt(0))
        || nodes[0] != null) {
      return null;
    }
    List<Part> out = new ArrayList<>(2);
    int from = 0;
    int named = 0;
    boolean combining = false;
    while (from <= key.length()) {
      int dash = key.indexOf('-', from);
      int to = dash < 0 ? key.length() : dash;
      String part = key.substring(from, to);
      Node node = p.root.get(part);
      if (node != null && !node.entries.isEmpty()) {
        out.add(new Part(part, from, to, node, null));
        named++;
      } else if (dash > 0 && COMBINING.containsKey(part)) {
        out.add(new Part(part, from, to, null, COMBINING.get(part)));
        combining = true;
      }
      if (dash < 0) {
        break;
      }
      from = dash + 1;
    }
    if (named + (combining ? 1 : 0) >= 2 || (named == 1 && !combining)) {
      return List.copyOf(out);
    }
    return null;
  }

  private static String[] surfaceTokens(String s) {
    return Tokenizer.tokenize(s).stream().map(RawToken::surface).toArray(String[]::new);
  }

  /** The keys of the tokens of {@code s}. */
  private static String[] keys(String s) {
    return Tokenizer.tokenize(s).stream().map(r -> key(r.surface())).toArray(String[]::new);
  }

  private static String joinedKey(String s) {
    return String.join(" ", keys(s));
  }

  /** The matching key of a token as written: its normal form, with ’ read as '. */
  private static String key(String surface) {
    return fold(norm1(surface));
  }

  private static String fold(String n) {
    return n.indexOf('\u2019') < 0 ? n : n.replace('\u2019', '\'');
  }

  private static String norm1(String s) {
    return ArabicNormalizer.normalize(s);
  }

  private static Set<String> norm(String... words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(norm1(w));
    }
    return Set.copyOf(out);
  }

  /** One field of a document under analysis: its shared tokens and the matcher's view of them. */
  private final class Scan {
    final Field field;
    final String text;
    final String[] norm;
    final Facts[] facts;
    final boolean allCaps;
    final Set<Integer> sportSentences = new HashSet<>();
    final Set<Integer> cueSentences = new HashSet<>();
    final boolean[] masked;

    Scan(Profile p, Field field, Set<String> context) {
      this.field = field;
      this.text = field.text();
      int n = field.size();
      this.norm = new String[n];
      this.facts = new Facts[n];
      Lexicon lex = field.lexicon();
      int upper = 0;
      int letters = 0;
      // Sport cues per sentence, counted in one run over the tokens (their sentences never go
      // back): strong and weak cues of the current sentence.
      int cueSentence = -1;
      int strong = 0;
      int weak = 0;
      for (int i = 0; i < n; i++) {
        int id = field.id(i);
        Facts fx = (Facts) lex.get(p.slot, id);
        if (fx == null) {
          fx = facts(p, lex.surface(id), lex.norm(id));
          lex.set(p.slot, id, fx);
        }
        facts[i] = fx;
        norm[i] = fx.key();
        upper += fx.upper();
        letters += fx.latin();
        if (!fx.cues().isEmpty()) {
          context.addAll(fx.cues());
        }
        if (fx.sport() > 0) {
          int sentence = field.sentence(i);
          if (sentence != cueSentence) {
            sportCues(cueSentence, strong, weak);
            cueSentence = sentence;
            strong = 0;
            weak = 0;
          }
          if (fx.sport() == 2) {
            strong++;
          } else {
            weak++;
          }
        }
      }
      sportCues(cueSentence, strong, weak);
      this.allCaps = letters > 0 && upper >= 0.8 * letters;
      this.masked = maskAgencies(this);
    }

    /** Records a sentence's sport cues: a sport sentence with a strong cue or two weak ones. */
    private void sportCues(int sentence, int strong, int weak) {
      if (sentence < 0) {
        return;
      }
      if (strong > 0 || weak >= 2) {
        sportSentences.add(sentence);
      }
      cueSentences.add(sentence);
    }

    int size() {
      return norm.length;
    }

    int start(int i) {
      return field.start(i);
    }

    int end(int i) {
      return field.end(i);
    }

    int sentence(int i) {
      return field.sentence(i);
    }

    String surface(int i) {
      return field.surface(i);
    }
  }

  /**
   * A reading of a token: the normalised rest after stripping {@code letters} Arabic clitic letters
   * (through لل, {@code lam}), or, in Latin script, {@code cutStart} characters of an elided
   * article and {@code cutEnd} characters of an apostrophe suffix.
   */
  private record Reading(
      String key, int letters, boolean lam, String clitics, int cutStart, int cutEnd) {
    Reading(String key, int letters, boolean lam, String clitics) {
      this(key, letters, lam, clitics, 0, 0);
    }
  }

  private static List<Reading> readings(String n, String surface, String lang) {
    boolean arabicClitics = lang.equals("ar");
    List<Reading> out = new ArrayList<>(4);
    out.add(new Reading(n, 0, false, ""));
    if (n.isEmpty()) {
      return out;
    }
    if (!ArabicNormalizer.isArabicLetter(n.charAt(0))) {
      int apo = n.indexOf('\'');
      if (apo > 0 && apo + 1 < n.length() && n.length() == surface.length()) {
        String before = n.substring(0, apo);
        String after = n.substring(apo + 1);
        if (ELIDED.contains(before) && Character.isLetter(after.charAt(0))) {
          out.add(new Reading(after, 0, false, "", apo + 1, 0));
        } else if (after.length() <= 5 && isLowerLetters(surface, apo + 1)) {
          out.add(new Reading(before, 0, false, "", 0, n.length() - apo));
        }
      }
      return out;
    }
    if (!arabicClitics) {
      // Persian typed without the non-joiner: آمریکاییها, ایرانیهای (the plural ها, هاي).
      for (String suffix : lang.equals("fa") ? PERSIAN_PLURALS : List.<String>of()) {
        if (n.endsWith(suffix) && n.length() - suffix.length() >= 3) {
          out.add(
              new Reading(
                  n.substring(0, n.length() - suffix.length()),
                  0,
                  false,
                  "",
                  0,
                  surface.length()
                      - ArabicNormalizer.skipLetters(surface, n.length() - suffix.length())));
          break;
        }
      }
      return out;
    }
    if (n.startsWith("الال") && n.length() > 5) {
      // Text where ال + ل was written الال (الالبنانية for اللبنانية, an artifact of some
      // normalisers): the reading with الل.
      out.add(new Reading("الل" + n.substring(4), 0, false, ""));
    }
    List<Reading> base = new ArrayList<>(out);
    char c0 = n.charAt(0);
    if ((c0 == 'و' || c0 == 'ف') && n.length() >= 3) {
      Reading r = new Reading(n.substring(1), 1, false, String.valueOf(c0));
      out.add(r);
      base.add(r);
    }
    for (Reading b : base) {
      String w = b.key();
      if (w.length() < 3) {
        continue;
      }
      if (w.startsWith("لل")) {
        out.add(new Reading("ا" + w.substring(1), b.letters() + 1, true, b.clitics() + "ل"));
        // ل + a name that starts with ل: للبنان.
        out.add(new Reading(w.substring(1), b.letters() + 1, false, b.clitics() + "ل"));
      } else if (w.charAt(0) == 'ب'
          || w.charAt(0) == 'ل'
          || (w.charAt(0) == 'ك' && w.startsWith("ال", 1))) {
        // ك ("like") before a name without the article is rare; كلاوس is Klaus, not ك + لاوس.
        out.add(new Reading(w.substring(1), b.letters() + 1, false, b.clitics() + w.charAt(0)));
      }
    }
    return out;
  }

  private static final List<String> PERSIAN_PLURALS = List.of(norm1("های"), norm1("ها"));

  private static boolean isLowerLetters(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c) || Character.isUpperCase(c)) {
        return false;
      }
    }
    return from < s.length();
  }

  // ---------------------------------------------------------------------------------------------
  // Agencies and datelines

  /**
   * The tokens that belong to a news agency's name (رويترز, أ ف ب, Reuters, وكالة المغرب العربي
   * للأنباء) and so name no state; an agency whose name is also a common word or an adjective
   * (الفرنسية for AFP, قنا, فارس) only as a credit: in brackets, after a dash, or after به گزارش.
   */
  private boolean[] maskAgencies(Scan f) {
    boolean[] masked = null;
    for (int i = 0; i < f.size(); i++) {
      List<Agency> as = agencies.get(f.norm[i]);
      if (as == null) {
        continue;
      }
      int best = -1;
      for (Agency a : as) {
        int last = i + a.keys().length - 1;
        if (last >= f.size() || (best >= 0 && last <= best)) {
          continue;
        }
        boolean ok = true;
        for (int k = 1; k < a.keys().length && ok; k++) {
          ok = f.norm[i + k].equals(a.keys()[k]);
        }
        if (ok && (!a.creditOnly() || isCredit(f, i, last))) {
          best = last;
        }
      }
      if (best >= 0) {
        if (masked == null) {
          masked = new boolean[f.size()];
        }
        for (int k = i; k <= best; k++) {
          masked[k] = true;
        }
        i = best;
      }
    }
    return masked;
  }

  private static boolean isCredit(Scan f, int i, int last) {
    char before = charBefore(f.text, f.start(i));
    char after = charAfter(f.text, f.end(last));
    if ((before == '(' || before == '[') && (after == ')' || after == ']')) {
      return true;
    }
    if (isDash(before) && (isDash(after) || after == ':' || after == '(' || after == '\n')) {
      return true;
    }
    if (isDash(before) && after == 0) {
      return true;
    }
    // Persian: به گزارش ایرنا (according to IRNA).
    return i >= 2 && f.norm[i - 1].equals(norm1("گزارش")) && f.norm[i - 2].equals(norm1("به"));
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u0640';
  }

  /** The character before {@code at} skipping spaces (0 at the start). */
  private static char charBefore(String s, int at) {
    int k = at - 1;
    while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\u00A0')) {
      k--;
    }
    return k < 0 ? 0 : s.charAt(k);
  }

  /** The character at or after {@code at} skipping spaces (0 at the end). */
  private static char charAfter(String s, int at) {
    int k = at;
    while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\u00A0')) {
      k++;
    }
    return k >= s.length() ? 0 : s.charAt(k);
  }

  private boolean isAgencyAt(Scan f, int i) {
    return f.masked != null && i < f.size() && f.masked[i];
  }

  /**
   * A dateline: a place that starts the field or a line, followed by the agency in brackets ({@code
   * دبي (رويترز) -}, {@code PARIS (AFP) -}), a dash and the agency or a newspaper ({@code القاهرة -
   * (أ ف ب)}, {@code عمان - بترا}, {@code تهران- ایرنا-}, {@code بيروت - "القدس العربي":}), or a
   * comma and a date or another place before one of those ({@code NEW YORK, March 3 (Reuters) -},
   * {@code NEW YORK, March 3 -}, {@code BEIRUT, Lebanon (AFP) -}); or, in the older loose sense,
   * the first word of a sentence followed by a bracket or dash (عمان (أ ف ب)).
   */
  private boolean isDateline(Scan f, int i, int end) {
    if (!startsLine(f, i)) {
      return false;
    }
    int j = end + 1;
    char after = charAfter(f.text, f.end(end));
    if (after != ',') {
      return bracketOrDashCredit(f, j, f.end(end));
    }
    if (j >= f.size() || f.sentence(j) != f.sentence(end)) {
      return false;
    }
    // A date after the comma: March 3 (Reuters), 3 mars 2020 (AFP).
    int k = -1;
    if (MONTHS.contains(stripDot(f.norm[j])) && j + 1 < f.size() && isNumber(f.norm[j + 1])) {
      k = j + 1;
    } else if (isNumber(f.norm[j])
        && j + 1 < f.size()
        && MONTHS.contains(stripDot(f.norm[j + 1]))) {
      k = j + 1;
      if (k + 1 < f.size() && isNumber(f.norm[k + 1]) && f.norm[k + 1].length() == 4) {
        k++;
      }
    }
    if (k >= 0) {
      char next = charAfter(f.text, f.end(k));
      return next == '(' || isDash(next);
    }
    // A place after the comma: BEIRUT, Lebanon (AFP) -, DALLAS, Texas (AP) -.
    for (int m = j; m < Math.min(f.size(), j + 3); m++) {
      if (m + 1 <= f.size() && bracketOrDashCredit(f, m + 1, f.end(m))) {
        return true;
      }
    }
    return false;
  }

  /** After offset {@code at}: an agency in brackets, or a dash then an agency or a quote. */
  private boolean bracketOrDashCredit(Scan f, int j, int at) {
    char after = charAfter(f.text, at);
    if (after == '(') {
      return isAgencyAt(f, j);
    }
    if (isDash(after) || after == ':') {
      char next = charAfter(f.text, f.text.indexOf(after, at) + 1);
      return isAgencyAt(f, j) || next == '(' || next == '"' || next == '\u00AB' || next == '\u201C';
    }
    return false;
  }

  private static boolean startsLine(Scan f, int i) {
    if (i == 0) {
      return true;
    }
    String between = f.text.substring(f.end(i - 1), f.start(i));
    return between.indexOf('\n') >= 0;
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Matching

  /**
   * Finds the state mentions of a document's fields (e.g. title and body), identifying the
   * document's language first ({@link LanguageIdentifier}).
   */
  public List<Mention> find(String... fields) {
    Field[] fs = new Field[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fs[i] = Field.of(fields[i]);
    }
    return find(fs);
  }

  /** As {@link #find(String...)}, over tokenised fields. */
  public List<Mention> find(Field... fields) {
    return findIn(identify(fields), fields);
  }

  /** The language {@link LanguageIdentifier} gives the fields (title first). */
  static String identify(Field... fields) {
    LanguageIdentifier id = LanguageIdentifier.get();
    if (fields.length == 0) {
      return LanguageIdentifier.UNDETERMINED;
    }
    if (fields.length <= 2) {
      return fields.length == 1
          ? id.identify(null, fields[0].text())
          : id.identify(fields[0].text(), fields[1].text());
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < fields.length; i++) {
      b.append(fields[i].text()).append('\n');
    }
    return id.identify(fields[0].text(), b.toString());
  }

  /**
   * Finds the state mentions of the tokenised fields of a document of language {@code lang} (an ISO
   * 639-1 code, or {@code und}).
   */
  public List<Mention> findIn(String lang, Field... fields) {
    Profile p = profile(lang);
    List<Scan> fs = new ArrayList<>(fields.length);
    Set<String> context = new HashSet<>();
    for (Field field : fields) {
      fs.add(new Scan(p, field, context));
    }
    // A title with a sport word over a match report is about the match (Match nul entre la
    // France et le Portugal).
    if (fs.size() > 1 && !fs.get(0).cueSentences.isEmpty()) {
      boolean report = false;
      for (int k = 1; k < fs.size(); k++) {
        report |= !fs.get(k).sportSentences.isEmpty();
      }
      if (report) {
        fs.get(0).sportSentences.addAll(fs.get(0).cueSentences);
      }
    }
    List<Mention> out = new ArrayList<>();
    // Mentions that count only when another field confirms their state: cities and capitalised
    // abbreviations in a field written in capitals (SPLIT, NICE, CAR in a wire title).
    List<Mention> weak = null;
    Set<String> confirmed = new HashSet<>();
    for (int fi = 0; fi < fs.size(); fi++) {
      Scan f = fs.get(fi);
      int i = 0;
      int lastTeamEnd = -10;
      while (i < f.size()) {
        if (isAgencyAt(f, i)) {
          i++;
          continue;
        }
        int end = -1;
        int endCut = 0;
        Node bestNode = null;
        Reading bestReading = null;
        Facts fx = f.facts[i];
        for (int ri = 0; ri < fx.nodes().length; ri++) {
          Reading r = fx.readings().get(ri);
          Node node = fx.nodes()[ri];
          if (node == null) {
            continue;
          }
          int j = i;
          int lastEnd = node.entries.isEmpty() ? -1 : i;
          Node lastNode = node.entries.isEmpty() ? null : node;
          int lastCut = r.cutEnd();
          Node cur = node;
          while (!cur.next.isEmpty() && j + 1 < f.size() && f.sentence(j + 1) == f.sentence(i)) {
            Node nx = cur.next.get(f.norm[j + 1]);
            int cut = 0;
            if (nx == null && f.facts[j + 1].tail() != null) {
              nx = cur.next.get(f.facts[j + 1].tail());
              cut = f.norm[j + 1].length() - f.facts[j + 1].tail().length();
              if (nx != null && nx.entries.isEmpty()) {
                nx = null;
              }
            }
            if (nx == null || isAgencyAt(f, j + 1)) {
              break;
            }
            cur = nx;
            j++;
            if (!cur.entries.isEmpty()) {
              lastEnd = j;
              lastNode = cur;
              lastCut = cut;
            }
            if (cut > 0) {
              break;
            }
          }
          if (lastNode != null && lastEnd > end) {
            end = lastEnd;
            bestNode = lastNode;
            bestReading = r;
            endCut = lastEnd == i ? r.cutEnd() : lastCut;
          }
        }
        if (bestNode == null) {
          if (fx.parts() != null) {
            addParts(f, fi, i, fx.parts(), context, out);
          }
          i++;
          continue;
        }
        boolean dateline = isDateline(f, i, end);
        Entry e = resolve(f, i, end, bestNode.entries, bestReading, endCut, context, dateline);
        if (e != null) {
          int firstStart = f.start(i);
          String firstSurface = f.surface(i);
          int firstSentence = f.sentence(i);
          int lastEnd = f.end(end);
          int start;
          if (bestReading.cutStart() > 0) {
            start = firstStart + bestReading.cutStart();
          } else {
            // Through لل the preposition's ل and the article's ل are written as one: keep both.
            int skip = bestReading.lam() ? bestReading.letters() - 1 : bestReading.letters();
            start = firstStart + ArabicNormalizer.skipLetters(firstSurface, Math.max(skip, 0));
          }
          int stop = lastEnd - endCut;
          String form = e.form();
          boolean sport = f.sportSentences.contains(firstSentence);
          if ((form.equals("name") || form.equals("adjective"))
              && ((sport && (isOpponent(f, i, end) || coordinated(f, lastTeamEnd + 1, i)))
                  || isNationalTeam(f, i, bestReading))) {
            form = "team";
          } else if (form.equals("city") && f.sportSentences.contains(firstSentence)) {
            // A club named after its city (برشلونة، ليفربول، Marseille) in a match report.
            form = "team";
          }
          if (form.equals("team")) {
            lastTeamEnd = end;
          }
          Mention m =
              new Mention(
                  e.iso2(), form, f.text.substring(start, stop), fi, start, stop, firstSentence);
          if (f.allCaps && (form.equals("city") || isAbbreviation(e)) && fs.size() > 1) {
            if (weak == null) {
              weak = new ArrayList<>();
            }
            weak.add(m);
          } else {
            if (!f.allCaps) {
              confirmed.add(m.iso2());
            }
            out.add(m);
          }
        }
        i = end + 1;
      }
    }
    if (weak != null) {
      for (Mention m : weak) {
        if (confirmed.contains(m.iso2())) {
          out.add(m);
        }
      }
      out.sort((a, b) -> a.field() != b.field() ? a.field() - b.field() : a.start() - b.start());
    }
    return out;
  }

  /** The mentions of the parts of a hyphenated word (israélo-palestinien: IL and PS). */
  private void addParts(
      Scan f, int fi, int i, List<Part> parts, Set<String> context, List<Mention> out) {
    String surface = f.surface(i);
    boolean otherParts = parts.size() > 1;
    for (Part part : parts) {
      if (!otherParts && !lowerCaseRest(surface, part)) {
        continue;
      }
      Entry e;
      if (part.node() == null) {
        e = new Entry(part.iso2(), "adjective", "", new String[0], 0);
      } else {
        Reading r =
            new Reading(part.key(), 0, false, "", part.start(), surface.length() - part.end());
        e = resolve(f, i, i, part.node().entries, r, 0, context, false);
      }
      if (e != null) {
        int start = f.start(i) + part.start();
        int stop = f.start(i) + part.end();
        String form = e.form();
        if ((form.equals("name") || form.equals("adjective"))
            && f.sportSentences.contains(f.sentence(i))
            && isOpponent(f, i, i)) {
          form = "team";
        }
        out.add(
            new Mention(
                e.iso2(), form, f.text.substring(start, stop), fi, start, stop, f.sentence(i)));
      }
    }
  }

  // Second parts that make the first one a modifier: Saudi-led, Paris-based, Iranian-backed.
  private static final Set<String> MODIFIER_PARTS =
      Set.of(
          "led",
          "based",
          "backed",
          "born",
          "owned",
          "run",
          "made",
          "controlled",
          "funded",
          "sponsored",
          "brokered",
          "bound",
          "allied",
          "aligned",
          "occupied",
          "held");

  /** Saudi-led, Paris-based: the one other part is a word that makes the first its modifier. */
  private static boolean lowerCaseRest(String surface, Part named) {
    return named.start() == 0
        && named.end() + 1 < surface.length()
        && MODIFIER_PARTS.contains(surface.substring(named.end() + 1));
  }

  /** An entry written as a capitalised abbreviation or word in capitals (CAR, UAE, USA). */
  private static boolean isAbbreviation(Entry e) {
    for (String t : e.surfaceTokens()) {
      if (t.length() > 1
          && t.equals(t.toUpperCase(Locale.ROOT))
          && !t.equals(t.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  // In a match report, a state named as the opponent ("أمام كوريا", "الفوز على أوزبكستان", "لقاء
  // تايلاند", "2 - صفر") is the national team.
  private static final Set<String> OPPONENT_CUES =
      norm(
          "أمام",
          "ضد",
          "لقاء",
          "مباراة",
          "مواجهة",
          "ومواجهة",
          "بمواجهة",
          "مع",
          "على",
          "ضيفه",
          "مضيفه",
          "ضيفته",
          "مضيفته",
          "فريق",
          "نادي",
          "حارس",
          "مدرب",
          "لاعبي",
          "لاعب",
          "جماهير",
          "شباك",
          "مرمى",
          "هزم",
          "تغلب",
          "against",
          "versus",
          "vs",
          "beat",
          "beating",
          "defeated",
          "drew",
          "play",
          "face",
          "contre",
          "battu",
          "affronte",
          "affronter",
          "مقابل",
          "برابر",
          "سد",
          "entre",
          "بين",
          "between",
          "میان");

  // The national team of a state: منتخب مصر، لمنتخب البرازيل، l'équipe de France, la sélection
  // d'Algérie, تیم ملی ایران.
  private static final Set<String> TEAM_NOUNS =
      norm("منتخب", "منتخبي", "équipe", "sélection", "ملی", "stade");
  private static final Set<String> SPORT_NAMES =
      norm("القدم", "السلة", "اليد", "الطائرة", "فوتبال", "والیبال", "بسکتبال", "football");

  private static boolean isNationalTeam(Scan f, int i, Reading reading) {
    if (i == 0 || f.sentence(i - 1) != f.sentence(i) || reading.letters() > 0) {
      return false;
    }
    if (matchesAny(f, i - 1, TEAM_NOUNS)) {
      return true;
    }
    // Persian and Arabic with the sport between: تیم ملی فوتبال ایران، منتخب كرة القدم المصري.
    for (int k = i - 2; k >= Math.max(0, i - 3); k--) {
      if (f.sentence(k) == f.sentence(i)
          && matchesAny(f, k, TEAM_NOUNS)
          && (f.facts[i - 1].sport() > 0 || SPORT_NAMES.contains(f.norm[i - 1]))) {
        return true;
      }
    }
    // French: équipe de France, sélection d'Algérie (the de is a token or an elision).
    return reading.cutStart() == 0
            && i > 1
            && f.sentence(i - 2) == f.sentence(i)
            && (f.norm[i - 1].equals("de") || f.norm[i - 1].equals("du"))
            && matchesAny(f, i - 2, TEAM_NOUNS)
        || reading.cutStart() > 0 && matchesAny(f, i - 1, TEAM_NOUNS);
  }

  private static final Set<String> COORDINATION = norm("و", "et", "and", "ou", "or", "أو", "يا");

  /** Only conjunctions and articles between tokens {@code from} and {@code to} (exclusive). */
  private static boolean coordinated(Scan f, int from, int to) {
    if (to - from > 3 || to <= from) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!COORDINATION.contains(f.norm[k]) && !FRENCH_ARTICLES.contains(f.norm[k])) {
        return false;
      }
    }
    return true;
  }

  private boolean isOpponent(Scan f, int i, int end) {
    if (i > 1
        && FRENCH_ARTICLES.contains(f.norm[i - 1])
        && f.sentence(i - 2) == f.sentence(i)
        && matchesAny(f, i - 2, OPPONENT_CUES)) {
      return true; // entre la France, contre le Portugal
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      for (Reading r : f.facts[i - 1].readings()) {
        if (OPPONENT_CUES.contains(r.key())) {
          return true;
        }
      }
      // The subject of a feminine past or future verb (فازت نيجيريا، حققت هولندا، ستخوض إيطاليا):
      // in a match report, the team.
      String p = stripConj(f.norm[i - 1]);
      if (p.length() >= 4
          && ArabicNormalizer.isArabicLetter(p.charAt(0))
          && !p.startsWith("ال")
          && (p.endsWith("ت") || p.startsWith("ست"))) {
        return true;
      }
    }
    // A club named after a city: the state's name then a nisba that is no state adjective
    // (المغرب الفاسي، المغرب التطواني).
    if (end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end)) {
      String n = f.norm[end + 1];
      if (n.startsWith("ال") && n.endsWith("ي") && n.length() >= 5) {
        return true;
      }
    }
    // A score right after the name: "البرتغال 2 - صفر", "Italy 2-0", "le Portugal (1-1)".
    int after = f.end(end);
    String rest = f.text.substring(after, Math.min(f.text.length(), after + 12)).strip();
    if (rest.startsWith("(")) {
      rest = rest.substring(1).strip();
    }
    return !rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.startsWith("صفر"));
  }

  /**
   * Chooses the entry a match stands for, or null when context says it is no state. In order:
   * entries whose capitals the text lacks are out (unless the field is in capitals), and a
   * capitalised word next to Jordan/Chad/Georgia makes them a person's name (Michael Jordan); the
   * editable context rules (a dateline satisfies needs_context); a state name after a river, lake
   * or mountain word is the feature (نهر النيجر، Lake Chad, lac Tchad); جنوب أفريقيا beside شرق/وسط
   * أفريقيا is the region; {@code ambiguous_places.tsv}: its prev/next cues, then its doc cues (the
   * reading with more cue words in the document), then its default, {@code none} meaning no place
   * (a dateline's place is still a place: its first reading); عمان is Amman (Jordan's capital)
   * after العاصمة, in a dateline, or in a document about Jordan and not Oman, else Oman;
   * كوريا/Korea/Corée alone is North Korea when only North Korean cues (الشمالية، بيونغ يانغ) are
   * in the document, no mention when both kinds are, else South Korea; الكونغو/Congo alone is the
   * Republic of the Congo when the document names Brazzaville, else the DR Congo; an adjective
   * after اللغة/langue/زبان, after en/parle (en français), or as بال…ية (بالتركية), is a language;
   * a form that is a state's name and its capital (تونس، الجزائر، الكويت، Djibouti) is the capital
   * after العاصمة/مدينة/ولاية/capitale; a definite form that is a name and an adjective (السعودية)
   * is the adjective after a definite noun (الحكومة السعودية), and an indefinite one (سورية) is the
   * name; a name or adjective next to a currency word names the currency (دولار أمريكي، U.S.
   * dollars, francs suisses); several cities of one surface: the most populous.
   */
  private Entry resolve(
      Scan f,
      int i,
      int end,
      List<Entry> all,
      Reading reading,
      int endCut,
      Set<String> context,
      boolean dateline) {
    Entry e = choose(f, i, end, all, reading, endCut, context, dateline);
    if (e != null
        && e.form().equals("adjective")
        && i > 0
        && f.sentence(i - 1) == f.sentence(i)
        && reading.letters() == 0
        && matchesAny(f, i - 1, STATE_NOUNS)) {
      return new Entry(e.iso2(), "name", e.lang(), e.surfaceTokens(), 0);
    }
    return e;
  }

  private static boolean matchesAny(Scan f, int j, Set<String> words) {
    for (Reading r : f.facts[j].readings()) {
      if (words.contains(r.key())) {
        return true;
      }
    }
    return false;
  }

  private Entry choose(
      Scan f,
      int i,
      int end,
      List<Entry> all,
      Reading reading,
      int endCut,
      Set<String> context,
      boolean dateline) {
    String key = joined(f, i, end, reading, endCut);
    String prev = i > 0 && f.sentence(i - 1) == f.sentence(i) ? f.norm[i - 1] : null;
    String next =
        end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end) ? f.norm[end + 1] : null;
    Set<String> prevReadings = new HashSet<>();
    if (prev != null) {
      for (Reading r : f.facts[i - 1].readings()) {
        prevReadings.add(r.key());
      }
      if (FRENCH_ARTICLES.contains(prev) && i > 1 && f.sentence(i - 2) == f.sentence(i)) {
        // French: look through an article (au nord du Mali, le lac Tchad).
        prevReadings.add(f.norm[i - 2]);
      }
    }
    if (reading.letters() == 0
        && prev != null
        && prev.length() == 1
        && "وفبلك".indexOf(prev.charAt(0)) >= 0
        && i > 1) {
      // Pre-tokenised text with clitics split off ("و روسيا"): look through the clitic.
      prevReadings.add(f.norm[i - 2]);
      prevReadings.add(stripConj(f.norm[i - 2]));
    }
    List<Entry> entries = new ArrayList<>(all.size());
    for (Entry e : all) {
      if (capitalised(f, i, end, e, reading)) {
        entries.add(e);
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    Entry first = entries.get(0);
    boolean latin = !ArabicNormalizer.isArabicLetter(key.charAt(0));
    if (latin && PERSON_NAME_STATES.contains(key) && looksLikePersonName(f, i, end)) {
      return null;
    }
    for (Rule rule : rules.getOrDefault(key, List.of())) {
      switch (rule.kind()) {
        case "not_after" -> {
          for (String[] w : rule.words()) {
            if (w.length == 1 && prevReadings.contains(w[0])) {
              return null;
            }
          }
        }
        case "not_before" -> {
          for (String[] w : rule.words()) {
            if (w.length == 1 && next != null && matchesToken(f, end + 1, w[0])) {
              return null;
            }
          }
        }
        default -> { // needs_context
          boolean ok = dateline;
          for (String[] w : rule.words()) {
            if (w[0].equals("@place")) {
              ok |= prev != null && (anyIn(prevReadings, PLACE_WORDS) || reading.letters() > 0);
            } else {
              boolean allIn = true;
              for (String t : w) {
                allIn &= context.contains(t);
              }
              ok |= allIn;
            }
          }
          if (!ok) {
            return null;
          }
        }
      }
    }
    // A river, lake or mountain named after a state (نهر النيجر، بحيرة تشاد, Lake Chad) is no
    // mention of the state.
    boolean nameOrAdjective = first.form().equals("name") || first.form().equals("adjective");
    if (nameOrAdjective
        && ((prev != null && anyIn(prevReadings, GEO_FEATURES))
            || (latin && next != null && GEO_AFTER.contains(next)))) {
      return null;
    }
    // جنوب أفريقيا next to شرق/وسط/غرب/شمال أفريقيا is the region, not South Africa.
    if (key.equals(SOUTH_AFRICA) && (anyIn(prevReadings, COMPASS) || compassAfrica(f, i))) {
      return null;
    }
    List<Cue> cues = places.get(key + "\t" + first.lang());
    if (cues != null) {
      String place = place(f, i, end, cues, prevReadings, context);
      if (place == null && dateline) {
        place = firstReading(cues);
      }
      if (place == null || place.equals("none")) {
        return null;
      }
      if (!place.equals("keep")) {
        Entry pick = null;
        for (Entry e : entries) {
          if (e.iso2().equals(place) && (pick == null || e.form().equals("name"))) {
            pick = e;
          }
        }
        return pick != null
            ? pick
            : new Entry(place, "city", first.lang(), first.surfaceTokens(), 0);
      }
    }
    // Several states: عمان (Oman / Amman).
    Set<String> isos = new HashSet<>();
    Set<String> forms = new HashSet<>();
    for (Entry e : entries) {
      isos.add(e.iso2());
      forms.add(e.form());
    }
    if (isos.contains("OM") && isos.contains("JO")) {
      boolean amman =
          (prev != null && CAPITAL_CUES.contains(prev))
              || dateline
              || isSentenceDateline(f, i, end)
              || (anyIn(context, JO_CONTEXT) && !anyIn(context, OM_CONTEXT));
      return pick(entries, amman ? "JO" : "OM", null);
    }
    if (KOREA.contains(key)) {
      boolean kp = anyIn(context, KP_CONTEXT);
      boolean kr = anyIn(context, KR_CONTEXT);
      if (kp && kr) {
        return null;
      }
      return new Entry(kp ? "KP" : "KR", "name", first.lang(), first.surfaceTokens(), 0);
    }
    if (CONGO.contains(key) && isos.equals(Set.of("CG"))) {
      return anyIn(context, CG_CONTEXT)
          ? first
          : new Entry("CD", "name", first.lang(), first.surfaceTokens(), 0);
    }
    if (forms.contains("adjective")) {
      boolean language =
          (prev != null && anyIn(prevReadings, LANGUAGE_CUES))
              || (next != null && next.equals("language"))
              || (reading.clitics().endsWith("ب") && key.startsWith("ال") && key.endsWith("يه"));
      // en Suisse is in Switzerland, en français in French: a Latin name is never a language.
      if (language && (!latin || !forms.contains("name"))) {
        return null;
      }
    }
    // U.S. dlrs: the abbreviation's dot reads as a sentence end; the currency word is still next.
    String nextWord = next;
    if (nextWord == null
        && end + 1 < f.size()
        && f.text.substring(f.end(end), f.start(end + 1)).strip().equals(".")) {
      nextWord = f.norm[end + 1];
    }
    if (isCurrency(isos, prevReadings, nextWord, forms)) {
      return null;
    }
    if (forms.contains("city") && forms.size() > 1) {
      entries.removeIf(e -> e.form().equals("city"));
      forms.remove("city");
      first = entries.get(0);
    }
    if (forms.equals(Set.of("city"))) {
      Entry big = first;
      for (Entry e : entries) {
        if (e.population() > big.population()) {
          big = e;
        }
      }
      return big;
    }
    if (forms.contains("name") && forms.contains("capital")) {
      return pick(
          entries, null, prev != null && anyIn(prevReadings, CAPITAL_CUES) ? "capital" : "name");
    }
    if (forms.contains("name") && forms.contains("adjective")) {
      boolean afterNoun =
          prev != null
              && reading.letters() == 0
              && !stop.contains(prev)
              && !PLACE_WORDS.contains(prev)
              && ArabicNormalizer.isArabicLetter(prev.charAt(0))
              && key.startsWith("ال")
              && prev.startsWith("ال");
      return pick(entries, null, afterNoun ? "adjective" : "name");
    }
    return first;
  }

  /**
   * The reading ambiguous_places.tsv gives this occurrence: an iso2, {@code none}, or {@code keep}
   * (no cue matched and no default: the gazetteer's reading); null when only {@code none} would do
   * but a dateline may still make it a place.
   */
  private String place(
      Scan f, int i, int end, List<Cue> cues, Set<String> prevReadings, Set<String> context) {
    for (Cue c : cues) {
      if (c.kind().equals("prev") && prevMatches(f, i, c.words(), prevReadings)) {
        return c.reading();
      }
      if (c.kind().equals("next") && nextMatches(f, end, c.words())) {
        return c.reading();
      }
    }
    Map<String, Integer> docHits = new HashMap<>();
    for (Cue c : cues) {
      if (c.kind().equals("doc")) {
        int hits = 0;
        for (String[] w : c.words()) {
          boolean allIn = true;
          for (String t : w) {
            allIn &= context.contains(t);
          }
          if (allIn) {
            hits++;
          }
        }
        if (hits > 0) {
          docHits.merge(c.reading(), hits, Integer::sum);
        }
      }
    }
    String best = null;
    int bestHits = 0;
    boolean tie = false;
    for (Map.Entry<String, Integer> e : docHits.entrySet()) {
      if (e.getValue() > bestHits) {
        best = e.getKey();
        bestHits = e.getValue();
        tie = false;
      } else if (e.getValue() == bestHits) {
        tie = true;
      }
    }
    if (best != null && !tie) {
      return best;
    }
    for (Cue c : cues) {
      if (c.kind().equals("default")) {
        return c.reading().equals("none") ? null : c.reading();
      }
    }
    return "keep";
  }

  private boolean prevMatches(Scan f, int i, List<String[]> words, Set<String> prevReadings) {
    for (String[] w : words) {
      if (w[0].equals("@place")) {
        if (anyIn(prevReadings, PLACE_WORDS)) {
          return true;
        }
        continue;
      }
      int n = w.length;
      if (i - n < 0 || f.sentence(i - n) != f.sentence(i)) {
        continue;
      }
      boolean ok = prevReadings.contains(w[n - 1]) || f.norm[i - 1].equals(w[n - 1]);
      for (int k = 0; k < n - 1 && ok; k++) {
        ok = matchesToken(f, i - n + k, w[k]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private boolean nextMatches(Scan f, int end, List<String[]> words) {
    for (String[] w : words) {
      if (end + w.length >= f.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < w.length && ok; k++) {
        int j = end + 1 + k;
        ok = f.sentence(j) == f.sentence(end) && matchesToken(f, j, w[k]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesToken(Scan f, int j, String word) {
    if (f.norm[j].equals(word)) {
      return true;
    }
    for (Reading r : f.facts[j].readings()) {
      if (r.key().equals(word)) {
        return true;
      }
    }
    return false;
  }

  /** The US next to a dollar word: دولار أمريكي، U.S. dollars, dollars américains. */
  private static boolean isCurrency(
      Set<String> isos, Set<String> prevReadings, String next, Set<String> forms) {
    if (!isos.equals(Set.of("US")) || !(forms.contains("name") || forms.contains("adjective"))) {
      return false;
    }
    return anyIn(prevReadings, DOLLAR_BEFORE) || (next != null && DOLLAR_AFTER.contains(next));
  }

  private static boolean compassAfrica(Scan f, int i) {
    int sentence = f.sentence(i);
    for (int k = 0; k + 1 < f.size(); k++) {
      if (k != i - 1
          && k != i
          && f.sentence(k) == sentence
          && COMPASS.contains(stripConj(f.norm[k]))
          && AFRICA.contains(f.norm[k + 1])) {
        return true;
      }
    }
    return false;
  }

  private static String stripConj(String n) {
    return n.length() > 3 && (n.charAt(0) == 'و' || n.charAt(0) == 'ف') ? n.substring(1) : n;
  }

  private static Entry pick(List<Entry> entries, String iso2, String form) {
    for (Entry e : entries) {
      if ((iso2 == null || e.iso2().equals(iso2)) && (form == null || e.form().equals(form))) {
        return e;
      }
    }
    return entries.get(0);
  }

  private static boolean anyIn(Set<String> context, Set<String> cues) {
    if (context.size() < cues.size()) {
      for (String c : context) {
        if (cues.contains(c)) {
          return true;
        }
      }
      return false;
    }
    for (String c : cues) {
      if (context.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static String joined(Scan f, int i, int end, Reading reading, int endCut) {
    StringBuilder s = new StringBuilder(reading.key());
    for (int k = i + 1; k <= end; k++) {
      String n = f.norm[k];
      if (k == end && endCut > 0 && f.facts[k].tail() != null) {
        // Korea's as the last word of South Korea's: its key without the suffix.
        n = f.facts[k].tail();
      }
      s.append(' ').append(n);
    }
    return s.toString();
  }

  /** The first word of a sentence followed by "(" or "-" or ":" (عمان (أ ف ب)). */
  private static boolean isSentenceDateline(Scan f, int i, int end) {
    boolean startsSentence = i == 0 || f.sentence(i - 1) != f.sentence(i);
    if (!startsSentence) {
      return false;
    }
    char after = charAfter(f.text, f.end(end));
    return after == '(' || isDash(after) || after == ':';
  }

  /** Whether the text has the capitals entry {@code e} is written with. */
  private static boolean capitalised(Scan f, int i, int end, Entry e, Reading reading) {
    if (f.allCaps) {
      return true;
    }
    String[] want = e.surfaceTokens();
    for (int k = i; k <= end && k - i < want.length; k++) {
      String w = want[k - i];
      String got = f.surface(k);
      if (k == i && reading.cutStart() > 0) {
        got = got.substring(Math.min(reading.cutStart(), got.length()));
      }
      if (w.isEmpty() || got.isEmpty()) {
        continue;
      }
      boolean wantAllCaps =
          w.length() > 1
              && w.equals(w.toUpperCase(Locale.ROOT))
              && !w.equals(w.toLowerCase(Locale.ROOT));
      if (wantAllCaps && !got.startsWith(w)) {
        return false;
      }
      int wc = firstLetter(w);
      int gc = firstLetter(got);
      if (wc >= 0
          && gc >= 0
          && Character.isUpperCase(w.charAt(wc))
          && !Character.isUpperCase(got.charAt(gc))) {
        return false;
      }
    }
    return true;
  }

  private static int firstLetter(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.isLetter(s.charAt(k))) {
        return k;
      }
    }
    return -1;
  }

  /** Michael Jordan, Jordan Henderson: a capitalised non-initial word right before or after. */
  private static boolean looksLikePersonName(Scan f, int i, int end) {
    if (f.allCaps) {
      return false;
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      String p = f.surface(i - 1);
      boolean sentenceStart = i - 1 == 0 || f.sentence(i - 2) != f.sentence(i - 1);
      if (!sentenceStart
          && Character.isUpperCase(p.charAt(0))
          && !PLACE_WORDS.contains(norm1(p))
          && f.text.substring(f.end(i - 1), f.start(i)).isBlank()) {
        return true;
      }
    }
    if (end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end)) {
      String n = f.surface(end + 1);
      return Character.isUpperCase(n.charAt(0))
          && f.text.substring(f.end(end), f.start(end + 1)).isBlank()
          && !n.equals(n.toUpperCase(Locale.ROOT));
    }
    return false;
  }
}
