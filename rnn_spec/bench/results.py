"""Read pytest-benchmark JSON and compare runs: the gate and the side-by-side report.

Times are seconds per call. The gate compares each benchmark's minimum (or median) with
the same benchmark in a baseline run. The report sets each call path beside
model.predict within its group, and the FLOP rate beside the device's matmul peak.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from rnn_spec.errors import SpecError, invalid, not_one_of

STATISTICS = ("min", "median")
REFERENCE_PATH = "predict"


@dataclass(frozen=True)
class Result:
    """One benchmark of one run: a call path of one model on one device."""

    fullname: str
    group: str
    call_path: str
    stats: dict[str, float]
    extra_info: dict[str, object]

    def seconds(self, statistic: str) -> float:
        if statistic not in STATISTICS:
            raise not_one_of("statistic", statistic, STATISTICS)
        return self.stats[statistic]


@dataclass(frozen=True)
class Run:
    """The results of one timing run, with its machine info and matmul peaks."""

    results: tuple[Result, ...]
    machine_info: dict[str, object]
    matmul_peaks: dict[str, float]
    timer: str = "unknown timer"
    runs_merged: int = 1

    def groups(self) -> dict[str, list[Result]]:
        """The results by group, groups and rows in name order."""
        grouped: dict[str, list[Result]] = {}
        for result in sorted(self.results, key=lambda r: (r.group, r.call_path)):
            grouped.setdefault(result.group, []).append(result)
        return grouped


RUN_FORMAT = "the JSON that scripts/bench_time.py or pytest --benchmark-json writes"


def read_run(path: str | Path) -> Run:
    """Read a file written by `pytest --benchmark-json PATH`.

    Raises SpecError naming the file when it is missing, not JSON or not a timing run.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpecError(f"Benchmark file not found: {str(path)!r}. Expected {RUN_FORMAT}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise invalid("benchmark file", str(path), RUN_FORMAT) from None
    if not isinstance(data, dict) or not isinstance(data.get("benchmarks"), list):
        raise invalid("benchmark file", str(path), RUN_FORMAT + ", with a 'benchmarks' list")
    results = tuple(
        Result(
            fullname=entry["fullname"],
            group=entry.get("group") or "",
            call_path=entry["extra_info"].get("call_path", entry["name"]),
            stats={name: entry["stats"][name] for name in STATISTICS},
            extra_info=entry["extra_info"],
        )
        for entry in data["benchmarks"]
    )
    timers = {entry.get("options", {}).get("timer") for entry in data["benchmarks"]}
    return Run(
        results=results,
        machine_info=data.get("machine_info", {}),
        matmul_peaks=data.get("matmul_peak_gflop_per_second", {}),
        timer=", ".join(sorted(str(timer) for timer in timers)),
        runs_merged=data.get("best_of_runs", 1),
    )


def best_of(runs: list[Run]) -> Run:
    """Merge runs into one: for each benchmark, the result with the fastest minimum.

    Load on a shared machine slows a run and never speeds it up, so the fastest of
    several runs is the steadiest figure. The first run's machine info is kept.
    """
    best: dict[str, Result] = {}
    for run in runs:
        for result in run.results:
            known = best.get(result.fullname)
            if known is None or result.stats["min"] < known.stats["min"]:
                best[result.fullname] = result
    merged = sum(run.runs_merged for run in runs)
    return dataclasses.replace(runs[0], results=tuple(best.values()), runs_merged=merged)


def best_of_json(documents: list[dict]) -> dict:
    """Merge pytest-benchmark JSON documents as `best_of` merges runs.

    Each benchmark entry is kept whole from the document with its fastest minimum, so
    its statistics stay consistent with each other.
    """
    best: dict[str, dict] = {}
    for document in documents:
        for entry in document["benchmarks"]:
            known = best.get(entry["fullname"])
            if known is None or entry["stats"]["min"] < known["stats"]["min"]:
                best[entry["fullname"]] = entry
    merged = dict(documents[0])
    merged["benchmarks"] = list(best.values())
    merged["best_of_runs"] = len(documents)
    return merged


def format_seconds(seconds: float) -> str:
    """Render a time per call in ms with three significant digits.

    >>> format_seconds(0.000451)
    '0.451 ms'
    >>> format_seconds(1.5)
    '1500 ms'
    """
    milliseconds = seconds * 1000
    if milliseconds >= 100:
        return f"{milliseconds:.0f} ms"
    return f"{milliseconds:.3g} ms"


def format_section(title: str, table: str, markdown: bool) -> str:
    """Put a group's title above its table; Markdown needs a blank line between them."""
    if markdown:
        return f"**{title}**\n\n{table}"
    return f"{title}\n{table}"


def format_table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    """Lay out a table as aligned text, or as Markdown."""
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
        for line in [header, *rows]
    )
