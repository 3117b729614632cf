// Marsad report: draws the sections from the JSON data embedded in the page. Every word a reader
// sees comes from the page's dictionary (#marsad-i18n, one per language under i18n/).
(() => {
  'use strict';
  const D = JSON.parse(document.getElementById('marsad-data').textContent);
  const I18N = JSON.parse(document.getElementById('marsad-i18n').textContent);
  const WORLD = JSON.parse(document.getElementById('marsad-world').textContent);
  const LANG = (D.meta && D.meta.lang) || 'en';
  const RTL = LANG === 'ar';
  // Latin digits in both languages (see the README): Arabic separators and names, 0-9 digits.
  const LOCALE = LANG === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  const FONT = getComputedStyle(document.body).fontFamily;
  const NF = new Intl.NumberFormat(LOCALE);
  const PALETTE = ['#2f6f9f', '#e07b39', '#3a9d5d', '#c0392b', '#8e6bb8', '#8c6d46', '#d46aa8',
    '#7f8c8d', '#b5a82b', '#2bb5b0', '#1f3b57', '#a3542a'];
  const MIN_DOCS = (D.meta && D.meta.min_period_docs) || 20;

  // ------------------------------------------------------------------ words and numbers

  /** The dictionary's text for {@code key}, with {name} replaced by params.name. */
  function T(key, params) {
    let s = I18N[key];
    if (s == null) {
      marsadCheck.errors.push('missing word: ' + key);
      return key;
    }
    if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] == null ? m : String(params[k])));
    return s;
  }
  /** Singular or plural form: key + '.one' when n is 1, else key + '.other'. */
  const TN = (key, n, params) => T(key + (n === 1 ? '.one' : '.other'), Object.assign({ n: num(n) }, params || {}));

  // In an Arabic page a run such as "+12.7", "×1.4" or a path keeps its order inside an isolate.
  const ltr = (s) => (RTL && s !== '–' ? '\u2066' + s + '\u2069' : s);
  const num = (x) => (x == null ? '–' : NF.format(x));
  const decFormats = {};
  const dec = (x, d) => {
    if (x == null) return '–';
    if (!decFormats[d]) decFormats[d] = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: d, maximumFractionDigits: d });
    return decFormats[d].format(x);
  };
  const pct = (x) => (x == null ? '–' : T('unit.pct', { x: dec(100 * x, x < 0.01 ? 2 : 1) }));
  // English dates as "Mar 2017" and "17 Mar 2017" (en-GB would write "Sept"); Arabic ones by Intl.
  const monthName = new Intl.DateTimeFormat(LANG === 'ar' ? LOCALE : 'en-US', { month: LANG === 'ar' ? 'long' : 'short', timeZone: 'UTC' });
  const monthFormat = { format: (t) => monthName.format(t) + ' ' + new Date(t).getUTCFullYear() };
  const dayFormat = { format: (t) => new Date(t).getUTCDate() + ' ' + monthName.format(t) + ' ' + new Date(t).getUTCFullYear() };
  const timeFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false });
  /** A period as a reader reads it: "Mar 2017", "18 Feb 2018", "Week 7, 2018", "2017". */
  function period(p) {
    if (p == null) return '';
    if (p === 'all') return T('period.all');
    let m = /^(\d{4})-(\d{2})$/.exec(p);
    if (m) return monthFormat.format(Date.UTC(+m[1], +m[2] - 1, 1));
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
    if (m) return dayFormat.format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    m = /^(\d{4})-W(\d{2})$/.exec(p);
    if (m) return T('period.week', { w: +m[2], y: m[1] });
    return p;
  }
  const periodName = (p) => (p === 'all' ? T('period.all_lower') : period(p));
  const dateOf = (iso) => (iso ? dayFormat.format(new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso)) : null);
  const whenOf = (iso) => (iso ? timeFormat.format(new Date(iso)) + ' UTC' : null);
  let langNames = null;
  try {
    langNames = new Intl.DisplayNames([LOCALE], { type: 'language' });
  } catch (e) {
    langNames = null;
  }
  const langName = (code) => {
    if (code === 'unknown' || code === 'und') return T('lang.unknown');
    try {
      return (langNames && langNames.of(code)) || code;
    } catch (e) {
      return code;
    }
  };
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const isArabic = (s) => /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(s || '');
  // Tooltip text in its own direction: Arabic reads right to left inside English sentences.
  const bidi = (s) => '<span dir="auto">' + esc(s) + '</span>';
  const tip = (html) => '<div dir="' + (RTL ? 'rtl' : 'ltr') + '" style="text-align:start">' + html + '</div>';
  const short = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s);
  const sourceName = (s) => (s == null ? T('source.other') : s === 'unknown' ? T('source.unknown') : s);

  let names = LANG;
  const stateName = (iso) => {
    const s = D.states && D.states.names && D.states.names[iso];
    if (!s) return iso;
    return names === 'ar' ? (s.ar || s.en || iso) : (s.en || iso);
  };
  const stateTip = (iso) => {
    const s = (D.states && D.states.names && D.states.names[iso]) || {};
    return esc(s.en || iso) + ' · <span dir="rtl" lang="ar">' + esc(s.ar || '') + '</span> (' + esc(iso) + ')';
  };
  /** Why a table-backed part is absent, in the page's words. */
  const missingText = (m) => (!m ? '' : m.columns && m.columns.length
    ? T('missing.columns', { table: m.table, columns: m.columns.join(', ') })
    : T('missing.table', { table: m.table }));

  // ------------------------------------------------------------------ DOM

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v != null) e.setAttribute(k, v);
    });
    children.flat().forEach((c) => {
      if (c != null) e.append(c instanceof Node ? c : String(c));
    });
    return e;
  }
  const section = (id) => document.getElementById(id);
  const grid = (parent) => parent.appendChild(el('div', { class: 'grid' }));
  const note = (parent, text) => parent.appendChild(el('p', { class: 'note' }, text));
  const chip = (text, title) => el('span', { class: 'chip', dir: isArabic(text) ? 'rtl' : 'auto', title }, text);

  /** A card with a title, a one-line explanation, optional controls and a chart container. */
  function card(parent, id, title, explain, opts) {
    const o = opts || {};
    const c = el('div', { class: 'card' + (o.wide ? ' wide' : '') },
      el('h3', null, title), el('p', { class: 'explain' }, explain));
    if (o.controls) c.append(o.controls);
    if (id) c.append(el('div', { class: 'chart ' + (o.size || ''), id, role: 'img', 'aria-label': title }));
    parent.append(c);
    return c;
  }

  function select(label, options, value, onChange, attrs) {
    const s = el('select', attrs || null, options.map(([v, text]) => el('option', { value: v }, text)));
    s.value = value;
    s.addEventListener('change', () => onChange(s.value));
    return el('p', { class: 'controls' }, el('label', null, label + ' ', s));
  }
  /** Period options: all periods first, then the periods from the latest back. */
  const periodOptions = (list, withAll) => (withAll ? [['all', T('period.all')]] : [])
    .concat(list.filter((p) => p !== 'all').slice().sort().reverse().map((p) => [p, period(p)]));

  // ------------------------------------------------------------------ page chrome

  document.querySelectorAll('[data-i18n]').forEach((e) => {
    e.textContent = T(e.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((e) => {
    e.setAttribute('aria-label', T(e.dataset.i18nLabel));
  });

  // ------------------------------------------------------------------ filters

  const C0 = D.corpus || {};
  const FILTER_SOURCES = C0.filter_sources || [];
  const FILTER_LANGS = C0.filter_langs || [];
  /** The filter of the terms, states and topics charts: null, {source} or {lang}. */
  let filter = null;
  const filterRedraws = [];
  const filterText = () => (!filter ? T('filter.none') : filter.source != null
    ? T('filter.source', { source: sourceName(filter.source) }) : T('filter.lang', { lang: langName(filter.lang) }));
  function filterBar() {
    if (!FILTER_SOURCES.length && !FILTER_LANGS.length) return;
    const options = [['', T('filter.all')]]
      .concat(FILTER_SOURCES.map((s) => ['s:' + s, T('filter.source', { source: sourceName(s) })]))
      .concat(FILTER_LANGS.map((l) => ['l:' + l, T('filter.lang', { lang: langName(l) })]));
    const bar = el('div', { class: 'filters', id: 'filters' },
      select(T('filter.label'), options, '', (v) => {
        filter = !v ? null : v.startsWith('s:') ? { source: v.slice(2) } : { lang: v.slice(2) };
        filterRedraws.forEach((f) => f());
      }, { id: 'filter-select' }),
      el('p', { class: 'explain' }, T('filter.explain')));
    const main = document.querySelector('main');
    main.insertBefore(bar, main.firstChild.nextSibling);
  }

  // ------------------------------------------------------------------ evidence sentences

  const EV = D.evidence || {};
  const SENTENCES = EV.sentences || [];
  const panel = document.getElementById('evidence');
  const panelTitle = document.getElementById('evidence-title');
  const panelExplain = document.getElementById('evidence-explain');
  const panelList = document.getElementById('evidence-list');
  const panelExtra = document.getElementById('evidence-extra');

  /**
   * The text with the spans [start, end, class] wrapped in <mark>: built from text nodes only, so
   * no sentence of the corpus is ever read as HTML. Spans out of range or overlapping an earlier
   * one are left unmarked rather than trusted.
   */
  function marked(text, spans) {
    const f = document.createDocumentFragment();
    const ok = spans.filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= text.length)
      .sort((x, y) => x[0] - y[0]);
    let at = 0;
    ok.forEach(([a, b, cls]) => {
      if (a < at) return;
      f.append(document.createTextNode(text.slice(at, a)), el('mark', { class: cls }, text.slice(a, b)));
      at = b;
    });
    f.append(document.createTextNode(text.slice(at)));
    return f;
  }

  function sentenceItem(index, spans) {
    const [text, source, date, doc, field, story, url] = SENTENCES[index] || [];
    // Each part isolated: a Latin source or id inside an Arabic line keeps its place.
    const iso = (x) => (RTL && x ? '\u2068' + x + '\u2069' : x);
    const meta = [iso(source), dateOf(date), field === 'title' ? T('evidence.in_title') : null,
      doc ? T('evidence.document', { id: iso(doc) }) : null, story && story !== doc ? T('evidence.story', { id: iso(story) }) : null]
      .filter(Boolean).join(' · ');
    const link = url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'article' }, T('evidence.article')) : null;
    return el('li', null,
      el('blockquote', { dir: 'auto', lang: isArabic(text) ? 'ar' : null }, marked(String(text || ''), spans)),
      el('div', { class: 'meta', dir: RTL ? 'rtl' : 'ltr' }, meta, link ? ' · ' : null, link));
  }

  function closeEvidence() {
    panel.hidden = true;
    panel.dataset.key = '';
  }

  /** Opens the panel with a title, a line of numbers and the sentences (or why there are none). */
  function openEvidence(key, title, explain, items, empty, extra) {
    panelTitle.replaceChildren(...title);
    panelExplain.replaceChildren(...explain);
    panelList.replaceChildren(...(items.length ? items : [el('li', { class: 'none' }, empty)]));
    panelExtra.replaceChildren(...(extra || []));
    panel.dataset.key = key;
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  panel.querySelector('button.close').addEventListener('click', closeEvidence);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeEvidence();
  });

  /** The sentences naming both states of a pair in a period ('all': any period). */
  function pairEvidence(p, a, b, line) {
    const key = p + '|' + a + '|' + b;
    const rows = (EV.pairs || {})[key] || [];
    const title = [el('mark', { class: 'a' }, stateName(a)), ' ' + T('evidence.and') + ' ', el('mark', { class: 'b' }, stateName(b)),
      ' · ' + periodName(p)];
    const empty = !EV.pairs_available ? T('evidence.pairs_none', { why: missingText(EV.pairs_missing) })
      : T('evidence.pair_not_embedded', { n: num(EV.pairs_embedded) });
    openEvidence(key, title, [line || T('evidence.pair_line')],
      rows.map(([i, as, ae, bs, be]) => sentenceItem(i, [[as, ae, 'a'], [bs, be, 'b']])), empty, relationBlock(p, a, b));
  }

  // ------------------------------------------------------------------ relations

  const REL = D.relations || {};
  const TONES = REL.tone || {};
  // [sentences, docs, cooperation, conflict, neutral, vc, mc, vf, mf, tone, relation]
  const toneOf = (p, a, b) => (REL.available ? TONES[p + '|' + a + '|' + b] || null : null);
  const CONFLICT = [192, 57, 43];
  const NEUTRAL = [154, 165, 177];
  const COOPERATION = [26, 127, 90];
  const NO_RELATION = '#d3d9df';
  // The scale saturates at ±0.5: most pairs are named together without a relation, and a tone of
  // 0.5 already means that half of the sentences are material acts (or all verbal ones) one way.
  const TONE_FULL = 0.5;
  const hex = (rgb) => '#' + rgb.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
  /** The colour of a tone: red (conflict) through grey to green (cooperation). */
  function toneColor(t) {
    if (t == null) return NO_RELATION;
    const x = Math.max(-1, Math.min(1, t / TONE_FULL));
    const to = x < 0 ? CONFLICT : COOPERATION;
    const k = Math.abs(x);
    return hex(NEUTRAL.map((c, i) => c + (to[i] - c) * k));
  }
  /** The colour of a pair in a period; null when relations are absent (the chart's own colour). */
  const pairColor = (p, a, b) => {
    if (!REL.available) return null;
    const r = toneOf(p, a, b);
    return toneColor(r ? r[9] : null);
  };
  const relationName = (r) => ({
    cooperation: T('rel.cooperation'), conflict: T('rel.conflict'), mixed: T('rel.mixed'), neutral: T('rel.neutral'),
  })[r] || r || '–';
  const quadName = (q) => ({
    material_cooperation: T('rel.quad.material_cooperation'), verbal_cooperation: T('rel.quad.verbal_cooperation'),
    verbal_conflict: T('rel.quad.verbal_conflict'), material_conflict: T('rel.quad.material_conflict'), neutral: T('rel.quad.neutral'),
  })[q] || q;
  /** A line for a tooltip: the pair's relation in the period, or nothing without relations. */
  const toneTip = (p, a, b) => {
    if (!REL.available) return '';
    const r = toneOf(p, a, b);
    return '<br>' + (r ? esc(T('rel.tip', { relation: relationName(r[10]), tone: signed(r[9], 2), n: num(r[0]), coop: num(r[2]), conflict: num(r[3]) }))
      : esc(T('rel.tip_none')));
  };
  /** The legend of the tone colours. */
  function toneLegend() {
    if (!REL.available) return null;
    const stops = [-1, -0.5, 0, 0.5, 1].map((x) => toneColor(x * TONE_FULL) + ' ' + (50 + 50 * x * (RTL ? -1 : 1)) + '%');
    stops.sort((x, y) => parseFloat(x.split(' ')[1]) - parseFloat(y.split(' ')[1]));
    return el('div', { class: 'tone-legend' },
      el('span', null, T('rel.legend.conflict')),
      el('span', { class: 'tone-scale', style: 'background: linear-gradient(to right, ' + stops.join(', ') + ')', 'aria-hidden': 'true' }),
      el('span', null, T('rel.legend.cooperation')),
      el('span', { class: 'tone-none', style: 'background:' + NO_RELATION, 'aria-hidden': 'true' }),
      el('span', null, T('rel.legend.none')),
      el('p', { class: 'explain' }, T('rel.legend.explain', { full: dec(TONE_FULL, 1) })));
  }
  /** One period's split: cooperation, neutral and conflict sentences as a stacked bar. */
  function splitRow(label, r) {
    const n = r[0] || 1;
    const part = (k, cls) => el('span', { class: cls, style: 'width:' + (100 * r[k] / n).toFixed(2) + '%' });
    return el('tr', null, el('td', null, label),
      el('td', { class: 'split' }, el('span', { class: 'split-bar' }, part(2, 'coop'), part(4, 'neutral'), part(3, 'conflict'))),
      el('td', null, T('rel.split_counts', { coop: num(r[2]), conflict: num(r[3]), neutral: num(r[4]) })));
  }
  /** The relation part of a pair's panel: counts, the split over time and the sentences per class. */
  function relationBlock(p, a, b) {
    if (!REL.available) return [];
    const out = [el('h4', null, T('rel.title'))];
    const r = toneOf(p, a, b);
    if (!r) {
      out.push(el('p', { class: 'explain' }, T('rel.no_row', { period: periodName(p) })));
    } else {
      out.push(el('p', { class: 'explain rel-line' }, T('rel.line', {
        n: num(r[0]), coop: num(r[2]), conflict: num(r[3]), neutral: num(r[4]), relation: relationName(r[10]), tone: signed(r[9], 2),
      })));
    }
    const rows = (D.periods.views || []).filter((q) => toneOf(q, a, b)).map((q) => splitRow(period(q), toneOf(q, a, b)));
    if (rows.length) {
      out.push(el('p', { class: 'explain' }, T('rel.split_explain')),
        el('table', { class: 'rel-split' }, rows));
    }
    const ev = ((REL.evidence || {})[p + '|' + a + '|' + b]) || [];
    if (!ev.length) {
      out.push(el('p', { class: 'explain' }, REL.missing && REL.missing.evidence
        ? T('rel.evidence_missing', { why: missingText(REL.missing.evidence) })
        : T('rel.not_embedded', { n: num(REL.evidence_total) })));
      return out;
    }
    (REL.quads || []).forEach((q) => {
      const list = ev.filter((x) => x[1] === q);
      if (!list.length) return;
      out.push(el('h5', { class: 'quad ' + q }, quadName(q)));
      out.push(el('ol', { class: 'rel-sentences', 'data-quad': q }, list.map(([i, , as, ae, bs, be, cs, ce]) =>
        sentenceItem(i, [[as, ae, 'a'], [bs, be, 'b'], [cs, ce, 'cue']]))));
    });
    return out;
  }

  /** The sentences holding a term in a period, for a kind (keyness, collocation) or any. */
  function termEvidence(p, lang, term, label, kinds, line) {
    const all = EV.terms || {};
    let rows = [];
    kinds.some((k) => (rows = all[p + '|' + lang + '|' + term + '|' + k] || []).length);
    const empty = EV.terms_available ? T('evidence.term_not_embedded')
      : T('evidence.terms_none', { why: missingText(EV.terms_missing) });
    openEvidence(p + '|' + lang + '|' + term, [el('mark', { class: 't', dir: 'auto' }, label), ' · ' + periodName(p)],
      [line || T('evidence.term_line')], rows.map(([i, s, e]) => sentenceItem(i, [[s, e, 't']])), empty);
  }

  /** A state in a period: its own sentences, else those of its pairs, and its partners. */
  function stateEvidence(p, iso, line) {
    const own = (EV.states || {})[p + '|' + iso] || [];
    let items = own.map(([i, s, e]) => sentenceItem(i, [[s, e, 'a']]));
    if (!items.length) {
      Object.keys(EV.pairs || {}).forEach((k) => {
        const [kp, a, b] = k.split('|');
        if (kp !== p || (a !== iso && b !== iso)) return;
        EV.pairs[k].forEach(([i, as, ae, bs, be]) => {
          if (items.length < 6) items.push(sentenceItem(i, a === iso ? [[as, ae, 'a']] : [[bs, be, 'a']]));
        });
      });
    }
    const partners = ((D.states && D.states.partners) || {})[p] || {};
    const list = partners[iso] || [];
    const extra = [];
    if (list.length) {
      extra.push(el('h4', null, T('map.partners')));
      extra.push(el('ol', { class: 'partners' }, list.map((q) => {
        const a = iso < q.state ? iso : q.state;
        const b = iso < q.state ? q.state : iso;
        const btn = el('button', { type: 'button', class: 'link', 'data-partner': q.state }, stateName(q.state));
        btn.addEventListener('click', () => pairEvidence(p, a, b, T('evidence.pair_count', { n: num(q.co), period: periodName(p), npmi: dec(q.npmi, 3) })));
        return el('li', null, btn, ' · ' + T('map.partner_line', { n: num(q.co), npmi: dec(q.npmi, 2) }));
      })));
    }
    openEvidence('state|' + p + '|' + iso, [el('mark', { class: 'a' }, stateName(iso)), ' · ' + periodName(p)],
      [line || T('evidence.state_line')], items, T('evidence.state_none'), extra);
  }

  // ------------------------------------------------------------------ charts and their check

  const drawn = {};
  const clicks = {};

  function itemsOf(option) {
    let n = 0;
    (option.series || []).forEach((s) => {
      (s.data || []).forEach((d) => {
        const v = d != null && typeof d === 'object' && !Array.isArray(d) ? d.value : d;
        const w = Array.isArray(v) ? v[v.length - 1] : v;
        if (s.type === 'graph' || (w != null && w !== '')) n++;
      });
      n += (s.links || []).length;
    });
    return n;
  }

  function paintedPixels(dom) {
    const canvas = dom.querySelector('canvas');
    if (!canvas || !canvas.width || !canvas.height) return 0;
    // Read a copy made for reading, so the chart's own canvas stays on its fast path.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 16) if (px[i] !== 0) n++;
    return n;
  }

  /** Draws (or redraws) chart {@code id} and records whether it shows any data. */
  function chart(id, option, context, onClick) {
    const dom = document.getElementById(id);
    dom.hidden = false;
    let c = echarts.getInstanceByDom(dom);
    if (!c) {
      c = echarts.init(dom, null, { renderer: 'canvas' });
      // One listener per chart; it calls whatever the latest drawing registered.
      c.on('click', (p) => clicks[id] && clicks[id](p));
    }
    clicks[id] = onClick || null;
    dom.style.cursor = onClick ? 'pointer' : '';
    const full = Object.assign({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      tooltip: { confine: true },
    }, option);
    c.setOption(full, true);
    drawn[id] = c;
    const status = {
      items: itemsOf(full),
      width: dom.clientWidth,
      height: dom.clientHeight,
      painted: paintedPixels(dom),
    };
    status.ok = status.items > 0 && status.width > 0 && status.height > 0 && status.painted > 0;
    marsadCheck.charts[id] = status;
    if (!status.ok) marsadCheck.failures.push(id + (context ? ' (' + context + ')' : '') + ': ' + JSON.stringify(status));
    return c;
  }
  window.addEventListener('resize', () => Object.values(drawn).forEach((c) => c.resize()));

  // Right to left: value axes grow leftwards, categories sit on the right, time runs leftwards.
  const valueAxis = (name) => ({
    type: 'value', name, nameGap: 24, nameLocation: 'middle', minInterval: 1, inverse: RTL,
    axisLabel: { formatter: (v) => num(v) },
  });
  const valueFormat = (d) => (v) => dec(v, d);
  const countAxis = { type: 'value', minInterval: 1, position: RTL ? 'right' : 'left', axisLabel: { formatter: (v) => num(v) } };
  const timeAxis = (data) => ({ type: 'category', data, inverse: RTL });
  const legendAt = { top: 0, type: 'scroll', [RTL ? 'right' : 'left']: 'center' };

  /** A horizontal bar chart of {label, value} rows, largest at the top. */
  function hbar(id, rows, opts) {
    const o = opts || {};
    chart(id, {
      grid: { left: RTL ? 56 : 12, right: RTL ? 12 : 56, top: 28, bottom: 36, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => tip(o.tip(rows[p.dataIndex])) },
      xAxis: Object.assign(valueAxis(o.axis), o.min != null ? { min: o.min } : {},
        o.format ? { minInterval: 0 } : {},
        { axisLabel: { formatter: o.axisFormat || ((v) => num(v)) } }),
      yAxis: {
        type: 'category', inverse: true, data: rows.map((r) => r.label), position: RTL ? 'right' : 'left',
        axisLabel: { width: 200, overflow: 'truncate', fontSize: 14 },
      },
      series: [{
        type: 'bar', data: rows.map((r) => (r.color ? { value: r.value, itemStyle: { color: r.color } } : r.value)), itemStyle: { color: o.color || PALETTE[0] },
        label: { show: true, position: RTL ? 'left' : 'right', formatter: (p) => (o.format || num)(p.value), fontSize: 11 },
      }],
    }, o.context, o.onClick ? (p) => rows[p.dataIndex] && o.onClick(rows[p.dataIndex]) : null);
  }

  /** A note in place of chart {@code id} when there is nothing to draw. */
  function emptyChart(id, text) {
    const dom = document.getElementById(id);
    const c = echarts.getInstanceByDom(dom);
    if (c) c.clear();
    delete marsadCheck.charts[id];
    dom.hidden = true;
    let n = dom.parentNode.querySelector('.empty');
    if (!n) n = dom.parentNode.appendChild(el('p', { class: 'empty' }));
    n.hidden = false;
    n.textContent = text;
  }
  function shownChart(id) {
    const n = document.getElementById(id).parentNode.querySelector('.empty');
    if (n) n.hidden = true;
  }

  // ------------------------------------------------------------------ header

  const m = D.meta || {};
  document.getElementById('run-line').textContent = [
    m.run_id ? T('header.run', { id: ltr(m.run_id) }) : T('header.no_manifest'),
    m.finished ? T('header.finished', { when: whenOf(m.finished) }) : null,
    T('header.output', { path: ltr(m.output) }),
    T('header.generated', { when: whenOf(m.generated) }),
  ].filter(Boolean).join(' · ');

  const axis = D.periods.keys || [];
  const zoom = (n) => (n > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }] : undefined);

  // ------------------------------------------------------------------ what changed

  const nameRedraws = [];
  const signed = (x, d) => (x == null ? '–' : ltr((x > 0 ? '+' : x < 0 ? '−' : '') + dec(Math.abs(x), d)));
  const points = (x) => (x == null ? '–' : T('unit.points', { x: signed(100 * x, Math.abs(x) < 0.01 ? 2 : 1) }));
  const times = (lr) => (lr == null ? '–' : ltr(T('unit.times', { x: dec(Math.pow(2, lr), 1) })));

  function table(head, rows) {
    return el('table', { class: 'winners changes' }, el('tr', null, head.map((h) => el('th', null, h))), rows);
  }
  const ofTotal = (a, b) => T('unit.of', { a: num(a), b: num(b) });

  function changes() {
    const s = section('changes');
    const X = D.changes || {};
    if (!X.available) {
      note(s, T('changes.none', { why: missingText(X.missing) }));
      return;
    }
    if (!X.latest) {
      note(s, T('changes.no_rows'));
      return;
    }
    const st = X.settings || {};
    const box = el('div');
    const periods = X.periods || [];
    let current = X.opening || X.latest;
    const draw = (p) => {
      const V = (X.by_period || {})[p] || {};
      const prev = period((X.previous || {})[p]);
      const n = (X.docs || {})[p] || {};
      const wn = n.window_periods == null ? st.window : n.window_periods;
      const win = TN('changes.window', wn);
      const g = el('div', { class: 'grid' });
      box.replaceChildren();
      const docs = (k) => (k ? TN('changes.docs', k) : T('changes.no_doc'));
      if (n.period != null) {
        box.append(el('p', { class: 'explain', id: 'changes-docs' }, T('changes.rests_on', {
          period: period(p), docs: docs(n.period), prev, prev_docs: docs(n.prev), window: win, window_docs: docs(n.window),
        }) + (!n.prev && !n.window ? ' ' + T('changes.nothing_before') : '')));
      }
      const has = (q) => {
        const W = (X.by_period || {})[q] || {};
        return ['states', 'pairs', 'rising'].some((k) => (W[k] || []).length);
      };
      if (!has(p)) {
        const earlier = periods.filter((q) => q < p && has(q)).pop();
        if (earlier) {
          const b = el('button', { type: 'button', class: 'link' }, period(earlier));
          b.addEventListener('click', () => {
            picker.querySelector('select').value = earlier;
            current = earlier;
            draw(earlier);
          });
          box.append(el('p', { class: 'explain' }, T('changes.earlier'), ' ', b, '.'));
        }
      }
      box.append(g);

      const sc = card(g, null, T('changes.states.title'), T('changes.states.explain', {
        min: num(st.min_docs), ratio: dec(Math.pow(2, st.min_log_ratio), 0), window: win, g2: dec(st.min_g2, 2),
      }));
      const states = V.states || [];
      const prior = wn === st.window ? T('changes.prior', { n: num(wn) }) : T('changes.prior_only', { n: num(wn) });
      const stateRow = (r) => el('tr', null,
        el('td', null, el('button', { type: 'button', class: 'link', 'data-state': r.state }, stateName(r.state))),
        el('td', null, ofTotal(r.docs, r.total)), el('td', null, pct(r.share)),
        el('td', null, points(r.change)), el('td', { title: r.window_total != null ? ofTotal(r.window_docs, r.window_total) : null }, pct(r.window_share)),
        el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
      const stateHead = [T('col.state'), T('col.documents'), T('col.share'), T('col.vs', { period: prev }), prior, T('col.ratio'), 'G²'];
      if (X.missing && X.missing.states) {
        sc.append(el('p', null, T('changes.states.missing', { why: missingText(X.missing.states) })));
      } else if (states.length) {
        sc.append(table(stateHead, states.map(stateRow)));
      } else {
        sc.append(el('p', null, T('changes.states.none', { period: period(p) })));
      }
      if ((V.rises || []).length) {
        sc.append(el('p', { class: 'explain' }, T('changes.rises')), table(stateHead, V.rises.map(stateRow)));
      }

      const pc = card(g, null, T('changes.pairs.title'), T('changes.pairs.explain', { window: win }));
      const pairs = V.pairs || [];
      if (X.missing && X.missing.pairs) {
        pc.append(el('p', null, T('changes.pairs.missing', { why: missingText(X.missing.pairs) })));
      } else if (pairs.length) {
        pc.append(table([T('col.pair'), T('col.together'), T('col.vs', { period: prev }), prior, 'NPMI', T('col.ratio'), 'G²'], pairs.map((r) => {
          const b = el('button', { type: 'button', class: 'link', 'data-pair': r.a + '|' + r.b }, stateName(r.a) + ' – ' + stateName(r.b));
          b.addEventListener('click', () => pairEvidence(p, r.a, r.b, T('changes.pairs.line', {
            n: ofTotal(r.co, r.total), period: period(p), w: ofTotal(r.window_co, r.window_total), window: win,
          })));
          return el('tr', null, el('td', null, b), el('td', null, ofTotal(r.co, r.total)),
            el('td', null, signed(r.change, 0)), el('td', null, ofTotal(r.window_co, r.window_total)),
            el('td', null, dec(r.npmi, 2)), el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
        })));
      } else {
        pc.append(el('p', null, T('changes.pairs.none', { period: period(p) })));
      }

      if (REL.available) {
        const rc = card(g, null, T('changes.conflict.title'), T('changes.conflict.explain', { window: win }));
        const bursts = (REL.bursts || {})[p] || [];
        if (REL.missing && REL.missing.trends) {
          rc.append(el('p', null, T('changes.conflict.missing', { why: missingText(REL.missing.trends) })));
        } else if (bursts.length) {
          rc.append(table([T('col.pair'), T('col.conflict'), T('col.vs', { period: prev }), prior, T('col.ratio'), 'G²'], bursts.map((r) => {
            const b = el('button', { type: 'button', class: 'link', 'data-conflict': r.a + '|' + r.b }, stateName(r.a) + ' – ' + stateName(r.b));
            b.addEventListener('click', () => pairEvidence(p, r.a, r.b, T('changes.conflict.line', {
              n: ofTotal(r.n, r.total), period: period(p), share: pct(r.share), window_share: pct(r.window_share), window: win,
            })));
            return el('tr', null, el('td', null, b), el('td', { title: pct(r.share) }, ofTotal(r.n, r.total)),
              el('td', null, pct(r.prev_share)), el('td', { title: r.window_total != null ? ofTotal(r.window_n, r.window_total) : null }, pct(r.window_share)),
              el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
          })));
        } else {
          rc.append(el('p', null, T('changes.conflict.none', { period: period(p) })));
        }
      }

      const tc = card(g, null, T('changes.terms.title'), T('changes.terms.explain', { prev, g2: dec(st.term_min_g2, 2) }), { wide: true });
      const termRow = (r) => {
        const b = el('button', { type: 'button', class: 'link', dir: 'auto' }, r.label);
        b.addEventListener('click', () => termEvidence(p, r.lang, r.term, r.label, ['keyness', 'collocation'],
          T('changes.terms.line', { n: num(r.n), period: period(p), prev_n: num(r.prev), prev, g2: dec(r.g2, 1) })));
        return el('tr', null, el('td', null, b), el('td', null, num(r.n)), el('td', null, num(r.prev)),
          el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
      };
      const termHead = [T('col.term'), period(p), prev, T('col.ratio'), 'G²'];
      if (X.missing && X.missing.terms) {
        tc.append(el('p', null, T('changes.terms.missing', { why: missingText(X.missing.terms) })));
      } else if ((V.rising || []).length) {
        tc.append(el('div', { class: 'scroll' }, table(termHead, V.rising.map(termRow))));
      } else {
        tc.append(el('p', null, T('changes.terms.none', { period: period(p) })));
      }
      if ((V.falling || []).length) {
        tc.append(el('p', { class: 'explain' }, T('changes.falling'), ' ',
          V.falling.map((r) => chip(r.label, T('changes.falling_tip', { n: num(r.n), prev: num(r.prev) })))));
      }
      g.querySelectorAll('button[data-state]').forEach((b) => b.addEventListener('click', () => {
        stateEvidence(p, b.dataset.state, T('changes.state_line'));
      }));
    };
    const latestDocs = ((X.docs || {})[X.latest] || {}).period;
    s.append(el('p', { class: 'explain' }, T('changes.explain', { window: num(st.window) })));
    s.append(el('p', { class: 'explain', id: 'changes-opening' }, X.opening && X.opening !== X.latest
      ? T('changes.opening_thin', { period: period(X.opening), min: num(MIN_DOCS), latest: period(X.latest), n: num(latestDocs || 0) })
      : T('changes.opening_latest', { period: period(current) })));
    const picker = select(T('control.period'), periods.slice().reverse().map((p) => [p, period(p)]), current, (p) => {
      current = p;
      draw(p);
    });
    s.append(picker);
    s.append(box);
    draw(current);
    nameRedraws.push(() => draw(current));
  }

  // ------------------------------------------------------------------ corpus overview

  function overview() {
    const s = section('overview');
    const C = D.corpus;
    if (!C.available) {
      note(s, T('overview.none', { why: missingText(C.missing) }));
      return;
    }
    const langs = Object.entries(C.langs || {}).map(([k, v]) => langName(k) + ' ' + num(v)).join(RTL ? '، ' : ', ');
    const dated = axis.filter((p) => p !== 'all');
    const span = dated.length ? period(dated[0]) + (dated.length > 1 ? ' – ' + period(dated[dated.length - 1]) : '') : T('overview.no_dates');
    const totals = el('div', { class: 'totals' });
    [
      [num(C.rows_in), T('overview.rows_in')],
      [num(C.documents), T('overview.documents')],
      [num(C.counted), C.stories ? T('overview.counted_stories', { mode: T('mode.' + (C.stories.mode || 'near')) }) : T('overview.counted')],
      [num(C.rejected), T('overview.rejected')],
      [num(C.duplicates), T('overview.duplicates')],
      [num(C.sources), C.sources === 1 ? T('overview.source') : T('overview.sources')],
      [span, m.period ? T('overview.periods_of', { kind: T('kind.' + m.period) }) : T('overview.periods')],
      [langs || '–', T('overview.langs')],
    ].forEach(([v, k]) => totals.append(el('div', { class: 'total' }, el('div', { class: 'v', dir: 'auto' }, v), el('div', { class: 'k' }, k))));
    s.append(totals);
    s.append(el('p', { class: 'explain' }, T('overview.counts_explain')));
    if (!C.documents) {
      note(s, T('overview.empty'));
      return;
    }
    const g = grid(s);
    card(g, 'chart-docs', T('overview.docs.title'), T('overview.docs.explain', { n: num(C.documents) }), { wide: true });
    chart('chart-docs', {
      legend: legendAt,
      grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => tip(esc(ps[0].axisValueLabel) + '<br>' + ps.filter((p) => p.value)
          .map((p) => p.marker + bidi(p.seriesName) + ': ' + num(p.value)).join('<br>')) },
      xAxis: timeAxis(axis.map(period)),
      yAxis: countAxis,
      dataZoom: zoom(axis.length),
      series: C.by_source.map((src) => ({
        name: sourceName(src.source), type: 'bar', stack: 'docs', barMaxWidth: 36,
        data: axis.map((p) => (src.docs[p] == null ? null : src.docs[p])),
      })),
    });
    const perSource = C.by_source.map((src) => ({ label: sourceName(src.source), value: src.total }));
    card(g, 'chart-sources', T('overview.sources.title'),
      T('overview.sources.explain') + (C.sources > C.by_source.filter((x) => !x.other).length ? ' ' + T('overview.sources.other') : ''));
    document.getElementById('chart-sources').style.height = Math.max(160, 70 + 36 * perSource.length) + 'px';
    hbar('chart-sources', perSource, { axis: T('unit.documents'), tip: (r) => bidi(r.label) + ': ' + TN('unit.n_documents', r.value) });
    const reasons = Object.entries(C.rejected_by_reason || {}).sort((a, b) => b[1] - a[1]);
    const rc = card(g, reasons.length ? 'chart-rejected' : null, T('overview.rejected.title'), T('overview.rejected.explain'));
    if (reasons.length) {
      document.getElementById('chart-rejected').style.height = Math.max(160, 70 + 36 * reasons.length) + 'px';
      const reason = (k) => I18N['reason.' + k] || k.replace(/_/g, ' ');
      hbar('chart-rejected', reasons.map(([k, v]) => ({ label: reason(k), value: v })), {
        axis: T('unit.rows'), color: '#c0392b', tip: (r) => esc(r.label) + ': ' + num(r.value),
      });
    } else {
      rc.append(el('p', null, T('overview.rejected.none')));
    }
    if (C.stories) {
      const S = C.stories;
      const sc = card(g, null, T('stories.title'), T('stories.explain'), { wide: true });
      if (!S.top.length) {
        sc.append(el('p', null, T('stories.none')));
      } else {
        sc.append(table([T('stories.col.title'), T('col.documents'), T('stories.col.outlets'), T('stories.col.first'), T('stories.col.when')],
          S.top.map((x) => el('tr', null,
            el('td', { dir: 'auto' }, x.title || '–'),
            el('td', { class: 'num' }, num(x.docs)),
            el('td', { dir: 'auto' }, x.outlets.join(' · ')),
            el('td', { dir: 'auto' }, x.first_source),
            el('td', null, whenOf(x.first) || '–')))));
      }
      const amplified = S.amplification.filter((x) => x.reprints > 0);
      const ac = card(g, amplified.length ? 'chart-amplification' : null, T('stories.amp.title'), T('stories.amp.explain'));
      if (amplified.length) {
        document.getElementById('chart-amplification').style.height = Math.max(160, 70 + 36 * amplified.length) + 'px';
        hbar('chart-amplification', amplified.map((x) => ({ label: x.source, value: x.reprints, first: x.first, docs: x.docs })), {
          axis: T('unit.reprints'), color: '#8e44ad',
          tip: (r) => bidi(r.label) + ': ' + T('stories.amp.tip', { n: num(r.value), docs: num(r.docs), first: num(r.first) }),
        });
      } else {
        ac.append(el('p', null, T('stories.amp.none')));
      }
    }
  }

  // ------------------------------------------------------------------ terms

  function terms() {
    const s = section('terms');
    const TT = D.terms;
    if (!TT.available) {
      note(s, T('terms.none', { why: missingText(TT.missing) }));
      return;
    }
    const cells = {};
    (TT.top || []).forEach((c) => {
      cells[c.p + '|' + (c.s == null ? '' : c.s) + '|' + (c.l == null ? '' : c.l)] = c.t;
    });
    const cellOf = (p) => cells[p + '|' + (filter && filter.source != null ? filter.source : '') + '|' + (filter && filter.lang != null ? filter.lang : '')] || [];
    if (!(cells['all||'] || []).length) {
      note(s, T('terms.empty'));
      return;
    }
    const g = grid(s);
    const topPeriods = Array.from(new Set((TT.top || []).map((c) => c.p)));
    let topPeriod = 'all';
    const drawTop = () => {
      const rows = cellOf(topPeriod);
      const ctx = periodName(topPeriod) + ' · ' + filterText();
      document.getElementById('terms-top-scope').textContent = T('terms.top.scope', { period: periodName(topPeriod), filter: filterText() });
      if (!rows.length) return emptyChart('chart-top-terms', T('terms.top.empty', { scope: ctx }));
      shownChart('chart-top-terms');
      hbar('chart-top-terms', rows.map(([label, n, docs]) => ({ label, value: n, docs })), {
        axis: T('unit.occurrences'), context: ctx,
        tip: (r) => bidi(r.label) + '<br>' + T('terms.top.tip', { n: num(r.value), docs: num(r.docs) }),
      });
    };
    const tcard = card(g, 'chart-top-terms', T('terms.top.title'), T('terms.top.explain'),
      { size: 'tall', controls: select(T('control.period'), periodOptions(topPeriods, true), 'all', (p) => { topPeriod = p; drawTop(); }) });
    tcard.insertBefore(el('p', { class: 'explain scope', id: 'terms-top-scope' }), tcard.querySelector('.chart'));
    drawTop();
    filterRedraws.push(drawTop);

    const K = TT.keyness || {};
    const keyPeriods = Object.keys(K).filter((p) => p !== 'all').sort();
    if (keyPeriods.length) {
      // The latest period with a full list of winners; a thin last month would show little.
      const full = keyPeriods.filter((p) => K[p].length >= 10);
      const latest = full.length ? full[full.length - 1] : keyPeriods[keyPeriods.length - 1];
      const drawKey = (p) => hbar('chart-keyness', (K[p] || []).map((r) => ({ label: r.label, value: r.g2, lr: r.log_ratio, n: r.n, term: r.term, lang: r.lang })), {
        axis: T('unit.g2'), color: PALETTE[1], format: valueFormat(1), context: period(p),
        onClick: (r) => termEvidence(p, r.lang, r.term, r.label, ['keyness'], T('terms.keyness.line', { g2: dec(r.value, 1), period: period(p), n: num(r.n) })),
        tip: (r) => bidi(r.label) + '<br>' + T('terms.keyness.tip', { g2: dec(r.value, 1), x: dec(Math.pow(2, r.lr), 1), n: num(r.n) }),
      });
      card(g, 'chart-keyness', T('terms.keyness.title'), T('terms.keyness.explain'),
        { size: 'tall', controls: select(T('control.period'), periodOptions(keyPeriods, false), latest, drawKey) });
      drawKey(latest);

      const tbl = el('table', { class: 'winners' }, el('tr', null, el('th', null, T('col.period')), el('th', null, T('terms.winners.col'))));
      keyPeriods.slice().reverse().forEach((p) => tbl.append(el('tr', null, el('th', null, period(p)),
        el('td', null, (K[p] || []).slice(0, 6).map((r) => chip(r.label, 'G² ' + dec(r.g2, 1)))))));
      const tc = card(g, null, T('terms.winners.title'), T('terms.winners.explain'));
      tc.append(el('div', { class: 'scroll' }, tbl));
    } else {
      card(g, null, T('terms.keyness.title'), T('terms.keyness.explain'))
        .append(el('p', null, T('terms.keyness.none')));
    }

    const coll = TT.collocations || [];
    const cc = card(g, coll.length ? 'chart-collocations' : null, T('terms.coll.title'), T('terms.coll.explain'), { size: 'tall' });
    if (coll.length) {
      hbar('chart-collocations', coll.map((r) => ({ label: r.label, value: r.g2, n: r.n, pmi: r.pmi, term: r.term, lang: r.lang })), {
        axis: T('unit.g2'), color: PALETTE[2], format: valueFormat(1),
        onClick: (r) => termEvidence('all', r.lang, r.term, r.label, ['collocation'], T('terms.coll.line', { n: num(r.n), g2: dec(r.value, 1) })),
        tip: (r) => bidi(r.label) + '<br>' + T('terms.coll.tip', { g2: dec(r.value, 1), n: num(r.n), pmi: dec(r.pmi, 2) }),
      });
    } else {
      cc.append(el('p', null, T('terms.coll.none')));
    }
  }

  // ------------------------------------------------------------------ topics

  /** Counted documents of a period in the current filter's cell. */
  function countedIn(p) {
    const C = D.corpus || {};
    if (filter && filter.source != null) return ((C.counted_by_period_source || {})[filter.source] || {})[p] || 0;
    if (filter && filter.lang != null) return ((C.counted_by_period_lang || {})[filter.lang] || {})[p] || 0;
    return (C.counted_by_period || {})[p] || 0;
  }

  function topics() {
    const s = section('topics');
    const TP = D.topics;
    if (!TP.available) {
      note(s, T('topics.none', { why: missingText(TP.missing) }));
      return;
    }
    const list = TP.topics || [];
    if (!list.length) {
      note(s, T('topics.empty'));
      return;
    }
    const g = grid(s);
    const name = (t) => '#' + t.id + ' ' + (t.label || '');
    const cell = () => (!filter ? '' : filter.source != null ? 'source|' + filter.source : 'lang|' + filter.lang);
    const prevalence = (t) => (!filter ? t.prevalence : ((TP.prevalence_by || {})[cell()] || {})[t.id]);
    const shares = () => (!filter ? TP.share || {} : (TP.share_by || {})[cell()] || {});
    const pc = card(g, 'chart-topics', T('topics.prevalence.title'), '', { size: list.length > 12 ? 'tall' : '' });
    const drawPrevalence = () => {
      pc.querySelector('.explain').textContent = T('topics.prevalence.explain', { filter: filterText() });
      const rows = list.map((t) => ({ label: short(name(t), 40), value: prevalence(t) == null ? 0 : prevalence(t), t }));
      hbar('chart-topics', rows, {
        axis: T('unit.prevalence'), color: PALETTE[4], format: pct, axisFormat: (v) => T('unit.pct', { x: dec(100 * v, 0) }),
        context: filterText(),
        tip: (r) => bidi(name(r.t)) + '<br>' + T('topics.tip', { p: pct(r.value), npmi: dec(r.t.npmi, 2) }) +
          '<br>' + r.t.terms.slice(0, 8).map((x) => bidi(x.label)).join(' · '),
      });
    };
    drawPrevalence();
    filterRedraws.push(drawPrevalence);
    const tc0 = card(g, 'chart-topic-trends', T('topics.share.title'), T('topics.share.explain', { min: num(MIN_DOCS) }));
    const drawShare = () => {
      const share = shares();
      const shown = list.filter((t) => share[t.id]).slice(0, 10);
      tc0.querySelector('.explain').textContent = T('topics.share.explain', { min: num(MIN_DOCS) }) + ' ' + filterText() + '.';
      if (!shown.length) return emptyChart('chart-topic-trends', T('topics.share.empty', { filter: filterText() }));
      shownChart('chart-topic-trends');
      // A period with topic data where a topic has none is a share of 0; a period without any, or
      // with fewer than MIN_DOCS counted documents, is a gap.
      const withData = new Set(Object.values(share).flatMap((byPeriod) => Object.keys(byPeriod)));
      const thin = (p) => countedIn(p) < MIN_DOCS;
      if (!axis.some((p) => withData.has(p) && !thin(p))) {
        return emptyChart('chart-topic-trends', T('topics.share.all_thin', { min: num(MIN_DOCS), filter: filterText() }));
      }
      chart('chart-topic-trends', {
        legend: Object.assign({ formatter: (n) => short(n, 28) }, legendAt),
        grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
        tooltip: { trigger: 'axis', formatter: (ps) => {
          const p = axis[ps[0].dataIndex];
          const head = esc(ps[0].axisValueLabel) + ' · ' + TN('unit.n_counted', countedIn(p));
          if (thin(p) && withData.has(p)) return tip(head + '<br>' + T('topics.share.thin', { min: num(MIN_DOCS) }));
          return tip(head + '<br>' + ps.filter((x) => x.value != null).map((x) => x.marker + bidi(x.seriesName) + ': ' + pct(x.value)).join('<br>'));
        } },
        xAxis: timeAxis(axis.map(period)),
        yAxis: { type: 'value', position: RTL ? 'right' : 'left', axisLabel: { formatter: (v) => T('unit.pct', { x: dec(100 * v, 0) }) } },
        dataZoom: zoom(axis.length),
        series: shown.map((t, i) => Object.assign({
          name: name(t), type: 'line', connectNulls: false, symbolSize: 5,
          data: axis.map((p) => (withData.has(p) && !thin(p) ? share[t.id][p] || 0 : null)),
        }, i === 0 ? { markArea: { silent: true, itemStyle: { color: 'rgba(120,130,140,0.12)' },
          data: axis.filter((p) => withData.has(p) && thin(p)).map((p) => [{ xAxis: period(p) }, { xAxis: period(p) }]) } } : {})),
      }, filterText());
    };
    drawShare();
    filterRedraws.push(drawShare);
    const cards = el('div', { class: 'topics' });
    const rankedBy = TP.states_ranked_by === 'llr'
      ? T('topics.states.by_llr', { docs: num(TP.min_state_docs), g2: dec(TP.min_state_llr, 2) })
      : T('topics.states.by_lift', { docs: num(TP.min_state_docs) });
    const drawCards = () => {
      cards.replaceChildren();
      list.forEach((t) => {
        const c = el('div', { class: 'card topic' + (t.weak ? ' weak' : '') },
          el('h4', { dir: 'auto' }, name(t)),
          el('div', { class: 'stats' }, T('topics.card.stats', { p: pct(t.prevalence), npmi: dec(t.npmi, 2) }),
            t.weak ? el('span', { class: 'badge', title: T('topics.weak.tip') }, ' ' + T('topics.weak')) : ''),
          el('div', null, t.terms.map((x) => chip(x.label, T('topics.weight', { w: dec(x.weight, 4) })))));
        if (t.states && t.states.length) {
          c.append(el('div', { class: 'stats' }, T('topics.states') + ' ',
            t.states.map((x) => chip(stateName(x.state), (x.llr != null ? 'G² ' + dec(x.llr, 1) + ', ' : '') +
              T('topics.states.tip', { lift: dec(x.lift, 1), docs: num(x.docs) })))));
        }
        if (t.docs && t.docs.length) {
          c.append(el('ul', null, t.docs.map((d) => {
            const safe = d.url && /^https?:\/\//i.test(d.url) ? d.url : null;
            return el('li', { dir: 'auto', title: d.id }, d.title || d.id,
              safe ? [' ', el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'article' }, T('evidence.article'))] : null);
          })));
        }
        cards.append(c);
      });
    };
    drawCards();
    nameRedraws.push(drawCards);
    const tc = card(s, null, T('topics.cards.title'), T('topics.cards.explain') + ' ' + rankedBy);
    tc.style.marginTop = '16px';
    tc.append(cards);
  }

  // ------------------------------------------------------------------ the map

  const MAP_COLORS = ['#dbe9f5', '#b3d0e8', '#7fb0d6', '#4d8dc0', '#2f6f9f', '#1d4f78', '#0d2d4a'];
  /** Pieces of the map's scale: 1, 2–4, 5–9, 10–19, 20–49, 50–99 ... up to the largest count. */
  function classes(max) {
    const bounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
    const lows = bounds.filter((b) => b <= max);
    const pick = lows.length > MAP_COLORS.length ? lows.filter((b, i) => i === 0 || i % 2 === 1 || i === lows.length - 1) : lows;
    return pick.map((lo, i) => {
      const hi = i + 1 < pick.length ? pick[i + 1] - 1 : null;
      const label = hi == null ? ltr(num(lo) + '+') : lo === hi ? num(lo) : ltr(num(lo) + '–' + num(hi));
      return Object.assign({ min: lo, label, color: MAP_COLORS[Math.round((i * (MAP_COLORS.length - 1)) / Math.max(1, pick.length - 1))] },
        hi == null ? {} : { max: hi });
    });
  }
  let mapRegistered = false;
  function map() {
    const s = section('map');
    const S = D.states;
    if (!S.available) {
      note(s, T('states.none', { why: missingText(S.missing) }));
      return;
    }
    if (!(S.top || []).length) {
      note(s, T('states.empty'));
      return;
    }
    if (!mapRegistered) {
      echarts.registerMap('marsad-world', { type: 'FeatureCollection', features: WORLD.features });
      mapRegistered = true;
    }
    const periods = ['all'].concat((S.periods || []).slice().reverse());
    let current = 'all';
    const g = grid(s);
    const mc = card(g, 'chart-map', T('map.title'), '', { wide: true, size: 'map',
      controls: select(T('control.period'), periods.map((p) => [p, period(p)]), 'all', (p) => { current = p; draw(); }, { id: 'map-period' }) });
    const draw = () => {
      const docs = (S.map || {})[current] || {};
      const total = (S.docs_total || {})[current];
      mc.querySelector('.explain').textContent = T('map.explain', { period: periodName(current), n: num(total) });
      const values = Object.values(docs);
      const max = Math.max(1, ...values);
      const shaped = new Set(WORLD.features.map((f) => f.properties.name));
      const regions = Object.entries(docs).filter(([iso]) => shaped.has(iso)).map(([iso, n]) => ({ name: iso, value: n }));
      const dots = Object.entries(WORLD.points || {}).filter(([iso]) => docs[iso])
        .map(([iso, xy]) => ({ name: iso, value: xy.concat([docs[iso]]) }));
      const tipOf = (iso, n) => tip(stateTip(iso) + '<br>' + TN('unit.n_documents', n || 0) +
        (total ? ' · ' + pct((n || 0) / total) : '') + '<br><i>' + T('map.click') + '</i>');
      chart('chart-map', {
        tooltip: { trigger: 'item', formatter: (p) => tipOf(p.name, p.seriesType === 'scatter' ? p.value[2] : p.value) },
        // Classes that grow geometrically (1, 2–4, 5–9, 10–19 ...): one state named everywhere
        // would otherwise leave every other state in the palest shade.
        visualMap: { type: 'piecewise', pieces: classes(max), [RTL ? 'right' : 'left']: 8, bottom: 8, seriesIndex: [0, 1],
          itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } },
        geo: { map: 'marsad-world', roam: true, nameProperty: 'name', itemStyle: { areaColor: '#eef0f2', borderColor: '#b6bec8', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f0c05a' } }, top: 8, bottom: 8, left: 'center', scaleLimit: { min: 0.8, max: 12 } },
        series: [
          { type: 'map', geoIndex: 0, data: regions.length ? regions : [{ name: '', value: 0 }] },
          { type: 'scatter', coordinateSystem: 'geo', data: dots, symbolSize: 9, itemStyle: { borderColor: '#17324d', borderWidth: 1 } },
        ],
      }, periodName(current), (p) => {
        if (p.name && (docs[p.name] || S.names[p.name])) openState(p.name);
      });
    };
    const openState = (iso) => {
      const docs = ((S.map || {})[current] || {})[iso] || 0;
      const total = (S.docs_total || {})[current];
      stateEvidence(current, iso, T('map.line', { n: num(docs), total: num(total), share: total ? pct(docs / total) : '–', period: periodName(current) }));
    };
    draw();
    nameRedraws.push(draw);
    mapApi.draw = draw;
    mapApi.open = openState;
    mapApi.period = () => current;
  }
  const mapApi = {};

  // ------------------------------------------------------------------ states

  const stateCharts = [];

  function states() {
    const s = section('states');
    const S = D.states;
    if (!S.available) {
      s.querySelector('.names-toggle').hidden = true;
      note(s, T('states.none', { why: missingText(S.missing) }));
      return;
    }
    const top = S.top || [];
    if (!top.length) {
      note(s, T('states.empty'));
      s.querySelector('.names-toggle').hidden = true;
      return;
    }
    // The charts below the selector show one period, or all of them (the default).
    let current = 'all';
    const view = () => (current === 'all' ? { top: S.top, comentions: S.comentions } : (S.by_period || {})[current] || {});
    const within = () => periodName(current);
    const views = S.periods || [];
    if (views.length) {
      s.append(select(T('states.period'), periodOptions(views, true), 'all', (p) => {
        current = p;
        stateCharts.forEach((f) => f());
      }));
    }
    const g = grid(s);
    const explains = {};
    const dynamic = (id, c, text) => {
      explains[id] = { el: c.querySelector('.explain'), text };
      return c;
    };
    const explain = (id) => {
      const e = explains[id];
      if (e) e.el.textContent = e.text();
    };
    /** The most named states of the period in the current filter's cell. */
    const topStates = () => {
      if (filter && filter.source != null) return ((S.by_source || {})[filter.source] || {})[current] || [];
      if (filter && filter.lang != null) return ((S.by_lang || {})[filter.lang] || {})[current] || [];
      return view().top || [];
    };

    dynamic('chart-states-top', card(g, 'chart-states-top', T('states.top.title'), '', { size: 'tall' }),
      () => T('states.top.explain', { period: within(), filter: filterText() }));
    const drawTop = () => {
      explain('chart-states-top');
      const rows = topStates();
      if (!rows.length) return emptyChart('chart-states-top', T('states.top.empty', { period: within(), filter: filterText() }));
      shownChart('chart-states-top');
      hbar('chart-states-top', rows.map((r) => ({ label: stateName(r.state), value: r.docs, iso: r.state })), {
        axis: T('unit.documents'), tip: (r) => stateTip(r.iso) + '<br>' + TN('unit.n_documents', r.value), context: within() + ' · ' + filterText(),
        onClick: (r) => stateEvidence(current, r.iso),
      });
    };
    stateCharts.push(drawTop);
    filterRedraws.push(drawTop);

    const order = (S.order || []).filter((iso) => S.time[iso]);
    card(g, 'chart-states-time', T('states.time.title'), T('states.time.explain'), { size: 'tall' });
    stateCharts.push(() => chart('chart-states-time', {
      legend: legendAt,
      grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => tip(esc(ps[0].axisValueLabel) + '<br>' + ps.filter((p) => p.value)
        .map((p) => p.marker + bidi(p.seriesName) + ': ' + num(p.value)).join('<br>')) },
      xAxis: timeAxis(axis.map(period)),
      yAxis: countAxis,
      dataZoom: zoom(axis.length),
      series: order.map((iso, i) => Object.assign({
        name: stateName(iso), type: 'line', showSymbol: false,
        data: axis.map((p) => S.time[iso][p] || 0),
      }, i === 0 && current !== 'all' && axis.includes(current) ? {
        markLine: { silent: true, symbol: 'none', label: { formatter: period(current) }, lineStyle: { color: '#17324d', type: 'dashed' },
          data: [{ xAxis: period(current) }] },
      } : {})),
    }));

    if (!S.comentions) {
      stateCharts.forEach((f) => f());
      note(s, T('states.no_pairs'));
      return;
    }
    const unit = S.comentions.scope === 'sentence' ? T('unit.sentences') : T('unit.documents');
    const pairLabel = (p) => stateName(p.a) + ' – ' + stateName(p.b);
    const pairTip = (p) => tip(stateTip(p.a) + '<br>' + stateTip(p.b) + '<br>' + T('states.pair.tip', { n: num(p.co), unit, npmi: dec(p.npmi, 3) }) +
      toneTip(current, p.a, p.b) + '<br><i>' + T('states.click') + '</i>');
    const openPair = (p) => pairEvidence(current, p.a, p.b, T('states.pair.line', { n: num(p.co), unit, period: within(), npmi: dec(p.npmi, 3) }));
    const noPairs = () => T('states.pairs.empty', { period: within() });

    dynamic('chart-pairs-npmi', card(g, 'chart-pairs-npmi', T('states.npmi.title'), '', { size: 'tall' }),
      () => T('states.npmi.explain', { min: num((view().comentions || {}).min_co_docs), unit, period: within() }));
    stateCharts.push(() => {
      explain('chart-pairs-npmi');
      const C = view().comentions;
      if (!C || !C.by_npmi.length) return emptyChart('chart-pairs-npmi', noPairs());
      shownChart('chart-pairs-npmi');
      hbar('chart-pairs-npmi', C.by_npmi.map((p) => ({ label: pairLabel(p), value: p.npmi, p })), {
        axis: 'NPMI', color: PALETTE[3], format: valueFormat(2), axisFormat: valueFormat(1), tip: (r) => pairTip(r.p),
        context: within(), onClick: (r) => openPair(r.p),
      });
    });
    dynamic('chart-pairs-co', card(g, 'chart-pairs-co', T('states.co.title'), '', { size: 'tall' }),
      () => T('states.co.explain', { unit, period: within() }));
    stateCharts.push(() => {
      explain('chart-pairs-co');
      const C = view().comentions;
      if (!C || !C.by_co_docs.length) return emptyChart('chart-pairs-co', noPairs());
      shownChart('chart-pairs-co');
      hbar('chart-pairs-co', C.by_co_docs.map((p) => ({ label: pairLabel(p), value: p.co, p, color: pairColor(current, p.a, p.b) })), {
        axis: unit, color: PALETTE[1], tip: (r) => pairTip(r.p), context: within(), onClick: (r) => openPair(r.p),
      });
    });
    const coLegend = toneLegend();
    if (coLegend) document.getElementById('chart-pairs-co').parentNode.append(coLegend);

    dynamic('chart-network', card(g, 'chart-network', T('states.network.title'), '', { wide: true, size: 'graph' }),
      () => T('states.network.explain', { unit, min: num((view().comentions || {}).graph_min_co_docs), period: within() }));
    stateCharts.push(() => {
      explain('chart-network');
      const C = view().comentions;
      const nodes = Object.entries((C && C.nodes) || {});
      if (!nodes.length) return emptyChart('chart-network', noPairs());
      shownChart('chart-network');
      const maxDocs = Math.max(...nodes.map(([, d]) => d));
      const maxCo = Math.max(...C.edges.map((e) => e.co));
      chart('chart-network', {
        tooltip: { formatter: (p) => (p.dataType === 'edge' ? pairTip(C.edges[p.dataIndex])
          : tip(stateTip(p.data.id) + '<br>' + TN('unit.n_documents', p.data.value))) },
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          force: { repulsion: 220, edgeLength: [50, 170], gravity: 0.16, layoutAnimation: false },
          label: { show: true, position: RTL ? 'left' : 'right', fontSize: 12 },
          labelLayout: { hideOverlap: true },
          lineStyle: { color: '#8aa1b5', opacity: 0.7, curveness: 0.08 },
          emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
          data: nodes.map(([iso, d], i) => ({
            id: iso, name: stateName(iso), value: d,
            symbolSize: 10 + 40 * Math.sqrt(d / maxDocs),
            itemStyle: { color: PALETTE[i % PALETTE.length] },
          })),
          links: C.edges.map((e) => {
            const color = pairColor(current, e.a, e.b);
            return {
              source: e.a, target: e.b, value: e.co,
              lineStyle: Object.assign({ width: 1 + 7 * (e.co / maxCo) }, color ? { color, opacity: 0.85 } : {}),
            };
          }),
        }],
      }, within(), (p) => p.dataType === 'edge' && C.edges[p.dataIndex] && openPair(C.edges[p.dataIndex]));
    });
    const netLegend = toneLegend();
    if (netLegend) document.getElementById('chart-network').parentNode.append(netLegend);

    dynamic('chart-heatmap', card(g, 'chart-heatmap', T('states.heat.title'), '', { wide: true, size: 'graph' }),
      () => T('states.heat.explain', { n: num(((view().comentions || {}).heat_states || []).length), period: within() }));
    stateCharts.push(() => {
      explain('chart-heatmap');
      const C = view().comentions;
      const heat = (C && C.heat_states) || [];
      if (heat.length < 2 || !(C.heat || []).length) return emptyChart('chart-heatmap', T('states.heat.empty', { period: within() }));
      shownChart('chart-heatmap');
      const index = Object.fromEntries(heat.map((iso, i) => [iso, i]));
      const cells = [];
      C.heat.forEach((p) => {
        cells.push({ value: [index[p.a], index[p.b], p.npmi], p });
        cells.push({ value: [index[p.b], index[p.a], p.npmi], p });
      });
      chart('chart-heatmap', {
        tooltip: { formatter: (p) => pairTip(p.data.p) },
        // Grey behind the cells: a pair never named together stays grey, NPMI 0 is white.
        grid: { left: RTL ? 90 : 12, right: RTL ? 12 : 90, top: 10, bottom: 10, containLabel: true, show: true, backgroundColor: '#e4e8ee', borderWidth: 0 },
        xAxis: { type: 'category', data: heat.map(stateName), axisLabel: { rotate: 45, interval: 0 }, inverse: RTL },
        yAxis: { type: 'category', data: heat.map(stateName), inverse: true, axisLabel: { interval: 0 }, position: RTL ? 'right' : 'left' },
        visualMap: {
          type: 'continuous', min: -1, max: 1, calculable: false, orient: 'vertical', [RTL ? 'left' : 'right']: 0, top: 'middle',
          text: [T('states.heat.always'), T('states.heat.never')], itemHeight: 180, inRange: { color: ['#2c7bb6', '#ffffff', '#d7191c'] },
        },
        series: [{ type: 'heatmap', data: cells, label: { show: heat.length <= 14, formatter: (p) => dec(p.value[2], 2), fontSize: 10 } }],
      }, within(), (p) => p.data && p.data.p && openPair(p.data.p));
    });
    stateCharts.forEach((f) => f());
  }

  // ------------------------------------------------------------------ comparison

  /** Dunning's G² of (a of c | b of d), 0 ln 0 = 0, and log2 of the ratio of rates (0.5 for 0). */
  function g2(a, c, b, d) {
    const e1 = (c * (a + b)) / (c + d);
    const e2 = (d * (a + b)) / (c + d);
    const t = (k, e) => (k > 0 && e > 0 ? k * Math.log(k / e) : 0);
    return 2 * (t(a, e1) + t(b, e2));
  }
  const logRatio = (a, c, b, d) => Math.log2(((a || 0.5) / c) / ((b || 0.5) / d));
  /** G² of a 2×2 table of documents: a of n in A against b of m in B. */
  function g2Docs(a, n, b, m) {
    const N = n + m;
    const k = a + b;
    const cells = [[a, (n * k) / N], [n - a, (n * (N - k)) / N], [b, (m * k) / N], [m - b, (m * (N - k)) / N]];
    return 2 * cells.reduce((s, [o, e]) => s + (o > 0 && e > 0 ? o * Math.log(o / e) : 0), 0);
  }

  const compareApi = {};
  function compare() {
    const s = section('compare');
    const TT = D.terms || {};
    const S = D.states || {};
    const units = ((TT.compare || {}).units) || [];
    const vocab = ((TT.compare || {}).vocab) || [];
    const periods = (D.periods.views || []).slice();
    const sources = (D.corpus && D.corpus.filter_sources) || [];
    if (periods.length < 2 && sources.length < 2) {
      note(s, T('compare.none'));
      return;
    }
    const kinds = [];
    if (periods.length >= 2) kinds.push(['period', T('compare.kind.period')]);
    if (sources.length >= 2) kinds.push(['source', T('compare.kind.source')]);
    let kind = kinds[0][0];
    const keysOf = (k) => (k === 'period' ? periods.slice().reverse() : sources);
    const nameOf = (k, key) => (k === 'period' ? period(key) : sourceName(key));
    let A = keysOf(kind)[0];
    let B = keysOf(kind)[1];
    const langs = Array.from(new Set(units.map((u) => u.lang)));
    let lang = langs[0];
    const controls = el('div', { class: 'controls-row' });
    const box = el('div');
    const rebuild = () => {
      const opts = keysOf(kind).map((k) => [k, nameOf(kind, k)]);
      controls.replaceChildren(
        select(T('compare.kind'), kinds, kind, (v) => { kind = v; A = keysOf(kind)[0]; B = keysOf(kind)[1]; rebuild(); }, { id: 'compare-kind' }),
        select(T('compare.a'), opts, A, (v) => { A = v; draw(); }, { id: 'compare-a' }),
        select(T('compare.b'), opts, B, (v) => { B = v; draw(); }, { id: 'compare-b' }),
        langs.length > 1 ? select(T('compare.lang'), langs.map((l) => [l, langName(l)]), lang, (v) => { lang = v; draw(); }) : null);
      draw();
    };
    const unitOf = (key) => units.find((u) => u.kind === kind && u.key === key && u.lang === lang);
    const totalOf = (key) => (kind === 'period' ? ((S.docs_total || {})[key] || ((D.corpus || {}).counted_by_period || {})[key] || 0)
      : ((D.corpus || {}).counted_by_source || {})[key] || 0);
    const statesOf = (key) => (kind === 'period' ? (S.map || {})[key] || {} : (S.docs_by_source || {})[key] || {});
    const draw = () => {
      box.replaceChildren();
      const g = grid(box);
      const nA = nameOf(kind, A);
      const nB = nameOf(kind, B);
      const result = { kind, a: A, b: B, terms: [], states: [], pairs: [] };
      // Terms: keyness of A against B on the embedded counts.
      const tc = card(g, null, T('compare.terms.title', { a: nA, b: nB }), T('compare.terms.explain', { n: num(60) }), { wide: true });
      const ua = unitOf(A);
      const ub = unitOf(B);
      if (A === B) {
        tc.append(el('p', null, T('compare.same')));
      } else if (!ua || !ub || !ua.tokens || !ub.tokens) {
        tc.append(el('p', null, T('compare.terms.none')));
      } else {
        const ca = new Map(ua.c.map(([i, n]) => [i, n]));
        const cb = new Map(ub.c.map(([i, n]) => [i, n]));
        const rows = [];
        new Set([...ca.keys(), ...cb.keys()]).forEach((i) => {
          const a = ca.get(i) || 0;
          const b = cb.get(i) || 0;
          if (a + b < 5) return;
          const x = g2(a, ua.tokens, b, ub.tokens);
          if (x < 10.83) return;
          rows.push({ label: vocab[i][2], term: vocab[i][1], a, b, g2: x, lr: logRatio(a, ua.tokens, b, ub.tokens) });
        });
        rows.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : 1));
        const side = (over, title) => {
          const list = rows.filter((r) => (over ? r.lr > 0 : r.lr < 0)).slice(0, 15);
          const w = el('div', { class: 'half' }, el('h4', null, title));
          if (!list.length) w.append(el('p', { class: 'muted' }, T('compare.terms.no_side')));
          else {
            w.append(table([T('col.term'), nA, nB, T('col.ratio'), 'G²'], list.map((r) => el('tr', null,
              el('td', { dir: 'auto' }, r.label), el('td', null, num(r.a)), el('td', null, num(r.b)),
              el('td', null, times(Math.abs(r.lr))), el('td', null, dec(r.g2, 1))))));
          }
          return w;
        };
        tc.append(el('p', { class: 'explain' }, T('compare.terms.tokens', { a: nA, na: num(ua.tokens), b: nB, nb: num(ub.tokens) })),
          el('div', { class: 'halves' }, side(true, T('compare.more_in', { x: nA })), side(false, T('compare.more_in', { x: nB }))));
        result.terms = rows.slice(0, 10).map((r) => [r.label, r.a, r.b, Math.round(r.g2 * 10) / 10]);
      }
      // States and pairs: G² on documents.
      const sc = card(g, null, T('compare.states.title', { a: nA, b: nB }), T('compare.states.explain'));
      const tA = totalOf(A);
      const tB = totalOf(B);
      if (!S.available || A === B || !tA || !tB) {
        sc.append(el('p', null, A === B ? T('compare.same') : T('compare.states.none')));
      } else {
        const dA = statesOf(A);
        const dB = statesOf(B);
        const rows = Array.from(new Set([...Object.keys(dA), ...Object.keys(dB)])).map((iso) => {
          const a = dA[iso] || 0;
          const b = dB[iso] || 0;
          return { iso, a, b, g2: g2Docs(a, tA, b, tB), lr: logRatio(a, tA, b, tB) };
        }).filter((r) => r.a + r.b >= 3).sort((x, y) => y.g2 - x.g2 || (x.iso < y.iso ? -1 : 1)).slice(0, 12);
        sc.append(el('p', { class: 'explain' }, T('compare.states.totals', { a: nA, na: num(tA), b: nB, nb: num(tB) })),
          table([T('col.state'), nA, nB, T('col.more_in'), 'G²'], rows.map((r) => {
            const b = el('button', { type: 'button', class: 'link' }, stateName(r.iso));
            b.addEventListener('click', () => stateEvidence(kind === 'period' ? (r.lr > 0 ? A : B) : 'all', r.iso));
            return el('tr', { class: r.g2 >= 10.83 ? 'strong' : 'weak-row' }, el('td', null, b),
              el('td', null, ofTotal(r.a, tA)), el('td', null, ofTotal(r.b, tB)),
              el('td', null, (r.lr > 0 ? nA : nB) + ' ' + times(Math.abs(r.lr))), el('td', null, dec(r.g2, 1)));
          })));
        result.states = rows.map((r) => [r.iso, r.a, r.b, Math.round(r.g2 * 10) / 10]);
      }
      const pc = card(g, null, T('compare.pairs.title', { a: nA, b: nB }), T('compare.pairs.explain', { n: num(50) }));
      if (kind !== 'period') {
        pc.append(el('p', null, T('compare.pairs.sources')));
      } else if (A === B || !tA || !tB || !S.compare_pairs) {
        pc.append(el('p', null, A === B ? T('compare.same') : T('compare.pairs.none')));
      } else {
        const pa = new Map(((S.compare_pairs || {})[A] || []).map(([a, b, n]) => [a + '|' + b, n]));
        const pb = new Map(((S.compare_pairs || {})[B] || []).map(([a, b, n]) => [a + '|' + b, n]));
        const rows = Array.from(new Set([...pa.keys(), ...pb.keys()])).map((k) => {
          const a = pa.get(k) || 0;
          const b = pb.get(k) || 0;
          return { k, a, b, g2: g2Docs(a, tA, b, tB), lr: logRatio(a, tA, b, tB) };
        }).filter((r) => r.a + r.b >= 3).sort((x, y) => y.g2 - x.g2 || (x.k < y.k ? -1 : 1)).slice(0, 12);
        if (!rows.length) pc.append(el('p', null, T('compare.pairs.none')));
        else {
          pc.append(table([T('col.pair'), nA, nB, T('col.more_in'), 'G²'], rows.map((r) => {
            const [a, b] = r.k.split('|');
            const btn = el('button', { type: 'button', class: 'link' }, stateName(a) + ' – ' + stateName(b));
            btn.addEventListener('click', () => pairEvidence(r.lr > 0 ? A : B, a, b));
            return el('tr', { class: r.g2 >= 10.83 ? 'strong' : 'weak-row' }, el('td', null, btn),
              el('td', null, ofTotal(r.a, tA)), el('td', null, ofTotal(r.b, tB)),
              el('td', null, (r.lr > 0 ? nA : nB) + ' ' + times(Math.abs(r.lr))), el('td', null, dec(r.g2, 1)));
          })));
        }
        result.pairs = rows.map((r) => [r.k, r.a, r.b, Math.round(r.g2 * 10) / 10]);
      }
      compareApi.result = result;
    };
    s.append(el('p', { class: 'explain' }, T('compare.explain')), controls, box);
    compareApi.set = (k, a, b) => {
      kind = k;
      A = a;
      B = b;
      rebuild();
    };
    rebuild();
    nameRedraws.push(draw);
  }

  function setNames(lang) {
    names = lang;
    document.querySelectorAll('.names-toggle button').forEach((b) =>
      b.setAttribute('aria-pressed', String(b.dataset.names === lang)));
    stateCharts.forEach((f) => f());
    nameRedraws.forEach((f) => f());
  }
  document.querySelectorAll('.names-toggle button').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.names === names));
    b.addEventListener('click', () => setNames(b.dataset.names));
  });

  filterBar();
  changes();
  map();
  overview();
  terms();
  topics();
  states();
  compare();

  // With #evidence-test the page clicks what a reader would click: a bar of each pair chart, a
  // heatmap cell, a line of the network and a state on the map. Each click is a pointer and mouse
  // event sequence at the pixel of the item, so it goes through ECharts' own hit testing and click
  // handlers; what the evidence panel then shows is recorded in marsadCheck.evidence.
  function clickAt(id, x, y) {
    const dom = document.getElementById(id);
    dom.scrollIntoView({ block: 'center' });
    const r = dom.getBoundingClientRect();
    const at = { clientX: r.left + x, clientY: r.top + y, bubbles: true, cancelable: true, view: window, button: 0 };
    const target = document.elementFromPoint(at.clientX, at.clientY);
    if (!target || !dom.contains(target)) return false;
    const pointer = Object.assign({ pointerId: 1, pointerType: 'mouse', isPrimary: true }, at);
    target.dispatchEvent(new PointerEvent('pointermove', pointer));
    target.dispatchEvent(new PointerEvent('pointerdown', Object.assign({ buttons: 1 }, pointer)));
    target.dispatchEvent(new MouseEvent('mousedown', Object.assign({ buttons: 1 }, at)));
    target.dispatchEvent(new PointerEvent('pointerup', pointer));
    target.dispatchEvent(new MouseEvent('mouseup', at));
    target.dispatchEvent(new MouseEvent('click', at));
    return true;
  }

  function evidenceTest() {
    const results = [];
    const record = (what, expected) => results.push({
      what, expected, key: panel.hidden ? null : panel.dataset.key,
      title: panelTitle.textContent, text: panelList.textContent, html: panelList.innerHTML,
      extra: panelExtra.textContent, extra_html: panelExtra.innerHTML,
    });
    const bar = (id) => {
      const c = drawn[id];
      const s = c && c.getOption().series[0];
      if (!s || !s.data.length) return;
      const v = s.data[0];
      closeEvidence();
      const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [(typeof v === 'object' ? v.value : v) / 2, 0]);
      clickAt(id, x, y);
      record(id, null);
    };
    bar('chart-pairs-npmi');
    const heat = drawn['chart-heatmap'];
    if (heat) {
      const cell = heat.getOption().series[0].data[0];
      closeEvidence();
      const [x, y] = heat.convertToPixel({ seriesIndex: 0 }, [cell.value[0], cell.value[1]]);
      clickAt('chart-heatmap', x, y);
      record('chart-heatmap', 'all|' + cell.p.a + '|' + cell.p.b);
    }
    const net = drawn['chart-network'];
    if (net) {
      // The first line whose middle is not under a circle or a label: the layout is random.
      const graph = net.getModel().getSeriesByIndex(0).getGraph();
      const links = net.getOption().series[0].links;
      for (let i = 0; i < Math.min(links.length, 40); i++) {
        const l = graph.getEdgeByIndex(i).getLayout();
        const mid = l.length > 2
          ? [(l[0][0] + 2 * l[2][0] + l[1][0]) / 4, (l[0][1] + 2 * l[2][1] + l[1][1]) / 4]
          : [(l[0][0] + l[1][0]) / 2, (l[0][1] + l[1][1]) / 2];
        const [x, y] = net.convertToPixel({ seriesIndex: 0 }, mid);
        closeEvidence();
        clickAt('chart-network', x, y);
        const key = 'all|' + links[i].source + '|' + links[i].target;
        if (panel.dataset.key === key) {
          record('chart-network', key);
          break;
        }
      }
    }
    // The map: the most named state that has a shape, clicked at the centre of its region.
    const mapChart = drawn['chart-map'];
    if (mapChart) {
      const shaped = new Set(WORLD.features.map((f) => f.properties.name));
      const first = (D.states.top || []).find((r) => shaped.has(r.state));
      if (first) {
        const geo = mapChart.getModel().getComponent('geo').coordinateSystem;
        const region = geo.getRegion(first.state);
        const [x, y] = geo.dataToPoint(region.getCenter());
        closeEvidence();
        clickAt('chart-map', x, y);
        record('chart-map', 'state|all|' + first.state);
      }
    }
    // The comparison: the period What changed opens on (else the latest) against the first.
    if (compareApi.set && (D.periods.views || []).length >= 2) {
      const v = D.periods.views;
      const a = (D.changes && D.changes.opening) || v[v.length - 1];
      compareApi.set('period', a, a === v[0] ? v[1] : v[0]);
      marsadCheck.compare = compareApi.result;
    }
    // Last, so that the screenshot shows it: the pair most often named together.
    bar('chart-pairs-co');
    marsadCheck.evidence = results;
    // Back to the top with the panel open: headless screenshots show the top of the page.
    window.scrollTo(0, 0);
  }

  // With #map-test the map comes first and opens on its most named state (for a screenshot of the
  // map and its panel: headless screenshots show the top of the page).
  function mapTest() {
    const first = ((D.states || {}).top || [])[0];
    if (first && mapApi.open) {
      document.querySelectorAll('main > section, #filters').forEach((x) => {
        if (x.id !== 'map') x.hidden = true;
      });
      window.scrollTo(0, 0);
      mapApi.open(first.state);
    }
  }

  // With #selftest the page exercises every selector (periods, the filter, the comparison) and
  // the names toggle, so the browser test also checks the redrawn charts.
  if (location.hash === '#selftest') {
    const filters = {};
    document.querySelectorAll('select').forEach((sel) => {
      const start = sel.value;
      Array.from(sel.options).forEach((o) => {
        sel.value = o.value;
        sel.dispatchEvent(new Event('change'));
        if (sel.id === 'filter-select') {
          filters[o.value] = {
            terms: (marsadCheck.charts['chart-top-terms'] || {}).items || 0,
            states: (marsadCheck.charts['chart-states-top'] || {}).items || 0,
            topics: (marsadCheck.charts['chart-topics'] || {}).items || 0,
            terms_scope: (document.getElementById('terms-top-scope') || {}).textContent,
          };
        }
      });
      sel.value = start;
      sel.dispatchEvent(new Event('change'));
    });
    marsadCheck.filters = filters;
    if (stateCharts.length) {
      setNames(LANG === 'ar' ? 'en' : 'ar');
      setNames(LANG);
    }
  }
  if (location.hash === '#evidence-test') evidenceTest();
  if (location.hash === '#map-test') mapTest();
  marsadCheck.done = true;
})();
