package org.marsad.states.match.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.core.Verdict;

/**
 * Names with several readings ({@code ambiguous_places.tsv}: Tripoli in Libya or Lebanon, Paris or
 * Paris Saint-Germain, Georgia the state or the US state, العين the city or the eye): the word
 * before or after picks a reading, then the document's words (the reading with more cue words),
 * then the row's default; {@code none} is no place, though a dateline's place is still one (its
 * first reading). A place listed only here is a city of its first reading.
 */
public final class AmbiguousPlaces implements EntryRule {

  /** One row: a reading (iso2 or none) and the cue that picks it. */
  private record Cue(String reading, String kind, List<String[]> words) {}

  private static final Set<String> KINDS = Set.of("prev", "next", "doc", "default");

  private final Map<String, List<Cue>> places = new HashMap<>();
  private final Map<String, String> surfaces = new HashMap<>();
  private final Set<String> cueWords = new HashSet<>();
  private final Set<String> placeWords;

  /**
   * The places of the lines of {@code ambiguous_places.tsv} (surface, lang, reading, cue, words).
   */
  public AmbiguousPlaces(List<String> lines, RuleFiles files) {
    this.placeWords = files.words("place_words.tsv").set("place");
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      if (f.length < 4 || f[0].startsWith("#")) {
        continue;
      }
      if (!KINDS.contains(f[3])) {
        throw new IllegalArgumentException(
            "Cannot load ambiguous places: unknown cue " + f[3] + " in: " + line);
      }
      List<String[]> words = f.length > 4 && !f[4].isBlank() ? ContextRules.words(f[4]) : List.of();
      String placeKey = Keys.joinedKey(f[0]) + "\t" + f[1];
      places.computeIfAbsent(placeKey, k -> new ArrayList<>()).add(new Cue(f[2], f[3], words));
      surfaces.putIfAbsent(placeKey, f[0]);
      if (f[3].equals("doc")) {
        ContextRules.addCues(words, cueWords);
      }
    }
  }

  @Override
  public Set<String> cueWords() {
    return cueWords;
  }

  /** Adds the places of language {@code lang} that no entry has yet as cities of their reading. */
  public void addCities(Trie trie, String lang, boolean own) {
    for (Map.Entry<String, List<Cue>> e : places.entrySet()) {
      String[] kl = e.getKey().split("\t");
      if (!kl[1].equals(lang) || trie.has(kl[0].split(" "))) {
        continue;
      }
      String iso = firstReading(e.getValue());
      String[] toks = Keys.surfaceTokens(surfaces.get(e.getKey()));
      if (iso != null && toks.length > 0) {
        trie.add(toks, new Entry(iso, "city", lang, toks, 0), own);
      }
    }
  }

  @Override
  public Verdict apply(Match m, List<Entry> entries) {
    Entry first = entries.get(0);
    List<Cue> cues = places.get(m.key() + "\t" + first.lang());
    if (cues == null) {
      return Verdict.PASS;
    }
    String place = place(m, cues);
    if (place == null && m.dateline()) {
      place = firstReading(cues);
    }
    if (place == null || place.equals("none")) {
      return Verdict.NONE;
    }
    if (place.equals("keep")) {
      return Verdict.PASS;
    }
    Entry pick = null;
    for (Entry e : entries) {
      if (e.iso2().equals(place) && (pick == null || e.form().equals("name"))) {
        pick = e;
      }
    }
    return Verdict.pick(pick != null ? pick : first.as(place, "city"));
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

  /**
   * The reading this occurrence gets: an iso2, {@code none}, or {@code keep} (no cue matched and no
   * default: the gazetteer's reading); null when only {@code none} would do but a dateline may
   * still make it a place.
   */
  private String place(Match m, List<Cue> cues) {
    for (Cue c : cues) {
      if (c.kind().equals("prev") && prevMatches(m, c.words())) {
        return c.reading();
      }
      if (c.kind().equals("next") && nextMatches(m.field(), m.end(), c.words())) {
        return c.reading();
      }
    }
    Map<String, Integer> docHits = new HashMap<>();
    for (Cue c : cues) {
      if (c.kind().equals("doc")) {
        int hits = 0;
        for (String[] w : c.words()) {
          if (ContextRules.inDocument(w, m.context())) {
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

  private boolean prevMatches(Match m, List<String[]> words) {
    FieldScan f = m.field();
    int i = m.i();
    for (String[] w : words) {
      if (w[0].equals("@place")) {
        if (Keys.anyIn(m.prevReadings(), placeWords)) {
          return true;
        }
        continue;
      }
      int n = w.length;
      if (i - n < 0 || f.sentence(i - n) != f.sentence(i)) {
        continue;
      }
      boolean ok = m.prevReadings().contains(w[n - 1]) || f.norm(i - 1).equals(w[n - 1]);
      for (int k = 0; k < n - 1 && ok; k++) {
        ok = f.matchesToken(i - n + k, w[k]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static boolean nextMatches(FieldScan f, int end, List<String[]> words) {
    for (String[] w : words) {
      if (end + w.length >= f.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < w.length && ok; k++) {
        int j = end + 1 + k;
        ok = f.sentence(j) == f.sentence(end) && f.matchesToken(j, w[k]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }
}
