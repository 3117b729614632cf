package org.marsad.relations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marsad.relations.Reading.Act;
import org.marsad.relations.Reading.Mention;
import org.marsad.relations.Reading.Role;
import org.marsad.text.Field;
import org.marsad.text.WordLists;

/**
 * Classifies the relation of each pair of states named in one sentence as cooperation, conflict or
 * neutral, with its PLOVER quad class, its direction and its cue, by rules over the sentence's
 * tokens and the curated cue lexicons of {@code conf/relations/}. Immutable and thread-safe: one
 * instance serves every thread (each call builds its own {@link Reading}); a {@link Field} is
 * classified on the thread that cut it, as the analysers use it, since what the lexicon computes of
 * a token is kept in the field's thread-local {@link org.marsad.text.Lexicon}.
 */
public final class RelationClassifier {

  /** Languages with a packaged lexicon. */
  public static final List<String> LANGUAGES = List.of("ar", "en", "fr", "fa");

  private static volatile RelationClassifier defaults;

  private final Map<String, CueLexicon> lexicons;

  private RelationClassifier(Map<String, CueLexicon> lexicons) {
    this.lexicons = Map.copyOf(lexicons);
  }

  /** The packaged lexicons, {@code marsad/conf/relations/<lang>.tsv} on the classpath. */
  public static RelationClassifier defaults() {
    RelationClassifier d = defaults;
    if (d == null) {
      synchronized (RelationClassifier.class) {
        d = defaults;
        if (d == null) {
          d = fromLines(Map.of());
          defaults = d;
        }
      }
    }
    return d;
  }

  /**
   * The lexicons given as lines of {@code <lang>.tsv} files (a user's overrides); a language not in
   * the map keeps its packaged lexicon.
   *
   * @throws IllegalArgumentException naming the line when a line is malformed
   */
  public static RelationClassifier fromLines(Map<String, List<String>> lexiconLinesByLang) {
    Map<String, CueLexicon> lex = new HashMap<>();
    for (String lang : LANGUAGES) {
      if (!lexiconLinesByLang.containsKey(lang)) {
        String name = "relations/" + lang + ".tsv";
        lex.put(lang, CueLexicon.parse(lang, WordLists.lines(name, null), "conf/" + name));
      }
    }
    for (Map.Entry<String, List<String>> e : lexiconLinesByLang.entrySet()) {
      String lang = e.getKey().toLowerCase(Locale.ROOT);
      lex.put(lang, CueLexicon.parse(lang, e.getValue(), lang + ".tsv"));
    }
    return new RelationClassifier(lex);
  }

  /** True when {@code lang} has a lexicon (other languages get neutral pairs without a cue). */
  public boolean supports(String lang) {
    return lang != null && lexicons.containsKey(lang);
  }

  /** Relations of every pair of distinct states named in one sentence of a field. */
  public List<PairRelation> classify(String lang, Field field, int sentence, List<Named> named) {
    int lo = firstToken(field, sentence);
    int hi = lo;
    while (hi < field.size() && field.sentence(hi) == sentence) {
      hi++;
    }
    return classify(lang, field, lo, hi, named);
  }

  /** Convenience for tools/tests: a plain sentence string (tokenised internally). */
  public List<PairRelation> classify(String lang, String sentence, List<Named> named) {
    Field f = Field.of(sentence);
    return classify(lang, f, 0, f.size(), named);
  }

  private static int firstToken(Field f, int sentence) {
    int lo = 0;
    int hi = f.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (f.sentence(mid) < sentence) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private List<PairRelation> classify(String lang, Field field, int lo, int hi, List<Named> named) {
    if (hi <= lo || named.size() < 2) {
      return List.of();
    }
    CueLexicon lex = lang == null ? null : lexicons.get(lang);
    List<Mention> mentions = new ArrayList<>();
    LinkedHashSet<String> states = new LinkedHashSet<>();
    List<Named> sorted = new ArrayList<>(named);
    sorted.sort((x, y) -> Integer.compare(x.start(), y.start()));
    int from = field.start(lo);
    int to = field.end(hi - 1);
    for (Named s : sorted) {
      if (s.start() < from || s.end() > to) {
        continue;
      }
      int first = tokenAt(field, lo, hi, s.start());
      int last = first;
      while (last + 1 < hi && field.start(last + 1) < s.end()) {
        last++;
      }
      List<CueLexicon.Entry> clitics = lex == null ? List.of() : clitics(lex, field, first, s);
      mentions.add(new Mention(s.iso2(), first - lo, last - lo, s.form(), clitics));
      states.add(s.iso2());
    }
    if (states.size() < 2) {
      return List.of();
    }
    Map<String, Candidate> best = new HashMap<>();
    if (lex != null) {
      Reading r = new Reading(lex, field, lo, hi, mentions);
      if (!r.sport) {
        new Pairs(r, best).derive();
      }
    }
    List<String> isos = new ArrayList<>(states);
    Collections.sort(isos);
    List<PairRelation> out = new ArrayList<>();
    for (int i = 0; i < isos.size(); i++) {
      for (int j = i + 1; j < isos.size(); j++) {
        String a = isos.get(i);
        String b = isos.get(j);
        Candidate c = best.get(a + "|" + b);
        out.add(c == null ? PairRelation.neutral(a, b) : c.relation);
      }
    }
    return out;
  }

  /**
   * The proclitics written before a mention in its token (وب in وبروسيا). The state matcher keeps
   * both lams of Arabic لل (للولايات = ل + الولايات) inside the mention, and no state's name starts
   * with لل, so a mention starting with it has the preposition ل.
   */
  private static List<CueLexicon.Entry> clitics(CueLexicon lex, Field field, int token, Named s) {
    String before = field.text().substring(field.start(token), s.start());
    String key = lex.key(before);
    if (lex.lang.equals("ar") && lex.key(field.norm(token)).startsWith(key + "لل")) {
      key = key + "ل";
    }
    return key.isEmpty() ? List.of() : lex.cliticsOf(key);
  }

  private static int tokenAt(Field f, int lo, int hi, int offset) {
    int a = lo;
    int b = hi - 1;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (f.end(mid) <= offset) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  private record Candidate(PairRelation relation, int rank) {}

  /** Turns the roles of a reading into the best relation of each pair. */
  private static final class Pairs {
    private final Reading r;
    private final Map<String, Candidate> best;

    Pairs(Reading r, Map<String, Candidate> best) {
      this.r = r;
      this.best = best;
    }

    void derive() {
      List<Act> acts = r.acts;
      for (Act a : acts) {
        Quad q = a.quad();
        if (q == Quad.NEUTRAL) {
          continue;
        }
        boolean sym = a.has(CueLexicon.SYM);
        boolean rev = a.has(CueLexicon.REV);
        int dir = sym ? 0 : rev ? -1 : 1;
        List<Mention> ms = a.mentions;
        for (int i = 0; i < ms.size(); i++) {
          for (int j = 0; j < ms.size(); j++) {
            Mention x = ms.get(i);
            Mention y = ms.get(j);
            if (i == j || x.iso2.equals(y.iso2)) {
              continue;
            }
            boolean sideX = x.role == Role.ACTOR || x.role == Role.MUTUAL;
            boolean sideY = y.role == Role.ACTOR || y.role == Role.MUTUAL;
            if (sideX && y.role == Role.TARGET) {
              offer(x, y, q, dir, a, 3);
            } else if (x.role == Role.ACTOR && y.role == Role.PARTNER) {
              if (sym) {
                offer(x, y, q, 0, a, 3);
              } else if (q.verbal() && hasOther(ms, x, y)) {
                // A accused C together with B: B speaks with A.
                offer(x, y, q.asCooperation(), 0, a, 2);
              } else {
                // cut ties with B, قطع العلاقات مع قطر: B is the other side.
                offer(x, y, q, dir, a, 3);
              }
            } else if (x.role == Role.MUTUAL && y.role == Role.PARTNER && sym) {
              // The relations of A with B (توتر علاقات أنقرة بواشنطن، علاقة الصين مع كوريا): the
              // side of a relations noun and its partner are the two sides of a reciprocal cue.
              offer(x, y, q, 0, a, 3);
            } else if (x.role == Role.ACTOR
                && y.role == Role.MUTUAL
                && q.relation() == Relation.COOPERATION) {
              // A host or mediator of talks between B and C: towards each of them.
              offer(x, y, q, 1, a, 3);
            } else if (i < j && sideX && sideY && x.role == y.role) {
              if (hasOther(ms, x, y)) {
                // Acting together on a third state: said so (joint, مشتركة), or a material act
                // (strikes, cut ties); statements side by side are parallel reactions.
                if (a.joint || !q.verbal()) {
                  offer(x, y, q.asCooperation(), 0, a, 2);
                }
              } else if (sym || x.role == Role.MUTUAL) {
                offer(x, y, q, 0, a, 3);
              }
            }
          }
        }
      }
      link(acts);
      carry(acts);
    }

    /** A third state as target or partner of the act (joint action against or with it). */
    private static boolean hasOther(List<Mention> ms, Mention x, Mention y) {
      for (Mention m : ms) {
        if ((m.role == Role.TARGET || (m.role == Role.PARTNER && m != y))
            && !m.iso2.equals(x.iso2)
            && !m.iso2.equals(y.iso2)) {
          return true;
        }
      }
      return false;
    }

    /**
     * A verbal cue without a target of its own whose object is the next act (in its clause or the
     * complement clause after it; the act before it when the cue is passive):
     *
     * <ul>
     *   <li>a condemnation of an attack (A condemns the attack of X on B) relates A to the victim B
     *       in solidarity and A to the attacker X in conflict;
     *   <li>a framing cue (threaten to, pledge to) lends its actor to the act it frames, as verbal;
     *   <li>any other verbal cue is about the actor of that act (A warned that B would ..., A
     *       praised B's decision to ...).
     * </ul>
     */
    private void link(List<Act> acts) {
      for (int k = 0; k < acts.size(); k++) {
        Act a1 = acts.get(k);
        Act a2 =
            a1.passive
                ? (k > 0 ? acts.get(k - 1) : null)
                : k + 1 < acts.size() ? acts.get(k + 1) : null;
        if (a2 == null
            || !a1.named().verbal()
            || a1.quad() == Quad.NEUTRAL
            || a2.negated
            || a1.rank != a2.rank
            || Math.abs(a2.clause - a1.clause) > 1
            || (a1.passive ? a1.start() - a2.end() : a2.start() - a1.end()) > 8
            || a1.hasRole(Role.TARGET)
            || a1.hasRole(Role.PARTNER)) {
          continue;
        }
        List<Mention> actors = roles(a1, Role.ACTOR);
        if (actors.isEmpty()) {
          continue;
        }
        boolean solid = a1.has(CueLexicon.SOLID);
        boolean frame = a1.has(CueLexicon.FRAME);
        if (solid && a2.named().relation() == Relation.CONFLICT) {
          // The condemned attack and the acts that describe it after it (the attack that targeted
          // a mosque in B ...).
          for (int j = k + 1; j < acts.size() && !a1.passive; j++) {
            Act more = acts.get(j);
            if (more.named().relation() != Relation.CONFLICT
                || more.rank != a1.rank
                || more.start() - a1.end() > 16) {
              break;
            }
            solidarity(actors, a1, more);
          }
          if (a1.passive) {
            solidarity(actors, a1, a2);
          }
        } else if (frame && sides(a2).isEmpty() && a2.quad() != Quad.NEUTRAL) {
          // The framed act and the acts coordinated after it that have no subject of their own
          // (threatened to withdraw from the deal and to impose sanctions on B).
          for (int j = k + 1; j < acts.size(); j++) {
            Act more = acts.get(j);
            if (j > k + 1
                && (more.negated
                    || more.rank != a1.rank
                    || more.clause != a2.clause
                    || more.start() - a1.end() > 16
                    || !sides(more).isEmpty()
                    || more.quad() == Quad.NEUTRAL)) {
              break;
            }
            Quad q = more.quad().asVerbal();
            int dir = more.has(CueLexicon.SYM) ? 0 : 1;
            for (Mention x : actors) {
              for (Mention y : more.mentions) {
                if (y.role == Role.TARGET || y.role == Role.PARTNER) {
                  offer(x, y, q, dir, more, 3);
                }
              }
            }
          }
        } else if (!solid && !frame && !(a2.has(CueLexicon.SYM) && sides(a2).size() < 2)) {
          // (A reciprocal act with one side named, the Syrian crisis, has no actor to speak of.)
          for (Mention x : actors) {
            for (Mention y : roles(a2, Role.ACTOR)) {
              offer(x, y, a1.quad(), 1, a1, 3);
            }
          }
        }
      }
    }

    private void solidarity(List<Mention> actors, Act a1, Act attack) {
      for (Mention x : actors) {
        for (Mention y : attack.mentions) {
          if (y.role == Role.TARGET || y.role == Role.PARTNER || y.role == Role.PLACE) {
            offer(x, y, Quad.VERBAL_COOPERATION, 1, a1, 3);
          } else if (y.role == Role.ACTOR || y.role == Role.MUTUAL) {
            offer(x, y, a1.quad(), 1, a1, 3);
          }
        }
      }
    }

    private static List<Mention> sides(Act a) {
      List<Mention> out = new ArrayList<>(2);
      for (Mention m : a.mentions) {
        if (m.role == Role.ACTOR || m.role == Role.MUTUAL) {
          out.add(m);
        }
      }
      return out;
    }

    /**
     * An act with a target but no actor of its own takes one from the act before it: the object of
     * that act when it is introduced by a preposition (the US accused Iran of attacking Saudi
     * Arabia: Iran attacks; called on Israel to stop its strikes on Gaza), else, for a verb, that
     * act's subject (Egypt condemned the attack and called on Israel ..., أدانت مصر ... ودعت
     * إسرائيل; after «لكن» / but, the later clause is the point the sentence makes).
     */
    private void carry(List<Act> acts) {
      for (int k = 1; k < acts.size(); k++) {
        Act a = acts.get(k);
        boolean introduced = r.introduced(a.hit);
        boolean chain =
            k > 0
                && a.named() == Quad.MATERIAL_CONFLICT
                && acts.get(k - 1).named() == Quad.MATERIAL_CONFLICT;
        if (!(a.entry().verb() || introduced || chain || r.nominal(a.hit))
            || a.quad() == Quad.NEUTRAL
            || (a.passive && !a.has(CueLexicon.PASS))
            || a.hasRole(Role.ACTOR)
            || a.hasRole(Role.MUTUAL)
            || !(a.hasRole(Role.TARGET) || a.hasRole(Role.PARTNER))) {
          continue;
        }
        Act prev = null;
        List<Mention> from = List.of();
        for (int p = k - 1; p >= 0 && prev == null; p--) {
          Act c = acts.get(p);
          if (a.rank - c.rank > 1 || a.clause - c.clause > 2 || (introduced && p < k - 1)) {
            break;
          }
          if (introduced && a.clause == c.clause && c.hasRole(Role.TARGET)) {
            prev = c;
            from = roles(c, Role.TARGET);
          } else if ((c.has(CueLexicon.SOLID) || c.has(CueLexicon.FRAME))
              && !c.hasRole(Role.TARGET)
              && a.clause == c.clause) {
            break; // a condemned or threatened act: link() relates them
          } else if (r.infinitive(a.hit)
              && c.quad() != Quad.NEUTRAL
              && a.clause == c.clause
              && !c.hasRole(Role.TARGET)
              && !c.hasRole(Role.PARTNER)
              && !sides(c).isEmpty()) {
            // An infinitive after an act with no object (agreed to lend Ecuador, would lend crude
            // to help Ecuador): the subject of that act does it.
            prev = c;
            from = sides(c);
          } else if (p == k - 1
              && a.named() == Quad.MATERIAL_CONFLICT
              && c.named() == Quad.MATERIAL_CONFLICT
              && a.clause == c.clause
              && !sides(c).isEmpty()) {
            // Strikes that killed Palestinians: one attack told in two nouns.
            prev = c;
            from = sides(c);
          } else if (!introduced && !sides(c).isEmpty()) {
            prev = c;
            from = sides(c);
          }
        }
        if (prev == null) {
          continue;
        }
        boolean sym = a.has(CueLexicon.SYM);
        int strength = a.rank > prev.rank ? 3 : 1;
        for (Mention x : from) {
          for (Mention y : a.mentions) {
            if (y.role == Role.TARGET || y.role == Role.PARTNER) {
              offer(x, y, a.quad(), sym ? 0 : 1, a, strength);
            }
          }
        }
      }
    }

    private static List<Mention> roles(Act a, Role role) {
      List<Mention> out = new ArrayList<>(2);
      for (Mention m : a.mentions) {
        if (m.role == role) {
          out.add(m);
        }
      }
      return out;
    }

    /**
     * Offers a relation between x and y ({@code dir} 1: x acts on y, -1: y on x, 0: none); the pair
     * keeps the best: the clause after a contrast marker, then material over verbal, then the
     * stronger reading (direct over carried), then conflict over cooperation.
     */
    private void offer(Mention x, Mention y, Quad q, int dir, Act act, int strength) {
      if (x.iso2.equals(y.iso2) || q == Quad.NEUTRAL) {
        return;
      }
      boolean swap = x.iso2.compareTo(y.iso2) > 0;
      String a = swap ? y.iso2 : x.iso2;
      String b = swap ? x.iso2 : y.iso2;
      Direction d =
          dir == 0 ? Direction.NONE : (dir > 0) != swap ? Direction.A_TO_B : Direction.B_TO_A;
      int rank =
          act.rank * 1000
              + (q.verbal() ? 0 : 100)
              + strength * 10
              + (q.relation() == Relation.CONFLICT ? 1 : 0);
      String key = a + "|" + b;
      Candidate old = best.get(key);
      if (old != null && old.rank >= rank) {
        return;
      }
      // The cue: the verb with the noun it takes (signed an agreement) unless a state's name
      // stands between them (تعرضت سوريا لقصف: the noun; قطعت المغرب علاقاتها: the verb).
      int from = act.start();
      int to = act.end();
      for (int t = from; t < to; t++) {
        if (r.mentionAt[t] >= 0) {
          if (act.noun != null) {
            from = act.noun.start();
          } else {
            to = from + 1;
          }
          break;
        }
      }
      int cs = r.field.start(r.lo + from);
      int ce = r.field.end(r.lo + to - 1);
      best.put(
          key,
          new Candidate(
              new PairRelation(a, b, q.relation(), q, d, cs, ce, r.text.substring(cs, ce)), rank));
    }
  }

  /**
   * The cue words of each class in a sentence, read without any rule (no roles, negation or
   * modality): what a keyword baseline sees. Neutral-context words are counted under NEUTRAL.
   */
  public Map<Quad, Integer> cueCounts(String lang, String sentence) {
    Map<Quad, Integer> out = new java.util.EnumMap<>(Quad.class);
    CueLexicon lex = lang == null ? null : lexicons.get(lang);
    if (lex == null) {
      return out;
    }
    Field f = Field.of(sentence);
    String[] keys = new String[f.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = lex.key(f.norm(i));
    }
    for (CueLexicon.Hit h : lex.match(keys, new boolean[keys.length])) {
      if (h.kind() == CueLexicon.Kind.CUE) {
        out.merge(h.entry().quad(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The lexicons' sizes by language, for logs and tools. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String l : LANGUAGES) {
      CueLexicon c = lexicons.get(l);
      if (c != null) {
        out.put(l, c.size());
      }
    }
    return out;
  }
}
