// Marsad report: draws the sections from the JSON data embedded in the page.
(() => {
  'use strict';
  const D = JSON.parse(document.getElementById('marsad-data').textContent);
  const FONT = getComputedStyle(document.body).fontFamily;
  const NF = new Intl.NumberFormat('en-US');
  const PALETTE = ['#2f6f9f', '#e07b39', '#3a9d5d', '#c0392b', '#8e6bb8', '#8c6d46', '#d46aa8',
    '#7f8c8d', '#b5a82b', '#2bb5b0', '#1f3b57', '#a3542a'];

  // ------------------------------------------------------------------ formatting

  const num = (x) => (x == null ? '–' : NF.format(x));
  const dec = (x, d) => (x == null ? '–' : new Intl.NumberFormat('en-US',
    { minimumFractionDigits: d, maximumFractionDigits: d }).format(x));
  const pct = (x) => (x == null ? '–' : dec(100 * x, x < 0.01 ? 2 : 1) + ' %');
  const period = (p) => (D.periods.labels && D.periods.labels[p]) || p;
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const isArabic = (s) => /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(s || '');
  // Tooltip text in its own direction: Arabic reads right to left inside English sentences.
  const bidi = (s) => '<span dir="auto">' + esc(s) + '</span>';
  const short = (s, n) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s);

  let names = 'en';
  const stateName = (iso) => {
    const s = D.states && D.states.names && D.states.names[iso];
    if (!s) return iso;
    return names === 'ar' ? (s.ar || s.en || iso) : (s.en || iso);
  };
  const stateTip = (iso) => {
    const s = (D.states && D.states.names && D.states.names[iso]) || {};
    return esc(s.en || iso) + ' · <span dir="rtl" lang="ar">' + esc(s.ar || '') + '</span> (' + esc(iso) + ')';
  };

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

  function select(label, options, value, onChange) {
    const s = el('select', null, options.map(([v, text]) => el('option', { value: v }, text)));
    s.value = value;
    s.addEventListener('change', () => onChange(s.value));
    return el('p', { class: 'controls' }, el('label', null, label + ' ', s));
  }

  // ------------------------------------------------------------------ evidence sentences

  const EV = D.evidence || {};
  const SENTENCES = EV.sentences || [];
  const panel = document.getElementById('evidence');
  const panelTitle = document.getElementById('evidence-title');
  const panelExplain = document.getElementById('evidence-explain');
  const panelList = document.getElementById('evidence-list');

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
    const [text, source, date, doc, field, story] = SENTENCES[index] || [];
    const meta = [source, date, field === 'title' ? 'in the title' : null, doc ? 'document ' + doc : null,
      story ? 'story ' + story : null].filter(Boolean).join(' · ');
    return el('li', null,
      el('blockquote', { dir: 'auto', lang: isArabic(text) ? 'ar' : null }, marked(String(text || ''), spans)),
      el('div', { class: 'meta', dir: 'auto' }, meta));
  }

  function closeEvidence() {
    panel.hidden = true;
    panel.dataset.key = '';
  }

  /** Opens the panel with a title, a line of numbers and the sentences (or why there are none). */
  function openEvidence(key, title, explain, items, empty) {
    panelTitle.replaceChildren(...title);
    panelExplain.replaceChildren(...explain);
    panelList.replaceChildren(...(items.length ? items : [el('li', { class: 'none' }, empty)]));
    panel.dataset.key = key;
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  panel.querySelector('button.close').addEventListener('click', closeEvidence);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeEvidence();
  });

  const periodName = (p) => (p === 'all' ? 'all periods' : period(p));

  /** The sentences naming both states of a pair in a period ('all': any period). */
  function pairEvidence(p, a, b, line) {
    const key = p + '|' + a + '|' + b;
    const rows = (EV.pairs || {})[key] || [];
    const title = [el('mark', { class: 'a' }, stateName(a)), ' and ', el('mark', { class: 'b' }, stateName(b)),
      ' · ' + periodName(p)];
    let empty;
    if (!EV.pairs_available) {
      empty = EV.pairs_message || 'There are no evidence sentences in this output.';
    } else {
      empty = 'No sentence naming both is embedded for this pair and period (the report embeds those of the ' +
        num(EV.pairs_embedded) + ' pairs and periods it shows first); the comention_evidence table has all of them.';
    }
    openEvidence(key, title, [line || 'Sentences naming both states.'],
      rows.map(([i, as, ae, bs, be]) => sentenceItem(i, [[as, ae, 'a'], [bs, be, 'b']])), empty);
  }

  /** The sentences holding a term in a period, for a kind (keyness, collocation) or any. */
  function termEvidence(p, lang, term, label, kinds, line) {
    const all = EV.terms || {};
    let rows = [];
    kinds.some((k) => (rows = all[p + '|' + lang + '|' + term + '|' + k] || []).length);
    const empty = EV.terms_available
      ? 'No sentence is embedded for this term and period; the term_evidence table has the evidence the run kept.'
      : EV.terms_message || 'There are no evidence sentences in this output.';
    openEvidence(p + '|' + lang + '|' + term, [el('mark', { class: 't', dir: 'auto' }, label), ' · ' + periodName(p)],
      [line || 'Sentences holding the term.'], rows.map(([i, s, e]) => sentenceItem(i, [[s, e, 't']])), empty);
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

  const valueAxis = (name) => ({
    type: 'value', name, nameGap: 24, nameLocation: 'middle', minInterval: 1,
    axisLabel: { formatter: (v) => num(v) },
  });
  const valueFormat = (d) => (v) => dec(v, d);
  // The vertical count axis of the charts over time (the explanation names the unit).
  const countAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => num(v) } };

  /** A horizontal bar chart of {label, value} rows, largest at the top. */
  function hbar(id, rows, opts) {
    const o = opts || {};
    chart(id, {
      grid: { left: 12, right: 56, top: 28, bottom: 36, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => o.tip(rows[p.dataIndex]) },
      xAxis: Object.assign(valueAxis(o.axis), o.min != null ? { min: o.min } : {},
        o.format ? { minInterval: 0 } : {},
        { axisLabel: { formatter: o.axisFormat || ((v) => num(v)) } }),
      yAxis: {
        type: 'category', inverse: true, data: rows.map((r) => r.label),
        axisLabel: { width: 200, overflow: 'truncate', fontSize: 14 },
      },
      series: [{
        type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: o.color || PALETTE[0] },
        label: { show: true, position: 'right', formatter: (p) => (o.format || num)(p.value), fontSize: 11 },
      }],
    }, o.context, o.onClick ? (p) => rows[p.dataIndex] && o.onClick(rows[p.dataIndex]) : null);
  }

  // ------------------------------------------------------------------ header

  const m = D.meta || {};
  document.getElementById('run-line').textContent = [
    m.run_id ? 'Run ' + m.run_id : 'No run manifest in this folder',
    m.finished ? 'finished ' + m.finished : null,
    'output ' + m.output,
    'report made ' + m.generated,
  ].filter(Boolean).join(' · ');

  const axis = D.periods.keys || [];
  const zoom = (n) => (n > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }] : undefined);

  // ------------------------------------------------------------------ what changed

  const nameRedraws = [];
  const signed = (x, d) => (x == null ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '') + dec(Math.abs(x), d));
  const points = (x) => (x == null ? '–' : signed(100 * x, Math.abs(x) < 0.01 ? 2 : 1) + ' pts');
  const times = (lr) => (lr == null ? '–' : '×' + dec(Math.pow(2, lr), 1));

  function table(head, rows) {
    return el('table', { class: 'winners changes' }, el('tr', null, head.map((h) => el('th', null, h))), rows);
  }

  function changes() {
    const s = section('changes');
    const X = D.changes || {};
    if (!X.available) {
      note(s, X.message);
      return;
    }
    if (!X.latest) {
      note(s, 'The trend tables have no rows: trends need dated documents in at least two periods.');
      return;
    }
    const st = X.settings || {};
    const box = el('div');
    const draw = (p) => {
      const V = (X.by_period || {})[p] || {};
      const prev = period((X.previous || {})[p]);
      const win = st.window + ' periods before it';
      const g = el('div', { class: 'grid' });
      box.replaceChildren();
      const n = (X.docs || {})[p];
      const docs = (k) => (k ? num(k) + ' counted document' + (k === 1 ? '' : 's') : 'no document');
      if (n) {
        box.append(el('p', { class: 'explain' }, period(p) + ': ' + docs(n.period) + '; ' + prev + ': ' + docs(n.prev) +
          '; the ' + win + ': ' + docs(n.window) + '.' +
          (!n.prev && !n.window ? ' There is nothing to compare this period with.' : '')));
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
          box.append(el('p', { class: 'explain' }, 'The latest period before it with a burst or a rising term: ', b, '.'));
        }
      }
      box.append(g);

      const sc = card(g, null, 'Bursting states',
        'A burst: at least ' + num(st.min_docs) + ' documents name the state, its share of the period’s documents is at least ' +
        dec(Math.pow(2, st.min_log_ratio), 0) + '× its share over the ' + win + ' (pooled), and G² ≥ ' + dec(st.min_g2, 2) +
        ' (p < 0.001). Click a state for the sentences naming it.');
      const states = V.states || [];
      const stateRow = (r) => el('tr', null,
        el('td', null, el('button', { type: 'button', class: 'link', 'data-state': r.state }, stateName(r.state))),
        el('td', null, num(r.docs) + ' of ' + num(r.total)), el('td', null, pct(r.share)),
        el('td', null, points(r.change)), el('td', null, pct(r.window_share)),
        el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
      const stateHead = ['State', 'Documents', 'Share', 'vs ' + prev, 'Prior ' + st.window, 'Ratio', 'G²'];
      if (X.missing && X.missing.states) {
        sc.append(el('p', null, X.missing.states));
      } else if (states.length) {
        sc.append(table(stateHead, states.map(stateRow)));
      } else {
        sc.append(el('p', null, 'No state burst in ' + period(p) + '.'));
      }
      if ((V.rises || []).length) {
        sc.append(el('p', { class: 'explain' }, 'Largest rises in share that are no burst:'),
          table(stateHead, V.rises.map(stateRow)));
      }

      const pc = card(g, null, 'Bursting pairs',
        'Pairs named together in more of the period’s documents than over the ' + win +
        ' (same thresholds). Click a pair for the sentences naming both.');
      const pairs = V.pairs || [];
      if (X.missing && X.missing.pairs) {
        pc.append(el('p', null, X.missing.pairs));
      } else if (pairs.length) {
        pc.append(table(['Pair', 'Together', 'vs ' + prev, 'Prior ' + st.window, 'NPMI', 'Ratio', 'G²'], pairs.map((r) => {
          const b = el('button', { type: 'button', class: 'link', 'data-pair': r.a + '|' + r.b }, stateName(r.a) + ' – ' + stateName(r.b));
          b.addEventListener('click', () => pairEvidence(p, r.a, r.b, num(r.co) + ' of ' + num(r.total) +
            ' documents name both in ' + period(p) + ' (' + num(r.window_co) + ' of ' + num(r.window_total) + ' over the ' + win + ').'));
          return el('tr', null, el('td', null, b), el('td', null, num(r.co) + ' of ' + num(r.total)),
            el('td', null, signed(r.change, 0)), el('td', null, num(r.window_co) + ' of ' + num(r.window_total)),
            el('td', null, dec(r.npmi, 2)), el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
        })));
      } else {
        pc.append(el('p', null, 'No pair of states bursts in ' + period(p) + '.'));
      }

      const tc = card(g, null, 'Rising terms',
        'Terms over-used in the period against ' + prev + ' (G² ≥ ' + dec(st.term_min_g2, 2) +
        ', as keyness with the previous period in place of the rest). Click a term for its sentences.', { wide: true });
      const termRow = (r) => {
        const b = el('button', { type: 'button', class: 'link', dir: 'auto' }, r.label);
        b.addEventListener('click', () => termEvidence(p, r.lang, r.term, r.label, ['keyness', 'collocation'],
          num(r.n) + ' occurrences in ' + period(p) + ', ' + num(r.prev) + ' in ' + prev + ' · G² ' + dec(r.g2, 1)));
        return el('tr', null, el('td', null, b), el('td', null, num(r.n)), el('td', null, num(r.prev)),
          el('td', null, times(r.lr)), el('td', null, dec(r.g2, 1)));
      };
      const termHead = ['Term', period(p), prev, 'Ratio', 'G²'];
      if (X.missing && X.missing.terms) {
        tc.append(el('p', null, X.missing.terms));
      } else if ((V.rising || []).length) {
        tc.append(el('div', { class: 'scroll' }, table(termHead, V.rising.map(termRow))));
      } else {
        tc.append(el('p', null, 'No term rises significantly in ' + period(p) + '.'));
      }
      if ((V.falling || []).length) {
        tc.append(el('p', { class: 'explain' }, 'Falling: ', V.falling.map((r) => chip(r.label, num(r.n) + ' against ' + num(r.prev)))));
      }
      g.querySelectorAll('button[data-state]').forEach((b) => b.addEventListener('click', () => {
        const r = states.concat(V.rises || []).find((x) => x.state === b.dataset.state);
        stateEvidence(p, r.state);
      }));
    };
    const periods = X.periods || [];
    let current = X.latest;
    s.append(el('p', { class: 'explain' },
      'Each period against the one before it in the calendar (a period without documents counts as one) and against the ' +
      st.window + ' periods before it. Latest period: ' + period(X.latest) + '.'));
    const picker = select('Period', periods.slice().reverse().map((p) => [p, period(p)]), current, (p) => {
      current = p;
      draw(p);
    });
    s.append(picker);
    s.append(box);
    draw(current);
    nameRedraws.push(() => draw(current));
  }

  /** A state's bursting period: the sentences of the pairs it forms there, if any are embedded. */
  function stateEvidence(p, iso) {
    const all = EV.pairs || {};
    const keys = Object.keys(all).filter((k) => {
      const [kp, a, b] = k.split('|');
      return kp === p && (a === iso || b === iso);
    });
    const items = [];
    keys.forEach((k) => {
      const [, a, b] = k.split('|');
      all[k].forEach(([i, as, ae, bs, be]) => {
        if (items.length < 12) items.push(sentenceItem(i, a === iso ? [[as, ae, 'a']] : [[bs, be, 'a']]));
      });
    });
    openEvidence(p + '|' + iso, [el('mark', { class: 'a' }, stateName(iso)), ' · ' + periodName(p)],
      ['Sentences naming the state with another state (from the co-mention evidence).'], items,
      'No sentence naming this state with another is embedded for this period.');
  }

  // ------------------------------------------------------------------ corpus overview

  function overview() {
    const s = section('overview');
    const C = D.corpus;
    if (!C.available) {
      note(s, C.message);
      return;
    }
    const langs = Object.entries(C.langs || {}).map(([k, v]) =>
      ({ ar: 'Arabic', en: 'English' }[k] || k) + ' ' + num(v)).join(', ');
    const dated = axis.filter((p) => p !== 'all');
    const span = dated.length ? period(dated[0]) + (dated.length > 1 ? ' – ' + period(dated[dated.length - 1]) : '') : 'no dates';
    const totals = el('div', { class: 'totals' });
    [
      [num(C.rows_in), 'input rows read'],
      [num(C.documents), 'documents analysed'],
      [num(C.rejected), 'rows rejected'],
      [num(C.duplicates), 'exact duplicates (kept, not counted)'],
      [num(C.sources), C.sources === 1 ? 'source' : 'sources'],
      [span, m.period ? 'periods (' + m.period + ')' : 'periods'],
      [langs || '–', 'documents per language'],
    ].forEach(([v, k]) => totals.append(el('div', { class: 'total' }, el('div', { class: 'v', dir: 'auto' }, v), el('div', { class: 'k' }, k))));
    s.append(totals);
    if (!C.documents) {
      note(s, 'The corpus has no documents, so there is nothing to chart.');
      return;
    }
    const g = grid(s);
    card(g, 'chart-docs', 'Documents per period and source',
      'Accepted documents published in each period, stacked by source (outlet); an empty period had no documents.',
      { wide: true });
    chart('chart-docs', {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => esc(ps[0].axisValueLabel) + '<br>' + ps.filter((p) => p.value)
          .map((p) => p.marker + bidi(p.seriesName) + ': ' + num(p.value)).join('<br>') },
      xAxis: { type: 'category', data: axis.map(period) },
      yAxis: countAxis,
      dataZoom: zoom(axis.length),
      series: C.by_source.map((src) => ({
        name: src.source, type: 'bar', stack: 'docs', barMaxWidth: 36,
        data: axis.map((p) => (src.docs[p] == null ? null : src.docs[p])),
      })),
    });
    const perSource = C.by_source.map((src) => ({ label: src.source, value: Object.values(src.docs).reduce((a, b) => a + b, 0) }));
    card(g, 'chart-sources', 'Documents per source',
      'Accepted documents of each source (outlet), all periods' + (C.sources > C.by_source.length ? '; smaller sources summed as “other sources”.' : '.'));
    document.getElementById('chart-sources').style.height = Math.max(160, 70 + 36 * perSource.length) + 'px';
    hbar('chart-sources', perSource, { axis: 'documents', tip: (r) => bidi(r.label) + ': ' + num(r.value) + ' documents' });
    const reasons = Object.entries(C.rejected_by_reason || {}).sort((a, b) => b[1] - a[1]);
    const rc = card(g, reasons.length ? 'chart-rejected' : null, 'Rejected rows by reason',
      'Input rows that could not be used (missing id or text, text empty after cleaning, bad date, duplicate id), by reason.');
    if (reasons.length) {
      document.getElementById('chart-rejected').style.height = Math.max(160, 70 + 36 * reasons.length) + 'px';
      hbar('chart-rejected', reasons.map(([k, v]) => ({ label: k.replace(/_/g, ' '), value: v })), {
        axis: 'rows', color: '#c0392b', tip: (r) => esc(r.label) + ': ' + num(r.value) + ' rows',
      });
    } else {
      rc.append(el('p', null, 'No input row was rejected.'));
    }
  }

  // ------------------------------------------------------------------ terms

  function terms() {
    const s = section('terms');
    const T = D.terms;
    if (!T.available) {
      note(s, T.message);
      return;
    }
    if (!(T.top && T.top.all && T.top.all.length)) {
      note(s, 'No term was counted in this output (the corpus is empty or every word is a stop word).');
      return;
    }
    const g = grid(s);
    const topPeriods = Object.keys(T.top || {}).filter((p) => p !== 'all').sort();
    const drawTop = (p) => hbar('chart-top-terms', (T.top[p] || []).map((r) => ({ label: r.label, value: r.n, docs: r.docs })), {
      axis: 'occurrences', context: period(p),
      tip: (r) => bidi(r.label) + '<br>' + num(r.value) + ' occurrences in ' + num(r.docs) + ' documents',
    });
    card(g, 'chart-top-terms', 'Most frequent terms',
      'Occurrences of each term (stop words left out; inflected forms counted together under their most frequent spelling).',
      { size: 'tall', controls: select('Period', [['all', 'All periods']].concat(topPeriods.map((p) => [p, period(p)])), 'all', drawTop) });
    drawTop('all');

    const K = T.keyness || {};
    const keyPeriods = Object.keys(K).sort();
    if (keyPeriods.length) {
      // The latest period with a full list of winners; a thin last month would show little.
      const full = keyPeriods.filter((p) => K[p].length >= 10);
      const latest = full.length ? full[full.length - 1] : keyPeriods[keyPeriods.length - 1];
      const drawKey = (p) => hbar('chart-keyness', (K[p] || []).map((r) => ({ label: r.label, value: r.g2, lr: r.log_ratio, n: r.n, term: r.term, lang: r.lang })), {
        axis: 'G² (log-likelihood)', color: PALETTE[1], format: valueFormat(1), context: period(p),
        onClick: (r) => termEvidence(p, r.lang, r.term, r.label, ['keyness'], 'G² ' + dec(r.value, 1) + ' in ' + period(p) +
          (r.n != null ? ', ' + num(r.n) + ' occurrences' : '') + '.'),
        tip: (r) => bidi(r.label) + '<br>G² ' + dec(r.value, 1) + ' · ' + dec(Math.pow(2, r.lr), 1) +
          '× as frequent as in the other periods' + (r.n != null ? '<br>' + num(r.n) + ' occurrences in the period' : ''),
      });
      card(g, 'chart-keyness', 'Keyness winners: terms over-used in a period',
        'G² (Dunning’s log-likelihood) of a term in the period against all other periods, for terms more frequent than elsewhere; above 10.8 is significant at p < 0.001. Click a bar for sentences.',
        { size: 'tall', controls: select('Period', keyPeriods.map((p) => [p, period(p)]), latest, drawKey) });
      drawKey(latest);

      const table = el('table', { class: 'winners' }, el('tr', null, el('th', null, 'Period'), el('th', null, 'Top keyness winners')));
      keyPeriods.slice().reverse().forEach((p) => table.append(el('tr', null, el('th', null, period(p)),
        el('td', null, (K[p] || []).slice(0, 6).map((r) => chip(r.label, 'G² ' + dec(r.g2, 1)))))));
      const tc = card(g, null, 'Keyness winners by period',
        'The six terms most over-used in each period (highest G² with a positive log ratio), latest period first.');
      tc.append(el('div', { class: 'scroll' }, table));
    } else {
      card(g, null, 'Keyness winners', 'Terms over-used in a period compared with the other periods.')
        .append(el('p', null, 'No keyness rows: the corpus has a single period, or no term reached the minimum count.'));
    }

    const coll = T.collocations || [];
    const cc = card(g, coll.length ? 'chart-collocations' : null, 'Top collocations',
      'Pairs of adjacent terms, ranked by G² (how much more often they occur together than their frequencies predict). Click a bar for sentences.',
      { size: 'tall' });
    if (coll.length) {
      hbar('chart-collocations', coll.map((r) => ({ label: r.label, value: r.g2, n: r.n, pmi: r.pmi, term: r.term, lang: r.lang })), {
        axis: 'G² (log-likelihood)', color: PALETTE[2], format: valueFormat(1),
        onClick: (r) => termEvidence('all', r.lang, r.term, r.label, ['collocation'], num(r.n) + ' times together · G² ' + dec(r.value, 1) + '.'),
        tip: (r) => bidi(r.label) + '<br>G² ' + dec(r.value, 1) + ' · ' + num(r.n) + ' times' + (r.pmi != null ? ' · PMI ' + dec(r.pmi, 2) : ''),
      });
    } else {
      cc.append(el('p', null, 'No collocation reached the minimum count.'));
    }
  }

  // ------------------------------------------------------------------ topics

  function topics() {
    const s = section('topics');
    const T = D.topics;
    if (!T.available) {
      note(s, T.message);
      return;
    }
    const list = T.topics || [];
    if (!list.length) {
      note(s, 'The topics tables are empty.');
      return;
    }
    const g = grid(s);
    const name = (t) => '#' + t.id + ' ' + (t.label || '');
    card(g, 'chart-topics', 'Topics by prevalence',
      'Prevalence: the share of the corpus’s topic weight that falls to each topic (all topics add up to 100 %).',
      { size: list.length > 12 ? 'tall' : '' });
    hbar('chart-topics', list.map((t) => ({ label: short(name(t), 40), value: t.prevalence, t })), {
      axis: 'prevalence', color: PALETTE[4], format: pct, axisFormat: (v) => dec(100 * v, 0) + ' %',
      tip: (r) => bidi(name(r.t)) + '<br>prevalence ' + pct(r.t.prevalence) + ' · NPMI ' + dec(r.t.npmi, 2) +
        '<br>' + r.t.terms.slice(0, 8).map((x) => bidi(x.label)).join(' · '),
    });
    const share = T.share || {};
    const shown = list.filter((t) => share[t.id]).slice(0, 10);
    // A period with topic data where a topic has none is a share of 0; a period without any is a gap.
    const withData = new Set(Object.values(share).flatMap((byPeriod) => Object.keys(byPeriod)));
    if (shown.length) {
      card(g, 'chart-topic-trends', 'Topic share over time',
        'Share: a topic’s part of all topic weight in the period (documents’ topic weights summed over sources); the ten most prevalent topics.');
      chart('chart-topic-trends', {
        legend: { top: 0, type: 'scroll', formatter: (n) => short(n, 28) },
        grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
        tooltip: { trigger: 'axis', formatter: (ps) => esc(ps[0].axisValueLabel) + '<br>' + ps.filter((p) => p.value != null)
          .map((p) => p.marker + bidi(p.seriesName) + ': ' + pct(p.value)).join('<br>') },
        xAxis: { type: 'category', data: axis.map(period) },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => dec(100 * v, 0) + ' %' } },
        dataZoom: zoom(axis.length),
        series: shown.map((t) => ({
          name: name(t), type: 'line', connectNulls: false, symbolSize: 5,
          data: axis.map((p) => (withData.has(p) ? share[t.id][p] || 0 : null)),
        })),
      });
    }
    const cards = el('div', { class: 'topics' });
    list.forEach((t) => {
      const c = el('div', { class: 'card topic' },
        el('h4', { dir: 'auto' }, name(t)),
        el('div', { class: 'stats' }, 'prevalence ' + pct(t.prevalence) + ' · NPMI ' + dec(t.npmi, 2)),
        el('div', null, t.terms.map((x) => chip(x.label, 'weight ' + dec(x.weight, 4)))));
      if (t.states && t.states.length) {
        c.append(el('div', { class: 'stats' }, 'States: ',
          t.states.map((x) => chip(stateName(x.state), 'lift ' + dec(x.lift, 1) + ', ' + num(x.docs) + ' documents'))));
      }
      if (t.docs && t.docs.length) {
        c.append(el('ul', null, t.docs.map((d) => el('li', { dir: 'auto', title: d.id }, d.title || d.id))));
      }
      cards.append(c);
    });
    const tc = card(s, null, 'Topics and their words',
      'Each topic’s top terms by weight; NPMI of the top terms measures coherence (−1 never together, 0 independent, 1 always together); the list shows the most typical articles.');
    tc.style.marginTop = '16px';
    tc.append(cards);
  }

  // ------------------------------------------------------------------ states

  const stateCharts = [];

  function states() {
    const s = section('states');
    const S = D.states;
    if (!S.available) {
      s.querySelector('.names-toggle').hidden = true;
      note(s, S.message);
      return;
    }
    const top = S.top || [];
    if (!top.length) {
      note(s, 'No state was named in this corpus.');
      s.querySelector('.names-toggle').hidden = true;
      return;
    }
    // The charts below the selector show one period, or all of them (the default).
    let current = 'all';
    const view = () => (current === 'all' ? { top: S.top, comentions: S.comentions } : (S.by_period || {})[current] || {});
    const within = () => (current === 'all' ? 'all periods' : period(current));
    const views = (S.periods || []).slice().reverse();
    if (views.length) {
      s.append(select('Period of the charts below', [['all', 'All periods']].concat(views.map((p) => [p, period(p)])), 'all', (p) => {
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
    /** A note in place of the chart when the chosen period has nothing to draw. */
    const empty = (id, text) => {
      const dom = document.getElementById(id);
      const c = echarts.getInstanceByDom(dom);
      if (c) c.clear();
      dom.hidden = true;
      let n = dom.parentNode.querySelector('.empty');
      if (!n) n = dom.parentNode.appendChild(el('p', { class: 'empty' }));
      n.hidden = false;
      n.textContent = text;
    };
    const shown = (id) => {
      const n = document.getElementById(id).parentNode.querySelector('.empty');
      if (n) n.hidden = true;
    };

    dynamic('chart-states-top', card(g, 'chart-states-top', 'Most named states', '', { size: 'tall' }),
      () => 'Documents naming each state at least once (by name, adjective or capital), ' + within() + '.');
    stateCharts.push(() => {
      explain('chart-states-top');
      const rows = view().top || [];
      if (!rows.length) return empty('chart-states-top', 'No state was named in ' + within() + '.');
      shown('chart-states-top');
      hbar('chart-states-top', rows.map((r) => ({ label: stateName(r.state), value: r.docs, iso: r.state })), {
        axis: 'documents', tip: (r) => stateTip(r.iso) + '<br>' + num(r.value) + ' documents', context: within(),
      });
    });

    const order = (S.order || []).filter((iso) => S.time[iso]);
    card(g, 'chart-states-time', 'Mentions over time',
      'Documents naming each of the ten most named states, per period (the chosen period is marked).', { size: 'tall' });
    stateCharts.push(() => chart('chart-states-time', {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 12, right: 20, top: 36, bottom: axis.length > 40 ? 44 : 16, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => esc(ps[0].axisValueLabel) + '<br>' + ps.filter((p) => p.value)
        .map((p) => p.marker + bidi(p.seriesName) + ': ' + num(p.value)).join('<br>') },
      xAxis: { type: 'category', data: axis.map(period) },
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
      note(s, 'There is no state_comentions table (or it has no pairs for all periods), so the pair charts, network and heatmap are left out.');
      return;
    }
    const unit = S.comentions.scope === 'sentence' ? 'sentences' : 'documents';
    const pairLabel = (p) => stateName(p.a) + ' – ' + stateName(p.b);
    const pairTip = (p) => stateTip(p.a) + '<br>' + stateTip(p.b) + '<br>' + num(p.co) + ' ' + unit + ' together · NPMI ' + dec(p.npmi, 3) +
      '<br><i>click for the sentences</i>';
    const openPair = (p) => pairEvidence(current, p.a, p.b, num(p.co) + ' ' + unit + ' name both in ' + within() +
      ' · NPMI ' + dec(p.npmi, 3) + '.');
    const noPairs = () => 'No pair of states was named together in ' + within() + '.';

    dynamic('chart-pairs-npmi', card(g, 'chart-pairs-npmi', 'Pairs most strongly associated (NPMI)', '', { size: 'tall' }),
      () => 'NPMI: −1 never together, 0 independent, 1 always together; pairs named together in at least ' +
        num((view().comentions || {}).min_co_docs) + ' ' + unit + ', ' + within() + '. Click a bar for the sentences.');
    stateCharts.push(() => {
      explain('chart-pairs-npmi');
      const C = view().comentions;
      if (!C || !C.by_npmi.length) return empty('chart-pairs-npmi', noPairs());
      shown('chart-pairs-npmi');
      hbar('chart-pairs-npmi', C.by_npmi.map((p) => ({ label: pairLabel(p), value: p.npmi, p })), {
        axis: 'NPMI', color: PALETTE[3], format: valueFormat(2), axisFormat: valueFormat(1), tip: (r) => pairTip(r.p),
        context: within(), onClick: (r) => openPair(r.p),
      });
    });
    dynamic('chart-pairs-co', card(g, 'chart-pairs-co', 'Pairs most often named together', '', { size: 'tall' }),
      () => 'Co-mentions: ' + unit + ' naming both states, ' + within() + '. Click a bar for the sentences.');
    stateCharts.push(() => {
      explain('chart-pairs-co');
      const C = view().comentions;
      if (!C || !C.by_co_docs.length) return empty('chart-pairs-co', noPairs());
      shown('chart-pairs-co');
      hbar('chart-pairs-co', C.by_co_docs.map((p) => ({ label: pairLabel(p), value: p.co, p })), {
        axis: unit, color: PALETTE[1], tip: (r) => pairTip(r.p), context: within(), onClick: (r) => openPair(r.p),
      });
    });

    dynamic('chart-network', card(g, 'chart-network', 'Co-mention network', '', { wide: true, size: 'graph' }),
      () => 'States named together: circle size = documents naming the state, line width = ' + unit +
        ' naming both (pairs with at least ' + num((view().comentions || {}).graph_min_co_docs) + '), ' + within() +
        '. Drag to move, scroll to zoom, click a line for the sentences.');
    stateCharts.push(() => {
      explain('chart-network');
      const C = view().comentions;
      const nodes = Object.entries((C && C.nodes) || {});
      if (!nodes.length) return empty('chart-network', noPairs());
      shown('chart-network');
      const maxDocs = Math.max(...nodes.map(([, d]) => d));
      const maxCo = Math.max(...C.edges.map((e) => e.co));
      chart('chart-network', {
        tooltip: { formatter: (p) => (p.dataType === 'edge' ? pairTip(C.edges[p.dataIndex])
          : stateTip(p.data.id) + '<br>' + num(p.data.value) + ' documents') },
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          force: { repulsion: 220, edgeLength: [50, 170], gravity: 0.16, layoutAnimation: false },
          label: { show: true, position: 'right', fontSize: 12 },
          labelLayout: { hideOverlap: true },
          lineStyle: { color: '#8aa1b5', opacity: 0.7, curveness: 0.08 },
          emphasis: { focus: 'adjacency', lineStyle: { opacity: 1 } },
          data: nodes.map(([iso, d], i) => ({
            id: iso, name: stateName(iso), value: d,
            symbolSize: 10 + 40 * Math.sqrt(d / maxDocs),
            itemStyle: { color: PALETTE[i % PALETTE.length] },
          })),
          links: C.edges.map((e) => ({
            source: e.a, target: e.b, value: e.co,
            lineStyle: { width: 1 + 7 * (e.co / maxCo) },
          })),
        }],
      }, within(), (p) => p.dataType === 'edge' && C.edges[p.dataIndex] && openPair(C.edges[p.dataIndex]));
    });

    dynamic('chart-heatmap', card(g, 'chart-heatmap', 'Association between the most named states (NPMI)', '', { wide: true, size: 'graph' }),
      () => 'NPMI of each pair of the ' + ((view().comentions || {}).heat_states || []).length + ' most named states, ' + within() +
        ': −1 never together, 0 independent, 1 always together; grey: not named together (or below the run’s minimum). Click a cell for the sentences.');
    stateCharts.push(() => {
      explain('chart-heatmap');
      const C = view().comentions;
      const heat = (C && C.heat_states) || [];
      if (heat.length < 2 || !(C.heat || []).length) return empty('chart-heatmap', 'Fewer than two states are named together in ' + within() + '.');
      shown('chart-heatmap');
      const index = Object.fromEntries(heat.map((iso, i) => [iso, i]));
      const cells = [];
      C.heat.forEach((p) => {
        cells.push({ value: [index[p.a], index[p.b], p.npmi], p });
        cells.push({ value: [index[p.b], index[p.a], p.npmi], p });
      });
      chart('chart-heatmap', {
        tooltip: { formatter: (p) => pairTip(p.data.p) },
        // Grey behind the cells: a pair never named together stays grey, NPMI 0 is white.
        grid: { left: 12, right: 90, top: 10, bottom: 10, containLabel: true, show: true, backgroundColor: '#e4e8ee', borderWidth: 0 },
        xAxis: { type: 'category', data: heat.map(stateName), axisLabel: { rotate: 45, interval: 0 } },
        yAxis: { type: 'category', data: heat.map(stateName), inverse: true, axisLabel: { interval: 0 } },
        visualMap: {
          type: 'continuous', min: -1, max: 1, calculable: false, orient: 'vertical', right: 0, top: 'middle',
          text: ['1 always together', '−1 never'], itemHeight: 180, inRange: { color: ['#2c7bb6', '#ffffff', '#d7191c'] },
        },
        series: [{ type: 'heatmap', data: cells, label: { show: heat.length <= 14, formatter: (p) => dec(p.value[2], 2), fontSize: 10 } }],
      }, within(), (p) => p.data && p.data.p && openPair(p.data.p));
    });
    stateCharts.forEach((f) => f());
  }

  function setNames(lang) {
    names = lang;
    document.querySelectorAll('.names-toggle button').forEach((b) =>
      b.setAttribute('aria-pressed', String(b.dataset.names === lang)));
    stateCharts.forEach((f) => f());
    nameRedraws.forEach((f) => f());
  }
  document.querySelectorAll('.names-toggle button').forEach((b) =>
    b.addEventListener('click', () => setNames(b.dataset.names)));

  changes();
  overview();
  terms();
  topics();
  states();

  // With #evidence-test the page clicks what a reader would click: a bar of each pair chart, a
  // heatmap cell and a line of the network. Each click is a pointer and mouse event sequence at
  // the pixel of the item, so it goes through ECharts' own hit testing and click handlers; what the
  // evidence panel then shows is recorded in marsadCheck.evidence for the browser test.
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
    // Last, so that the screenshot shows it: the pair most often named together.
    bar('chart-pairs-co');
    marsadCheck.evidence = results;
    // Back to the top with the panel open: headless screenshots show the top of the page.
    window.scrollTo(0, 0);
  }

  // With #selftest the page exercises every period selector and the names toggle, so the browser
  // test also checks the redrawn charts.
  if (location.hash === '#selftest') {
    document.querySelectorAll('select').forEach((sel) => {
      const start = sel.value;
      Array.from(sel.options).forEach((o) => {
        sel.value = o.value;
        sel.dispatchEvent(new Event('change'));
      });
      sel.value = start;
      sel.dispatchEvent(new Event('change'));
    });
    if (stateCharts.length) {
      setNames('ar');
      setNames('en');
    }
  }
  if (location.hash === '#evidence-test') evidenceTest();
  marsadCheck.done = true;
})();
