package org.marsad.states.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.marsad.text.Analysis;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.Field;
import org.marsad.text.Lexicon;
import org.marsad.text.RawToken;
import org.marsad.text.Tokenizer;
import org.marsad.text.WordLists;

/**
 * Finds the states a text names, in Arabic and English, in one pass over its tokens with a token
 * trie of the gazetteer (no regular expression per state).
 *
 * <p>Matching works on normalised tokens, so hamza, alef, ya, ta-marbuta variants and diacritics
 * match. An Arabic token's clitics (و ف, ب ك ل, لل) are stripped only when the rest starts a
 * gazetteer entry (وبروسيا، للولايات، فالصين); the longest entry wins (روسيا البيضاء is Belarus,
 * الولايات المتحدة الأمريكية one mention); a fragment never matches (المتحدة alone is nothing).
 * Ambiguous forms go through context rules: the editable {@code conf/gazetteer/context_rules.tsv}
 * and the built-in rules documented on {@link #resolve}.
 */
public final class StateMatcher {

  /**
   * A state mention.
   *
   * @param iso2 ISO 3166-1 alpha-2 of the state
   * @param form name, adjective or capital; team for a name or adjective in a sentence about a
   *     sports match (the national team, not the state)
   * @param surface the text as written (without a stripped clitic)
   * @param field index of the field the mention is in (e.g. 0 title, 1 text)
   * @param start offset in the field (inclusive)
   * @param end offset in the field (exclusive)
   * @param sentence sentence index within the field
   */
  public record Mention(
      String iso2, String form, String surface, int field, int start, int end, int sentence) {}

  private record Entry(String iso2, String form, String lang, String[] surfaceTokens) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    final List<Entry> entries = new ArrayList<>(1);
  }

  private record Rule(String kind, List<String[]> words) {}

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
          "with");
  private static final Set<String> CAPITAL_CUES =
      norm("العاصمة", "عاصمة", "مدينة", "ولاية", "بلدية", "city");
  private static final Set<String> GEO_FEATURES =
      norm(
          "نهر", "بحيرة", "بحيرات", "حوض", "دلتا", "جبال", "جبل", "غور", "وادي", "هضبة", "صحراء",
          "خليج", "lake", "river", "mount", "gulf", "basin");
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
          "الدوري",
          "ملعب",
          "الملعب",
          "الفيفا",
          "المونديال",
          "كأس",
          "match",
          "striker",
          "goalkeeper",
          "midfielder",
          "stadium",
          "fifa",
          "qualifier",
          "qualifiers");
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
          "goal",
          "goals",
          "coach",
          "league",
          "cup",
          "team",
          "scored",
          "draw",
          "tournament");
  private static final String SOUTH_AFRICA = norm1("جنوب") + " " + norm1("أفريقيا");
  private static final Set<String> COMPASS = norm("شرق", "غرب", "شمال", "وسط", "الشرق", "الغرب");
  private static final Set<String> AFRICA = norm("أفريقيا", "إفريقيا", "افريقيا");
  private static final Set<String> LANGUAGE_CUES =
      norm("اللغة", "لغة", "باللغة", "اللغات", "بلغة", "language");
  private static final Set<String> JO_CONTEXT =
      norm("الأردن", "الأردني", "الأردنية", "أردني", "أردنية", "الأردنيين", "الهاشمية");
  private static final Set<String> OM_CONTEXT =
      norm("السلطنة", "مسقط", "العماني", "العمانية", "عماني", "عمانية", "قابوس", "العمانيين");
  private static final Set<String> KP_CONTEXT =
      norm("الشمالية", "بيونغ", "بيونغيانغ", "بيونج", "north", "pyongyang");
  private static final Set<String> KR_CONTEXT = norm("الجنوبية", "سيول", "south", "seoul");
  private static final Set<String> CG_CONTEXT = norm("برازافيل", "brazzaville");
  private static final Set<String> PERSON_NAME_STATES = norm("jordan", "chad", "georgia");

  private final Map<String, Node> root = new HashMap<>();
  private final Map<String, List<Rule>> rules = new HashMap<>();
  private final Set<String> stop;
  // Words whose presence anywhere in a document decides a rule (needs_context words, the Jordan,
  // Oman, Korea and Congo cues): a document's context is the set of these it contains.
  private final Set<String> cueWords = new HashSet<>();
  private final int slot = Lexicon.newSlot();

  /**
   * What the matcher needs to know of one normalised token, computed once per thread and token.
   *
   * @param readings the token and its clitic-stripped readings
   * @param sport 2 for a strong sport cue, 1 for a weak one, 0 for none
   * @param cues the context cue words among the readings
   */
  private record Facts(
      List<Reading> readings, Node[] nodes, int sport, List<String> cues, int upper, int latin) {}

  /**
   * Builds the matcher.
   *
   * @param gazetteer states and their forms
   * @param contextRules lines of {@code context_rules.tsv} (surface, rule, words)
   * @param stopWords normalised stop words (to tell an adjective after a noun from a name)
   */
  public StateMatcher(Gazetteer gazetteer, List<String> contextRules, Set<String> stopWords) {
    this.stop = stopWords;
    for (Gazetteer.Form f : gazetteer.forms()) {
      String[] toks = surfaceTokens(f.surface());
      if (toks.length == 0) {
        continue;
      }
      add(toks, new Entry(f.iso2(), f.form(), f.lang(), toks));
      if (f.lang().equals("ar")
          && f.form().equals("adjective")
          && !norm1(toks[0]).startsWith("ال")) {
        String[] def = toks.clone();
        def[0] = "ال" + toks[0];
        add(def, new Entry(f.iso2(), f.form(), f.lang(), def));
      }
    }
    // "Korea" alone names no state by itself; resolved from context in resolve().
    add(new String[] {"كوريا"}, new Entry("KR", "name", "ar", new String[] {"كوريا"}));
    add(new String[] {"Korea"}, new Entry("KR", "name", "en", new String[] {"Korea"}));
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
      List<String[]> words = new ArrayList<>();
      for (String w : f[2].split(",")) {
        String s = w.strip();
        words.add(s.equals("@place") ? new String[] {"@place"} : normTokens(s));
      }
      rules
          .computeIfAbsent(String.join(" ", normTokens(f[0])), k -> new ArrayList<>())
          .add(new Rule(f[1], words));
      if (f[1].equals("needs_context")) {
        for (String[] w : words) {
          if (!w[0].equals("@place")) {
            cueWords.addAll(List.of(w));
          }
        }
      }
    }
    for (Set<String> cues : List.of(JO_CONTEXT, OM_CONTEXT, KP_CONTEXT, KR_CONTEXT, CG_CONTEXT)) {
      cueWords.addAll(cues);
    }
  }

  private Facts facts(String surface, String norm) {
    List<Reading> rs = readings(norm);
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
      nodes[i] = root.get(rs.get(i).key());
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
        List.copyOf(rs),
        nodes,
        sport,
        cues.isEmpty() ? List.of() : List.copyOf(cues),
        upper,
        latin);
  }

  /** The matcher over the packaged gazetteer, rules and stop words. */
  public static StateMatcher defaults(Analysis analysis) {
    return new StateMatcher(
        Gazetteer.load(null),
        WordLists.lines("gazetteer/context_rules.tsv", null),
        analysis.arabicStopWords());
  }

  private void add(String[] toks, Entry e) {
    Map<String, Node> level = root;
    Node node = null;
    for (String t : toks) {
      node = level.computeIfAbsent(norm1(t), k -> new Node());
      level = node.next;
    }
    node.entries.add(e);
  }

  private static String[] surfaceTokens(String s) {
    return Tokenizer.tokenize(s).stream().map(RawToken::surface).toArray(String[]::new);
  }

  private static String[] normTokens(String s) {
    return Tokenizer.tokenize(s).stream().map(r -> norm1(r.surface())).toArray(String[]::new);
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

    Scan(Field field, Set<String> context) {
      this.field = field;
      this.text = field.text();
      int n = field.size();
      this.norm = new String[n];
      this.facts = new Facts[n];
      Lexicon lex = field.lexicon();
      int upper = 0;
      int letters = 0;
      Map<Integer, int[]> cues = null;
      for (int i = 0; i < n; i++) {
        int id = field.id(i);
        norm[i] = lex.norm(id);
        Facts fx = (Facts) lex.get(slot, id);
        if (fx == null) {
          fx = facts(lex.surface(id), norm[i]);
          lex.set(slot, id, fx);
        }
        facts[i] = fx;
        upper += fx.upper();
        letters += fx.latin();
        if (!fx.cues().isEmpty()) {
          context.addAll(fx.cues());
        }
        if (fx.sport() > 0) {
          if (cues == null) {
            cues = new HashMap<>();
          }
          int[] c = cues.computeIfAbsent(field.sentence(i), k -> new int[2]);
          c[fx.sport() == 2 ? 0 : 1]++;
        }
      }
      this.allCaps = letters > 0 && upper >= 0.8 * letters;
      if (cues != null) {
        cues.forEach(
            (sentence, c) -> {
              if (c[0] > 0 || c[1] >= 2) {
                sportSentences.add(sentence);
              }
            });
      }
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

  /** A reading of a token: the normalised rest after stripping {@code letters} clitic letters. */
  private record Reading(String key, int letters, boolean lam, String clitics) {}

  private static List<Reading> readings(String n) {
    List<Reading> out = new ArrayList<>(4);
    out.add(new Reading(n, 0, false, ""));
    if (n.isEmpty() || !ArabicNormalizer.isArabicLetter(n.charAt(0))) {
      if (n.endsWith("'s") || n.endsWith("\u2019s")) {
        out.add(new Reading(n.substring(0, n.length() - 2), -2, false, ""));
      }
      return out;
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
      } else if (w.charAt(0) == 'ب'
          || w.charAt(0) == 'ل'
          || (w.charAt(0) == 'ك' && w.startsWith("ال", 1))) {
        // ك ("like") before a name without the article is rare; كلاوس is Klaus, not ك + لاوس.
        out.add(new Reading(w.substring(1), b.letters() + 1, false, b.clitics() + w.charAt(0)));
      }
    }
    return out;
  }

  /** Finds the state mentions of a document's fields (e.g. title and body). */
  public List<Mention> find(String... fields) {
    Field[] fs = new Field[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fs[i] = Field.of(fields[i]);
    }
    return find(fs);
  }

  /** Finds the state mentions of a document's tokenised fields (e.g. title and body). */
  public List<Mention> find(Field... fields) {
    List<Scan> fs = new ArrayList<>(fields.length);
    Set<String> context = new HashSet<>();
    for (Field field : fields) {
      fs.add(new Scan(field, context));
    }
    List<Mention> out = new ArrayList<>();
    for (int fi = 0; fi < fs.size(); fi++) {
      Scan f = fs.get(fi);
      int i = 0;
      while (i < f.size()) {
        int end = -1;
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
          Node cur = node;
          while (!cur.next.isEmpty() && j + 1 < f.size() && f.sentence(j + 1) == f.sentence(i)) {
            Node nx = cur.next.get(f.norm[j + 1]);
            if (nx == null) {
              break;
            }
            cur = nx;
            j++;
            if (!cur.entries.isEmpty()) {
              lastEnd = j;
              lastNode = cur;
            }
          }
          if (lastNode != null && lastEnd > end) {
            end = lastEnd;
            bestNode = lastNode;
            bestReading = r;
          }
        }
        if (bestNode == null) {
          i++;
          continue;
        }
        Entry e = resolve(f, i, end, bestNode.entries, bestReading, context);
        if (e != null) {
          int firstStart = f.start(i);
          String firstSurface = f.surface(i);
          int firstSentence = f.sentence(i);
          int lastEnd = f.end(end);
          // Through لل the preposition's ل and the article's ل are written as one: keep both.
          int skip = bestReading.lam() ? bestReading.letters() - 1 : bestReading.letters();
          int start = firstStart + ArabicNormalizer.skipLetters(firstSurface, Math.max(skip, 0));
          int stop = bestReading.letters() < 0 ? lastEnd + bestReading.letters() : lastEnd;
          String form = e.form();
          if (!form.equals("capital")
              && f.sportSentences.contains(firstSentence)
              && isOpponent(f, i, end)) {
            form = "team";
          }
          out.add(
              new Mention(
                  e.iso2(), form, f.text.substring(start, stop), fi, start, stop, firstSentence));
        }
        i = end + 1;
      }
    }
    return out;
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
          "face");

  private boolean isOpponent(Scan f, int i, int end) {
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      for (Reading r : f.facts[i - 1].readings()) {
        if (OPPONENT_CUES.contains(r.key())) {
          return true;
        }
      }
      // The subject of a feminine past or future verb (فازت نيجيريا، حققت هولندا، ستخوض إيطاليا):
      // in a match report, the team.
      String p = stripConj(f.norm[i - 1]);
      if (p.length() >= 4 && !p.startsWith("ال") && (p.endsWith("ت") || p.startsWith("ست"))) {
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
    // A score right after the name: "البرتغال 2 - صفر", "Italy 2-0".
    int after = f.end(end);
    String rest = f.text.substring(after, Math.min(f.text.length(), after + 12)).strip();
    return !rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.startsWith("صفر"));
  }

  /**
   * Chooses the entry a match stands for, or null when context says it is no state. Built-in rules,
   * after the editable ones: English forms must be capitalised as in the gazetteer (unless the
   * field is in capitals) and a capitalised word next to them makes them a person's name (Michael
   * Jordan); عمان is Amman (Jordan's capital) after العاصمة, in a dateline, or in a document about
   * Jordan and not Oman, else Oman; كوريا/Korea alone is North Korea when only North Korean cues
   * (الشمالية، بيونغ يانغ) are in the document, no mention when both kinds are, else South Korea;
   * الكونغو/Congo alone is the Republic of the Congo when the document names Brazzaville, else the
   * DR Congo; a form that is a state's name and its capital (تونس، الجزائر، الكويت) is the capital
   * after العاصمة/مدينة/ولاية; a definite form that is a name and an adjective (السعودية) is the
   * adjective after a definite noun (الحكومة السعودية), and an indefinite one (سورية) is the name;
   * an adjective after اللغة, or as بال…ية (بالتركية), is a language, not a state.
   */
  private Entry resolve(
      Scan f, int i, int end, List<Entry> entries, Reading reading, Set<String> context) {
    String key = joined(f, i, end, reading);
    String prev = i > 0 && f.sentence(i - 1) == f.sentence(i) ? f.norm[i - 1] : null;
    String next =
        end + 1 < f.size() && f.sentence(end + 1) == f.sentence(end) ? f.norm[end + 1] : null;
    Set<String> prevReadings = new HashSet<>();
    if (prev != null) {
      for (Reading r : f.facts[i - 1].readings()) {
        prevReadings.add(r.key());
      }
    }
    if (reading.letters() == 0
        && prev != null
        && prev.length() == 1
        && "وفبلك".indexOf(prev.charAt(0)) >= 0
        && i > 1) {
      // Pre-tokenised text with clitics split off ("و روسيا"): look through the clitic.
      prevReadings.add(f.norm[i - 2]);
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
            if (w.length == 1 && w[0].equals(next)) {
              return null;
            }
          }
        }
        default -> { // needs_context
          boolean ok = false;
          for (String[] w : rule.words()) {
            if (w[0].equals("@place")) {
              ok |= prev != null && (PLACE_WORDS.contains(prev) || reading.letters() > 0);
            } else {
              boolean all = true;
              for (String t : w) {
                all &= context.contains(t);
              }
              ok |= all;
            }
          }
          if (!ok) {
            return null;
          }
        }
      }
    }
    Entry first = entries.get(0);
    // A river, lake or mountain named after a state (نهر النيجر، بحيرة تشاد, Lake Chad) is no
    // mention of the state.
    if (prev != null && GEO_FEATURES.contains(prev) && first.form().equals("name")) {
      return null;
    }
    // جنوب أفريقيا next to شرق/وسط/غرب/شمال أفريقيا is the region, not South Africa.
    if (key.equals(SOUTH_AFRICA) && (anyIn(prevReadings, COMPASS) || compassAfrica(f, i))) {
      return null;
    }
    if (first.lang().equals("en")) {
      if (!capitalised(f, i, end, first)) {
        return null;
      }
      if (PERSON_NAME_STATES.contains(key) && looksLikePersonName(f, i, end)) {
        return null;
      }
    }
    // Several states: عمان (Oman / Amman).
    Set<String> isos = new HashSet<>();
    for (Entry e : entries) {
      isos.add(e.iso2());
    }
    if (isos.contains("OM") && isos.contains("JO")) {
      boolean amman =
          (prev != null && CAPITAL_CUES.contains(prev))
              || isDateline(f, i, end)
              || (anyIn(context, JO_CONTEXT) && !anyIn(context, OM_CONTEXT));
      return pick(entries, amman ? "JO" : "OM", null);
    }
    if (key.equals("كوريا") || key.equals("korea")) {
      boolean kp = anyIn(context, KP_CONTEXT);
      boolean kr = anyIn(context, KR_CONTEXT);
      if (kp && kr) {
        return null;
      }
      return new Entry(kp ? "KP" : "KR", "name", first.lang(), first.surfaceTokens());
    }
    if ((key.equals("الكونغو") || key.equals("congo")) && isos.equals(Set.of("CG"))) {
      return anyIn(context, CG_CONTEXT)
          ? first
          : new Entry("CD", "name", first.lang(), first.surfaceTokens());
    }
    Set<String> forms = new HashSet<>();
    for (Entry e : entries) {
      forms.add(e.form());
    }
    if (forms.contains("adjective")) {
      boolean language =
          (prev != null && LANGUAGE_CUES.contains(prev))
              || (next != null && next.equals("language"))
              || (reading.clitics().endsWith("ب") && key.startsWith("ال") && key.endsWith("يه"));
      if (language) {
        return null;
      }
    }
    if (forms.contains("name") && forms.contains("capital")) {
      return pick(entries, null, prev != null && CAPITAL_CUES.contains(prev) ? "capital" : "name");
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
    for (String c : cues) {
      if (context.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static String joined(Scan f, int i, int end, Reading reading) {
    StringBuilder s = new StringBuilder(reading.key());
    for (int k = i + 1; k <= end; k++) {
      s.append(' ').append(f.norm[k]);
    }
    return s.toString();
  }

  /** A dateline: the first word of a field or sentence, followed by "(" or "-" (عمان (أ ف ب)). */
  private static boolean isDateline(Scan f, int i, int end) {
    boolean startsSentence = i == 0 || f.sentence(i - 1) != f.sentence(i);
    if (!startsSentence) {
      return false;
    }
    int after = f.end(end);
    String rest = f.text.substring(after, Math.min(f.text.length(), after + 4)).strip();
    return rest.startsWith("(")
        || rest.startsWith("-")
        || rest.startsWith("–")
        || rest.startsWith(":");
  }

  private static boolean capitalised(Scan f, int i, int end, Entry e) {
    if (f.allCaps) {
      return true;
    }
    String[] want = e.surfaceTokens();
    for (int k = i; k <= end && k - i < want.length; k++) {
      String w = want[k - i];
      String got = f.surface(k);
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
      if (Character.isUpperCase(w.charAt(0)) && !Character.isUpperCase(got.charAt(0))) {
        return false;
      }
    }
    return true;
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
