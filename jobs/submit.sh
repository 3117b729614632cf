#!/usr/bin/env bash
# Submits Marsad to a cluster with spark-submit and the shaded job jar (no Spark, Scala or logging
# classes inside: the cluster provides them). Spark options first, then --, then the Marsad command:
#   jobs/submit.sh --master yarn --deploy-mode cluster --num-executors 10 -- \
#       run --input hdfs:///news/ant --id-col docno --source-col src --date-col time --output hdfs:///marsad/ant
#   jobs/submit.sh --master spark://host:7077 -- terms --input s3a://bucket/corpus --output s3a://bucket/out
# Needs spark-submit on PATH or SPARK_HOME set. Builds the jar when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/target/marsad-0.1.0-job.jar"
if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -q -B -DskipTests package)
fi
submit="spark-submit"
if [ -n "${SPARK_HOME:-}" ]; then
  submit="$SPARK_HOME/bin/spark-submit"
fi
spark_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  spark_args+=("$1")
  shift
done
[ "${1:-}" = "--" ] && shift
if [ $# -eq 0 ]; then
  echo "usage: jobs/submit.sh [spark-submit options] -- <marsad command> [options]" >&2
  exit 2
fi
exec "$submit" "${spark_args[@]}" \
  --conf spark.sql.session.timeZone=UTC \
  --conf spark.sql.parquet.outputTimestampType=TIMESTAMP_MICROS \
  --class org.marsad.cli.Marsad "$jar" "$@"
