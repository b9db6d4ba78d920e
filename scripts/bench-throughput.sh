#!/usr/bin/env bash
# End-to-end throughput of `fzcheck check` (read, parse, every built-in pack, JSON out) in MB/s per
# core and reports/s, on one core and on every core.
#
#   scripts/bench-throughput.sh [N=1000]
#
# Builds release, generates N fictional ~20 KB reports (examples/gen_corpus.rs) and checks them
# with `--format json` to /dev/null: first with RAYON_NUM_THREADS=1 --jobs 1, then --jobs 0 (all
# cores). Prints MB of report text per second of wall time, and per core.
set -euo pipefail
N=${1:-1000}
# shellcheck source=scripts/bench-common.sh
. "$(dirname "$0")/bench-common.sh"
"$GEN" "$WORK/corpus" "$N" >/dev/null
BYTES=$(find "$WORK/corpus" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
"$BIN" check "$WORK/corpus" --fail-on never --format json >/dev/null # warm the page cache

# run LABEL CORES: one timed check over the corpus on CORES threads.
run() {
    local label=$1 cores=$2
    local t0 t1
    t0=$(date +%s.%N)
    RAYON_NUM_THREADS=$cores "$BIN" check "$WORK/corpus" --jobs "$cores" --fail-on never \
        --format json >/dev/null
    t1=$(date +%s.%N)
    awk -v b="$BYTES" -v n="$N" -v a="$t0" -v z="$t1" -v c="$cores" -v l="$label" 'BEGIN {
        s = z - a; mb = b / 1048576
        printf "%-10s %6d reports  %6.1f MB  %7.2f s  %8.0f reports/s  %7.1f MB/s  %7.1f MB/s per core\n",
            l, n, mb, s, n / s, mb / s, mb / s / c }'
}
echo "fzcheck check DIR --format json over $N reports ($(nproc) cores)"
run "one core" 1
run "all cores" "$(nproc)"
