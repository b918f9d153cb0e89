"""Time the benchmark scenarios with pytest-benchmark and write its JSON.

    python scripts/bench_time.py --json bench.json [PYTEST_ARGS...]

Runs `pytest steps -m benchmark --benchmark-enable` with TensorFlow, OpenMP and
OpenBLAS limited to --threads threads (1 by default), which keeps timings on a shared
machine steadier. Extra arguments go to pytest, for example `-m "benchmark and not
realistic"` to time the lesson's size only. Exits with pytest's exit status.

--repeat N runs the timings N times and writes, for each benchmark, the run with the
fastest minimum. On a shared machine the gate needs --repeat 3, as docs/benchmarks.md
shows.

--timer cpu (the default) times with time.process_time, the CPU time of the whole
process: other programs on a busy machine stretch wall time several-fold but barely
change it. It does not count time spent waiting for a GPU, so use --timer wall
(time.perf_counter) on a GPU machine, or for wall-clock figures on an idle one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from rnn_spec.bench.results import best_of_json

ROOT = Path(__file__).resolve().parent.parent
THREAD_VARIABLES = (
    "TF_NUM_INTRAOP_THREADS",
    "TF_NUM_INTEROP_THREADS",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
)
TIMERS = {"cpu": "time.process_time", "wall": "time.perf_counter"}
# At least 5 timed rounds per benchmark, more while under 1 s of timing.
TIMING_OPTIONS = (
    "--benchmark-enable",
    "--benchmark-min-rounds=5",
    "--benchmark-max-time=1.0",
    "--benchmark-columns=min,median,rounds",
)


def parse_arguments(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", required=True, type=Path, help="where to write the JSON")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads for TensorFlow and BLAS (default 1)"
    )
    parser.add_argument(
        "--timer", choices=sorted(TIMERS), default="cpu", help="cpu (default) or wall time"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="timing runs merged, fastest of each (default 1)"
    )
    return parser.parse_known_args(argv)


def pytest_command(json_path: Path, pytest_arguments: list[str], timer: str = "cpu") -> list[str]:
    """Build the pytest command line for one timing run."""
    return [
        sys.executable,
        "-m",
        "pytest",
        "steps",
        "-m",
        "benchmark",
        "-p",
        "no:randomly",
        "-q",
        # pytest-benchmark warns when nothing was timed, at session end; as an error
        # (filterwarnings) that warning would hide the report of what went wrong.
        "-W",
        "default::pytest_benchmark.logger.PytestBenchmarkWarning",
        *TIMING_OPTIONS,
        f"--benchmark-timer={TIMERS[timer]}",
        *pytest_arguments,
        f"--benchmark-json={json_path}",
    ]


def run_repeated(target: Path, repeat: int, pytest_arguments: list[str], timer: str, environment) -> int:
    """Time `repeat` times and write the fastest result of each benchmark to `target`."""
    documents = []
    for index in range(repeat):
        part = target.with_suffix(f".run{index + 1}.json")
        command = pytest_command(part, pytest_arguments, timer)
        status = subprocess.call(command, cwd=ROOT, env=environment)
        if status != 0:
            return status
        documents.append(json.loads(part.read_text(encoding="utf-8")))
        part.unlink()
    target.write_text(json.dumps(best_of_json(documents), indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    arguments, pytest_arguments = parse_arguments(argv)
    if arguments.repeat < 1:
        raise SystemExit(f"Invalid --repeat: {arguments.repeat}. Expected a positive integer.")
    environment = dict(os.environ)
    environment.update({name: str(arguments.threads) for name in THREAD_VARIABLES})
    target = arguments.json.resolve()
    if arguments.repeat == 1:
        command = pytest_command(target, pytest_arguments, arguments.timer)
        return subprocess.call(command, cwd=ROOT, env=environment)
    return run_repeated(target, arguments.repeat, pytest_arguments, arguments.timer, environment)


if __name__ == "__main__":
    sys.exit(main())
