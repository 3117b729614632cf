package org.marsad.states.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Reading;
import org.marsad.states.match.core.TokenFacts;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.rules.Agencies;
import org.marsad.states.match.rules.CliticReadings;
import org.marsad.states.match.rules.ClubNames;
import org.marsad.states.match.rules.HyphenatedCompounds;
import org.marsad.states.match.rules.PlaceNames;
import org.marsad.states.match.rules.SportsTeams;
import org.marsad.text.Field;
import org.marsad.text.Lexicon;

/**
 * Turns a tokenised field into a {@link FieldScan}: the facts of each token (its readings, the trie
 * nodes they start, sport and document cues), computed once per thread, token and language and
 * cached in the token's lexicon slot; then the field-level marks (sport sentences, agencies and
 * names that hold a state's word but name no state, clubs).
 */
final class FieldScanner {

  private final CliticReadings clitics;
  private final HyphenatedCompounds compounds;
  private final SportsTeams sports;
  private final Agencies agencies;
  private final ClubNames clubs;
  private final PlaceNames placeNames;
  private final Set<String> cueWords;

  FieldScanner(
      CliticReadings clitics,
      HyphenatedCompounds compounds,
      SportsTeams sports,
      Agencies agencies,
      ClubNames clubs,
      PlaceNames placeNames,
      Set<String> cueWords) {
    this.clitics = clitics;
    this.compounds = compounds;
    this.sports = sports;
    this.agencies = agencies;
    this.clubs = clubs;
    this.placeNames = placeNames;
    this.cueWords = cueWords;
  }

  /** The scan of {@code field}; adds the document cue words it holds to {@code context}. */
  FieldScan scan(Profile p, Field field, Set<String> context) {
    int n = field.size();
    TokenFacts[] facts = new TokenFacts[n];
    Lexicon lex = field.lexicon();
    int upper = 0;
    int letters = 0;
    for (int i = 0; i < n; i++) {
      int id = field.id(i);
      TokenFacts fx = (TokenFacts) lex.get(p.slot, id);
      if (fx == null) {
        fx = facts(p, lex.surface(id), lex.norm(id));
        lex.set(p.slot, id, fx);
      }
      facts[i] = fx;
      upper += fx.upper();
      letters += fx.latin();
      if (!fx.cues().isEmpty()) {
        context.addAll(fx.cues());
      }
    }
    FieldScan f = new FieldScan(field, facts, letters > 0 && upper >= 0.8 * letters);
    sports.markSentences(f);
    f.mask(placeNames.mask(f, agencies.mask(f)));
    f.clubs(clubs.mask(f));
    return f;
  }

  private TokenFacts facts(Profile p, String surface, String norm) {
    String key = Keys.fold(norm);
    List<Reading> rs = clitics.of(key, surface, p.lang);
    List<String> cues = new ArrayList<>(0);
    for (Reading r : rs) {
      if (cueWords.contains(r.key())) {
        cues.add(r.key());
      }
    }
    Trie.Node[] nodes = new Trie.Node[rs.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = p.trie.start(rs.get(i).key());
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
    return new TokenFacts(
        key,
        List.copyOf(rs),
        nodes,
        tail,
        sports.level(rs),
        cues.isEmpty() ? List.of() : List.copyOf(cues),
        upper,
        latin,
        compounds.parts(p.trie, key, nodes));
  }
}
