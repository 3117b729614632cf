package org.marsad.relations;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marsad.text.ArabicNormalizer;
import org.marsad.text.Field;
import org.marsad.text.Lexicon;

/**
 * The cue lexicon of one language ({@code conf/relations/<lang>.tsv}): cue words and phrases with
 * their PLOVER quad class, and the function words the rules read (prepositions that mark a target,
 * a partner or an agent, negation, modality, contrast, passive auxiliaries, conjunctions, head
 * nouns of a state's noun phrase, proclitics). Immutable once parsed; the format is documented in
 * the header of the packaged files and in {@code docs/relations.md}.
 */
final class CueLexicon {

  /** What a lexicon line is: a cue of a quad class, or one of the function-word classes. */
  enum Kind {
    CUE,
    TARGET,
    PARTNER,
    AGENT,
    SOURCE,
    BETWEEN,
    LOCATION,
    GENITIVE,
    NEGATION,
    MODAL,
    CONTRAST,
    CLAUSE,
    JOINT,
    PRIVATE,
    PASSIVE,
    CONJ,
    OBJECT_AFTER,
    HEAD,
    ARTICLE;

    /** The class column's spelling, {@code @target} ... */
    String label() {
      return "@" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Reciprocal cue (talks, an agreement with, clashes between): no direction. */
  static final int SYM = 1;

  /**
   * Condemnation: condemning an attack on B is solidarity with B and conflict with the attacker.
   */
  static final int SOLID = 2;

  /** The grammatical subject is the recipient (host, receive): the direction is reversed. */
  static final int REV = 4;

  /** The grammatical subject undergoes the act (suffer, be exposed to): it is the target. */
  static final int PASS = 8;

  /** A word of sport: the states of the sentence are teams, in no political relation. */
  static final int SPORT = 16;

  /** The cue's complement is another act (threaten to, pledge to): its actor acts that one. */
  static final int FRAME = 32;

  /** A proclitic (Arabic و ب ل س ال, French l' d' n'): stripped from the front of a token. */
  static final int CLITIC = 64;

  /** A function word that applies only right before the cue (Arabic ما, لا). */
  static final int ADJACENT = 128;

  /** A modal word that applies only before an imperfect verb (Arabic قد). */
  static final int IMPERFECT = 256;

  /**
   * A neutral word of trade (imports, exports, واردات): after a cue of a relation it is that cue's
   * object (tariffs on imports from B), before one it qualifies it (import quotas).
   */
  static final int TRADE = 512;

  /**
   * A sanction or ban whose target may be named by a state's firms, banks or airlines (sanctions on
   * Iranian airlines, عقوبات على شركات إيرانية): those stand for the state (guide 6.15).
   */
  static final int ENTITY = 1024;

  private static final Map<String, Integer> FLAGS =
      Map.ofEntries(
          Map.entry("trade", TRADE),
          Map.entry("entity", ENTITY),
          Map.entry("sym", SYM),
          Map.entry("solid", SOLID),
          Map.entry("rev", REV),
          Map.entry("pass", PASS),
          Map.entry("sport", SPORT),
          Map.entry("frame", FRAME),
          Map.entry("clitic", CLITIC),
          Map.entry("adjacent", ADJACENT),
          Map.entry("imperfect", IMPERFECT));

  /**
   * One lexicon line.
   *
   * @param words the normalised words; a word whose {@code prefix} is true matches any word that
   *     starts with it
   * @param kind cue or function class
   * @param quad the quad class of a cue (NEUTRAL for a neutral-context cue), null for function
   *     words
   * @param pos v verb, n noun, a adjective, p preposition/particle, x other
   * @param flags bits of the flags column
   * @param line the line as written, for messages
   */
  record Entry(
      String[] words, boolean[] prefix, Kind kind, Quad quad, char pos, int flags, String line) {

    boolean has(int flag) {
      return (flags & flag) != 0;
    }

    boolean verb() {
      return pos == 'v';
    }

    boolean noun() {
      return pos == 'n';
    }
  }

  /** A form of a token: the token with some proclitics stripped, and those clitics. */
  record Form(String text, List<Entry> clitics) {}

  /**
   * What the lexicon sees of one token: its key, its forms, and for each form the entries whose
   * first word matches it.
   */
  record Token(String key, List<Form> forms, List<List<Entry>> firsts) {}

  /** A match of an entry over tokens [start, end) of a sentence. */
  record Hit(int start, int end, Entry entry, List<Entry> clitics) {
    Kind kind() {
      return entry.kind();
    }
  }

  private static final int MIN_PREFIX = 3;
  private static final int MAX_GAP = 2;

  final String lang;
  private final int slot = Lexicon.newSlot();
  private final Map<String, List<Entry>> exact = new HashMap<>();
  private final Map<String, List<Entry>> prefixes = new HashMap<>();
  private final List<Entry> proclitics = new ArrayList<>();
  private final boolean latin;
  private int maxPrefix;
  private final int size;

  private CueLexicon(String lang, List<Entry> entries) {
    this.lang = lang;
    this.latin = !(lang.equals("ar") || lang.equals("fa") || lang.equals("ur"));
    for (Entry e : entries) {
      if (e.has(CLITIC)) {
        proclitics.add(e);
        continue;
      }
      String first = e.words()[0];
      if (e.prefix()[0]) {
        prefixes.computeIfAbsent(first, k -> new ArrayList<>(1)).add(e);
        maxPrefix = Math.max(maxPrefix, first.length());
      } else {
        exact.computeIfAbsent(first, k -> new ArrayList<>(1)).add(e);
      }
    }
    // Longer clitics first (لل before ل).
    proclitics.sort((x, y) -> y.words()[0].length() - x.words()[0].length());
    this.size = entries.size();
  }

  /** Number of lines read. */
  int size() {
    return size;
  }

  /**
   * Parses the lines of a lexicon file (comment and blank lines already dropped or not).
   *
   * @throws IllegalArgumentException naming the line when one is malformed
   */
  static CueLexicon parse(String lang, List<String> lines, String where) {
    boolean latin = !(lang.equals("ar") || lang.equals("fa") || lang.equals("ur"));
    List<Entry> entries = new ArrayList<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        throw bad(where, n, raw, "expected cue<TAB>class[<TAB>pos[<TAB>flags]]");
      }
      String cls = f[1].strip();
      Kind kind = Kind.CUE;
      Quad quad = null;
      if (cls.startsWith("@")) {
        kind = null;
        for (Kind k : Kind.values()) {
          if (k != Kind.CUE && k.label().equals(cls)) {
            kind = k;
          }
        }
        if (kind == null) {
          throw bad(where, n, raw, "unknown class " + cls + "; known: " + knownClasses());
        }
      } else {
        quad = Quad.ofLabel(cls);
        if (quad == null) {
          throw bad(where, n, raw, "unknown class " + cls + "; known: " + knownClasses());
        }
      }
      String pos = f.length > 2 ? f[2].strip() : "";
      char p = pos.isEmpty() ? 'x' : pos.charAt(0);
      if (pos.length() > 1 || "vnapx".indexOf(p) < 0) {
        throw bad(where, n, raw, "pos must be one of v, n, a, p, x (was " + pos + ")");
      }
      int flags = 0;
      if (f.length > 3) {
        for (String fl : f[3].split(",")) {
          String s = fl.strip();
          if (s.isEmpty()) {
            continue;
          }
          Integer bit = FLAGS.get(s);
          if (bit == null) {
            throw bad(where, n, raw, "unknown flag " + s + "; known: " + FLAGS.keySet());
          }
          flags |= bit;
        }
      }
      String[] ws = f[0].strip().split("\\s+");
      String[] words = new String[ws.length];
      boolean[] prefix = new boolean[ws.length];
      for (int i = 0; i < ws.length; i++) {
        String w = ws[i];
        if (w.endsWith("*")) {
          prefix[i] = true;
          w = w.substring(0, w.length() - 1);
        }
        w = key(w, latin);
        if (w.isEmpty() || (prefix[i] && w.length() < MIN_PREFIX)) {
          throw bad(
              where,
              n,
              raw,
              "a word must have letters, and a prefix (word*) at least " + MIN_PREFIX + " of them");
        }
        words[i] = w;
      }
      if ((flags & CLITIC) != 0 && (words.length != 1 || prefix[0])) {
        throw bad(where, n, raw, "a clitic is one plain word");
      }
      entries.add(new Entry(words, prefix, kind, quad, p, flags, line));
    }
    return new CueLexicon(lang, entries);
  }

  private static String knownClasses() {
    List<String> out = new ArrayList<>();
    for (Quad q : Quad.values()) {
      out.add(q.label());
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.CUE) {
        out.add(k.label());
      }
    }
    return out.toString();
  }

  private static IllegalArgumentException bad(String where, int line, String raw, String why) {
    return new IllegalArgumentException(
        "Cannot read relation cues: "
            + why
            + " ("
            + where
            + " line "
            + line
            + ": "
            + raw.strip()
            + "); see the header of conf/relations/en.tsv");
  }

  /**
   * The matching key of a word: the text's normalisation ({@link ArabicNormalizer}), and for Latin
   * script also without accents and with ’ as '.
   */
  static String key(String word, boolean latin) {
    String s = ArabicNormalizer.normalize(word);
    if (latin) {
      if (s.equals("\u00e0")) {
        return s; // French à (to) is not a (has)
      }
      s = s.replace('\u2019', '\'');
      boolean ascii = true;
      for (int i = 0; i < s.length() && ascii; i++) {
        ascii = s.charAt(i) < 0x80;
      }
      if (!ascii) {
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      }
    }
    return s;
  }

  /** The key of a token's normal form in this language. */
  String key(String norm) {
    return key(norm, latin);
  }

  /**
   * The forms of a token, least stripped first: the token itself, then without proclitics in the
   * order they attach (a conjunction, then a preposition or the future, then the article). Arabic
   * keeps at least 3 letters after stripping; English also drops a possessive 's.
   */
  List<Form> forms(String key) {
    List<Form> out = new ArrayList<>(4);
    String k = key;
    if (latin && (k.endsWith("'s") || k.endsWith("'"))) {
      k = k.substring(0, k.length() - (k.endsWith("'") ? 1 : 2));
    }
    out.add(new Form(k, List.of()));
    if (!proclitics.isEmpty()) {
      strip(k, new ArrayList<>(), out, 0);
    }
    return out;
  }

  private void strip(String s, List<Entry> taken, List<Form> out, int layer) {
    for (Entry c : proclitics) {
      int l = layer(c);
      if (l < layer) {
        continue;
      }
      String w = c.words()[0];
      if (s.startsWith(w) && s.length() - w.length() >= (latin ? 2 : 3)) {
        List<Entry> t = new ArrayList<>(taken);
        t.add(c);
        String rest = s.substring(w.length());
        out.add(new Form(rest, Collections.unmodifiableList(t)));
        if (out.size() < 12) {
          strip(rest, t, out, l + 1);
        }
      }
    }
  }

  /**
   * The order proclitics attach in: conjunction, then preposition/future/negation, then article.
   */
  private static int layer(Entry clitic) {
    return switch (clitic.kind()) {
      case CONJ -> 0;
      case ARTICLE -> 2;
      default -> 1;
    };
  }

  /**
   * The token {@code i} of a field as this lexicon sees it, computed once per surface form and
   * thread: it is kept in the field's {@link Lexicon} (thread-confined, as the analysers' keys
   * are).
   */
  Token token(Field f, int i) {
    Lexicon lx = f.lexicon();
    int id = f.id(i);
    Object o = lx.get(slot, id);
    if (o != null) {
      return (Token) o;
    }
    Token t = token(key(f.norm(i)));
    lx.set(slot, id, t);
    return t;
  }

  /** The token of a key. */
  Token token(String key) {
    List<Form> fs = forms(key);
    List<List<Entry>> firsts = new ArrayList<>(fs.size());
    for (Form f : fs) {
      String s = f.text();
      List<Entry> cands = null;
      List<Entry> ex = exact.get(s);
      if (ex != null) {
        cands = new ArrayList<>(ex);
      }
      for (int k = Math.min(maxPrefix, s.length()); k >= MIN_PREFIX; k--) {
        List<Entry> ps = prefixes.get(s.substring(0, k));
        if (ps != null) {
          if (cands == null) {
            cands = new ArrayList<>(ps.size());
          }
          cands.addAll(ps);
        }
      }
      firsts.add(cands == null ? List.of() : cands);
    }
    return new Token(key, fs, firsts);
  }

  /**
   * The entries over tokens of a sentence, left to right, the longest at each token and no two
   * overlapping.
   *
   * @param keys the tokens' keys ({@link #key(String)})
   * @param blocked tokens no entry starts or ends on (state mentions); a cue phrase may pass them
   */
  List<Hit> match(String[] keys, boolean[] blocked) {
    Token[] toks = new Token[keys.length];
    for (int i = 0; i < keys.length; i++) {
      toks[i] = token(keys[i]);
    }
    return match(toks, blocked);
  }

  /** As {@link #match(String[], boolean[])} over tokens already seen. */
  List<Hit> match(Token[] toks, boolean[] blocked) {
    List<Hit> out = new ArrayList<>();
    int i = 0;
    while (i < toks.length) {
      Hit best = blocked[i] ? null : bestAt(i, toks, blocked);
      if (best == null) {
        i++;
      } else {
        out.add(best);
        i = best.end();
      }
    }
    return out;
  }

  private Hit bestAt(int i, Token[] toks, boolean[] blocked) {
    Token t = toks[i];
    for (int f = 0; f < t.forms().size(); f++) {
      List<Entry> cands = t.firsts().get(f);
      if (cands.isEmpty()) {
        continue;
      }
      Hit best = extend(i, cands, t.forms().get(f), toks, blocked);
      if (best != null) {
        // A less stripped form that matches wins over a more stripped one (التقى is not تقى).
        return best;
      }
    }
    return null;
  }

  private static Hit better(Hit a, Hit b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (b.end() != a.end()) {
      return b.end() > a.end() ? b : a;
    }
    // Same span: the exact or longer first word wins.
    int la = a.entry().words()[0].length() + (a.entry().prefix()[0] ? 0 : 100);
    int lb = b.entry().words()[0].length() + (b.entry().prefix()[0] ? 0 : 100);
    return lb > la ? b : a;
  }

  private Hit extend(int i, List<Entry> cands, Form first, Token[] toks, boolean[] blocked) {
    Hit best = null;
    for (Entry e : cands) {
      int end = i + 1;
      boolean ok = true;
      int gapMax = e.kind() == Kind.CUE ? MAX_GAP : 0;
      for (int w = 1; w < e.words().length && ok; w++) {
        int found = -1;
        // A phrase's words may have up to MAX_GAP words between them, and a state's name (قطعت
        // المغرب علاقاتها: the subject between the verb and its object).
        int gap = 0;
        for (int j = end; j < toks.length && gap <= gapMax; j++) {
          if (blocked[j]) {
            if (gapMax == 0) {
              break;
            }
            continue;
          }
          if (matches(toks[j].forms(), e.words()[w], e.prefix()[w])) {
            found = j;
            break;
          }
          if (startsCue(toks[j])) {
            break; // a phrase does not swallow another cue (من التعاون بين is no «من بين»)
          }
          gap++;
        }
        if (found < 0) {
          ok = false;
        } else {
          end = found + 1;
        }
      }
      if (ok) {
        best = better(best, new Hit(i, end, e, first.clitics()));
      }
    }
    return best;
  }

  /** True when a cue of cooperation or conflict may start at this token. */
  private static boolean startsCue(Token t) {
    for (List<Entry> es : t.firsts()) {
      for (Entry e : es) {
        if (e.kind() == Kind.CUE && e.quad() != Quad.NEUTRAL && e.words().length == 1) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(List<Form> forms, String word, boolean prefix) {
    for (Form f : forms) {
      if (prefix ? f.text().startsWith(word) : f.text().equals(word)) {
        return true;
      }
    }
    return false;
  }

  /** The clitics at the front of a token's part before a mention (وب in وبروسيا), in order. */
  List<Entry> cliticsOf(String keyBefore) {
    List<Entry> out = new ArrayList<>(2);
    String s = keyBefore;
    while (!s.isEmpty()) {
      Entry hit = null;
      for (Entry c : proclitics) {
        if (s.startsWith(c.words()[0])) {
          hit = c;
          break;
        }
      }
      if (hit == null) {
        break;
      }
      out.add(hit);
      s = s.substring(hit.words()[0].length());
    }
    return out;
  }
}
