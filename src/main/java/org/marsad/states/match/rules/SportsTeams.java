package org.marsad.states.match.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Reading;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.text.ArabicNormalizer;

/**
 * States named as sports teams, leagues and cups: still a mention of their form (a national team
 * named by its country is a name), flagged {@code team} so that statistics of states can leave them
 * out (a match Saudi Arabia–Qatar is no relation between the two states).
 *
 * <p>A sentence with a strong sport cue (منتخب, مباراة, stadium) or two weak ones (هدف, coach,
 * équipe) is about a match; so is a title with any cue over a body with such a sentence. A state's
 * name is a team after a team noun anywhere (منتخب مصر, l'équipe de France, تیم ملی ایران; the
 * sport's name may sit between), and, in a sentence about a match, when it is a side: after an
 * opponent word (أمام, ضد, against, contre) or before one (أوغندا على ليسوتو), as the subject after
 * or before a feminine verb (فازت نيجيريا, فرنسا سجلت), coordinated with another side, before a
 * score (البرتغال 2 - صفر), before a team noun (أوزبكستان منتخب قوي), or after a sport word (تعادل
 * إيطاليا, لاعبي البرازيل, فوزان لفرنسا) that does not name a competition it hosts (مونديال
 * ألمانيا, بطولة أستراليا المفتوحة name the state). A state's adjective is a team after a
 * competition noun (الدوري الإنجليزي) or a team noun, right after a team or club (ليفربول
 * الإنجليزي, ريال مدريد الإسباني), and as a side. A city is a club named after it (برشلونة,
 * Marseille) in a sentence about a match.
 */
public final class SportsTeams {

  private final Set<String> strong;
  private final Set<String> weak;
  private final Set<String> opponents;
  private final Set<String> teamNouns;
  private final Set<String> sides;
  private final Set<String> competitions;
  private final Set<String> sportCompetitions;
  private final Set<String> sportNames;
  private final Set<String> coordination;
  private final Set<String> places;
  private final Set<String> hosts;
  private final Set<String> articles;

  /** The cues of {@code sports.tsv}, the place words and the French articles. */
  public SportsTeams(RuleFiles files) {
    var w = files.words("sports.tsv");
    this.strong = w.set("strong");
    this.weak = w.set("weak");
    this.opponents = w.set("opponent");
    this.teamNouns = w.set("team_noun");
    this.sides = w.set("side");
    this.competitions = w.set("competition");
    this.sportCompetitions = w.set("sport_competition");
    this.sportNames = w.set("sport_name");
    this.coordination = w.set("coordination");
    Set<String> p = new HashSet<>(files.words("place_words.tsv").set("place"));
    p.addAll(w.set("location"));
    p.removeAll(opponents);
    this.places = Set.copyOf(p);
    this.hosts = w.set("host");
    this.articles = files.words("clitics.tsv").set("article");
  }

  /**
   * 2 when a reading is a strong sport cue, 1 a weak one, else 0 (the first reading that is); a
   * reading is also read without its article (التعادل as تعادل).
   */
  public int level(List<Reading> readings) {
    for (Reading r : readings) {
      String k = r.key();
      if (strong.contains(k)) {
        return 2;
      } else if (weak.contains(k)) {
        return 1;
      }
      if (k.startsWith("ال") && k.length() > 4) {
        String bare = k.substring(2);
        if (strong.contains(bare)) {
          return 2;
        } else if (weak.contains(bare)) {
          return 1;
        }
      }
    }
    return 0;
  }

  /**
   * Marks the field's sport sentences and the sentences with any cue, in one run: a sport sentence
   * has a strong cue, or two different weak ones, or one weak cue twice and a score (المجموعة twice
   * in a political sentence is one cue; خسرت كينيا ... 1 - 2 ضمن المجموعة السادسة ... المجموعة
   * الأولى is a match report).
   */
  public void markSentences(FieldScan f) {
    int cueSentence = -1;
    int strongCues = 0;
    int weakCues = 0;
    boolean repeated = false;
    String firstWeak = null;
    for (int i = 0; i < f.size(); i++) {
      int level = f.facts(i).sport();
      if (level == 0) {
        continue;
      }
      int sentence = f.sentence(i);
      if (sentence != cueSentence) {
        record(f, cueSentence, strongCues, weakCues, repeated);
        cueSentence = sentence;
        strongCues = 0;
        weakCues = 0;
        repeated = false;
        firstWeak = null;
      }
      if (level == 2) {
        strongCues++;
      } else if (firstWeak == null) {
        firstWeak = f.norm(i);
        weakCues++;
      } else if (!firstWeak.equals(f.norm(i))) {
        weakCues++;
      } else {
        repeated = true;
      }
    }
    record(f, cueSentence, strongCues, weakCues, repeated);
  }

  private static void record(
      FieldScan f, int sentence, int strongCues, int weakCues, boolean repeated) {
    if (sentence < 0) {
      return;
    }
    if (strongCues > 0 || weakCues >= 2 || (repeated && hasScore(f, sentence))) {
      f.sportSentences().add(sentence);
    }
    f.cueSentences().add(sentence);
  }

  /** Whether the sentence holds a score (1 - 2, 4 - صفر). */
  private static boolean hasScore(FieldScan f, int sentence) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < f.size(); i++) {
      if (f.sentence(i) == sentence) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return first >= 0 && SCORE_IN.matcher(f.text().substring(f.start(first), f.end(last))).find();
  }

  private static final Pattern SCORE_IN =
      Pattern.compile(
          "(?<!\\p{Nd})(?:صفر|\\p{Nd}{1,2})\\s*[-\u2013]\\s*(?:صفر|\\p{Nd}{1,2})(?!\\p{Nd})");

  /**
   * A title with a sport word over a match report is about the match (Match nul entre la France et
   * le Portugal): its cue sentences become sport sentences with a strong cue.
   */
  public static void titleOverReport(List<FieldScan> fields) {
    if (fields.size() < 2 || fields.get(0).cueSentences().isEmpty()) {
      return;
    }
    for (int k = 1; k < fields.size(); k++) {
      if (!fields.get(k).sportSentences().isEmpty()) {
        fields.get(0).sportSentences().addAll(fields.get(0).cueSentences());
        return;
      }
    }
  }

  /**
   * Whether the state's name or adjective {@code e} at tokens {@code i}..{@code end} names a team,
   * a league or a cup; {@code lastTeamEnd} is the last token of the field's previous team.
   */
  public boolean isTeam(FieldScan f, int i, int end, Entry e, Reading reading, int lastTeamEnd) {
    int sentence = f.sentence(i);
    boolean sport = f.sportSentences().contains(sentence);
    if (isNationalTeam(f, i, reading)) {
      return true;
    }
    if (sport && (isOpponent(f, i, end) || coordinated(f, lastTeamEnd + 1, i, reading))) {
      return true;
    }
    if (e.form().equals("adjective")) {
      return reading.letters() == 0
          && i > 0
          && f.sameSentence(i - 1, i)
          && (f.matchesAny(i - 1, competitions)
              || (lastTeamEnd == i - 1 && Keys.isArabic(f.norm(i)))
              || f.club(i - 1)
              || (sport
                  && (f.matchesAny(i - 1, sides)
                      || f.matchesAny(i - 1, sportCompetitions)
                      || startsName(f, i - 1))));
    }
    if (!sport) {
      return false;
    }
    if (f.sameSentence(end, end + 1)
        && f.text().substring(f.end(end), f.start(end + 1)).isBlank()
        && (f.matchesAny(end + 1, teamNouns)
            || (feminineVerb(f.norm(end + 1)) && startsClause(f, i))
            || (f.matchesAny(end + 1, opponents) && !isPlace(f, i, reading)))) {
      return true; // أوزبكستان منتخب قوي, فرنسا سجلت ثلاثية, أوغندا على ليسوتو 3 - صفر
    }
    // After a sport word (تعادل إيطاليا, لاعبي البرازيل, فوزان لفرنسا), unless the word names a
    // competition the state hosts (مونديال ألمانيا, بطولة أستراليا المفتوحة).
    int k = before(f, i, reading);
    if (k >= 0 && f.facts(k).sport() > 0 && !f.matchesAny(k, hosts)) {
      return true;
    }
    // The same through a definite adjective of the sport word and the preposition ل (الهدف الوحيد
    // لبوروندي, المدرب الجديد لجنوب أفريقيا): the side the goal or the coach belongs to.
    return k > 0
        && throughLam(f, i, reading)
        && definiteAdjective(f, k)
        && f.sameSentence(k - 1, k)
        && f.facts(k - 1).sport() > 0
        && !f.matchesAny(k - 1, hosts);
  }

  /**
   * Whether the match carries the preposition ل, as a clitic (لبوروندي) or split off (ل بوروندي).
   */
  private static boolean throughLam(FieldScan f, int i, Reading reading) {
    String clitics = reading.clitics();
    return reading.letters() > 0 && clitics.endsWith("ل")
        || reading.letters() == 0 && i > 0 && f.norm(i - 1).equals("ل");
  }

  /**
   * Whether token {@code k} is a definite word that is no sport cue and names no state (الوحيد).
   */
  private static boolean definiteAdjective(FieldScan f, int k) {
    String n = f.norm(k);
    return n.startsWith("ال") && n.length() > 4 && f.facts(k).sport() == 0 && !startsName(f, k);
  }

  /**
   * The token before a match, looked through a split-off clitic or pronoun (لـ فرنسا, ضيف ه ملاوي),
   * or -1.
   */
  private static int before(FieldScan f, int i, Reading reading) {
    int k = i - 1;
    if (k < 0 || !f.sameSentence(k, i)) {
      return -1;
    }
    if (reading.letters() == 0 && isSplit(f.norm(k)) && f.sameSentence(k - 1, i)) {
      k--;
    }
    return k;
  }

  private static boolean isSplit(String n) {
    return n.length() == 1 || n.equals("ها") || n.equals("هم") || n.equals("هما");
  }

  /** Whether token {@code k} starts a state's name (موناكو in موناكو الفرنسي: a club). */
  private static boolean startsName(FieldScan f, int k) {
    for (var node : f.facts(k).nodes()) {
      if (node != null) {
        for (Entry e : node.entries()) {
          if (e.form().equals("name")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a part of a hyphenated word names a team (a side in a sport sentence). */
  public boolean isTeamPart(FieldScan f, int i) {
    return f.sportSentences().contains(f.sentence(i)) && isOpponent(f, i, i);
  }

  /** Whether a city at token {@code i} names a club (in a sport sentence). */
  public static boolean isClubCity(FieldScan f, int i) {
    return f.sportSentences().contains(f.sentence(i));
  }

  /**
   * After a place or government word, or the preposition ب (في اليابان, بالمغرب, رئيس مصر): the
   * country where the match is played, or the state itself.
   */
  private boolean isPlace(FieldScan f, int i, Reading reading) {
    if (reading.clitics().indexOf('ب') >= 0) {
      return true;
    }
    if (i == 0 || !f.sameSentence(i - 1, i)) {
      return false;
    }
    if (f.norm(i - 1).equals("ب")) {
      return true;
    }
    for (Reading r : f.facts(i - 1).readings()) {
      if (places.contains(r.key()) || hosts.contains(r.key())) {
        return true;
      }
    }
    return i > 1
        && f.norm(i - 1).length() == 1
        && f.sameSentence(i - 2, i)
        && places.contains(f.norm(i - 2));
  }

  private boolean isNationalTeam(FieldScan f, int i, Reading reading) {
    if (i == 0 || f.sentence(i - 1) != f.sentence(i) || reading.letters() > 0) {
      return false;
    }
    if (f.matchesAny(i - 1, teamNouns)) {
      return true;
    }
    // Persian and Arabic with the sport between: تیم ملی فوتبال ایران، منتخب كرة القدم المصري.
    for (int k = i - 2; k >= Math.max(0, i - 3); k--) {
      if (f.sentence(k) == f.sentence(i)
          && f.matchesAny(k, teamNouns)
          && (f.facts(i - 1).sport() > 0 || sportNames.contains(f.norm(i - 1)))) {
        return true;
      }
    }
    // French: équipe de France, sélection d'Algérie (the de is a token or an elision).
    return reading.cutStart() == 0
            && i > 1
            && f.sentence(i - 2) == f.sentence(i)
            && (f.norm(i - 1).equals("de") || f.norm(i - 1).equals("du"))
            && f.matchesAny(i - 2, teamNouns)
        || reading.cutStart() > 0 && f.matchesAny(i - 1, teamNouns);
  }

  /**
   * Only conjunctions and articles between tokens {@code from} and {@code to} (exclusive), or, for
   * adjacent tokens, a comma or a conjunction on the second (كرواتيا ونيجيريا, كرواتيا، نيجيريا).
   */
  private boolean coordinated(FieldScan f, int from, int to, Reading reading) {
    if (to == from && to > 0 && f.sameSentence(to - 1, to)) {
      String between = f.text().substring(f.end(to - 1), f.start(to));
      return reading.clitics().startsWith("و")
          || between.indexOf('\u060C') >= 0
          || between.indexOf(',') >= 0;
    }
    if (to - from > 3 || to <= from) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!coordination.contains(f.norm(k)) && !articles.contains(f.norm(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A past verb in ـت or a future verb in ستـ (فازت, حققت, ستخوض); not a noun with the article or a
   * preposition, nor a feminine plural in ـات (المباريات, للاستثمارات).
   */
  private static boolean feminineVerb(String p) {
    return p.length() >= 4
        && ArabicNormalizer.isArabicLetter(p.charAt(0))
        && !p.startsWith("ال")
        && !p.startsWith("لل")
        && !p.startsWith("بال")
        && ((p.endsWith("ت") && !p.endsWith("ات")) || p.startsWith("ست"));
  }

  /** Whether token {@code i} starts its sentence or follows punctuation (a clause's start). */
  private static boolean startsClause(FieldScan f, int i) {
    if (i == 0 || !f.sameSentence(i - 1, i)) {
      return true;
    }
    String between = f.text().substring(f.end(i - 1), f.start(i));
    for (int k = 0; k < between.length(); k++) {
      if (!Character.isWhitespace(between.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean isOpponent(FieldScan f, int i, int end) {
    if (i > 1
        && articles.contains(f.norm(i - 1))
        && f.sentence(i - 2) == f.sentence(i)
        && f.matchesAny(i - 2, opponents)) {
      return true; // entre la France, contre le Portugal
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      if (f.matchesAny(i - 1, opponents)
          || (i > 1
              && isSplit(f.norm(i - 1))
              && f.sameSentence(i - 2, i)
              && f.matchesAny(i - 2, opponents))) {
        return true;
      }
      // The subject of a feminine past or future verb (فازت نيجيريا، حققت هولندا، ستخوض إيطاليا):
      // in a match report, the team; with or without a conjunction (وجدت is a verb, و + جدت too).
      if (feminineVerb(f.norm(i - 1)) || feminineVerb(Keys.stripConj(f.norm(i - 1)))) {
        return true;
      }
    }
    // A score right after the name: "البرتغال 2 - صفر", "Italy 2-0", "le Portugal (1-1)"; not a
    // year (كأس العالم روسيا 2018).
    int after = f.end(end);
    String rest = f.text().substring(after, Math.min(f.text().length(), after + 16));
    return SCORE.matcher(rest).lookingAt();
  }

  private static final Pattern SCORE =
      Pattern.compile(
          "\\s*\\(?\\s*(?:صفر|\\p{Nd}{1,2})\\s*[-\u2013:]\\s*(?:صفر|\\p{Nd}{1,2})(?!\\p{Nd})"
              + "|\\s*صفر(?!\\p{L})");
}
