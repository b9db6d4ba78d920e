#!/usr/bin/env bash
# Whole-process timing of one cold `fzcheck check` run (process start, pack loading, parse, check,
# table output), as a bureau user experiences it. Prints the median and the spread over N runs.
# Usage: scripts/bench-single.sh [REPORT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-examples/sample-report.md}
runs=${2:-50}
cargo build --release --quiet
bin=target/release/fzcheck
"$bin" check "$report" --fail-on never >/dev/null   # warm the page cache, not the process
python3 - "$bin" "$report" "$runs" <<'PY'
import statistics, subprocess, sys, time
binary, report, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run([binary, "check", report, "--fail-on", "never"], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"fzcheck check {report}: median {statistics.median(times):.2f} ms, "
      f"min {times[0]:.2f} ms, p90 {times[int(len(times) * 0.9) - 1]:.2f} ms over {runs} runs")
PY
