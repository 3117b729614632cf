#!/usr/bin/env bash
# Side-by-side measurements of the fixed cost of a run, one variable at a time, alternated so that
# the machine's noise falls on both sides: writes at once (--writers 1 against 3) and the driver
# JVM's flags (C1 only, a class-data-sharing archive, no whole-stage code generation).
# Usage: bench/fixed-cost.sh [writers|jvm|ant-jvm]...   (default: all three; results appended to
# $WORK/times, WORK=/tmp/marsad-fixed). Needs GNU time and zstd. Builds with jobs/marsad first.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
work="${WORK:-/tmp/marsad-fixed}"
mkdir -p "$work"
corpus="${CORPUS:-../shared/corpora/ant-multisource}"
ant=(--id-col docno --source-col src --date-col time)
jobs/marsad --help >/dev/null 2>&1 || true

# run NAME "JAVA OPTS" ARGS...: one whole process under GNU time with an event log; appends
# "name wall_s max_rss_kb user_s sys_s load_s jobs=N" to $work/times.
run() {
  local name="$1" opts="$2"; shift 2
  rm -rf "$work/out-$name" "$work/events/$name"; mkdir -p "$work/events/$name"
  MARSAD_JAVA_OPTS="$opts -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$work/events/$name" \
    /usr/bin/time -f "TIME %e %M %U %S" jobs/marsad run "$@" --master 'local[2]' \
    --output "$work/out-$name" > "$work/$name.log" 2>&1
  local f j
  f=$(find "$work/events/$name" -type f -name 'events_*' | head -1)
  j=$(zstd -dc "$f" | grep -c '"Event":"SparkListenerJobStart"')
  echo "$name $(grep '^TIME' "$work/$name.log" | awk '{print $2, $3, $4, $5}')" \
    "$(grep -o '\[load\].*' "$work/$name.log" | grep -o '[0-9.]* s$') jobs=$j" | tee -a "$work/times"
}

for what in "${@:-writers jvm ant-jvm}"; do
  for w in $what; do
    case "$w" in
      writers)
        for i in 1 2; do
          run "sample-w1-$i" "" --writers 1
          run "sample-w3-$i" "" --writers 3
        done
        run ant-w1 "" --input "$corpus" "${ant[@]}" --writers 1
        run ant-w3 "" --input "$corpus" "${ant[@]}" --writers 3
        ;;
      jvm)
        run cds-make "-XX:ArchiveClassesAtExit=$work/marsad.jsa"
        for i in 1 2; do
          run "base-$i" ""
          run "nowscg-$i" "-Dspark.sql.codegen.wholeStage=false"
          run "c1-$i" "-XX:TieredStopAtLevel=1"
          run "cds-$i" "-XX:SharedArchiveFile=$work/marsad.jsa"
        done
        ;;
      ant-jvm)
        run ant-c1 "-XX:TieredStopAtLevel=1" --input "$corpus" "${ant[@]}"
        run ant-base "" --input "$corpus" "${ant[@]}"
        run jaw-c1 "-XX:TieredStopAtLevel=1" --input ../shared/corpora/jawharafm "${ant[@]}"
        run jaw-base "" --input ../shared/corpora/jawharafm "${ant[@]}"
        ;;
    esac
  done
done
