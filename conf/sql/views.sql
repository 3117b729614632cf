-- Analyst-facing views of the PostgreSQL sink (jobs/marsad ... --jdbc-url ...), applied in the
-- transaction of every load, after the tables. Edit freely or pass your own file with --jdbc-views.
--
-- Rules the sink relies on:
--   * ${schema} stands for the target schema (--jdbc-schema, default marsad).
--   * A statement ends at a line ending with ';' outside a dollar-quoted ($$ ... $$) function body.
--   * A line '-- requires: t1, t2' before a statement names the tables it reads; the statement is
--     run only when they all exist in the schema, so the topic view appears once a run has written
--     topic tables, and a terms-only run does not fail on the state views.
--   * CREATE OR REPLACE VIEW cannot change a view's columns; when a newer file changes them, the
--     sink drops the view and creates it again in the same transaction (a view of yours that
--     depends on it stops the load, named: drop it, then load again).
--
-- What every view gives a BI user who queries it naively:
--   * period_start: the date a period starts on (2018-02-18, 2018-W07, 2018-02, 2018), the time
--     column charts want; NULL for the period 'all' (the whole run). is_all marks 'all', and
--     period_sort sorts every period by its start with 'all' last (ORDER BY period_sort).
--   * Measures as numeric, so that round(npmi, 3) works as written (round has no double precision
--     form with digits); NaN and infinite values are NULL.
--   * Offsets 1-based, in characters, where SQL's substr expects them (the tables keep Marsad's
--     0-based offsets in UTF-16 units): substr(sentence, a_substr_from, a_substr_length) is the
--     name as written.

-- requires:
CREATE OR REPLACE FUNCTION ${schema}.period_start(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN period ~ '^\d{4}-\d{2}-\d{2}$' THEN to_date(period, 'YYYY-MM-DD')
    WHEN period ~ '^\d{4}-W\d{2}$' THEN to_date(replace(period, 'W', ''), 'IYYY-IW')
    WHEN period ~ '^\d{4}-\d{2}$' THEN to_date(period, 'YYYY-MM')
    WHEN period ~ '^\d{4}$' THEN to_date(period, 'YYYY')
  END
$$;

-- The sort key of a period: its start, and 'all' (or any label without a date) after every date.
-- requires:
CREATE OR REPLACE FUNCTION ${schema}.period_sort(period text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(${schema}.period_start(period), DATE '9999-12-31')
$$;

-- A measure as numeric (round(x, 3) accepts it); NaN and infinite values as NULL.
-- requires:
CREATE OR REPLACE FUNCTION ${schema}.num(x double precision) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN x IS NULL OR x = 'NaN'::float8 OR x = 'Infinity'::float8
                   OR x = '-Infinity'::float8 THEN NULL
              ELSE x::numeric END
$$;

-- The 1-based character position in s of Marsad's 0-based offset in UTF-16 units (as Java and
-- JavaScript count): the same number plus one unless s holds characters beyond U+FFFF (emoji).
-- requires:
CREATE OR REPLACE FUNCTION ${schema}.char_pos(s text, utf16_offset integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  i integer := 0;
  units integer := 0;
  n integer;
BEGIN
  IF s IS NULL OR utf16_offset IS NULL THEN
    RETURN NULL;
  END IF;
  IF s !~ '[\U00010000-\U0010FFFF]' THEN
    RETURN utf16_offset + 1;
  END IF;
  n := length(s);
  WHILE units < utf16_offset AND i < n LOOP
    i := i + 1;
    units := units + CASE WHEN ascii(substr(s, i, 1)) > 65535 THEN 2 ELSE 1 END;
  END LOOP;
  RETURN i + 1;
END
$$;

-- A sentence with one or two names marked, shortened around them: «…context [name] between
-- [other] context…». Positions are 1-based characters (char_pos); width bounds each piece of
-- context (the text between two distant names keeps width characters at each end).
-- requires:
CREATE OR REPLACE FUNCTION ${schema}.marked_snippet(
  s text, from1 integer, len1 integer, from2 integer, len2 integer, width integer DEFAULT 60)
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  p1 integer; l1 integer; p2 integer; l2 integer; n integer;
  lo integer; hi integer; mid text; out text;
BEGIN
  IF s IS NULL OR from1 IS NULL OR len1 IS NULL THEN
    RETURN NULL;
  END IF;
  n := length(s);
  IF from2 IS NULL OR len2 IS NULL OR from2 < from1 + len1 AND from1 < from2 + len2 THEN
    p1 := from1; l1 := len1; p2 := NULL; l2 := NULL;  -- one name (or overlapping names)
  ELSIF from1 <= from2 THEN
    p1 := from1; l1 := len1; p2 := from2; l2 := len2;
  ELSE
    p1 := from2; l1 := len2; p2 := from1; l2 := len1;
  END IF;
  lo := greatest(1, p1 - width);
  out := CASE WHEN lo > 1 THEN '…' ELSE '' END || substr(s, lo, p1 - lo)
         || '[' || substr(s, p1, l1) || ']';
  IF p2 IS NULL THEN
    hi := p1 + l1;
  ELSE
    mid := substr(s, p1 + l1, p2 - p1 - l1);
    IF length(mid) > 2 * width THEN
      mid := left(mid, width) || '…' || right(mid, width);
    END IF;
    out := out || mid || '[' || substr(s, p2, l2) || ']';
    hi := p2 + l2;
  END IF;
  out := out || substr(s, hi, width) || CASE WHEN hi + width <= n THEN '…' ELSE '' END;
  RETURN '«' || out || '»';
END
$$;

-- State pairs per period and scope with both states' English and Arabic names and every
-- association measure (period 'all' aggregates the periods of the run that wrote it). Each pair is
-- one row with state_a < state_b; v_state_pairs_both has it in both orders.
-- requires: state_comentions, states
CREATE OR REPLACE VIEW ${schema}.v_state_pairs AS
SELECT c.period, ${schema}.period_start(c.period) AS period_start,
       ${schema}.period_sort(c.period) AS period_sort, c.period = 'all' AS is_all, c.scope,
       c.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       c.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       c.co_docs, c.docs_a, c.docs_b, c.docs_total,
       ${schema}.num(c.npmi) AS npmi, ${schema}.num(c.pmi) AS pmi,
       ${schema}.num(c.jaccard) AS jaccard, ${schema}.num(c.dice) AS dice,
       ${schema}.num(c.lift) AS lift, ${schema}.num(c.llr) AS llr,
       ${schema}.num(c.p_b_given_a) AS p_b_given_a, ${schema}.num(c.p_a_given_b) AS p_a_given_b
FROM ${schema}.state_comentions c
LEFT JOIN ${schema}.states a ON a.iso2 = c.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = c.state_b;

-- The same pairs in both orders: one row for (state, partner) and one for (partner, state), so
-- that WHERE state = 'SA' lists every partner of Saudi Arabia whichever code sorts first.
-- docs_state/docs_partner and p_partner_given_state/p_state_given_partner follow the order.
-- requires: state_comentions, states
CREATE OR REPLACE VIEW ${schema}.v_state_pairs_both AS
SELECT p.period, ${schema}.period_start(p.period) AS period_start,
       ${schema}.period_sort(p.period) AS period_sort, p.period = 'all' AS is_all, p.scope,
       p.state, s.name_en, s.name_ar,
       p.partner, o.name_en AS partner_name_en, o.name_ar AS partner_name_ar,
       p.co_docs, p.docs_state, p.docs_partner, p.docs_total,
       ${schema}.num(p.npmi) AS npmi, ${schema}.num(p.pmi) AS pmi,
       ${schema}.num(p.jaccard) AS jaccard, ${schema}.num(p.dice) AS dice,
       ${schema}.num(p.lift) AS lift, ${schema}.num(p.llr) AS llr,
       ${schema}.num(p.p_partner_given_state) AS p_partner_given_state,
       ${schema}.num(p.p_state_given_partner) AS p_state_given_partner
FROM (
  SELECT period, scope, state_a AS state, state_b AS partner, co_docs, docs_a AS docs_state,
         docs_b AS docs_partner, docs_total, npmi, pmi, jaccard, dice, lift, llr,
         p_b_given_a AS p_partner_given_state, p_a_given_b AS p_state_given_partner
  FROM ${schema}.state_comentions
  UNION ALL
  SELECT period, scope, state_b, state_a, co_docs, docs_b, docs_a, docs_total, npmi, pmi,
         jaccard, dice, lift, llr, p_a_given_b, p_b_given_a
  FROM ${schema}.state_comentions
) p
LEFT JOIN ${schema}.states s ON s.iso2 = p.state
LEFT JOIN ${schema}.states o ON o.iso2 = p.partner;

-- Documents naming each state per period and source (forms of --forms), with names.
-- requires: state_counts, states
CREATE OR REPLACE VIEW ${schema}.v_state_mentions_monthly AS
SELECT c.period, ${schema}.period_start(c.period) AS period_start,
       ${schema}.period_sort(c.period) AS period_sort, c.period = 'all' AS is_all, c.source,
       c.state, s.name_en, s.name_ar, s.status,
       c.docs, c.mentions, ${schema}.num(c.share_of_docs) AS share_of_docs
FROM ${schema}.state_counts c
LEFT JOIN ${schema}.states s ON s.iso2 = c.state;

-- Terms per period and language over all sources, ranked by count (filter rank <= 20), with the
-- label a person reads and the period's keyness (g2, log_ratio > 0: over-used in the period).
-- requires: term_frequencies, term_keyness
CREATE OR REPLACE VIEW ${schema}.v_top_terms AS
SELECT t.period, ${schema}.period_start(t.period) AS period_start,
       ${schema}.period_sort(t.period) AS period_sort, t.period = 'all' AS is_all, t.lang,
       row_number() OVER (PARTITION BY t.period, t.lang
                          ORDER BY t.term_count DESC, t.doc_count DESC, t.term) AS rank,
       t.label, t.term, t.term_count, t.doc_count,
       ${schema}.num(k.g2) AS g2, ${schema}.num(k.log_ratio) AS log_ratio
FROM (SELECT period, lang, term, max(label) AS label,
             sum(term_count)::bigint AS term_count, sum(doc_count)::bigint AS doc_count
      FROM ${schema}.term_frequencies
      GROUP BY period, lang, term) t
LEFT JOIN ${schema}.term_keyness k
       ON k.period = t.period AND k.lang = t.lang AND k.term = t.term;

-- Topic prevalence per period over all sources: the topic's share of the period's topic weight,
-- with its label and five top terms.
-- requires: topic_trends, topic_summary, topics
CREATE OR REPLACE VIEW ${schema}.v_topic_prevalence AS
SELECT tt.period, ${schema}.period_start(tt.period) AS period_start,
       ${schema}.period_sort(tt.period) AS period_sort, tt.period = 'all' AS is_all,
       tt.topic_id, ts.label,
       (SELECT string_agg(top.word, ', ' ORDER BY top.rank)
          FROM (SELECT coalesce(tp.label, tp.term) AS word, tp.rank FROM ${schema}.topics tp
                 WHERE tp.topic_id = tt.topic_id ORDER BY tp.rank LIMIT 5) top) AS top_terms,
       sum(tt.docs)::bigint AS docs, ${schema}.num(sum(tt.weight_sum)) AS weight_sum,
       ${schema}.num(sum(tt.weight_sum)
                     / nullif(sum(sum(tt.weight_sum)) OVER (PARTITION BY tt.period), 0)) AS share
FROM ${schema}.topic_trends tt
LEFT JOIN ${schema}.topic_summary ts ON ts.topic_id = tt.topic_id
GROUP BY tt.period, tt.topic_id, ts.label;

-- Evidence: the sentences naming both states of a pair, per period (each period and 'all') and
-- rank (1 = shown first), with both states' names, the sentence with the two names marked
-- (snippet: «…[السعودية] … [قطر]…») and where each name is, 1-based as substr expects:
-- substr(sentence, a_substr_from, a_substr_length) is state_a's name as written.
-- requires: comention_evidence, states
CREATE OR REPLACE VIEW ${schema}.v_pair_evidence AS
SELECT e.period, ${schema}.period_start(e.period) AS period_start,
       ${schema}.period_sort(e.period) AS period_sort, e.period = 'all' AS is_all,
       e.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       e.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       e.rank, e.doc_id, e.source, e.published_at, e.story_id, e.field,
       ${schema}.marked_snippet(e.sentence, p.a_from, p.a_to - p.a_from,
                                p.b_from, p.b_to - p.b_from) AS snippet,
       e.sentence,
       p.a_from AS a_substr_from, p.a_to - p.a_from AS a_substr_length,
       p.b_from AS b_substr_from, p.b_to - p.b_from AS b_substr_length
FROM ${schema}.comention_evidence e
CROSS JOIN LATERAL (
  SELECT ${schema}.char_pos(e.sentence, e.a_start) AS a_from,
         ${schema}.char_pos(e.sentence, e.a_end) AS a_to,
         ${schema}.char_pos(e.sentence, e.b_start) AS b_from,
         ${schema}.char_pos(e.sentence, e.b_end) AS b_to
) p
LEFT JOIN ${schema}.states a ON a.iso2 = e.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = e.state_b;

-- Evidence for terms: the sentences that show a term of a period (kind: why the term is shown),
-- with the term marked (snippet) and where it is, 1-based: substr(sentence, term_substr_from,
-- term_substr_length) is the term as written.
-- requires: term_evidence
CREATE OR REPLACE VIEW ${schema}.v_term_evidence AS
SELECT e.period, ${schema}.period_start(e.period) AS period_start,
       ${schema}.period_sort(e.period) AS period_sort, e.period = 'all' AS is_all,
       e.lang, e.term, e.label, e.kind, e.rank, e.doc_id, e.source, e.published_at,
       ${schema}.marked_snippet(e.sentence, p.t_from, p.t_to - p.t_from, NULL, NULL) AS snippet,
       e.sentence, p.t_from AS term_substr_from, p.t_to - p.t_from AS term_substr_length
FROM ${schema}.term_evidence e
CROSS JOIN LATERAL (
  SELECT ${schema}.char_pos(e.sentence, e.start) AS t_from,
         ${schema}.char_pos(e.sentence, e."end") AS t_to
) p;

-- Change over time per state and period (all sources), with names: the share of the period's
-- documents naming the state, its change against the previous calendar period (NULL when that
-- period had no documents) and the burst test against the six periods before (filter burst).
-- requires: state_trends, states
CREATE OR REPLACE VIEW ${schema}.v_state_trends AS
SELECT t.period, ${schema}.period_start(t.period) AS period_start,
       ${schema}.period_sort(t.period) AS period_sort, t.period = 'all' AS is_all,
       t.state, s.name_en, s.name_ar, s.status,
       t.docs, t.docs_total, ${schema}.num(t.share_of_docs) AS share_of_docs,
       ${schema}.num(t.prev_share_of_docs) AS prev_share_of_docs,
       ${schema}.num(t.share_change) AS share_change,
       t.window_docs, t.window_docs_total, ${schema}.num(t.window_share) AS window_share,
       ${schema}.num(t.burst_g2) AS burst_g2, ${schema}.num(t.burst_log_ratio) AS burst_log_ratio,
       t.burst
FROM ${schema}.state_trends t
LEFT JOIN ${schema}.states s ON s.iso2 = t.state;

-- Stories (a dispatch and its reprints, see "Stories (near-duplicates)" in the README) with the
-- outlets that ran them, from the documents carrying its story_id: filter docs > 1 for reprinted
-- stories, order by docs or sources for the most amplified.
-- requires: stories, documents
CREATE OR REPLACE VIEW ${schema}.v_stories AS
SELECT s.story_id, s.period, ${schema}.period_start(s.period) AS period_start,
       ${schema}.period_sort(s.period) AS period_sort, s.period = 'all' AS is_all,
       s.first_published_at, s.first_source, s.title, s.docs, s.sources,
       ${schema}.num(s.span_hours) AS span_hours,
       string_agg(DISTINCT d.source, ', ' ORDER BY d.source) AS outlets
FROM ${schema}.stories s
LEFT JOIN ${schema}.documents d ON d.story_id = s.story_id
GROUP BY s.story_id, s.period, s.first_published_at, s.first_source, s.title, s.docs, s.sources,
         s.span_hours;

-- Relations of state pairs named in one sentence, per period (each period and 'all'), with both
-- states' names and the dominant relation in English and Arabic (تعاون cooperation, نزاع
-- conflict, مختلط mixed, محايد neutral). tone in [-1, 1]: (verbal_cooperation + 2 ×
-- material_cooperation − verbal_conflict − 2 × material_conflict) / (2 × sentences).
-- requires: comention_relations, states
CREATE OR REPLACE VIEW ${schema}.v_pair_relations AS
SELECT r.period, ${schema}.period_start(r.period) AS period_start,
       ${schema}.period_sort(r.period) AS period_sort, r.period = 'all' AS is_all,
       r.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       r.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       r.sentences, r.docs, r.cooperation, r.conflict, r.neutral,
       r.verbal_cooperation, r.material_cooperation, r.verbal_conflict, r.material_conflict,
       r.a_to_b, r.b_to_a, r.docs_cooperation, r.docs_conflict,
       ${schema}.num(r.cooperation_share) AS cooperation_share,
       ${schema}.num(r.conflict_share) AS conflict_share, ${schema}.num(r.tone) AS tone,
       r.relation,
       CASE r.relation WHEN 'cooperation' THEN 'تعاون' WHEN 'conflict' THEN 'نزاع'
                       WHEN 'mixed' THEN 'مختلط' ELSE 'محايد' END AS relation_ar
FROM ${schema}.comention_relations r
LEFT JOIN ${schema}.states a ON a.iso2 = r.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = r.state_b;

-- The sentences behind each pair's relation, per period, quad class and rank, with both names
-- and the cue marked where the cue is known (snippet marks the two names; cue_substr_from and
-- cue_substr_length are 1-based: substr(sentence, cue_substr_from, cue_substr_length) is the cue).
-- requires: relation_evidence, states
CREATE OR REPLACE VIEW ${schema}.v_relation_evidence AS
SELECT e.period, ${schema}.period_start(e.period) AS period_start,
       ${schema}.period_sort(e.period) AS period_sort, e.period = 'all' AS is_all,
       e.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       e.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       e.relation, e.quad, e.direction, e.rank, e.doc_id, e.source, e.published_at, e.story_id,
       e.field, e.url, e.cue,
       ${schema}.marked_snippet(e.sentence, p.a_from, p.a_to - p.a_from,
                                p.b_from, p.b_to - p.b_from) AS snippet,
       e.sentence,
       p.c_from AS cue_substr_from, p.c_to - p.c_from AS cue_substr_length
FROM ${schema}.relation_evidence e
CROSS JOIN LATERAL (
  SELECT ${schema}.char_pos(e.sentence, e.a_start) AS a_from,
         ${schema}.char_pos(e.sentence, e.a_end) AS a_to,
         ${schema}.char_pos(e.sentence, e.b_start) AS b_from,
         ${schema}.char_pos(e.sentence, e.b_end) AS b_to,
         ${schema}.char_pos(e.sentence, e.cue_start) AS c_from,
         ${schema}.char_pos(e.sentence, e.cue_end) AS c_to
) p
LEFT JOIN ${schema}.states a ON a.iso2 = e.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = e.state_b;
