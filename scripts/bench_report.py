"""Print one timing run side by side: each call path against model.predict.

    python scripts/bench_report.py RUN.json [--markdown]

RUN.json comes from scripts/bench_time.py. For each model and device, the table gives
each call path's median and minimum time per call and the median relative to
model.predict. It adds sequences per second and GFLOP/s from the FLOP count in
docs/benchmarks.md. The last column is that rate as a fraction of the device's float32
matmul peak, measured in the same run.
"""

from __future__ import annotations

import argparse
import sys

from rnn_spec.bench.report import format_report
from rnn_spec.bench.results import read_run
from rnn_spec.errors import SpecError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="JSON of one timing run")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    arguments = parser.parse_args(argv)
    try:
        run = read_run(arguments.run)
    except SpecError as error:
        parser.error(str(error))
    print(format_report(run, arguments.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
