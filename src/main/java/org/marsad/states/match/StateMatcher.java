package org.marsad.states.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marsad.states.match.core.CompoundPart;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.EntryRule;
import org.marsad.states.match.core.FieldScan;
import org.marsad.states.match.core.LongestMatch;
import org.marsad.states.match.core.Match;
import org.marsad.states.match.core.Reading;
import org.marsad.states.match.core.RuleFiles;
import org.marsad.states.match.core.Verdict;
import org.marsad.states.match.rules.Agencies;
import org.marsad.states.match.rules.AmbiguousPlaces;
import org.marsad.states.match.rules.AmmanOrOman;
import org.marsad.states.match.rules.ArabicSpelling;
import org.marsad.states.match.rules.CapitalOrName;
import org.marsad.states.match.rules.Capitalisation;
import org.marsad.states.match.rules.CitiesBehindStates;
import org.marsad.states.match.rules.CliticReadings;
import org.marsad.states.match.rules.ClubNames;
import org.marsad.states.match.rules.CompassRegions;
import org.marsad.states.match.rules.CongoAlone;
import org.marsad.states.match.rules.ContextRules;
import org.marsad.states.match.rules.Datelines;
import org.marsad.states.match.rules.DefiniteNounAdjective;
import org.marsad.states.match.rules.DollarCurrency;
import org.marsad.states.match.rules.GeographicFeatures;
import org.marsad.states.match.rules.HyphenatedCompounds;
import org.marsad.states.match.rules.KoreaAlone;
import org.marsad.states.match.rules.LanguageAdjectives;
import org.marsad.states.match.rules.MarketIndices;
import org.marsad.states.match.rules.PersonNames;
import org.marsad.states.match.rules.PlaceNames;
import org.marsad.states.match.rules.SportsTeams;
import org.marsad.states.match.rules.StateNounAdjective;
import org.marsad.text.Analysis;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.Field;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.WordLists;

/**
 * Finds the states a text names, per document language, in one pass over its tokens with a token
 * trie of the gazetteer (no regular expression per state), then reads each match through the rules
 * of {@code org.marsad.states.match.rules}, one class per rule family.
 *
 * <p>Matching works on normalised tokens, so hamza, alef, ya, ta-marbuta variants and diacritics
 * match; a token's clitics are stripped only when the rest starts an entry ({@link
 * CliticReadings}); the longest entry wins (روسيا البيضاء is Belarus, الولايات المتحدة الأمريكية
 * one mention) and a fragment never matches (المتحدة alone is nothing). The rows each language
 * reads are described on {@link Profile}. A match then goes through the rules in this order, the
 * first that decides winning: {@link Capitalisation}, {@link PersonNames}, {@link ContextRules}
 * ({@code context_rules.tsv}), {@link GeographicFeatures}, {@link CompassRegions}, {@link
 * AmbiguousPlaces} ({@code ambiguous_places.tsv}), {@link AmmanOrOman}, {@link KoreaAlone}, {@link
 * CongoAlone}, {@link LanguageAdjectives}, {@link DollarCurrency}, {@link CitiesBehindStates},
 * {@link CapitalOrName}, {@link DefiniteNounAdjective}; else the entry the gazetteer lists first.
 * {@link StateNounAdjective} then makes an adjective after a state noun a name, and {@link
 * SportsTeams} marks national teams and clubs. News agencies ({@link Agencies}) and names that hold
 * a state's word but name no state ({@link PlaceNames}: British Columbia, Washington Post) are no
 * mention; a dateline's place ({@link Datelines}) is one where the name alone would need context;
 * hyphenated Latin words go through {@link HyphenatedCompounds}. In a field written in capitals,
 * cities and capitalised abbreviations count only when another field names their state.
 */
public final class StateMatcher {

  /**
   * A state mention.
   *
   * @param iso2 ISO 3166-1 alpha-2 of the state
   * @param form how the text names it: name, adjective or capital; city for a city of the state (or
   *     another place in it, such as a US state read from {@code ambiguous_places.tsv})
   * @param surface the text as written (without a stripped clitic or elided article)
   * @param field index of the field the mention is in (e.g. 0 title, 1 text)
   * @param start offset in the field (inclusive)
   * @param end offset in the field (exclusive)
   * @param sentence sentence index within the field
   * @param team whether the words name a sports team rather than the state: a national team (منتخب
   *     مصر, a side in a match report: فازت نيجيريا على النيجر), a league or cup of the state
   *     (الدوري الإنجليزي), or a club named after a city (برشلونة in a match report); the form is
   *     still the linguistic one (a national team named by its country is a name)
   */
  public record Mention(
      String iso2,
      String form,
      String surface,
      int field,
      int start,
      int end,
      int sentence,
      boolean team) {}

  private final Gazetteer gazetteer;
  private final FieldScanner scanner;
  private final HyphenatedCompounds compounds;
  private final Datelines datelines;
  private final AmbiguousPlaces places;
  private final KoreaAlone korea;
  private final SportsTeams sports;
  private final StateNounAdjective stateNouns;
  private final List<EntryRule> rules;
  private final Set<String> articles;
  private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();

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
   * Builds the matcher with the packaged rule files.
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
    this(gazetteer, contextRules, ambiguousPlaces, agencyLines, RuleFiles.packaged(), stopWords);
  }

  /**
   * Builds the matcher.
   *
   * @param gazetteer states, their forms and cities
   * @param contextRules lines of {@code context_rules.tsv} (surface, rule, words)
   * @param ambiguousPlaces lines of {@code ambiguous_places.tsv} (surface, lang, reading, cue,
   *     words)
   * @param agencyLines lines of {@code agencies.tsv} (surface, lang, agency, home, note)
   * @param ruleFiles the word lists of the rules ({@code conf/gazetteer/rules/})
   * @param stopWords normalised stop words (to tell an adjective after a noun from a name)
   */
  public StateMatcher(
      Gazetteer gazetteer,
      List<String> contextRules,
      List<String> ambiguousPlaces,
      List<String> agencyLines,
      RuleFiles ruleFiles,
      Set<String> stopWords) {
    this.gazetteer = gazetteer;
    this.compounds = new HyphenatedCompounds(ruleFiles);
    this.datelines = new Datelines(ruleFiles);
    this.places = new AmbiguousPlaces(ambiguousPlaces, ruleFiles);
    this.korea = new KoreaAlone(ruleFiles);
    this.sports = new SportsTeams(ruleFiles);
    this.stateNouns = new StateNounAdjective(ruleFiles);
    ClubNames clubs = new ClubNames(ruleFiles);
    this.articles = ruleFiles.words("clitics.tsv").set("article");
    this.rules =
        List.of(
            new Capitalisation(),
            new ArabicSpelling(),
            new PersonNames(ruleFiles),
            clubs,
            new MarketIndices(ruleFiles),
            new ContextRules(contextRules, ruleFiles),
            new GeographicFeatures(ruleFiles),
            new CompassRegions(ruleFiles),
            places,
            new AmmanOrOman(ruleFiles),
            korea,
            new CongoAlone(ruleFiles),
            new LanguageAdjectives(ruleFiles),
            new DollarCurrency(ruleFiles),
            new CitiesBehindStates(),
            new CapitalOrName(ruleFiles),
            new DefiniteNounAdjective(stopWords, ruleFiles));
    Set<String> cueWords = new HashSet<>();
    for (EntryRule r : rules) {
      cueWords.addAll(r.cueWords());
    }
    this.scanner =
        new FieldScanner(
            new CliticReadings(ruleFiles),
            compounds,
            sports,
            new Agencies(agencyLines),
            clubs,
            new PlaceNames(ruleFiles),
            Set.copyOf(cueWords));
  }

  /** The matcher over the packaged gazetteer, rules and stop words. */
  public static StateMatcher defaults(Analysis analysis) {
    return new StateMatcher(
        Gazetteer.load(null),
        WordLists.lines("gazetteer/context_rules.tsv", null),
        analysis.arabicStopWords());
  }

  private Profile profile(String lang) {
    String l = lang == null || lang.isBlank() ? "und" : lang;
    Profile p = profiles.get(l);
    return p != null
        ? p
        : profiles.computeIfAbsent(l, k -> new Profile(k, gazetteer, places, korea));
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
    List<FieldScan> fs = new ArrayList<>(fields.length);
    Set<String> context = new HashSet<>();
    for (Field field : fields) {
      fs.add(scanner.scan(p, field, context));
    }
    SportsTeams.titleOverReport(fs);
    List<Mention> out = new ArrayList<>();
    // Mentions that count only when another field confirms their state: cities and capitalised
    // abbreviations in a field written in capitals (SPLIT, NICE, CAR in a wire title).
    List<Mention> weak = null;
    Set<String> confirmed = new HashSet<>();
    for (int fi = 0; fi < fs.size(); fi++) {
      FieldScan f = fs.get(fi);
      int i = 0;
      int lastTeamEnd = -10;
      while (i < f.size()) {
        if (f.masked(i) || f.club(i)) {
          i++;
          continue;
        }
        LongestMatch hit = LongestMatch.at(f, i);
        if (hit == null) {
          if (f.facts(i).parts() != null) {
            addParts(f, fi, i, context, out);
          }
          i++;
          continue;
        }
        int end = hit.end();
        Reading reading = hit.reading();
        boolean dateline = datelines.isDateline(f, i, end);
        Match m = new Match(f, i, end, reading, hit.endCut(), articles, context, dateline);
        Entry e = resolve(m, hit.node().entries());
        if (e != null) {
          int start;
          if (reading.cutStart() > 0) {
            start = f.start(i) + reading.cutStart();
          } else {
            // Through لل the preposition's ل and the article's ل are written as one: keep both.
            int skip = reading.lam() ? reading.letters() - 1 : reading.letters();
            start = f.start(i) + ArabicNormalizer.skipLetters(f.surface(i), Math.max(skip, 0));
          }
          int stop = f.end(end) - hit.endCut();
          String form = e.form();
          boolean team =
              e.nameOrAdjective()
                  ? sports.isTeam(f, i, end, e, reading, lastTeamEnd)
                  // A club named after its city (برشلونة، ليفربول، Marseille) in a match report.
                  : form.equals("city") && SportsTeams.isClubCity(f, i);
          if (team) {
            lastTeamEnd = end;
          }
          Mention mention =
              new Mention(
                  e.iso2(),
                  form,
                  f.text().substring(start, stop),
                  fi,
                  start,
                  stop,
                  f.sentence(i),
                  team);
          if (f.allCaps()
              && (form.equals("city") || Capitalisation.isAbbreviation(e))
              && fs.size() > 1) {
            if (weak == null) {
              weak = new ArrayList<>();
            }
            weak.add(mention);
          } else {
            if (!f.allCaps()) {
              confirmed.add(mention.iso2());
            }
            out.add(mention);
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

  /** The entry a match stands for, or null when the rules say it names no state. */
  private Entry resolve(Match m, List<Entry> all) {
    List<Entry> entries = all;
    Entry chosen = null;
    for (EntryRule rule : rules) {
      Verdict v = rule.apply(m, entries);
      switch (v.kind()) {
        case PASS -> {}
        case NONE -> {
          return null;
        }
        case PICK -> chosen = v.entry();
        case KEEP -> entries = v.entries();
      }
      if (chosen != null) {
        break;
      }
    }
    if (chosen == null) {
      chosen = entries.get(0);
    }
    return stateNouns.refine(m, chosen);
  }

  /** The mentions of the parts of a hyphenated word (israélo-palestinien: IL and PS). */
  private void addParts(FieldScan f, int fi, int i, Set<String> context, List<Mention> out) {
    String surface = f.surface(i);
    List<CompoundPart> parts = f.facts(i).parts();
    for (CompoundPart part : parts) {
      if (!compounds.counts(surface, parts, part)) {
        continue;
      }
      Entry e;
      if (part.node() == null) {
        e = HyphenatedCompounds.combiningEntry(part);
      } else {
        Reading r =
            new Reading(part.key(), 0, false, "", part.start(), surface.length() - part.end());
        e = resolve(new Match(f, i, i, r, 0, articles, context, false), part.node().entries());
      }
      if (e != null) {
        int start = f.start(i) + part.start();
        int stop = f.start(i) + part.end();
        boolean team = e.nameOrAdjective() && sports.isTeamPart(f, i);
        out.add(
            new Mention(
                e.iso2(),
                e.form(),
                f.text().substring(start, stop),
                fi,
                start,
                stop,
                f.sentence(i),
                team));
      }
    }
  }
}
