package org.marsad.states.match;

import java.util.ArrayList;
import java.util.List;
import org.marsad.states.match.core.Entry;
import org.marsad.states.match.core.Keys;
import org.marsad.states.match.core.Trie;
import org.marsad.states.match.rules.AmbiguousPlaces;
import org.marsad.states.match.rules.KoreaAlone;
import org.marsad.text.Lexicon;

/**
 * The gazetteer of one document language as a trie, with the slot where each thread's lexicon
 * caches the matcher's facts of a token for that language.
 *
 * <p>Rows apply per language: a document of language L is matched with the gazetteer rows of L
 * (forms.tsv: ar, en, fr, fa; cities.tsv: ar, en, fr), and, for a language without rows, with the
 * CLDR country names of L generated from the JDK (German, Spanish, Urdu ...). A Latin-script
 * document other than English also reads the English rows, and {@code und} reads them alone; a
 * language's own row wins over a borrowed one of the same surface (the French capital Mexico is not
 * the English name Mexico). Persian reads the Arabic cities (see {@link
 * #PERSIAN_READS_ARABIC_FORMS}).
 */
final class Profile {

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

  final String lang;
  final Trie trie = new Trie();
  final int slot = Lexicon.newSlot();

  Profile(String lang, Gazetteer gazetteer, AmbiguousPlaces places, KoreaAlone korea) {
    this.lang = lang;
    for (Rows r : rowsOf(lang, gazetteer)) {
      List<Gazetteer.Form> forms =
          r.cldr() ? CldrNames.forms(r.lang(), gazetteer.states()) : gazetteer.forms();
      for (Gazetteer.Form f : r.citiesOnly() ? List.<Gazetteer.Form>of() : forms) {
        if (!f.lang().equals(r.lang())) {
          continue;
        }
        String[] toks = Keys.surfaceTokens(f.surface());
        if (toks.length == 0) {
          continue;
        }
        trie.add(toks, new Entry(f.iso2(), f.form(), f.lang(), toks, 0), r.own());
        String[] split = splitAlef(f.lang(), toks);
        if (split.length > 0) {
          trie.add(split, new Entry(f.iso2(), f.form(), f.lang(), split, 0), r.own());
        }
        if (f.lang().equals("ar")
            && f.form().equals("adjective")
            && !Keys.norm(toks[0]).startsWith("ال")) {
          // Adjectives are listed without the article: the definite form too.
          String[] def = toks.clone();
          def[0] = "ال" + toks[0];
          trie.add(def, new Entry(f.iso2(), f.form(), f.lang(), def, 0), r.own());
        }
      }
      for (Gazetteer.City c : gazetteer.cities()) {
        if (c.lang().equals(r.lang())) {
          String[] toks = Keys.surfaceTokens(c.surface());
          if (toks.length > 0) {
            trie.add(toks, new Entry(c.iso2(), "city", c.lang(), toks, c.population()), r.own());
          }
        }
      }
      places.addCities(trie, r.lang(), r.own());
      if (!r.citiesOnly()) {
        korea.addEntries(trie, r.lang(), r.own());
      }
    }
  }

  /**
   * The rows of a document language {@code lang}: its own rows of forms.tsv and cities.tsv when it
   * has any (ar, en, fr, fa); else, for a language the JDK's CLDR data names countries in, those
   * CLDR names; the English rows for {@code und} and for a code CLDR does not know. A Latin-script
   * language other than English also reads the English rows (a French article's Chicago, a German
   * article's Iran), below its own; Persian reads the Arabic cities.
   */
  private static List<Rows> rowsOf(String lang, Gazetteer gazetteer) {
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

  /**
   * An Arabic name whose first word begins with an alef (أمريكا, إسرائيل) as some segmenters write
   * it, the alef split off as a token of its own (ا مريكا, ا سرائيل: a hamza seat read as a
   * prefix); none for other forms, words that begin with the article or words of three letters or
   * less (the rest would be too short to tell).
   */
  static String[] splitAlef(String lang, String[] toks) {
    if (!lang.equals("ar") || toks.length == 0) {
      return new String[0];
    }
    String first = Keys.norm(toks[0]);
    if (first.length() < 5 || first.charAt(0) != '\u0627' || first.startsWith("ال")) {
      return new String[0];
    }
    String[] split = new String[toks.length + 1];
    split[0] = "\u0627";
    split[1] = first.substring(1);
    System.arraycopy(toks, 1, split, 2, toks.length - 1);
    return split;
  }
}
