-- Analyst-facing views of the PostgreSQL sink (jobs/marsad ... --jdbc-url ...), applied in the
-- transaction of every load, after the tables. Edit freely or pass your own file with --jdbc-views.
--
-- Rules the sink relies on:
--   * ${schema} stands for the target schema (--jdbc-schema, default marsad).
--   * A statement ends at a line ending with ';' (keep semicolons out of the middle of lines' ends).
--   * A line '-- requires: t1, t2' before a statement names the tables it reads; the statement is
--     run only when they all exist in the schema, so the topic view appears once a run has written
--     topic tables, and a terms-only run does not fail on the state views.
--   * CREATE OR REPLACE VIEW can add columns at the end but not drop or rename them: to change a
--     view's columns, DROP VIEW it by hand once.
-- period_start turns a period label (2018-02-18, 2018-W07, 2018-02, 2018) into the date it starts
-- on, the temporal column BI charts want; NULL for the period 'all'.

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

-- State pairs per period and scope with both states' English and Arabic names and every
-- association measure (period 'all' aggregates the periods of the run that wrote it).
-- requires: state_comentions, states
CREATE OR REPLACE VIEW ${schema}.v_state_pairs AS
SELECT c.period, ${schema}.period_start(c.period) AS period_start, c.scope,
       c.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       c.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       c.co_docs, c.docs_a, c.docs_b, c.docs_total,
       c.npmi, c.pmi, c.jaccard, c.dice, c.lift, c.llr, c.p_b_given_a, c.p_a_given_b
FROM ${schema}.state_comentions c
LEFT JOIN ${schema}.states a ON a.iso2 = c.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = c.state_b;

-- Documents naming each state per period and source (forms of --forms), with names.
-- requires: state_counts, states
CREATE OR REPLACE VIEW ${schema}.v_state_mentions_monthly AS
SELECT c.period, ${schema}.period_start(c.period) AS period_start, c.source,
       c.state, s.name_en, s.name_ar, s.status,
       c.docs, c.mentions, c.share_of_docs
FROM ${schema}.state_counts c
LEFT JOIN ${schema}.states s ON s.iso2 = c.state;

-- Terms per period and language over all sources, ranked by count (filter rank <= 20), with the
-- label a person reads and the period's keyness (g2, log_ratio > 0: over-used in the period).
-- requires: term_frequencies, term_keyness
CREATE OR REPLACE VIEW ${schema}.v_top_terms AS
SELECT t.period, ${schema}.period_start(t.period) AS period_start, t.lang,
       row_number() OVER (PARTITION BY t.period, t.lang
                          ORDER BY t.term_count DESC, t.doc_count DESC, t.term) AS rank,
       t.label, t.term, t.term_count, t.doc_count, k.g2, k.log_ratio
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
       tt.topic_id, ts.label,
       (SELECT string_agg(top.word, ', ' ORDER BY top.rank)
          FROM (SELECT coalesce(tp.label, tp.term) AS word, tp.rank FROM ${schema}.topics tp
                 WHERE tp.topic_id = tt.topic_id ORDER BY tp.rank LIMIT 5) top) AS top_terms,
       sum(tt.docs)::bigint AS docs, sum(tt.weight_sum) AS weight_sum,
       sum(tt.weight_sum) / nullif(sum(sum(tt.weight_sum)) OVER (PARTITION BY tt.period), 0)
         AS share
FROM ${schema}.topic_trends tt
LEFT JOIN ${schema}.topic_summary ts ON ts.topic_id = tt.topic_id
GROUP BY tt.period, tt.topic_id, ts.label;

-- Evidence: the sentences naming both states of a pair, per period (each period and 'all') and
-- rank (1 = shown first), with both states' names. a_start/a_end and b_start/b_end are the offsets
-- of the two names within sentence, counted in UTF-16 units as Java and JavaScript count them
-- (PostgreSQL's substr counts characters: the same unless the sentence holds emoji):
-- substr(sentence, a_start + 1, a_end - a_start) is state_a's name as written.
-- requires: comention_evidence, states
CREATE OR REPLACE VIEW ${schema}.v_pair_evidence AS
SELECT e.period, ${schema}.period_start(e.period) AS period_start,
       e.state_a, a.name_en AS name_en_a, a.name_ar AS name_ar_a,
       e.state_b, b.name_en AS name_en_b, b.name_ar AS name_ar_b,
       e.rank, e.doc_id, e.source, e.published_at, e.story_id, e.field, e.sentence,
       e.a_start, e.a_end, e.b_start, e.b_end
FROM ${schema}.comention_evidence e
LEFT JOIN ${schema}.states a ON a.iso2 = e.state_a
LEFT JOIN ${schema}.states b ON b.iso2 = e.state_b;

-- Change over time per state and period (all sources), with names: the share of the period's
-- documents naming the state, its change against the previous calendar period (NULL when that
-- period had no documents) and the burst test against the six periods before (filter burst).
-- requires: state_trends, states
CREATE OR REPLACE VIEW ${schema}.v_state_trends AS
SELECT t.period, ${schema}.period_start(t.period) AS period_start,
       t.state, s.name_en, s.name_ar, s.status,
       t.docs, t.docs_total, t.share_of_docs, t.prev_share_of_docs, t.share_change,
       t.window_docs, t.window_docs_total, t.window_share,
       t.burst_g2, t.burst_log_ratio, t.burst
FROM ${schema}.state_trends t
LEFT JOIN ${schema}.states s ON s.iso2 = t.state;

-- Stories (a dispatch and its reprints, see "Stories (near-duplicates)" in the README) with the
-- outlets that ran them, from the documents carrying its story_id: filter docs > 1 for reprinted
-- stories, order by docs or sources for the most amplified.
-- requires: stories, documents
CREATE OR REPLACE VIEW ${schema}.v_stories AS
SELECT s.story_id, s.period, ${schema}.period_start(s.period) AS period_start,
       s.first_published_at, s.first_source, s.title, s.docs, s.sources, s.span_hours,
       string_agg(DISTINCT d.source, ', ' ORDER BY d.source) AS outlets
FROM ${schema}.stories s
LEFT JOIN ${schema}.documents d ON d.story_id = s.story_id
GROUP BY s.story_id, s.period, s.first_published_at, s.first_source, s.title, s.docs, s.sources,
         s.span_hours;
