package org.marsad.states.match.rules;

import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.Entries;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;

/**
 * The United States next to a dollar word names the currency (دولار أمريكي, U.S. dollars, dollars
 * américains, دلار آمریکا): amounts everywhere are quoted in US dollars, so the phrase says nothing
 * of the US. Other currencies (the Swiss franc, the Canadian dollar) are news about their state and
 * stay mentions. The dot of U.S. reads as a sentence end; the word after it is still read.
 */
public final class DollarCurrency implements EntryRule {

  private final Set<String> before;
  private final Set<String> after;

  /** The dollar words of {@code currency.tsv}. */
  public DollarCurrency(RuleFiles files) {
    var w = files.words("currency.tsv");
    this.before = w.set("before");
    this.after = w.set("after");
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    if (!Entries.allIso(entries, "US")
        || !(Entries.hasForm(entries, "name") || Entries.hasForm(entries, "adjective"))) {
      return Verdict.PASS;
    }
    String next = m.next();
    var f = m.field();
    int end = m.end();
    if (next == null
        && end + 1 < f.size()
        && f.text().substring(f.end(end), f.start(end + 1)).strip().equals(".")) {
      next = f.norm(end + 1);
    }
    boolean currency =
        Keys.anyIn(m.prevReadings(), before) || (next != null && after.contains(next));
    return currency ? Verdict.NONE : Verdict.PASS;
  }
}
