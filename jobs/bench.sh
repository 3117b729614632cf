#!/usr/bin/env bash
# Benchmarks, measured side by side in one run on this machine (ratios matter; absolute numbers on
# a noisy 2-core machine do not). Writes bench/report.md. Run it on a quiet machine (uptime < 1).
#   jobs/bench.sh [CORPUS]              default ../shared/corpora/ant-multisource (ANT columns)
#   BENCH_TOPICS_ONLY=1 jobs/bench.sh   re-measures only the topics section (ours and MALLET)
#   BENCH_ENGINE=1 jobs/bench.sh        the engine's fixed cost only (naive, terms and run on the
#                                       corpus, the sample run twice; wall, memory, Spark jobs),
#                                       written to bench/engine.md
#   BENCH_UPDATE=1 jobs/bench.sh        update: a run of the corpus but its last month, then an
#                                       update with that month, beside a run of both; written to
#                                       bench/update.md
# Needs: JDK 17, Maven, python3, GNU time, zstd (event logs); apt-get install time zstd.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
corpus="${1:-../shared/corpora/ant-multisource}"
work="${BENCH_WORK:-/tmp/marsad-bench}"
report="bench/report.md"
mkdir -p bench "$work"
ant=(--id-col docno --source-col src --date-col time)
antnd=(--id-col docno --source-col src)

if [ "${BENCH_ENGINE:-0}" != report ]; then
echo "bench: building" >&2
mvn -q -B -DskipTests package test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
fi
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
mapfile -t opens < conf/jvm-opens.args
jvm=(java -Xmx4g "${opens[@]}" -Dlog4j2.configurationFile="$here/conf/log4j2.properties")
export MARSAD_DRIVER_MEMORY=4g
dedup=()
if jobs/marsad run --help 2>/dev/null | grep -q -- '--dedup'; then dedup=(--dedup none); fi

# Runs a command under GNU time; appends "name wall_s max_rss_kb" to $work/times.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "TIME %e %M" "$@" > "$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; exit 1; }
  echo "$name $(grep '^TIME' "$work/$name.log" | tail -1 | awk '{print $2, $3}')" >> "$work/times"
}
# A Marsad command with an event log in $work/events/NAME.
marsad() {
  local name="$1"; shift
  rm -rf "$work/out-$name" "$work/events/$name"; mkdir -p "$work/events/$name"
  MARSAD_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$work/events/$name" \
    timed "$name" jobs/marsad "$@" --master 'local[2]' --output "$work/out-$name"
}

# The number of Spark jobs in the event log of a Marsad command.
jobs_of() {
  # Spark 4 writes a folder eventlog_v2_<app>/events_1_<app>.zstd; older ones a single file.
  local f; f=$(find "$work/events/$1" -type f \( -name 'events_*' -o -name 'local-*' -o -name 'app-*' \) | head -1)
  case "$f" in
    *.zst|*.zstd) zstd -dc "$f" ;;
    *) cat "$f" ;;
  esac | grep -c '"Event":"SparkListenerJobStart"' || true
}
if [ "${BENCH_UPDATE:-0}" != 0 ]; then
  : > "$work/times"
  echo "bench: update, side by side (run of both batches, run of the earlier one, update)" >&2
  rm -rf "$work/upd-earlier" "$work/upd-last"
  "${jvm[@]}" -cp "$cp" org.marsad.bench.SplitLastMonth "$corpus" docno text time src \
    "$work/upd-earlier" "$work/upd-last" > "$work/split.log" 2>&1 || { tail -20 "$work/split.log" >&2; exit 1; }
  split=$(grep '^last month' "$work/split.log")
  marsad upd-full run --input "$work/upd-earlier" "$work/upd-last" "${ant[@]}"
  marsad upd-base run --input "$work/upd-earlier" "${ant[@]}"
  rm -rf "$work/events/upd-update"; mkdir -p "$work/events/upd-update"
  MARSAD_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$work/events/upd-update" \
    timed upd-update jobs/marsad update --input "$work/upd-last" --master 'local[2]' --output "$work/out-upd-base"
  "${jvm[@]}" -cp "$cp" org.marsad.bench.CompareOutputs "$work/out-upd-base" "$work/out-upd-full" \
    > "$work/compare.log" 2>&1 || true
  full=$(awk '$1=="upd-full"{print $2}' "$work/times")
  upd=$(awk '$1=="upd-update"{print $2}' "$work/times")
  state=$(du -sb "$work/out-upd-full/_state" | cut -f1)
  folder=$(du -sb --exclude=_state "$work/out-upd-full" | cut -f1)
  docs=$(python3 -c "import json;print(json.load(open('$work/out-upd-full/_manifest.json'))['rows']['in'])")
  {
    echo "# Update: a month added to a run, beside one run of everything"
    echo
    echo "\`BENCH_UPDATE=1 jobs/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') ($(nproc) cores, local[2], 4 GB driver); corpus $corpus split by \`SplitLastMonth\` ($split)."
    echo
    echo "| command | wall s | max RSS MB | Spark jobs |"
    echo "|---|---|---|---|"
    while read -r name wall rss; do
      echo "| $name | $wall | $((rss / 1024)) | $(jobs_of "$name") |"
    done < "$work/times"
    echo
    echo "- update ÷ full run: $(python3 -c "print(f'{$upd/$full:.2f}')")"
    echo "- seconds per stage of the full run: $(python3 -c "import json;print(json.load(open('$work/out-upd-full/_manifest.json'))['seconds_per_stage'])")"
    echo "- seconds per stage of the update: $(python3 -c "import json;print(json.load(open('$work/out-upd-base/_manifest.json'))['seconds_per_stage'])")"
    echo "- tables of run + update against the full run: $(tail -1 "$work/compare.log")"
    echo "- kept state (\`_state\`): $state bytes for $docs input rows = $((state / docs)) bytes per row; $(python3 -c "print(f'{100*$state/($state+$folder):.1f}')")% of the output folder"
  } > bench/update.md
  grep '^DIFF' "$work/compare.log" | head -20 >> bench/update.md || true
  cat bench/update.md
  exit 0
fi

if [ "${BENCH_ENGINE:-0}" != 0 ]; then
  # BENCH_ENGINE=report rewrites bench/engine.md from the last measurement without measuring.
  if [ "${BENCH_ENGINE}" != report ]; then
  : > "$work/times"
  echo "bench: engine fixed cost, side by side (naive, terms, run, sample)" >&2
  rm -rf "$work/naive-out-1"
  timed naive-x1 "${jvm[@]}" -cp "$cp" org.marsad.bench.NaivePipeline "$corpus" text title "$work/naive-out-1"
  marsad terms-x1 terms --input "$corpus" "${ant[@]}"
  marsad run-x1 run --input "$corpus" "${ant[@]}"
  for i in 1 2; do
    marsad "sample-$i" run
  done
  fi
  {
    echo "# Engine: fixed cost, measured side by side"
    echo
    echo "\`BENCH_ENGINE=1 jobs/bench.sh\` on $(date -u -r "$work/times" '+%Y-%m-%d %H:%M UTC') ($(nproc) cores, local[2], 4 GB driver); corpus $corpus. Spark jobs counted from each command's event log; the sample run is the whole process (JVM start, build check, run, report)."
    echo
    echo "| command | wall s | max RSS MB | Spark jobs | wall ÷ naive (corpus) |"
    echo "|---|---|---|---|---|"
    naive=$(awk '$1=="naive-x1"{print $2}' "$work/times")
    while read -r name wall rss; do
      j="-"; [ -d "$work/events/$name" ] && j=$(jobs_of "$name")
      r="-"; case "$name" in naive-x1|terms-x1|run-x1) r=$(python3 -c "print(f'{$wall/$naive:.2f}')");; esac
      echo "| $name | $wall | $((rss / 1024)) | $j | $r |"
    done < "$work/times"
    echo
    echo "Spark jobs per job group (stage), from the same event logs:"
    echo
    python3 - "$work" <<'PY'
import collections, os, sys
sys.path.insert(0, 'bench')
import eventlog
work = sys.argv[1]
groups = ['load', 'stories', 'stats', 'terms', 'relations', 'states', 'topics', 'report']
print('| command | ' + ' | '.join(groups) + ' | total |')
print('|---' * (len(groups) + 2) + '|')
for line in open(os.path.join(work, 'times')):
    name = line.split()[0]
    d = os.path.join(work, 'events', name)
    if not os.path.isdir(d):
        continue
    c = collections.Counter()
    for e in eventlog.lines(d):
        if e['Event'] == 'SparkListenerJobStart':
            g = (e.get('Properties') or {}).get('spark.jobGroup.id') or ''
            c[g.replace('marsad-', '')] += 1
    cells = [str(c[g]) if c[g] else '-' for g in groups]
    print(f"| {name} | {' | '.join(cells)} | {sum(c.values())} |")
PY
  } > bench/engine.md
  cat bench/engine.md
  exit 0
fi

if [ "${BENCH_TOPICS_ONLY:-0}" != 1 ]; then
: > "$work/times"
echo "bench: scale copies of the corpus (x2, x4, x4 without dates)" >&2
for n in 2 4; do
  [ -d "$work/corpus-x$n" ] || "${jvm[@]}" -cp "$cp" org.marsad.bench.ScaleCopies "$corpus" "$work/corpus-x$n" "$n" docno text > /dev/null 2>&1
done
[ -d "$work/corpus-x4-nodate" ] || "${jvm[@]}" -cp "$cp" org.marsad.bench.ScaleCopies "$corpus" "$work/corpus-x4-nodate" 4 docno text time > /dev/null 2>&1

echo "bench: analyser ceiling beside Lucene's ArabicAnalyzer (1 thread)" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.AnalyzerCeiling "$corpus" text title > "$work/ceiling.log" 2>&1
echo "bench: the same under Java Flight Recorder (where the analyser's time goes)" >&2
"${jvm[@]}" -XX:StartFlightRecording=filename="$work/ceiling.jfr",settings=profile -cp "$cp" \
  org.marsad.bench.AnalyzerCeiling "$corpus" text title > "$work/ceiling-jfr.log" 2>&1
python3 bench/jfr.py "$work/ceiling.jfr" org.marsad.analysis.DocumentPass > "$work/profile.md"

echo "bench: naive MLlib pipeline, x1 and x4 (local[2])" >&2
for x in 1 4; do
  in="$corpus"; [ "$x" = 1 ] || in="$work/corpus-x$x"
  rm -rf "$work/naive-out-$x"
  timed "naive-x$x" "${jvm[@]}" -cp "$cp" org.marsad.bench.NaivePipeline "$in" text title "$work/naive-out-$x"
done

echo "bench: terms, states and run at x1, x2, x4 (local[2])" >&2
for x in 1 2 4; do
  in="$corpus"; [ "$x" = 1 ] || in="$work/corpus-x$x"
  fold=(); [ "$x" = 1 ] || fold=("${dedup[@]}")
  marsad "terms-x$x" terms --input "$in" "${ant[@]}" "${fold[@]}"
  marsad "states-x$x" states --input "$in" "${ant[@]}" "${fold[@]}"
  marsad "run-x$x" run --input "$in" "${ant[@]}" "${fold[@]}"
done
echo "bench: story detection at x4 (the copies are near-duplicates of each other: the worst case)" >&2
marsad "terms-x4-near" terms --input "$work/corpus-x4" "${ant[@]}"
echo "bench: run on x4 without a date column (task balance)" >&2
marsad "run-x4-nodate" run --input "$work/corpus-x4-nodate" "${antnd[@]}" "${dedup[@]}"

echo "bench: the sample run on a built tree" >&2
for i in 1 2; do
  rm -rf "$work/out-sample"
  timed "sample-$i" jobs/marsad run --output "$work/out-sample"
done

echo "bench: state accuracy (dev gold) and Reuters places" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.StateGold ../shared/gold/newsfane-dev.jsonl > "$work/gold.log" 2>&1
reuters="../shared/corpora/reuters21578-train"
rm -rf "$work/reuters-out"
jobs/marsad states --master 'local[2]' --input "$reuters" --id-col newid --text-col body --date-col date \
  --output "$work/reuters-out" > "$work/reuters.log" 2>&1
"${jvm[@]}" -cp "$cp" org.marsad.bench.ReutersOverlap "$reuters" "$work/reuters-out" > "$work/overlap.log" 2>&1
# The same with cities counted (--forms ...,city), to weigh the default.
rm -rf "$work/reuters-city-out"
jobs/marsad states --master 'local[2]' --input "$reuters" --id-col newid --text-col body --date-col date \
  --forms name,adjective,capital,city --output "$work/reuters-city-out" > "$work/reuters-city.log" 2>&1
"${jvm[@]}" -cp "$cp" org.marsad.bench.ReutersOverlap "$reuters" "$work/reuters-city-out" > "$work/overlap-city.log" 2>&1
# French and Persian news-style examples (src/test/resources/states): states per document and
# whether each was identified as its language; with cities counted too, for comparison.
"${jvm[@]}" -cp "$cp" org.marsad.bench.StateDocGold fr fa > "$work/devscores.log" 2>&1
"${jvm[@]}" -Dforms=name,adjective,capital,city -cp "$cp" org.marsad.bench.StateDocGold fr fa \
  | sed 's/^dev_score /dev_score(+city) /' >> "$work/devscores.log" 2>&1
if "${jvm[@]}" -cp "$cp" org.marsad.bench.StoryEval "$corpus" > "$work/stories.log" 2>&1; then :; else echo "(no story evaluation)" >> "$work/stories.log"; fi

echo "bench: writing the report" >&2
python3 bench/report.py "$work" "$corpus" > "$report"
fi

echo "bench: topics stage, k = 20 (local[2])" >&2
rm -rf "$work/topics-out"
/usr/bin/time -f "TIME %e %M" jobs/marsad topics --master 'local[2]' --input "$corpus" "${ant[@]}" \
  --k 20 --output "$work/topics-out" > "$work/topics.log" 2>&1 || { tail -30 "$work/topics.log" >&2; exit 1; }
echo "bench: MALLET on the same documents and terms" >&2
"${jvm[@]}" -cp "$cp" org.marsad.bench.TopicsBench "$corpus" docno src time "$work/topics-out" 20 1000 \
  > "$work/mallet.log" 2>&1 || { tail -30 "$work/mallet.log" >&2; exit 1; }
if [ "${BENCH_TOPICS_ONLY:-0}" = 1 ]; then
  python3 - "$report" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
i = s.find("\n## Topics (k = 20)")
open(p, 'w', encoding='utf-8').write(s if i < 0 else s[:i])
PY
fi
python3 bench/report.py "$work" "$corpus" topics >> "$report"
cat "$report"
