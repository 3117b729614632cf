package org.marsad.states.match.rules;

import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Reading;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.text.ArabicNormalizer;

/**
 * States named as sports teams. A sentence with a strong sport cue (منتخب, مباراة, stadium) or two
 * weak ones (هدف, coach, équipe) is about a match, and so is a title with any cue over a body with
 * such a sentence. There, a state named as a side is its national team: after an opponent word
 * (أمام, ضد, against, contre), coordinated with another side, before a score (البرتغال 2 - صفر,
 * Italy 2-0), as the subject of a feminine verb (فازت نيجيريا), or before a club's nisba (المغرب
 * الفاسي); and a city is a club named after it (برشلونة, Marseille). Anywhere, a state after a team
 * noun is the national team (منتخب مصر, l'équipe de France, تیم ملی ایران).
 */
public final class SportsTeams {

  private final Set<String> strong;
  private final Set<String> weak;
  private final Set<String> opponents;
  private final Set<String> teamNouns;
  private final Set<String> sportNames;
  private final Set<String> coordination;
  private final Set<String> articles;

  /** The cues of {@code sports.tsv} and the French articles of {@code clitics.tsv}. */
  public SportsTeams(RuleFiles files) {
    var w = files.words("sports.tsv");
    this.strong = w.set("strong");
    this.weak = w.set("weak");
    this.opponents = w.set("opponent");
    this.teamNouns = w.set("team_noun");
    this.sportNames = w.set("sport_name");
    this.coordination = w.set("coordination");
    this.articles = files.words("clitics.tsv").set("article");
  }

  /** 2 when a reading is a strong sport cue, 1 a weak one, else 0 (the first reading that is). */
  public int level(List<Reading> readings) {
    for (Reading r : readings) {
      if (strong.contains(r.key())) {
        return 2;
      } else if (weak.contains(r.key())) {
        return 1;
      }
    }
    return 0;
  }

  /** Marks the field's sport sentences and the sentences with any cue, in one run. */
  public void markSentences(FieldScan f) {
    int cueSentence = -1;
    int strongCues = 0;
    int weakCues = 0;
    for (int i = 0; i < f.size(); i++) {
      int level = f.facts(i).sport();
      if (level == 0) {
        continue;
      }
      int sentence = f.sentence(i);
      if (sentence != cueSentence) {
        record(f, cueSentence, strongCues, weakCues);
        cueSentence = sentence;
        strongCues = 0;
        weakCues = 0;
      }
      if (level == 2) {
        strongCues++;
      } else {
        weakCues++;
      }
    }
    record(f, cueSentence, strongCues, weakCues);
  }

  private static void record(FieldScan f, int sentence, int strongCues, int weakCues) {
    if (sentence < 0) {
      return;
    }
    if (strongCues > 0 || weakCues >= 2) {
      f.sportSentences().add(sentence);
    }
    f.cueSentences().add(sentence);
  }

  /**
   * A title with a sport word over a match report is about the match (Match nul entre la France et
   * le Portugal): its cue sentences become sport sentences.
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
   * Whether a state's name or adjective at tokens {@code i}..{@code end} names its team; {@code
   * lastTeamEnd} is the last token of the previous team in the field (coordination).
   */
  public boolean isTeam(FieldScan f, int i, int end, Reading reading, int lastTeamEnd) {
    boolean sport = f.sportSentences().contains(f.sentence(i));
    return (sport && (isOpponent(f, i, end) || coordinated(f, lastTeamEnd + 1, i)))
        || isNationalTeam(f, i, reading);
  }

  /** Whether a part of a hyphenated word names a team (a side in a sport sentence). */
  public boolean isTeamPart(FieldScan f, int i) {
    return f.sportSentences().contains(f.sentence(i)) && isOpponent(f, i, i);
  }

  /** Whether a city at token {@code i} names a club (in a sport sentence). */
  public static boolean isClubCity(FieldScan f, int i) {
    return f.sportSentences().contains(f.sentence(i));
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

  /** Only conjunctions and articles between tokens {@code from} and {@code to} (exclusive). */
  private boolean coordinated(FieldScan f, int from, int to) {
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

  private boolean isOpponent(FieldScan f, int i, int end) {
    if (i > 1
        && articles.contains(f.norm(i - 1))
        && f.sentence(i - 2) == f.sentence(i)
        && f.matchesAny(i - 2, opponents)) {
      return true; // entre la France, contre le Portugal
    }
    if (i > 0 && f.sentence(i - 1) == f.sentence(i)) {
      if (f.matchesAny(i - 1, opponents)) {
        return true;
      }
      // The subject of a feminine past or future verb (فازت نيجيريا، حققت هولندا، ستخوض إيطاليا):
      // in a match report, the team.
      String p = Keys.stripConj(f.norm(i - 1));
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
      String n = f.norm(end + 1);
      if (n.startsWith("ال") && n.endsWith("ي") && n.length() >= 5) {
        return true;
      }
    }
    // A score right after the name: "البرتغال 2 - صفر", "Italy 2-0", "le Portugal (1-1)".
    int after = f.end(end);
    String rest = f.text().substring(after, Math.min(f.text().length(), after + 12)).strip();
    if (rest.startsWith("(")) {
      rest = rest.substring(1).strip();
    }
    return !rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.startsWith("صفر"));
  }
}
