"""Compare a timing run with a baseline; exit 1 when a benchmark got slower.

    python scripts/bench_gate.py BASELINE.json [BASELINE.json ...] CURRENT.json

Write both sides with `scripts/bench_time.py --repeat 3`: on a busy machine a single
run's minimum can be 1.9x slower than usual, which the default threshold would fail.

All files come from scripts/bench_time.py. With several baseline files, each
benchmark's baseline is its fastest time among them. Each benchmark's minimum time is
divided by its baseline minimum; a ratio above --threshold fails, as does a benchmark
missing from the current run. Prints one table per group. docs/benchmarks.md explains
how the default threshold was chosen.
"""

from __future__ import annotations

import argparse
import sys

from rnn_spec.bench.gate import compare, format_gate
from rnn_spec.bench.results import STATISTICS, best_of, read_run
from rnn_spec.errors import SpecError

# Chosen by measurement on a shared 2-core machine with --repeat 3 on both sides:
# unchanged runs reached 1.36, a 2x slowdown of one call path at least 1.87.
DEFAULT_THRESHOLD = 1.6


def describe_runs(count: int) -> str:
    """Describe how many timing runs a file merges: "one run", "best of 3 runs"."""
    return "one run" if count == 1 else f"best of {count} runs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline", nargs="+", help="JSON of one or more baseline runs")
    parser.add_argument("current", help="JSON of the run to check")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"largest allowed current/baseline time ratio (default {DEFAULT_THRESHOLD})",
    )
    parser.add_argument(
        "--statistic", choices=STATISTICS, default="min", help="time compared (default min)"
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    arguments = parser.parse_args(argv)

    try:
        baseline = best_of([read_run(path) for path in arguments.baseline])
        current = read_run(arguments.current)
    except SpecError as error:
        parser.error(str(error))
    comparisons = compare(baseline, current, arguments.threshold, arguments.statistic)
    print(
        f"Baseline: {describe_runs(baseline.runs_merged)}. "
        f"Current: {describe_runs(current.runs_merged)}. "
        f"Fails above {arguments.threshold:.2f}x the baseline {arguments.statistic}.\n"
    )
    print(format_gate(comparisons, arguments.markdown))
    return 1 if any(comparison.failed for comparison in comparisons) else 0


if __name__ == "__main__":
    sys.exit(main())
