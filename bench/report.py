#!/usr/bin/env python3
"""Writes bench/report.md from the logs, manifests and event logs jobs/bench.sh left in WORK.

  report.py WORK CORPUS           the main sections
  report.py WORK CORPUS topics    the topics section (ours against MALLET)
"""
import datetime, json, os, re, subprocess, sys

work, corpus = sys.argv[1], sys.argv[2]
topics_only = len(sys.argv) > 3 and sys.argv[3] == 'topics'
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import eventlog  # noqa: E402

CORES = 2
PREVIOUS_NPMI = 0.2930  # mean NPMI of the topics stage on ANT, k = 20, in bench/report.md of 2026-11-30


def manifest(name):
    return json.load(open(f'{work}/out-{name}/_manifest.json', encoding='utf-8'))


def times():
    t = {}
    for l in open(f'{work}/times'):
        n, s, kb = l.split()
        t[n] = (float(s), int(kb))
    return t


def yes(b):
    return 'yes' if b else 'no'


def topics():
    m = json.load(open(f'{work}/topics-out/_manifest.json', encoding='utf-8'))
    q, secs = m['topics'], m['seconds_per_stage']
    log = open(f'{work}/mallet.log', encoding='utf-8').read().splitlines()
    wall = next(float(l.split()[1]) for l in open(f'{work}/topics.log') if l.startswith('TIME'))

    def kv(prefix):
        line = next(l for l in log if l.startswith(prefix))
        return dict(p.split('=') for p in line.split()[1:])
    ours, mal = kv('ours_topics'), kv('mallet_topics')
    print("\n## Topics (k = 20) against MALLET, same documents, same terms, same coherence code\n")
    print(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, both in this one run.\n")
    print(f"Our settings: {q['optimizer']} LDA, {q.get('max_iter')} iterations, mini-batch share "
          f"{q.get('subsampling')}, vocabulary {q['vocabulary']} terms (min DF {q['min_df']}, max DF "
          f"{q['max_df']}), seed {m['config']['seed']}. MALLET 2.0.8 ParallelTopicModel: 2 threads, "
          f"1,000 iterations, alpha sum 5, beta 0.01, hyper-parameters optimised every 10 iterations, "
          f"on the same {int(ours['docs']):,} documents and vocabulary.\n")
    print("| model | fit / training wall time | mean NPMI (top 10, document co-occurrence) | diversity |\n|---|---|---|---|")
    print(f"| Marsad topics (own online LDA) | {q['fit_seconds']:.1f} s fit; stage {secs['topics']:.1f} s; whole command {wall:.1f} s | {q['npmi_mean']:.4f} | {q['diversity']:.3f} |")
    print(f"| MALLET | {float(mal['train_seconds']):.1f} s ({mal['attempts']} attempt(s)) | {float(mal['npmi']):.4f} | {float(mal['diversity']):.3f} |")
    print(f"\nRe-scored in memory by the benchmark: ours {float(ours['npmi']):.4f} (the job's Spark count gave {q['npmi_mean']:.4f}).\n")
    print("| target | measured | met |\n|---|---|---|")
    print(f"| our mean NPMI >= MALLET's | {q['npmi_mean']:.4f} vs {float(mal['npmi']):.4f} | {yes(q['npmi_mean'] >= float(mal['npmi']))} |")
    print(f"| our fit faster than MALLET's training | {q['fit_seconds']:.1f} s vs {float(mal['train_seconds']):.1f} s | {yes(q['fit_seconds'] < float(mal['train_seconds']))} |")
    print(f"| mean NPMI drops at most 0.005 from before the one-pass redesign ({PREVIOUS_NPMI:.4f}; NPMI does not depend on the machine's load) | {q['npmi_mean']:.4f} | {yes(q['npmi_mean'] >= PREVIOUS_NPMI - 0.005)} |")
    print("\nOur topics (labels of the top 10 terms, NPMI):\n\n```")
    for l in log:
        if l.startswith('ours '):
            print(l)
    print("```\n\nMALLET's topics (top 10 terms, NPMI):\n\n```")
    for l in log:
        if l.startswith('mallet ') or l.startswith('mallet_attempt'):
            print(l)
    print("```")


if topics_only:
    topics()
    sys.exit(0)

t = times()
ceil = dict(p.split('=') for p in next(l for l in open(f'{work}/ceiling.log') if l.startswith('ceiling_single_thread')).split()[1:])
luc = dict(p.split('=') for p in next(l for l in open(f'{work}/ceiling.log') if l.startswith('lucene_arabic_single_thread')).split()[1:])
docs_in = int(ceil['docs'])
mb = int(ceil['bytes']) / 1e6
m1 = manifest('terms-x1')
docs1 = m1['rows']['documents']
print("# Marsad benchmark report\n")
load = open('/proc/loadavg').read().split()[:3]
print(f"Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `jobs/bench.sh` on `{corpus}` "
      f"({docs_in:,} rows, {docs1:,} documents, {mb:.1f} MB of title and body as UTF-8), {CORES} cores, "
      f"`local[2]`, 4 GB driver; load average when the report was written {' '.join(load)}. Every "
      f"figure below was measured in this one run.\n")

print("## The analysis pass, one thread\n")
ours_mbs, luc_mbs = float(ceil['mb_s']), float(luc['mb_s'])
print("| measure | value |\n|---|---|")
print(f"| our per-document work (clean, language, analyse title and body, state mentions with contexts and pair sentences, encode) | {ours_mbs:.2f} MB/s, {docs_in/float(ceil['seconds']):,.0f} docs/s |")
print(f"| Lucene's ArabicAnalyzer chain with a HashMap term count, same texts | {luc_mbs:.2f} MB/s |")
print(f"\n| target | measured | met |\n|---|---|---|")
print(f"| >= 20 MB/s on one thread | {ours_mbs:.2f} MB/s ({ours_mbs/luc_mbs:.2f}x Lucene's chain, which does less: no cleaning, language, mentions or bigrams) | {yes(ours_mbs >= 20)} |")

print("\nWhere our per-document time goes (Java Flight Recorder, execution samples under `DocumentPass.process`, from a second run of the same measurement):\n")
print(open(f'{work}/profile.md', encoding='utf-8').read())

print("\n## Terms against the naive MLlib count, and the scale series\n")
def wall(n):
    return t[n][0]
def rss(n):
    return t[n][1] / 1024
docs = {1: docs1, 2: manifest('terms-x2')['rows']['documents'], 4: manifest('terms-x4')['rows']['documents']}
print("| command | x1 | x2 | x4 | intercept (fixed) | slope (ms per document) | peak RSS x1 → x4 |\n|---|---|---|---|---|---|---|")
def line(cmd, xs):
    ws = {x: wall(f'{cmd}-x{x}') for x in xs}
    slope = (ws[4] - ws[1]) / (docs[4] - docs[1])
    icpt = ws[1] - slope * docs[1]
    cells = [f"{ws[x]:.1f} s" if x in ws else "" for x in (1, 2, 4)]
    print(f"| `{cmd}` | {' | '.join(cells)} | {icpt:.1f} s | {1000*slope:.3f} | {rss(f'{cmd}-x1'):.0f} → {rss(f'{cmd}-x4'):.0f} MB |")
    return ws, slope, icpt
nv, nslope, nicpt = line('naive', (1, 4))
tw, tslope, ticpt = line('terms', (1, 2, 4))
sw, sslope, sicpt = line('states', (1, 2, 4))
rw, rslope, ricpt = line('run', (1, 2, 4))
ceiling_dps = docs_in / float(ceil['seconds']) * CORES
print(f"\nThe copies of x2 and x4 have their own ids and one changed word each{' and run with `--dedup none`, so every copy is counted' if 'dedup' in json.dumps(manifest('run-x4')['config']) else ''}. Intercept and slope from the x1 and x4 points; the analyser ceiling is its one-thread speed times {CORES} cores = {ceiling_dps:,.0f} docs/s.\n")
def slopes_agree(ws):
    a = (ws[2] - ws[1]) / (docs[2] - docs[1])
    b = (ws[4] - ws[2]) / (docs[4] - docs[2])
    return a, b, abs(a - b) / max(a, b) <= 0.15
print("| target | measured | met |\n|---|---|---|")
r = tw[1] / nv[1]
print(f"| `terms` wall <= 1.0x the naive pipeline's on x1 (stretch 0.7x) | {r:.2f}x ({tw[1]:.1f} s vs {nv[1]:.1f} s) | {yes(r <= 1.0)}{' (stretch met)' if r <= 0.7 else ''} |")
print(f"| fixed cost of `terms` <= 2x the naive pipeline's | {ticpt:.1f} s vs {nicpt:.1f} s = {ticpt/nicpt:.2f}x | {yes(ticpt <= 2*nicpt)} |")
print(f"| fixed cost of `run` <= 3x the naive pipeline's | {ricpt:.1f} s vs {nicpt:.1f} s = {ricpt/nicpt:.2f}x | {yes(ricpt <= 3*nicpt)} |")
for name, slope in (('terms', tslope), ('states', sslope)):
    dps = 1 / slope
    print(f"| marginal cost of the {name} work >= 70% of the analyser ceiling | {dps:,.0f} docs/s = {100*dps/ceiling_dps:.0f}% | {yes(dps >= 0.7*ceiling_dps)} |")
for name, ws in (('terms', tw), ('run', rw)):
    a, b, ok = slopes_agree(ws)
    print(f"| `{name}` slopes x1→x2 and x2→x4 agree within 15% | {1000*a:.3f} and {1000*b:.3f} ms/doc | {yes(ok)} |")
    m1_, m4_ = rss(f'{name}-x1'), rss(f'{name}-x4')
    print(f"| `{name}` peak memory within 10% from x1 to x4 (4 GB heap) | {m1_:.0f} → {m4_:.0f} MB ({100*(m4_-m1_)/m1_:+.0f}%) | {yes(abs(m4_-m1_) <= 0.1*m1_)} |")
print(f"| the whole `run` on x1 (all stages, report included) | {rw[1]:.1f} s = {rw[1]/nv[1]:.2f}x the naive pipeline | (reported) |")
samples = [wall(n) for n in ('sample-1', 'sample-2')]
print(f"| `jobs/marsad run` on the sample, built tree (two runs) | {samples[0]:.1f} s, {samples[1]:.1f} s | {yes(min(samples) <= 30)} (target <= 30 s) |")

print("\n## Stories: cost of near-duplicate detection\n")
s1 = m1['seconds_per_stage'].get('stories')
m4n = manifest('terms-x4-near')
s4 = m4n['seconds_per_stage'].get('stories')
d4 = m4n['rows']['documents']
print("| measure | x1 | x4 (each document with three near-copies) |\n|---|---|---|")
print(f"| detection seconds (manifest `stories`) | {s1:.1f} s | {s4:.1f} s |")
print(f"| per document | {1000*s1/docs1:.3f} ms | {1000*s4/d4:.3f} ms |")
print(f"| stories / documents | {m1['dedup']['stories']:,} / {docs1:,} | {m4n['dedup']['stories']:,} / {d4:,} |")
print(f"\n| target | measured | met |\n|---|---|---|")
print(f"| detection on x1 costs at most 30% of the `terms` command's wall | {s1:.1f} s of {tw[1]:.1f} s = {100*s1/tw[1]:.0f}% | {yes(s1 <= 0.3*tw[1])} |")
flat = (s4/d4) / (s1/docs1)
print(f"| cost per document flat from x1 to x4 (within 15%) | x4/x1 = {flat:.2f} | {yes(flat <= 1.15)} |")

print("\n## Where the time goes (`run` on x1, from its Spark event log)\n")
ev = eventlog.summary(f'{work}/events/run-x1')
mr = manifest('run-x1')
print("| stage (manifest seconds_per_stage) | seconds | Spark job time in it |\n|---|---|---|")
for k, v in mr['seconds_per_stage'].items():
    print(f"| {k} | {v:.1f} | {ev['groups'].get('marsad-' + k, 0):.1f} s |")
print(f"\n{ev['jobs']} Spark jobs in {ev['app_seconds']:.1f} s of application time. The longest job descriptions:\n")
print("| group | job | seconds |\n|---|---|---|")
for d in sorted(ev['descriptions'], key=lambda x: -x['seconds'])[:15]:
    print(f"| {d['group']} | {d['desc']} | {d['seconds']:.1f} |")
trend_ev = sum(d['seconds'] for d in ev['descriptions'] if re.search(r'write (\w+_trends|\w+_evidence)$', d['desc']))
print(f"\n| target | measured | met |\n|---|---|---|")
print(f"| evidence and trends add at most 15% to `run` (jobs writing the trend and evidence tables, over the run's wall) | {trend_ev:.1f} s of {rw[1]:.1f} s = {100*trend_ev/rw[1]:.0f}% | {yes(trend_ev <= 0.15*rw[1])} |")

print("\n## Task balance: x4 without a date column (period `all` only)\n")
evn = eventlog.summary(f'{work}/events/run-x4-nodate')
worst = 0
balanced = [s for s in evn['stages'] if s['tasks'] >= 2 and s['mean_rows'] > 0]
single = [s for s in evn['stages'] if s['tasks'] == 1 and s['rows'] >= 1000]
worst_all = 0
for s in balanced:
    worst_all = max(worst_all, s['max_rows'] / s['mean_rows'])
    if s['rows'] >= 1000:
        worst = max(worst, s['max_rows'] / s['mean_rows'])
print(f"{len(evn['stages'])} stages; {len(balanced)} with two or more tasks and rows; "
      f"{len(single)} single-task stages of 1,000 rows or more. The 15 stages with the most rows "
      "and the 10 least balanced of those with 1,000 rows or more:\n")
print("| group | job | tasks | rows | largest task ÷ mean |\n|---|---|---|---|---|")
big = sorted(balanced, key=lambda x: -x['rows'])[:15]
skew = sorted((s for s in balanced if s['rows'] >= 1000), key=lambda x: -x['max_rows'] / x['mean_rows'])[:10]
seen = set()
for s in big + skew:
    if id(s) in seen:
        continue
    seen.add(id(s))
    print(f"| {s['group']} | {s['desc']} | {s['tasks']} | {s['rows']:,} | {s['max_rows'] / s['mean_rows']:.2f} |")
for s in single:
    print(f"| {s['group']} | {s['desc']} | 1 | {s['rows']:,} | (one task) |")
print(f"\n| target | measured | met |\n|---|---|---|")
print(f"| the largest task of every stage of 1,000 rows or more handles at most twice the mean task's rows | worst {worst:.2f} | {yes(worst <= 2)} |")
print(f"\nOver all stages the worst is {worst_all:.2f}: stages of a few rows (the one period `all` of a trend table, 1 to 857 rows over 8 tasks) cannot be spread. Single-task stages here are reads of a table small enough to be written as one file.")

print("\n## State accuracy (../shared/gold/newsfane-dev.jsonl)\n")
lines = open(f'{work}/gold.log', encoding='utf-8').read().splitlines()
head = [l for l in lines if l.startswith('state gold')]
print(head[0].replace('state gold ', 'Micro scores over sentences, name-form states: ') if head else 'not run')
misses = [l for l in lines if l.startswith('nf-')]
print(f"\n{len(misses)} sentences with a miss (id, missed, extra, found, text), the first 40:\n\n```")
for l in misses[:40]:
    print(l[:300])
print("```\n\n## Reuters-21578 places\n")
ov = next((l for l in open(f'{work}/overlap.log') if l.startswith('reuters_overlap')), 'not run')
print("Document-level states (forms counted by default) against the editor-assigned `places` mapped to ISO codes, over documents with at least one mapped place:\n\n`" + ov.strip() + "`")
if os.path.exists(f'{work}/overlap-city.log'):
    ovc = next((l for l in open(f'{work}/overlap-city.log') if l.startswith('reuters_overlap')), 'not run')
    print("\nWith cities counted (`--forms name,adjective,capital,city`):\n\n`" + ovc.strip() + "`")
for name, line in (('default', ov), ('cities', ovc if os.path.exists(f'{work}/overlap-city.log') else '')):
    m = re.search(r'places_covered_by_marsad=([0-9.]+) marsad_states_in_places=([0-9.]+)', line)
    if m:
        r_, p_ = float(m.group(1)), float(m.group(2))
        print(f"\n{name}: P {p_:.3f}, R {r_:.3f}, F1 {2*p_*r_/(p_+r_):.3f} (target F1 ≥ 0.70)")
print("\n## Language dev scores\n\n```")
print("\n".join(l for l in open(f"{work}/devscores.log", encoding="utf-8").read().splitlines() if l.startswith("dev_score")))
print("```\n\n## Stories (near-duplicates)\n\n```")
print('\n'.join(l for l in open(f'{work}/stories.log', encoding='utf-8').read().splitlines() if l.startswith(('story_', '(no'))))
print("```")
