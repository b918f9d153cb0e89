"""The side-by-side report of one run: each call path against model.predict.

For each group (one model on one device) it lists each call path's median time, that
time relative to model.predict, the throughput, the FLOP rate, and that rate as a
fraction of the device's measured float32 matmul peak.
"""

from __future__ import annotations

from rnn_spec.bench.results import (
    REFERENCE_PATH,
    Result,
    Run,
    format_seconds,
    format_section,
    format_table,
)
from rnn_spec.bench.scenario import rates

HEADER = [
    "call path",
    "median",
    "min",
    "vs predict",
    "sequences/s",
    "GFLOP/s",
    "of matmul peak",
]


def format_report(run: Run, markdown: bool = False) -> str:
    """Render one table per group, the header naming the machine and its matmul peaks."""
    sections = [describe_machine(run)]
    for group, results in run.groups().items():
        reference = next((r for r in results if r.call_path == REFERENCE_PATH), None)
        rows = [_report_row(result, reference, run.matmul_peaks) for result in results]
        sections.append(format_section(group, format_table(HEADER, rows, markdown), markdown))
    return "\n\n".join(sections)


def describe_machine(run: Run) -> str:
    """One line naming the CPU, versions, backend and matmul peaks of the run."""
    info = run.machine_info
    facts = info.get("rnn_spec", {})
    cpu = info.get("cpu", {}).get("brand_raw", "unknown CPU")
    peaks = ", ".join(f"{device} {peak:.0f} GFLOP/s" for device, peak in run.matmul_peaks.items())
    return (
        f"Machine: {info.get('node', '?')}, {cpu}; "
        f"TensorFlow {facts.get('tensorflow')}, Keras {facts.get('keras')}, "
        f"numpy {facts.get('numpy')}, backend {facts.get('keras_backend')}; "
        f"float32 matmul peak: {peaks or 'not measured'}; timer {run.timer}."
    )


def _report_row(result: Result, reference: Result | None, peaks: dict[str, float]) -> list[str]:
    median = result.seconds("median")
    relative = "-" if reference is None else f"{median / reference.seconds('median'):.3f}"
    measured = rates(result.extra_info, median)
    peak = peaks.get(str(result.extra_info.get("device")))
    fraction = "-" if not peak else f"{100 * measured['gflop_per_second'] / peak:.3g}%"
    return [
        result.call_path,
        format_seconds(median),
        format_seconds(result.seconds("min")),
        relative,
        f"{measured['sequences_per_second']:.0f}",
        f"{measured['gflop_per_second']:.3g}",
        fraction,
    ]
