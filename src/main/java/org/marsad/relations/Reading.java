package org.marsad.relations;

import java.util.ArrayList;
import java.util.List;
import org.marsad.relations.CueLexicon.Entry;
import org.marsad.relations.CueLexicon.Hit;
import org.marsad.relations.CueLexicon.Kind;
import org.marsad.text.Field;

/**
 * The reading of one sentence: its cue and function-word hits, its clauses, the acts its cues name
 * (with negation, modality and voice) and, for each state mention, the act that governs it and its
 * role in that act (actor, target, partner, one of two sides). {@link RelationClassifier} turns the
 * roles into pair relations. One instance per sentence, thread-confined.
 */
final class Reading {

  /** The role of a mention in an act. */
  enum Role {
    ACTOR,
    TARGET,
    PARTNER,
    MUTUAL,
    /** The place of the act (in B): a party only as the victim of a condemned attack. */
    PLACE,
    NONE
  }

  /** A state mention over tokens [first, last] of the sentence. */
  static final class Mention {
    final String iso2;
    final int first;
    final int last;
    final boolean adjective;

    /** Named by a capital or a city: a place as often as an actor. */
    final boolean place;

    final boolean team;
    final List<Entry> clitics;
    Act act;
    Role role = Role.NONE;
    boolean genitive;

    Mention(String iso2, int first, int last, String form, List<Entry> clitics) {
      this.iso2 = iso2;
      this.first = first;
      this.last = last;
      this.adjective = "adjective".equals(form);
      this.place = "capital".equals(form) || "city".equals(form);
      this.team = "team".equals(form);
      this.clitics = clitics;
    }
  }

  /** An act named by a cue. */
  static final class Act {
    final Hit hit;

    /** A noun cue the verb cue takes as its object (provided aid, تعرضت لقصف), or null. */
    Hit noun;

    /** A neutral word of trade the cue takes (tariffs on imports from B), or null. */
    Hit trade;

    final int clause;

    /** How many contrast markers come before the act's clause: a later one wins. */
    int rank;

    /** A word of joint action (joint, together, مشتركة) in the act's clause. */
    boolean joint;

    boolean negated;
    boolean modal;
    boolean passive;
    final List<Mention> mentions = new ArrayList<>(2);

    Act(Hit hit, int clause) {
      this.hit = hit;
      this.clause = clause;
    }

    Entry entry() {
      return hit.entry();
    }

    int start() {
      return hit.start();
    }

    /** The end of the act's cue words (of its noun when it has one, of its trade word). */
    int end() {
      int e = noun == null ? hit.end() : noun.end();
      return trade == null ? e : Math.max(e, trade.end());
    }

    boolean has(int flag) {
      return hit.entry().has(flag) || (noun != null && noun.entry().has(flag));
    }

    /** The class named: the noun's when a verb takes a noun cue (received aid: material). */
    Quad named() {
      return noun == null ? hit.entry().quad() : noun.entry().quad();
    }

    /** The quad class the act carries: verbal under modality, neutral when negated. */
    Quad quad() {
      Quad q = named();
      if (negated) {
        return Quad.NEUTRAL;
      }
      return modal ? q.asVerbal() : q;
    }

    boolean hasRole(Role r) {
      for (Mention m : mentions) {
        if (m.role == r) {
          return true;
        }
      }
      return false;
    }
  }

  private static final int WINDOW = 3;
  private static final int ROLE_WINDOW = 6;

  final CueLexicon lex;
  final boolean arabicOrder;
  final boolean headFinal;
  final int lo;
  final int n;
  final String text;
  final Field field;
  final String[] keys;
  final int[] mentionAt;
  final int[] hitAt;
  final int[] clause;
  private final List<Integer> clauseRank = new ArrayList<>();
  private final List<Boolean> clauseJoint = new ArrayList<>();
  final boolean[] separatorBefore;
  final List<Hit> hits;
  final List<Mention> mentions;
  final List<Act> acts = new ArrayList<>();
  boolean sport;

  Reading(CueLexicon lex, Field field, int lo, int hi, List<Mention> mentions) {
    this.lex = lex;
    this.arabicOrder = lex.lang.equals("ar");
    this.headFinal = lex.lang.equals("fa");
    this.field = field;
    this.text = field.text();
    this.lo = lo;
    this.n = hi - lo;
    this.mentions = mentions;
    keys = new String[n];
    mentionAt = new int[n];
    hitAt = new int[n];
    clause = new int[n];
    separatorBefore = new boolean[n];
    boolean[] blocked = new boolean[n];
    java.util.Arrays.fill(mentionAt, -1);
    java.util.Arrays.fill(hitAt, -1);
    CueLexicon.Token[] toks = new CueLexicon.Token[n];
    for (int i = 0; i < n; i++) {
      toks[i] = lex.token(field, lo + i);
      keys[i] = toks[i].key();
      if (i > 0) {
        separatorBefore[i] = separator(field.end(lo + i - 1), field.start(lo + i));
      }
    }
    for (int k = 0; k < mentions.size(); k++) {
      Mention m = mentions.get(k);
      for (int t = m.first; t <= m.last; t++) {
        mentionAt[t] = k;
        blocked[t] = true;
      }
      sport |= m.team;
    }
    hits = lex.match(toks, blocked);
    int c = 0;
    int next = 0;
    int contrasts = 0;
    clauseRank.add(0);
    clauseJoint.add(false);
    for (int h = 0; h < hits.size(); h++) {
      Hit hit = hits.get(h);
      for (int t = next; t < hit.start(); t++) {
        if (t > 0 && breakBefore(t)) {
          c++;
          clauseRank.add(contrasts);
          clauseJoint.add(false);
        }
        clause[t] = c;
      }
      if ((hit.kind() == Kind.CONTRAST || hit.kind() == Kind.CLAUSE) && hit.start() > 0) {
        c++;
        contrasts += hit.kind() == Kind.CONTRAST ? 1 : 0;
        clauseRank.add(contrasts);
        clauseJoint.add(false);
      }
      if (hit.kind() == Kind.JOINT) {
        clauseJoint.set(c, true);
      }
      for (int t = hit.start(); t < hit.end(); t++) {
        if (mentionAt[t] < 0) {
          hitAt[t] = h;
        }
        clause[t] = c;
      }
      next = hit.end();
      if (hit.kind() == Kind.CUE && hit.entry().has(CueLexicon.SPORT)) {
        sport = true;
      }
    }
    for (int t = next; t < n; t++) {
      if (t > 0 && breakBefore(t)) {
        c++;
        clauseRank.add(contrasts);
        clauseJoint.add(false);
      }
      clause[t] = c;
    }
    Act last = null;
    for (int k = 0; k < hits.size(); k++) {
      Hit h = hits.get(k);
      if (h.kind() != Kind.CUE) {
        continue;
      }
      if (last != null && takesNoun(last, h)) {
        last.noun = h;
        continue;
      }
      if (h.entry().has(CueLexicon.TRADE)) {
        if (last != null && last.trade == null && tradeObject(last, h)) {
          last.trade = h;
          continue;
        }
        if (qualifies(h, k)) {
          continue;
        }
      }
      Act a = new Act(h, clause[h.start()]);
      a.rank = clauseRank.get(a.clause);
      a.joint = clauseJoint.get(a.clause);
      a.negated = negated(h) || denied(h);
      a.modal = modal(h);
      a.passive = a.has(CueLexicon.PASS) || passive(h);
      acts.add(a);
      last = a;
    }
    assign();
  }

  /**
   * A verb cue takes a noun cue up to three words after it as its object, one act (signed an
   * agreement, received aid, تعرضت سوريا لقصف), when both name the same relation (or the verb is
   * one of undergoing) and the verb does not frame another act (threaten, condemn).
   */
  private boolean takesNoun(Act v, Hit n) {
    Entry e = v.entry();
    Entry ne = n.entry();
    if (!e.verb()
        || !nominal(n)
        || v.noun != null
        || e.has(CueLexicon.FRAME)
        || e.has(CueLexicon.SOLID)
        || e.quad() == Quad.NEUTRAL
        || ne.quad() == Quad.NEUTRAL
        || clause[n.start()] != v.clause
        || n.start() - v.hit.end() > 3) {
      return false;
    }
    if (e.quad().relation() != ne.quad().relation() && !e.has(CueLexicon.PASS)) {
      return false;
    }
    if (introduced(n) && !e.has(CueLexicon.PASS)) {
      return false; // led to war: the noun is no object of the verb
    }
    for (int t = v.hit.end(); t < n.start(); t++) {
      if (kindAt(t) == Kind.NEGATION || kindAt(t) == Kind.CONTRAST) {
        return false;
      }
    }
    return true;
  }

  /**
   * A word of trade within three words after a cue of a relation, in its clause, with no other cue
   * between them, is its object: tariffs on imports from B, حظر واردات.
   */
  private boolean tradeObject(Act a, Hit t) {
    if (a.named() == Quad.NEUTRAL
        || clause[t.start()] != a.clause
        || t.start() - a.end() > 3 + mentionsBetween(a.end(), t.start())) {
      return false;
    }
    for (int i = a.end(); i < t.start(); i++) {
      Kind k = kindAt(i);
      if (k == Kind.CUE || k == Kind.NEGATION || k == Kind.CONTRAST || k == Kind.CLAUSE) {
        return false;
      }
    }
    return true;
  }

  /** A word of trade right before a cue of a relation qualifies it (import quotas). */
  private boolean qualifies(Hit t, int k) {
    if (k + 1 >= hits.size()) {
      return false;
    }
    Hit next = hits.get(k + 1);
    return next.kind() == Kind.CUE
        && next.entry().quad() != Quad.NEUTRAL
        && next.start() == t.end()
        && clause[next.start()] == clause[t.start()];
  }

  private int mentionsBetween(int from, int to) {
    int c = 0;
    for (int i = Math.max(0, from); i < to; i++) {
      c += mentionAt[i] >= 0 ? 1 : 0;
    }
    return c;
  }

  /**
   * A noun cue, or a cue written like a verb used as a noun: with the article or a preposition
   * (Arabic verbal nouns share the verb's letters: قصف، دعم; القصف، لقصف are nouns), or after an
   * article, a possessive or a state's adjective (the attack, Morocco's attack, the Israeli
   * attack).
   */
  boolean nominal(Hit h) {
    if (h.entry().noun()) {
      return true;
    }
    for (Entry c : h.clitics()) {
      if (c.kind() == Kind.ARTICLE || c.kind() == Kind.TARGET) {
        return true;
      }
    }
    int t = h.start() - 1;
    if (t < 0) {
      return false;
    }
    if (kindAt(t) == Kind.ARTICLE) {
      return true;
    }
    if (!arabicOrder && !headFinal && mentionAt[t] >= 0) {
      Mention m = mentions.get(mentionAt[t]);
      return m.adjective || keys[t].endsWith("'s") || keys[t].endsWith("'");
    }
    return false;
  }

  /**
   * A cue introduced by a preposition (accused Iran of attacking, بدعم، to stop): a state before it
   * is no subject of it.
   */
  boolean introduced(Hit h) {
    for (Entry c : h.clitics()) {
      if (c.kind() != Kind.CONJ && c.kind() != Kind.ARTICLE) {
        return true;
      }
    }
    Kind k = h.start() > 0 ? kindAt(h.start() - 1) : null;
    return k == Kind.TARGET
        || k == Kind.GENITIVE
        || k == Kind.PARTNER
        || k == Kind.AGENT
        || k == Kind.SOURCE;
  }

  /**
   * A verb cue of English or French right after a word of the target class (to lend, to help, à
   * aider): an infinitive, whose subject is that of the act before it when that act has no object.
   */
  boolean infinitive(Hit h) {
    return !arabicOrder
        && !headFinal
        && h.entry().verb()
        && h.start() > 0
        && kindAt(h.start() - 1) == Kind.TARGET;
  }

  /**
   * A colon or a dash between words (a headline's «بعد المقاطعة: إيران تفتح ...», a quoted speaker)
   * starts a new clause, as a complement does.
   */
  private boolean breakBefore(int t) {
    if (mentionAt[t] >= 0 && mentionAt[t] == mentionAt[t - 1]) {
      return false;
    }
    int from = field.end(lo + t - 1);
    int to = field.start(lo + t);
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch == ':' || ch == '\u2013' || ch == '\u2014' || (ch == '-' && spaced(from, to))) {
        return true;
      }
    }
    return false;
  }

  /** A dash with a space beside it (a - b, a -- b), not a hyphen (U.S.-Canada). */
  private boolean spaced(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the characters between two tokens separate list items or clauses (, ، / - :). */
  private boolean separator(int from, int to) {
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '\u060C' || ch == '/' || ch == '-' || ch == '\u2013' || ch == ':') {
        return true;
      }
    }
    return false;
  }

  private Hit hitAt(int t) {
    return hitAt[t] < 0 ? null : hits.get(hitAt[t]);
  }

  private Kind kindAt(int t) {
    Hit h = hitAt(t);
    return h == null ? null : h.kind();
  }

  // -----------------------------------------------------------------------------------------
  // Negation, modality, voice

  /** A negation word up to three tokens before the cue in its clause (لم تدن، did not condemn). */
  private boolean negated(Hit h) {
    for (Entry c : h.clitics()) {
      if (c.kind() == Kind.NEGATION) {
        return true;
      }
    }
    for (int t = h.start() - 1; t >= 0 && t >= h.start() - WINDOW; t--) {
      if (mentionAt[t] >= 0 || clause[t] != clause[h.start()]) {
        return false;
      }
      Hit w = hitAt(t);
      if (w != null && w.kind() == Kind.CUE) {
        return false;
      }
      if (w != null && w.kind() == Kind.NEGATION) {
        return !w.entry().has(CueLexicon.ADJACENT) || w.end() == h.start();
      }
      if (w == null && hasNegationClitic(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A denial (نفت، denied) negates the next act after it, across a complement clause and the states
   * named in between (نفت السعودية أن تكون قد قصفت: no strike is asserted).
   */
  private boolean denied(Hit h) {
    for (int t = h.start() - 1; t >= 0 && t >= h.start() - 8; t--) {
      if (clauseRank.get(clause[t]) != clauseRank.get(clause[h.start()])) {
        return false;
      }
      Hit w = hitAt(t);
      if (w == null) {
        continue;
      }
      if (w.kind() == Kind.CUE) {
        return false;
      }
      if (w.kind() == Kind.NEGATION && w.entry().has(CueLexicon.FRAME)) {
        return true;
      }
    }
    return false;
  }

  /** French n'a, n'ont: an elided negation at the front of the auxiliary. */
  private boolean hasNegationClitic(int t) {
    if (arabicOrder || headFinal || keys[t].indexOf('\'') < 0) {
      return false;
    }
    for (Entry c : lex.cliticsOf(keys[t])) {
      if (c.kind() == Kind.NEGATION) {
        return true;
      }
    }
    return false;
  }

  /**
   * Future, plan or possibility: a modal word up to three tokens before the cue (سوف، يعتزم، will,
   * may, va, pourrait), a framing cue before it (threaten to, pledge to), the Arabic future prefix
   * س on a verb, or a French future or conditional ending on a verb cue.
   */
  private boolean modal(Hit h) {
    Entry e = h.entry();
    if (e.verb()) {
      for (Entry c : h.clitics()) {
        if (c.kind() == Kind.MODAL) {
          return true;
        }
      }
      if (lex.lang.equals("fr") && frenchFuture(keys[h.start()])) {
        return true;
      }
    }
    // The modal verb may come before the subject (تعتزم فرنسا فرض عقوبات): mentions are crossed.
    int crossed = 0;
    for (int t = h.start() - 1; t >= 0 && t >= h.start() - WINDOW - crossed; t--) {
      if (clause[t] != clause[h.start()]) {
        return false;
      }
      if (mentionAt[t] >= 0) {
        crossed++;
        continue;
      }
      Hit w = hitAt(t);
      if (w == null) {
        continue;
      }
      if (w.kind() == Kind.CUE) {
        return w.entry().has(CueLexicon.FRAME);
      }
      if (w.kind() == Kind.MODAL) {
        if (w.entry().has(CueLexicon.IMPERFECT)) {
          return imperfect(keys[h.start()]);
        }
        return true;
      }
    }
    return false;
  }

  private static boolean frenchFuture(String k) {
    return k.endsWith("era")
        || k.endsWith("eront")
        || k.endsWith("erait")
        || k.endsWith("eraient")
        || k.endsWith("ira")
        || k.endsWith("iront")
        || k.endsWith("irait")
        || k.endsWith("iraient");
  }

  /** An Arabic imperfect verb (ي ت ن prefix after a conjunction), as after قد = may. */
  private static boolean imperfect(String k) {
    String s = k.startsWith("و") || k.startsWith("ف") ? k.substring(1) : k;
    return !s.isEmpty() && (s.charAt(0) == 'ي' || s.charAt(0) == 'ت' || s.charAt(0) == 'ن');
  }

  /** A passive auxiliary up to two tokens before a verb cue not in -ing (was attacked, a été). */
  private boolean passive(Hit h) {
    if (!h.entry().verb() || keys[h.start()].endsWith("ing")) {
      return false;
    }
    if (!arabicOrder
        && !headFinal
        && h.end() < n
        && mentionAt[h.end()] < 0
        && kindAt(h.end()) == Kind.AGENT) {
      return true; // a participle before by / par (Gaza, occupied by Egypt; a tanker hit by Iran)
    }
    for (int t = h.start() - 1; t >= 0 && t >= h.start() - 2; t--) {
      if (mentionAt[t] >= 0) {
        return false;
      }
      Kind k = kindAt(t);
      if (k == Kind.PASSIVE) {
        return true;
      }
      if (k != null && k != Kind.NEGATION && k != Kind.MODAL) {
        return false;
      }
    }
    return false;
  }

  // -----------------------------------------------------------------------------------------
  // Mentions: governing act and role

  private void assign() {
    Mention prev = null;
    for (Mention m : mentions) {
      if (prev != null && prev.act != null && clause[prev.last] == clause[m.first]) {
        int co = coordination(prev, m);
        if (co != 0) {
          m.act = prev.act;
          m.role = prev.role;
          m.genitive = prev.genitive;
          if (co == 2 && (m.role == Role.ACTOR || m.role == Role.TARGET)) {
            // The Israeli-Palestinian conflict, الصراع الفلسطيني الإسرائيلي: the two sides.
            prev.role = Role.MUTUAL;
            m.role = Role.MUTUAL;
          }
          m.act.mentions.add(m);
          prev = m;
          continue;
        }
      }
      Kind[] roleWord = new Kind[1];
      int at = roleWordBefore(m, roleWord);
      Act a = null;
      if (privateActor(m)) {
        // A state's firms as the target of a sanction or ban (sanctions on Iranian airlines) stand
        // for the state; otherwise people and firms take no part.
        a = roleWord[0] == Kind.TARGET ? govern(m, at) : null;
        if (a == null || !a.has(CueLexicon.ENTITY) || a.named().verbal()) {
          prev = m;
          continue;
        }
      } else {
        a = govern(m, at);
      }
      if (a != null) {
        m.act = a;
        m.role = role(m, a, roleWord[0], at);
        a.mentions.add(m);
      }
      prev = m;
    }
    for (Act a : acts) {
      genitiveActor(a);
    }
    speakers();
  }

  /**
   * A state named before "said that", «أن» with no act of its own is the subject of the reported
   * act when that act has no subject of its own before it (Egypt said it would send aid: Egypt
   * sends; أعلنت مصر أن الرئيس سيزور السودان); a reported act with its own subject leaves the
   * speaker out (قال الوزير الروسي إن الولايات المتحدة قصفت: Russia only reports).
   */
  private void speakers() {
    for (Act a : acts) {
      if (a.clause == 0 || clauseRank.get(a.clause) != clauseRank.get(a.clause - 1)) {
        continue;
      }
      boolean subject = false;
      for (Mention m : a.mentions) {
        subject |= m.last < a.start() && m.role != Role.NONE;
      }
      if (subject || firstActOf(a.clause) != a) {
        continue;
      }
      for (Mention m : mentions) {
        if (m.act == null && clause[m.first] == a.clause - 1 && !privateActor(m)) {
          m.act = a;
          m.role = Role.ACTOR;
          a.mentions.add(m);
        }
      }
    }
  }

  private Act firstActOf(int c) {
    for (Act a : acts) {
      if (a.clause == c) {
        return a;
      }
    }
    return null;
  }

  /**
   * An adjective of people or firms (German tourists, سياح ألمان, a Japanese firm): not the state,
   * whose acts they are not.
   */
  private boolean privateActor(Mention m) {
    if (m.adjective || (!arabicOrder && !headFinal && !lex.lang.equals("fr"))) {
      // The head comes after the state in English (U.S. soybean producers), before it in Arabic
      // and French (سياح ألمان، des touristes allemands); one other word may stand between.
      boolean after = !arabicOrder && !headFinal && !lex.lang.equals("fr");
      int seen = 0;
      for (int t = after ? m.last + 1 : m.first - 1; t >= 0 && t < n && seen < 2; ) {
        Kind k = kindAt(t);
        if (k == Kind.PRIVATE) {
          return true;
        }
        if (mentionAt[t] >= 0 || (k != null && k != Kind.ARTICLE)) {
          return false;
        }
        seen += k == Kind.ARTICLE ? 0 : 1;
        t += after ? 1 : -1;
      }
    }
    return speaker(m);
  }

  /**
   * A state named as the source of a report at the end of the sentence (..., the U.S. Agriculture
   * Department said): it reports the act before it, it is no party to it.
   */
  private boolean speaker(Mention m) {
    boolean actBefore = false;
    for (Act a : acts) {
      actBefore |= a.end() <= m.first;
    }
    if (!actBefore) {
      return false;
    }
    // Only in a trailing ", ... said": a comma before the mention and no cue between them.
    boolean comma = false;
    for (int t = m.first; t > 0 && !comma; t--) {
      comma = separatorBefore[t];
      Hit h = t - 1 >= 0 ? hitAt(t - 1) : null;
      if (!comma && h != null && h.kind() == Kind.CUE) {
        return false;
      }
    }
    if (!comma) {
      return false;
    }
    for (int t = m.last + 1; t < n && t <= m.last + 4; t++) {
      Hit h = hitAt(t);
      if (h == null || mentionAt[t] >= 0) {
        continue;
      }
      if (h.kind() == Kind.CLAUSE && h.entry().has(CueLexicon.FRAME)) {
        return true;
      }
      if (h.kind() == Kind.CUE) {
        return false;
      }
    }
    return false;
  }

  /**
   * 0 when the two mentions are not coordinated; 1 when they are (Egypt and Jordan, مصر والأردن, a
   * list with commas); 2 when they are two adjectives of one noun or written as one word joined by
   * a hyphen (the two sides of a conflict, of talks).
   */
  private int coordination(Mention p, Mention m) {
    if (m.first == p.last) {
      return 2;
    }
    for (Entry c : m.clitics) {
      if (c.kind() == Kind.CONJ && m.first == p.last + 1) {
        return 1;
      }
    }
    if (m.first == p.last + 1) {
      if (p.adjective && m.adjective && !separatorBefore[m.first]) {
        return 2;
      }
      if (separatorBefore[m.first]) {
        String between = text.substring(field.end(lo + p.last), field.start(lo + m.first));
        return between.contains("-") && !between.contains(" ") ? 2 : 1;
      }
      return 0;
    }
    boolean conj = false;
    for (int t = p.last + 1; t < m.first; t++) {
      Kind k = kindAt(t);
      if (k == Kind.CONJ) {
        conj = true;
      } else if (k != Kind.ARTICLE) {
        return 0;
      }
    }
    if (conj && separatorBefore[p.last + 1] && subjectOfVerb(m)) {
      return 0; // ..., and B had restricted imports: a new clause, not a list
    }
    return conj && m.first - p.last <= 3 ? 1 : 0;
  }

  /** English or French: a verb cue up to three words after the mention (its subject). */
  private boolean subjectOfVerb(Mention m) {
    if (arabicOrder || headFinal) {
      return false;
    }
    for (int t = m.last + 1; t < n && t <= m.last + 3; t++) {
      Hit h = hitAt(t);
      if (mentionAt[t] >= 0 || (h != null && h.kind() == Kind.CUE && !h.entry().verb())) {
        return false;
      }
      if (h != null && h.kind() == Kind.CUE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The nearest word before a mention, within its noun phrase, that marks its role (against, to,
   * with, by, between, of; a proclitic ل ب on the mention or on a head noun before it), or -1.
   */
  private int roleWordBefore(Mention m, Kind[] kind) {
    Kind own = roleClitic(m.clitics);
    if (own != null) {
      kind[0] = own;
      return m.first;
    }
    if (headFinal && m.last + 1 < n && kindAt(m.last + 1) == Kind.OBJECT_AFTER) {
      kind[0] = Kind.OBJECT_AFTER;
      return m.last + 1;
    }
    for (int t = m.first - 1; t >= 0 && t >= m.first - ROLE_WINDOW; t--) {
      if (mentionAt[t] >= 0 || clause[t] != clause[m.first]) {
        return -1;
      }
      Hit h = hitAt(t);
      if (h == null) {
        continue;
      }
      switch (h.kind()) {
        case TARGET, PARTNER, AGENT, SOURCE, BETWEEN, LOCATION -> {
          kind[0] = h.kind();
          return t;
        }
        case GENITIVE -> {
          // of / de right after a cue (the invasion of Iraq); elsewhere (an area of Iraqi
          // Kurdistan) it belongs to a noun of no interest.
          if (t > 0 && kindAt(t - 1) == Kind.CUE) {
            kind[0] = h.kind();
            return t;
          }
        }
        case HEAD, PRIVATE -> {
          Kind c = roleClitic(h.clitics());
          if (c != null) {
            kind[0] = c;
            return t;
          }
        }
        case ARTICLE, MODAL, PASSIVE, CONJ -> {}
        default -> {
          return -1;
        }
      }
    }
    return -1;
  }

  private static Kind roleClitic(List<Entry> clitics) {
    for (Entry c : clitics) {
      switch (c.kind()) {
        case TARGET, PARTNER, AGENT, SOURCE, BETWEEN, LOCATION, GENITIVE -> {
          return c.kind();
        }
        default -> {}
      }
    }
    return null;
  }

  /**
   * The act governing a mention: in its clause, the nearest cue before its role word when it has
   * one (the word attaches to what precedes it); otherwise an English possessive or adjective right
   * before a noun cue belongs to that noun (Israel's strike, the Israeli strike); otherwise the
   * nearest cue, commas counting as two tokens, the preceding one on a tie.
   */
  private Act govern(Mention m, int roleWord) {
    int cl = clause[m.first];
    boolean latin = !arabicOrder && !headFinal;
    if (latin && roleWord < 0) {
      Act v = verbBefore(m, cl);
      if (v != null) {
        return v; // help Ecuador meet ...: the object of the verb right before it
      }
    }
    // A role word right before the mention (on U.S. imports) decides; one further away (to examine
    // a U.S. complaint) yields in English to a cue the state stands right before.
    boolean near = roleWord >= 0 && (roleWord == m.first || onlyArticles(roleWord + 1, m.first));
    if (roleWord >= 0 && (near || !latin)) {
      Act best = byRoleWord(cl, roleWord, m);
      if (best != null) {
        return best;
      }
    }
    if (latin && m.last + 2 < n) {
      for (int t = m.last + 1; t <= m.last + 2; t++) {
        Hit h = hitAt(t);
        if (h != null && h.kind() == Kind.CUE && clause[t] == cl) {
          // Israel's strike, the Israeli strike, an Iran attack, U.S. sanctions: the state before
          // a cue is its actor whether the cue is a noun or a verb (Iran attacks Iraq).
          if (t == h.start() && t == m.last + 1 && !m.place) {
            return actOf(h);
          }
          boolean possessive = keys[m.last].endsWith("'s") || keys[m.last].endsWith("'");
          if ((possessive || m.adjective) && t == h.start()) {
            return actOf(h);
          }
        }
        if (h != null && h.kind() != Kind.ARTICLE) {
          break;
        }
      }
    }
    if (roleWord >= 0 && !near && latin) {
      Act best = byRoleWord(cl, roleWord, m);
      if (best != null) {
        return best;
      }
    }
    Act best = null;
    int bestD = Integer.MAX_VALUE;
    for (Act a : acts) {
      if (a.clause != cl) {
        continue;
      }
      int d;
      if (a.end() <= m.first) {
        d = distance(a.end() - 1, m.first);
      } else if (a.start() > m.last) {
        d = distance(m.last, a.start()) + (introduced(a.hit) ? 3 : 0);
      } else {
        d = 0; // between a verb and the noun it takes
      }
      // Acts come in order: on a tie the preceding one, seen first, stays. (A cap on the distance
      // was measured on dev and lost: long news sentences keep their arguments far.)
      if (d < bestD) {
        best = a;
        bestD = d;
      }
    }
    return best;
  }

  /** The last act of the clause before a role word, within eight words of it. */
  private Act byRoleWord(int cl, int roleWord, Mention m) {
    Act best = null;
    for (Act a : acts) {
      if (a.clause == cl && a.end() <= roleWord + (roleWord == m.first ? 1 : 0)) {
        best = a;
      }
    }
    return best != null && roleWord - best.end() <= 8 ? best : null;
  }

  /** An English or French verb cue right before the mention (articles between): its object. */
  private Act verbBefore(Mention m, int cl) {
    int t = m.first - 1;
    while (t >= 0 && kindAt(t) == Kind.ARTICLE && mentionAt[t] < 0) {
      t--;
    }
    if (t < 0 || separatorBefore[t + 1] || clause[t] != cl || ownsNextCue(m)) {
      return null;
    }
    for (Act a : acts) {
      if (a.end() - 1 == t && a.noun == null && a.trade == null && a.entry().verb()) {
        return a;
      }
    }
    return null;
  }

  /**
   * A possessive or an adjective right before a cue (articles between) belongs to that cue, not to
   * the verb before it: condemned Morocco's attack, condemned the Moroccan attack.
   */
  private boolean ownsNextCue(Mention m) {
    boolean possessive = keys[m.last].endsWith("'s") || keys[m.last].endsWith("'");
    if (!possessive && !m.adjective) {
      return false;
    }
    for (int t = m.last + 1; t < n && t <= m.last + 2; t++) {
      Hit h = hitAt(t);
      if (h != null && h.kind() == Kind.CUE) {
        return t == h.start() && h.entry().quad() != Quad.NEUTRAL;
      }
      if (h == null || h.kind() != Kind.ARTICLE) {
        return false;
      }
    }
    return false;
  }

  private boolean onlyArticles(int from, int to) {
    for (int t = from; t < to; t++) {
      if (kindAt(t) != Kind.ARTICLE || mentionAt[t] >= 0) {
        return false;
      }
    }
    return true;
  }

  private Act actOf(Hit h) {
    for (Act a : acts) {
      if (a.hit == h || a.noun == h || a.trade == h) {
        return a;
      }
    }
    return null;
  }

  private int distance(int from, int to) {
    int d = to - from;
    for (int t = from + 1; t <= to && t < n; t++) {
      if (separatorBefore[t]) {
        d += 2;
      }
    }
    return d;
  }

  private Role role(Mention m, Act a, Kind word, int at) {
    boolean before = m.last < a.start();
    int cueEnd = a.noun == null ? a.hit.end() : a.noun.end();
    if (a.trade != null
        && m.first >= cueEnd
        && m.last + 1 >= a.trade.start()
        && !(m.adjective && m.first == cueEnd)
        && word != Kind.AGENT) {
      // tariffs on Japanese imports, a ban on imports from B, حظر واردات الصين: the goods' state.
      return Role.TARGET;
    }
    boolean afterNoun = a.noun != null && m.first >= a.noun.end();
    boolean sym = a.has(CueLexicon.SYM);
    boolean material = !a.named().verbal();
    if (word != null) {
      switch (word) {
        case TARGET, OBJECT_AFTER:
          return sym ? Role.PARTNER : Role.TARGET;
        case PARTNER:
          return Role.PARTNER;
        case AGENT:
          return Role.ACTOR;
        case SOURCE:
          // received aid from B: B gives, the direction is reversed below.
          return a.has(CueLexicon.REV) ? Role.TARGET : Role.ACTOR;
        case BETWEEN:
          return Role.MUTUAL;
        case LOCATION:
          // Strikes in B hit B, unless what they hit is named as a group (militants in B).
          if (!before
              && !sym
              && a.named().relation() == Relation.CONFLICT
              && material
              && !privateBetween(a.end(), m.first)
              && !targetWordBetween(a.end(), at)) {
            return Role.TARGET;
          }
          return Role.PLACE;
        case GENITIVE:
          if ((nominal(a.hit) || afterNoun) && !before && at - a.end() <= 1) {
            if (!m.adjective && objectFollows(m, a)) {
              return Role.ACTOR;
            }
            m.genitive = !m.adjective;
            return m.adjective ? Role.ACTOR : Role.TARGET;
          }
          break;
        default:
          break;
      }
    }
    if (before) {
      return a.passive ? Role.TARGET : Role.ACTOR;
    }
    if (afterNoun || nominal(a.hit) || a.entry().pos() == 'a') {
      if (m.adjective && modifies(a.end(), m.first)) {
        return Role.ACTOR;
      }
      if (!m.adjective && objectFollows(m, a)) {
        return Role.ACTOR;
      }
      m.genitive = true;
      return Role.TARGET;
    }
    if (arabicOrder || headFinal) {
      // VSO: the first state after the verb is its subject unless one came before it (SVO).
      boolean subject = m.first - a.hit.end() > 3;
      for (Mention o : a.mentions) {
        subject |= o.role == Role.ACTOR || o.role == Role.MUTUAL || o.last < a.start();
      }
      if (!subject) {
        return a.passive ? Role.TARGET : Role.ACTOR;
      }
      return Role.TARGET;
    }
    return a.passive ? Role.NONE : Role.TARGET;
  }

  /**
   * هجوم إيران على ناقلات النفط, the attack of Iran on ...: a state in the genitive right after a
   * noun cue and right before a target word (على، ضد، on, against) is the cue's actor; the target
   * word names what it acts on. Not for reciprocal cues, nor reversed ones (pressure from B to ...:
   * B already acts).
   */
  private boolean objectFollows(Mention m, Act a) {
    int t = m.last + 1;
    return t < n
        && !a.has(CueLexicon.SYM)
        && !a.has(CueLexicon.REV)
        && mentionAt[t] < 0
        && !separatorBefore[t]
        && clause[t] == clause[m.first]
        && kindAt(t) == Kind.TARGET
        && m.first - a.end() <= 1;
  }

  /** against X in B, ضد معاقل ... في اليمن: the act already has its target, B is the place. */
  private boolean targetWordBetween(int from, int to) {
    for (int t = Math.max(0, from); t < to; t++) {
      if (kindAt(t) == Kind.TARGET) {
        return true;
      }
    }
    return false;
  }

  private boolean privateBetween(int from, int to) {
    for (int t = Math.max(0, from); t < to; t++) {
      if (kindAt(t) == Kind.PRIVATE) {
        return true;
      }
    }
    return false;
  }

  /**
   * An adjective that follows a noun cue modifies it (القصف الإسرائيلي، ضربات إسرائيلية مكثفة, les
   * frappes israéliennes) when at most two words stand between them, none a number; after a number
   * it names people (مقتل 4 فلسطينيين), the act's target.
   */
  private boolean modifies(int end, int first) {
    if (first - end > 2) {
      return false;
    }
    for (int t = end; t < first; t++) {
      if (Character.isDigit(keys[t].charAt(0)) || mentionAt[t] >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * دعم روسيا لسوريا, the support of Russia for Syria: a state in the genitive after a noun cue is
   * its actor when another state is marked as its target.
   */
  private static void genitiveActor(Act a) {
    java.util.Set<String> marked = new java.util.HashSet<>();
    for (Mention m : a.mentions) {
      if (m.role == Role.TARGET && !m.genitive) {
        marked.add(m.iso2);
      }
    }
    if (marked.isEmpty()) {
      return;
    }
    for (Mention m : a.mentions) {
      // Another state marked as the target; the same state named twice stays the target.
      if (m.genitive && m.role == Role.TARGET && !marked.contains(m.iso2)) {
        m.role = Role.ACTOR;
      }
    }
  }
}
