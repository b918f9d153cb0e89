"""Compare a timing run with a baseline; exit 1 when a benchmark got slower.

    python scripts/bench_gate.py BASELINE.json [BASELINE.json ...] CURRENT.json

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

DEFAULT_THRESHOLD = 1.4


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

    comparisons = compare(
        best_of([read_run(path) for path in arguments.baseline]),
        read_run(arguments.current),
        arguments.threshold,
        arguments.statistic,
    )
    print(format_gate(comparisons, arguments.markdown))
    return 1 if any(comparison.failed for comparison in comparisons) else 0


if __name__ == "__main__":
    sys.exit(main())
