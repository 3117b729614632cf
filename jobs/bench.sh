#!/usr/bin/env bash
# Benchmarks, measured side by side in one run on this machine (ratios matter; absolute numbers
# on a noisy 2-core machine do not). Writes bench/report.md.
#   jobs/bench.sh [CORPUS]      default ../shared/corpora/ant-multisource (ANT columns)
#   BENCH_TOPICS_ONLY=1 jobs/bench.sh   re-measures only the topics section (ours and MALLET)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
corpus="${1:-../shared/corpora/ant-multisource}"
work="${BENCH_WORK:-/tmp/marsad-bench}"
report="bench/report.md"
mkdir -p bench "$work"

echo "bench: building" >&2
mvn -q -B -DskipTests package test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
mapfile -t opens < conf/jvm-opens.args
jvm=(java -Xmx4g "${opens[@]}" -Dlog4j2.configurationFile="$here/conf/log4j2.properties")

# Runs a command under GNU time; prints "wall_seconds max_rss_kb".
timed() {
  local log="$1"; shift
  /usr/bin/time -f "TIME %e %M" "$@" > "$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
  grep '^TIME' "$log" | tail -1 | awk '{print $2, $3}'
}

if [ "${BENCH_TOPICS_ONLY:-0}" != 1 ]; then
echo "bench: terms job (local[2])" >&2
read -r terms_s terms_kb < <(timed "$work/terms.log" jobs/marsad terms --master 'local[2]' \
  --input "$corpus" --id-col docno --source-col src --date-col time --output "$work/terms-out")
terms_stage_s=$(python3 -c "import json;m=json.load(open('$work/terms-out/_manifest.json'))['seconds_per_stage'];print(m['load']+m['terms'])")
echo "bench: naive MLlib pipeline (local[2])" >&2
read -r naive_s naive_kb < <(timed "$work/naive.log" "${jvm[@]}" -cp "$cp" org.marsad.bench.NaivePipeline \
  "$corpus" text title "$work/naive-out")
echo "bench: analyzer ceiling (1 thread)" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.AnalyzerCeiling "$corpus" text title > "$work/ceiling.log" 2>&1
line=$(grep '^ceiling_single_thread' "$work/ceiling.log")
docs=$(sed -E 's/.*docs=([0-9]+).*/\1/' <<<"$line")
bytes=$(sed -E 's/.*bytes=([0-9]+).*/\1/' <<<"$line")
ceil_s=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
cores=2

echo "bench: states stage (local[2])" >&2
read -r states_s states_kb < <(timed "$work/states.log" jobs/marsad states --master 'local[2]' \
  --input "$corpus" --id-col docno --source-col src --date-col time --output "$work/states-out")
states_stage_s=$(python3 -c "import json;print(json.load(open('$work/states-out/_manifest.json'))['seconds_per_stage']['states'])")
states_docs=$(python3 -c "import json;print(json.load(open('$work/states-out/_manifest.json'))['rows']['documents'])")
echo "bench: state matcher alone (1 thread)" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.MatcherCeiling "$corpus" text title > "$work/matcher.log" 2>&1
matcher_s=$(grep '^matcher_single_thread' "$work/matcher.log" | sed -E 's/.*seconds=([0-9.]+).*/\1/')
echo "bench: state accuracy on the dev gold" >&2
gold="../shared/gold/newsfane-dev.jsonl"
"${jvm[@]}" -cp "$cp" org.marsad.bench.StateGold "$gold" > "$work/gold.log" 2>&1
reuters="../shared/corpora/reuters21578-train"
echo "bench: Reuters places overlap" >&2
jobs/marsad states --master 'local[2]' --input "$reuters" --id-col newid --text-col body --date-col date \
  --output "$work/reuters-out" > "$work/reuters.log" 2>&1
"${jvm[@]}" -cp "$cp" org.marsad.bench.ReutersOverlap "$reuters" "$work/reuters-out" > "$work/overlap.log" 2>&1
overlap=$(grep '^reuters_overlap' "$work/overlap.log")
fi

echo "bench: topics stage, k = 20 (local[2])" >&2
read -r topics_s topics_kb < <(timed "$work/topics.log" jobs/marsad topics --master 'local[2]' \
  --input "$corpus" --id-col docno --source-col src --date-col time --k 20 --output "$work/topics-out")
echo "bench: MALLET on the same documents and terms" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.TopicsBench "$corpus" docno src time "$work/topics-out" 20 1000 \
  > "$work/mallet.log" 2>&1 || { tail -30 "$work/mallet.log" >&2; exit 1; }

if [ "${BENCH_TOPICS_ONLY:-0}" != 1 ]; then
python3 - "$corpus" "$docs" "$bytes" "$terms_s" "$terms_kb" "$naive_s" "$naive_kb" "$ceil_s" "$cores" \
  "$states_s" "$states_kb" "$states_stage_s" "$states_docs" "$matcher_s" "$work/gold.log" "$overlap" "$terms_stage_s" > "$report" <<'PY'
import sys, datetime, subprocess
corpus, docs, byts, ts, tkb, ns, nkb, cs, cores, ss, skb, sstage, sdocs, ms, goldlog, overlap, tstage = sys.argv[1:]
tstage = float(tstage)
docs, byts, cores = int(docs), int(byts), int(cores)
ts, ns, cs = float(ts), float(ns), float(cs)
mb = byts / 1e6
ceil_dps = docs / cs * cores
terms_dps = docs / ts
print("# Marsad benchmark report\n")
print(f"Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on `{corpus}` ({docs:,} documents, {mb:.1f} MB of title+body UTF-8), "
      f"{cores} cores, all three measured in this one run by `jobs/bench.sh`.\n")
print("## Terms stage\n")
print("| measure | value |\n|---|---|")
print(f"| terms job wall time (local[2], whole process incl. JVM and Spark start, writes 5 tables) | {ts:.1f} s |")
print(f"| terms job throughput | {terms_dps:.0f} docs/s, {mb/ts:.2f} MB/s |")
print(f"| of which load + terms stages (manifest seconds_per_stage) | {tstage:.1f} s = {docs/tstage:.0f} docs/s |")
print(f"| terms job peak memory (max RSS) | {int(tkb)/1024:.0f} MB |")
print(f"| analyzer alone, 1 thread (clean, detect, analyse, count) | {docs/cs:.0f} docs/s, {mb/cs:.2f} MB/s |")
print(f"| ceiling = 1-thread analyzer x {cores} cores | {ceil_dps:.0f} docs/s |")
print(f"| naive MLlib pipeline wall time (RegexTokenizer, explode, groupBy count, write) | {ns:.1f} s |")
print(f"| naive pipeline peak memory (max RSS) | {int(nkb)/1024:.0f} MB |")
print()
r1 = (docs / tstage) / ceil_dps
r2 = ns / ts
print("| target | measured | met |\n|---|---|---|")
print(f"| terms stage (load + terms) >= 50% of the analyzer ceiling | {100*r1:.0f}% | {'yes' if r1 >= 0.5 else 'no'} |")
print(f"| terms job no slower than the naive pipeline | naive/terms wall = {r2:.2f} | {'yes' if r2 >= 1 else 'no'} |")
ss, sstage, sdocs, ms = float(ss), float(sstage), int(sdocs), float(ms)
states_dps = sdocs / sstage
print("\n## States stage\n")
print("| measure | value |\n|---|---|")
print(f"| states command wall time (local[2], loads and analyses the corpus, then the states stage) | {ss:.1f} s, peak {int(skb)/1024:.0f} MB |")
print(f"| states stage alone (manifest seconds_per_stage.states: matching, 4 tables, networks) | {sstage:.1f} s = {states_dps:.0f} docs/s |")
print(f"| state matcher alone, 1 thread | {docs/ms:.0f} docs/s |")
print(f"| analyzer ceiling (from above) | {ceil_dps:.0f} docs/s |")
print(f"\n| target | measured | met |\n|---|---|---|")
print(f"| states stage >= 50% of the analyzer ceiling | {100*states_dps/ceil_dps:.0f}% | {'yes' if states_dps >= 0.5*ceil_dps else 'no'} |")
print("\n## State accuracy (../shared/gold/newsfane-dev.jsonl)\n")
lines = open(goldlog, encoding='utf-8').read().splitlines()
head = [l for l in lines if l.startswith('state gold')]
print(head[0].replace('state gold ', 'Micro scores over sentences, name-form states: ') if head else 'not run')
misses = [l for l in lines if l.startswith('nf-')]
print(f"\n{len(misses)} sentences with a miss (id, missed, extra, found mentions, text):\n")
print("```")
for l in misses:
    print(l[:400])
print("```")
print("\n## Reuters-21578 places overlap\n")
print("Document-level states (forms name, adjective, capital) against the editor-assigned `places` mapped to ISO codes, over documents with at least one mapped place:\n")
print("`" + overlap + "`")
PY
else
  # BENCH_TOPICS_ONLY=1: keep the report's other sections, replace its topics section.
  python3 - "$report" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
i = s.find("\n## Topics (k = 20)")
open(p, 'w', encoding='utf-8').write(s if i < 0 else s[:i])
PY
fi

python3 - "$work/topics-out/_manifest.json" "$topics_s" "$topics_kb" "$work/mallet.log" >> "$report" <<'PY'
import sys, json
m = json.load(open(sys.argv[1], encoding='utf-8'))
q, secs = m['topics'], m['seconds_per_stage']
ts, tkb = float(sys.argv[2]), int(sys.argv[3])
log = open(sys.argv[4], encoding='utf-8').read().splitlines()
def kv(prefix):
    line = next(l for l in log if l.startswith(prefix))
    return dict(p.split('=') for p in line.split()[1:])
ours, mal = kv('ours_topics'), kv('mallet_topics')
import datetime
print("\n## Topics (k = 20) against MALLET, same documents, same terms, same coherence code\n")
print(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, both in this one run.\n")
print(f"Our settings: {m['config']['optimizer']} LDA, {m['config']['max-iter']} iterations, vocabulary "
      f"{q['vocabulary']} terms (min DF {q['min_df']}, max DF {q['max_df']}), "
      f"seed {m['config']['seed']}. MALLET 2.0.8 ParallelTopicModel: 2 threads, 1,000 iterations, "
      f"alpha sum 5, beta 0.01, hyper-parameters optimised every 10 iterations, on the same "
      f"{int(ours['docs']):,} documents and vocabulary.\n")
print("| model | fit / training wall time | mean NPMI (top 10, document co-occurrence) | diversity |\n|---|---|---|---|")
print(f"| Marsad topics (MLlib) | {q['fit_seconds']:.1f} s fit; stage {secs['topics']:.1f} s; whole command {ts:.1f} s, peak {tkb/1024:.0f} MB | {q['npmi_mean']:.4f} | {q['diversity']:.3f} |")
print(f"| MALLET | {float(mal['train_seconds']):.1f} s ({mal['attempts']} attempt(s)) | {float(mal['npmi']):.4f} | {float(mal['diversity']):.3f} |")
print(f"\nRe-scored in memory by the benchmark: ours {float(ours['npmi']):.4f} (the job's Spark count gave {q['npmi_mean']:.4f}).\n")
met1 = q['npmi_mean'] >= float(mal['npmi'])
met2 = q['fit_seconds'] < float(mal['train_seconds'])
print("| target | met |\n|---|---|")
print(f"| our mean NPMI >= MALLET's | {'yes' if met1 else 'no'} |")
print(f"| our fit faster than MALLET's training | {'yes' if met2 else 'no'} |")
print("\nOur topics (labels of the top 10 terms, NPMI):\n\n```")
for l in log:
    if l.startswith('ours '):
        print(l)
print("```")
print("\nMALLET's topics (top 10 terms, NPMI):\n\n```")
for l in log:
    if l.startswith('mallet ') or l.startswith('mallet_attempt'):
        print(l)
print("```")
PY
cat "$report"
