"""The benchmark gate: fail when a benchmark got slower than a baseline run allows."""

from __future__ import annotations

from dataclasses import dataclass

from rnn_spec.bench.results import Result, Run, format_seconds, format_section, format_table


@dataclass(frozen=True)
class Comparison:
    """One benchmark in the baseline and the current run; either may be missing."""

    group: str
    call_path: str
    baseline: Result | None
    current: Result | None
    statistic: str
    threshold: float

    @property
    def ratio(self) -> float | None:
        """Current time over baseline time; above 1 is slower."""
        if self.baseline is None or self.current is None:
            return None
        return self.current.seconds(self.statistic) / self.baseline.seconds(self.statistic)

    @property
    def verdict(self) -> str:
        if self.current is None:
            return "missing from the current run"
        if self.baseline is None:
            return "new, not in the baseline"
        if self.ratio > self.threshold:
            return f"slower than {self.threshold:.2f}x"
        return "ok"

    @property
    def failed(self) -> bool:
        return self.current is None or (self.ratio is not None and self.ratio > self.threshold)


def compare(baseline: Run, current: Run, threshold: float, statistic: str = "min"):
    """Pair each benchmark with its baseline by full test name; return the comparisons."""
    before = {result.fullname: result for result in baseline.results}
    after = {result.fullname: result for result in current.results}
    comparisons = []
    for name in sorted(before.keys() | after.keys()):
        known = after.get(name) or before[name]
        comparisons.append(
            Comparison(
                group=known.group,
                call_path=known.call_path,
                baseline=before.get(name),
                current=after.get(name),
                statistic=statistic,
                threshold=threshold,
            )
        )
    return sorted(comparisons, key=lambda c: (c.group, c.call_path))


def format_gate(comparisons: list[Comparison], markdown: bool = False) -> str:
    """One table per group: baseline, current, their ratio and the verdict per call path."""
    sections = []
    groups = sorted({comparison.group for comparison in comparisons})
    for group in groups:
        rows = [_gate_row(c) for c in comparisons if c.group == group]
        statistic = comparisons[0].statistic
        header = ["call path", f"baseline {statistic}", f"current {statistic}", "ratio", "verdict"]
        sections.append(format_section(group, format_table(header, rows, markdown), markdown))
    failed = [c for c in comparisons if c.failed]
    summary = f"{len(failed)} of {len(comparisons)} benchmarks failed the gate."
    return "\n\n".join([*sections, summary])


def _gate_row(comparison: Comparison) -> list[str]:
    def seconds(result: Result | None) -> str:
        return "-" if result is None else format_seconds(result.seconds(comparison.statistic))

    ratio = "-" if comparison.ratio is None else f"{comparison.ratio:.2f}"
    return [
        comparison.call_path,
        seconds(comparison.baseline),
        seconds(comparison.current),
        ratio,
        comparison.verdict,
    ]
