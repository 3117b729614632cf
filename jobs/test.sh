#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine (JDK 17 and
# Maven are there; run as root), starts PostgreSQL, then runs every test with `mvn -B verify`.
# .ci/run calls this. Extra arguments go to Maven (e.g. -Dtest=TopicsTest).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
# time for the benchmark; headless Chromium and Arabic fonts for the report's browser test.
missing=()
command -v /usr/bin/time >/dev/null || missing+=(time)
command -v /usr/bin/chromium >/dev/null || missing+=(chromium)
[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q && apt-get install -y -q "${missing[@]}"
fi
# PostgreSQL for the sink tests: installs (if missing) and starts Debian's server, creates the test
# role and database, exports MARSAD_TEST_JDBC_URL, MARSAD_TEST_JDBC_USER and MARSAD_JDBC_PASSWORD.
source .ci/postgres
mvn -B -ntp verify "$@"
