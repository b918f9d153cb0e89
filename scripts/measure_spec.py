"""Measure the speed and memory of the specification itself, back to back.

    python scripts/measure_spec.py [--markdown] [--breakdown]

Runs, one after another on the same machine:
  1. `python -c "import keras"`, the floor every run pays (best of --import-runs);
  2. the whole specification, `pytest steps` (benchmarks untimed, as in a plain run);
  3. the whole test suite, `pytest`;
  4. a fresh process that builds and calls 500 distinct models and reads its resident
     memory after 50 and after 500.
It prints each wall time, its ratio to the import, each peak resident memory, and the
targets: specification ≤ 3× import, suite ≤ 10× import, peak < 1.5 GB, 500 builds
within 100 MB of 50. --breakdown also times `pytest steps --collect-only` (start-up,
the TensorFlow import and collection, which every run pays), `-m benchmark` (the
benchmarks' smoke calls) and `-m "not benchmark"`, to show where the time goes.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC_RATIO = 3
SUITE_RATIO = 10
PEAK_LIMIT_MB = 1536
GROWTH_LIMIT_MB = 100
BUILDS = (50, 500)
# Models timed by --breakdown's unit-cost probe, after one untimed model.
UNIT_COST_MODELS = 20


@dataclass(frozen=True)
class Measurement:
    """One command's wall time, peak resident memory and exit status."""

    label: str
    seconds: float
    peak_mb: float
    returncode: int
    output: str


def run_measured(label: str, command: list[str]) -> Measurement:
    """Run `command` in the repository root; time it and read its peak RSS from wait4."""
    environment = dict(os.environ, KERAS_BACKEND="tensorflow", TF_CPP_MIN_LOG_LEVEL="2")
    with tempfile.TemporaryFile(mode="w+") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    # On Linux ru_maxrss is in kilobytes.
    return Measurement(label, seconds, usage.ru_maxrss / 1024, process.returncode, text)


def pytest_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", *arguments]


def resident_mb() -> float:
    """This process's current resident memory, from /proc/self/statm (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def probe_builds() -> None:
    """Build and call distinct models; print the resident MB after each count in BUILDS."""
    from rnn_spec.config import LAYER_NAMES, LayerConfig
    from rnn_spec.run import run_layer

    for index in range(max(BUILDS)):
        config = LayerConfig(LAYER_NAMES[index % len(LAYER_NAMES)], units=1 + index // 3)
        run_layer(config, (2, 5, 1))
        if index + 1 in BUILDS:
            gc.collect()
            print(f"{index + 1} {resident_mb():.1f}", flush=True)


def probe_unit_costs() -> None:
    """Print the median time of one build, a first eager call and a warm eager call.

    Each model has its own units, so that no cache serves it. The first model is left
    out, because it also pays TensorFlow's one-time set-up.
    """
    from rnn_spec.build import build_model
    from rnn_spec.config import LayerConfig
    from rnn_spec.run import make_input

    inputs = make_input((2, 5, 1))
    for label, bidirectional in (("LSTM(units)", False), ("Bidirectional(LSTM(units))", True)):
        timings: dict[str, list[float]] = {"build": [], "first call": [], "warm call": []}
        for index in range(UNIT_COST_MODELS + 1):
            config = LayerConfig("LSTM", 3 + index, bidirectional=bidirectional)
            start = time.perf_counter()
            model = build_model(config, 5, 1)
            built = time.perf_counter()
            model(inputs, training=False)
            called = time.perf_counter()
            model(inputs, training=False)
            called_again = time.perf_counter()
            if index:
                timings["build"].append(built - start)
                timings["first call"].append(called - built)
                timings["warm call"].append(called_again - called)
        for step, values in timings.items():
            print(f"{label} on (2, 5, 1), {step}: {statistics.median(values) * 1000:.1f} ms")


def read_probe(measurement: Measurement) -> dict[int, float]:
    """Parse the probe's "count MB" lines."""
    readings = {}
    for line in measurement.output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            readings[int(parts[0])] = float(parts[1])
    return readings


def commit_description() -> str:
    """The commit measured, marked when the working tree has uncommitted changes."""
    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    dirty = " with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else ""
    return f"{git('rev-parse', '--short', 'HEAD')}{dirty}"


def measure(import_runs: int, breakdown: bool) -> list[Measurement]:
    imports = [
        run_measured("python -c 'import keras'", [sys.executable, "-c", "import keras"])
        for _ in range(import_runs)
    ]
    runs = [min(imports, key=lambda m: m.seconds)]
    runs.append(run_measured("pytest steps", pytest_command("steps", "--durations=10")))
    if breakdown:
        runs.append(run_measured("pytest steps --collect-only", pytest_command("steps", "--collect-only")))
        runs.append(run_measured("pytest steps -m benchmark", pytest_command("steps", "-m", "benchmark")))
        runs.append(run_measured("pytest steps -m 'not benchmark'", pytest_command("steps", "-m", "not benchmark")))
    if breakdown:
        runs.append(run_measured("unit costs", [sys.executable, __file__, "--probe-unit-costs"]))
    runs.append(run_measured("pytest", pytest_command("--durations=10")))
    runs.append(run_measured("500 model builds", [sys.executable, __file__, "--probe-builds"]))
    return runs


def format_results(runs: list[Measurement], markdown: bool) -> str:
    floor = runs[0].seconds
    rows = [["command", "wall", "vs import", "peak RSS", "exit"]]
    for run in runs:
        rows.append(
            [run.label, f"{run.seconds:.1f} s", f"{run.seconds / floor:.2f}x", f"{run.peak_mb:.0f} MB", str(run.returncode)]
        )
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def format_targets(runs: list[Measurement]) -> str:
    by_label = {run.label: run for run in runs}
    floor = runs[0].seconds
    spec = by_label["pytest steps"].seconds / floor
    suite = by_label["pytest"].seconds / floor
    peak = max(run.peak_mb for run in runs)
    readings = read_probe(by_label["500 model builds"])
    growth = readings.get(BUILDS[1], float("nan")) - readings.get(BUILDS[0], float("nan"))

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    return "\n".join(
        [
            f"specification {spec:.2f}x import (target <= {SPEC_RATIO}x): {verdict(spec <= SPEC_RATIO)}",
            f"test suite {suite:.2f}x import (target <= {SUITE_RATIO}x): {verdict(suite <= SUITE_RATIO)}",
            f"peak RSS {peak:.0f} MB (target < {PEAK_LIMIT_MB} MB): {verdict(peak < PEAK_LIMIT_MB)}",
            f"RSS after {BUILDS[0]} builds {readings.get(BUILDS[0], float('nan')):.0f} MB, "
            f"after {BUILDS[1]} {readings.get(BUILDS[1], float('nan')):.0f} MB, growth {growth:.0f} MB "
            f"(target <= {GROWTH_LIMIT_MB} MB): {verdict(growth <= GROWTH_LIMIT_MB)}",
        ]
    )


def durations(run: Measurement) -> str:
    """The "slowest durations" block pytest printed, where the time went."""
    lines = run.output.splitlines()
    start = next((i for i, line in enumerate(lines) if "slowest" in line), None)
    if start is None:
        return ""
    block = [line for line in lines[start : start + 12] if line.strip()]
    return "\n".join(block)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time collection alone, the benchmarks alone and the spec without them",
    )
    parser.add_argument("--import-runs", type=int, default=3, help="imports timed; the best counts (default 3)")
    parser.add_argument("--probe-builds", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--probe-unit-costs", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.probe_builds:
        probe_builds()
        return 0
    if arguments.probe_unit_costs:
        probe_unit_costs()
        return 0

    runs = measure(arguments.import_runs, arguments.breakdown)
    unit_costs = [run for run in runs if run.label == "unit costs"]
    runs = [run for run in runs if run.label != "unit costs"]
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(f"commit {commit_description()}, {os.cpu_count()} CPUs, load average after: {' '.join(load)}")
    print(format_results(runs, arguments.markdown))
    print()
    print(format_targets(runs))
    for run in unit_costs:
        print(f"\nMedians of {UNIT_COST_MODELS} fresh models, seeded weights, eager calls:")
        print(run.output.strip() if run.returncode == 0 else f"(the probe failed)\n{run.output}")
    for run in runs[1:]:
        if "slowest" in run.output:
            print(f"\n{run.label}:\n{durations(run)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
