package org.marsad.states.match.rules;

import java.util.Set;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.RuleFiles;

/**
 * A dateline's place is a mention even where the name alone would need context: a place that starts
 * the field or a line, followed by the agency in brackets ({@code دبي (رويترز) -}, {@code PARIS
 * (AFP) -}), a dash and the agency or a newspaper ({@code القاهرة - (أ ف ب)}, {@code عمان - بترا},
 * {@code تهران- ایرنا-}, {@code بيروت - "القدس العربي":}), or a comma and a date or another place
 * before one of those ({@code NEW YORK, March 3 (Reuters) -}, {@code BEIRUT, Lebanon (AFP) -}).
 * Agencies are those {@link Agencies} masked.
 */
public final class Datelines {

  private final Set<String> months;

  /** The datelines of {@code datelines.tsv}. */
  public Datelines(RuleFiles files) {
    this.months = files.words("datelines.tsv").set("month");
  }

  /** Whether tokens {@code i}..{@code end} are a dateline's place. */
  public boolean isDateline(FieldScan f, int i, int end) {
    if (!f.startsLine(i)) {
      return false;
    }
    int j = end + 1;
    char after = f.charAfter(f.end(end));
    if (after != ',') {
      return bracketOrDashCredit(f, j, f.end(end));
    }
    if (j >= f.size() || f.sentence(j) != f.sentence(end)) {
      return false;
    }
    // A date after the comma: March 3 (Reuters), 3 mars 2020 (AFP).
    int k = -1;
    if (months.contains(stripDot(f.norm(j))) && j + 1 < f.size() && Keys.isNumber(f.norm(j + 1))) {
      k = j + 1;
    } else if (Keys.isNumber(f.norm(j))
        && j + 1 < f.size()
        && months.contains(stripDot(f.norm(j + 1)))) {
      k = j + 1;
      if (k + 1 < f.size() && Keys.isNumber(f.norm(k + 1)) && f.norm(k + 1).length() == 4) {
        k++;
      }
    }
    if (k >= 0) {
      char next = f.charAfter(f.end(k));
      return next == '(' || FieldScan.isDash(next);
    }
    // A place after the comma: BEIRUT, Lebanon (AFP) -, DALLAS, Texas (AP) -.
    for (int m = j; m < Math.min(f.size(), j + 3); m++) {
      if (m + 1 <= f.size() && bracketOrDashCredit(f, m + 1, f.end(m))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The looser, older sense: the first word of a sentence followed by "(", a dash or ":" (عمان (أ ف
   * ب)).
   */
  public static boolean isSentenceDateline(FieldScan f, int i, int end) {
    boolean startsSentence = i == 0 || f.sentence(i - 1) != f.sentence(i);
    if (!startsSentence) {
      return false;
    }
    char after = f.charAfter(f.end(end));
    return after == '(' || FieldScan.isDash(after) || after == ':';
  }

  /** After offset {@code at}: an agency in brackets, or a dash then an agency or a quote. */
  private static boolean bracketOrDashCredit(FieldScan f, int j, int at) {
    char after = f.charAfter(at);
    if (after == '(') {
      return f.masked(j);
    }
    if (FieldScan.isDash(after) || after == ':') {
      char next = f.charAfter(f.text().indexOf(after, at) + 1);
      return f.masked(j) || next == '(' || next == '"' || next == '\u00AB' || next == '\u201C';
    }
    return false;
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
