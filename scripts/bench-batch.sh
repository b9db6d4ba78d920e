#!/usr/bin/env bash
# Throughput and memory of `fzcheck check` over a generated corpus.
#
#   scripts/bench-batch.sh [N=10000] [JOBS=0] [SMALL=1000]
#
# Builds release, generates N fictional ~20 KB reports (examples/gen_corpus.rs) into a temporary
# folder, checks them under /usr/bin/time -v writing every file format at once (CSV, JSON, JUnit,
# SARIF, HTML, Markdown), and prints reports/second, wall time, CPU use and max RSS. It does the
# same for SMALL reports and compares: memory is "flat" when an extra report costs almost nothing
# (results stream to the outputs and are dropped; what stays is the report's path in the input
# list). Exits 1 when that fails.
set -euo pipefail

N=${1:-10000}
JOBS=${2:-0}
SMALL=${3:-1000}
# Most resident memory an extra report may add, in KB. A report is ~20 KB of text and its results
# several KB; keeping either would cost far more than this. Its path in the input list (~0.1 KB)
# and allocator slack fit.
MAX_KB_PER_REPORT=${MAX_KB_PER_REPORT:-1}

if ((N <= SMALL)); then
    echo "N ($N) must be larger than SMALL ($SMALL)" >&2
    exit 2
fi

# shellcheck source=scripts/bench-common.sh
. "$(dirname "$0")/bench-common.sh"
need_gnu_time

# Runs one check over $2 reports; sets WALL (s), RSS (KB), RATE (reports/s).
measure() {
    local label=$1 count=$2 dir="$WORK/corpus-$2"
    "$GEN" "$dir" "$count" >/dev/null
    local status=0
    /usr/bin/time -v -o "$WORK/time-$count.txt" \
        "$BIN" check "$dir" --jobs "$JOBS" --fail-on never \
        --format csv --output "$WORK/out-$count.csv" --format json --output "$WORK/out-$count.json" \
        --format junit --output "$WORK/out-$count.xml" --format sarif --output "$WORK/out-$count.sarif" \
        --format html --output "$WORK/out-$count.html" --format markdown --output "$WORK/out-$count.md" \
        || status=$?
    if [[ $status -ne 0 ]]; then
        echo "fzcheck check exited with $status" >&2
        cat "$WORK/time-$count.txt" >&2
        exit 1
    fi
    local rows
    # The tidy CSV has a header row, then a row per report and rule, the report's path first.
    rows=$(tail -n +2 "$WORK/out-$count.csv" | cut -d, -f1 | sort -u | wc -l)
    if [[ $rows -ne $count ]]; then
        echo "expected $count reports in the CSV, found $rows" >&2
        exit 1
    fi
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time-$count.txt")
    RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time-$count.txt")
    CPU=$(awk -F': ' '/Percent of CPU this job got/ { print $2 }' "$WORK/time-$count.txt")
    RATE=$(awk -v n="$count" -v s="$WALL" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
    printf '%-6s %6d reports  %8.2f s  %8s reports/s  CPU %5s  max RSS %7.1f MB\n' \
        "$label" "$count" "$WALL" "$RATE" "$CPU" "$(awk -v k="$RSS" 'BEGIN { print k / 1024 }')"
    rm -rf "$dir" "$WORK"/out-"$count".*
}

echo "fzcheck check --jobs $JOBS, six output files ($(nproc) cores)"
measure small "$SMALL"
SMALL_RSS=$RSS
measure large "$N"
LARGE_RSS=$RSS

PER_REPORT=$(awk -v a="$SMALL_RSS" -v b="$LARGE_RSS" -v n="$SMALL" -v m="$N" \
    'BEGIN { printf "%.2f", (b - a) / (m - n) }')
echo "memory: ${SMALL_RSS} KB for $SMALL reports, ${LARGE_RSS} KB for $N: ${PER_REPORT} KB per extra report"
if awk -v p="$PER_REPORT" -v max="$MAX_KB_PER_REPORT" 'BEGIN { exit !(p > max) }'; then
    echo "NOT FLAT: more than $MAX_KB_PER_REPORT KB per extra report" >&2
    exit 1
fi
echo "flat: at most $MAX_KB_PER_REPORT KB per extra report"
