#!/usr/bin/env bash
# Benchmarks, measured side by side in one run on this machine (ratios matter; absolute numbers
# on a noisy 2-core machine do not). Writes bench/report.md.
#   jobs/bench.sh [CORPUS]      default ../shared/corpora/ant-multisource (ANT columns)
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

echo "bench: terms job (local[2])" >&2
read -r terms_s terms_kb < <(timed "$work/terms.log" jobs/marsad terms --master 'local[2]' \
  --input "$corpus" --id-col docno --source-col src --date-col time --output "$work/terms-out")
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

python3 - "$corpus" "$docs" "$bytes" "$terms_s" "$terms_kb" "$naive_s" "$naive_kb" "$ceil_s" "$cores" > "$report" <<'PY'
import sys, datetime, subprocess
corpus, docs, byts, ts, tkb, ns, nkb, cs, cores = sys.argv[1:]
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
print(f"| terms job peak memory (max RSS) | {int(tkb)/1024:.0f} MB |")
print(f"| analyzer alone, 1 thread (clean, detect, analyse, count) | {docs/cs:.0f} docs/s, {mb/cs:.2f} MB/s |")
print(f"| ceiling = 1-thread analyzer x {cores} cores | {ceil_dps:.0f} docs/s |")
print(f"| naive MLlib pipeline wall time (RegexTokenizer, explode, groupBy count, write) | {ns:.1f} s |")
print(f"| naive pipeline peak memory (max RSS) | {int(nkb)/1024:.0f} MB |")
print()
r1 = terms_dps / ceil_dps
r2 = ns / ts
print("| target | measured | met |\n|---|---|---|")
print(f"| terms stage >= 50% of the analyzer ceiling | {100*r1:.0f}% | {'yes' if r1 >= 0.5 else 'no'} |")
print(f"| terms job no slower than the naive pipeline | naive/terms wall = {r2:.2f} | {'yes' if r2 >= 1 else 'no'} |")
PY
cat "$report"
