package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Phrases;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * A market index or an exchange named after a place is no mention of its state: a state's name,
 * adjective, capital or city after an index noun with only market words between (مؤشر سوق الإمارات,
 * مؤشر السوق السعودية), after an exchange noun (بورصة عمان), between a market noun and a market
 * word (سوق دبي المالي, سوق أبوظبي للأوراق المالية), right after an index's name and its qualifiers
 * (مؤشر نيكي الياباني, داو جونز الصناعي الأمريكي, فوتسي 100 البريطاني) or right before it (Japan's
 * Nikkei, the German DAX).
 */
public final class MarketIndices implements EntryRule {

  private final Phrases indices;
  private final Set<String> nouns;
  private final Set<String> exchanges;
  private final Set<String> markets;
  private final Set<String> marketAfter;
  private final Set<String> qualifiers;

  /** The indices and market words of {@code indices.tsv}. */
  public MarketIndices(RuleFiles files) {
    var w = files.words("indices.tsv");
    List<String> names = new ArrayList<>();
    for (var r : w.rows("index")) {
      names.add(r.word());
    }
    this.indices = new Phrases(names);
    this.nouns = w.set("noun");
    this.exchanges = w.set("exchange");
    this.markets = w.set("market");
    this.marketAfter = w.set("market_after");
    this.qualifiers = w.set("qualifier");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    FieldScan f = m.field();
    int i = m.i();
    int end = m.end();
    // Arabic puts the place after the index: back over market words, numbers and index qualifiers
    // (no punctuation between) to an index noun or an index's name.
    for (int k = i - 1;
        !m.latin() && k >= Math.max(0, i - 5) && f.sameSentence(k, i) && adjacent(f, k, k + 1);
        k--) {
      if (f.matchesAny(k, nouns) || indices.endsAt(f, k)) {
        return Verdict.NONE;
      }
      if (k == i - 1 && f.matchesAny(k, exchanges)) {
        return Verdict.NONE;
      }
      if (k == i - 1
          && f.matchesAny(k, markets)
          && f.sameSentence(end, end + 1)
          && f.matchesAny(end + 1, marketAfter)) {
        return Verdict.NONE;
      }
      if (!f.matchesAny(k, markets) && !f.matchesAny(k, qualifiers) && !Keys.isNumber(f.norm(k))) {
        break;
      }
    }
    // Right before an index's name (Japan's Nikkei, the German DAX).
    int next = end + 1;
    if (next < f.size()
        && f.sameSentence(end, next)
        && adjacent(f, end, next)
        && indices.longestAt(f, next) >= 0) {
      return Verdict.NONE;
    }
    return Verdict.PASS;
  }

  /** Only spaces between tokens {@code a} and {@code b}. */
  private static boolean adjacent(FieldScan f, int a, int b) {
    return f.text().substring(f.end(a), f.start(b)).isBlank();
  }
}
