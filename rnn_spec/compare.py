"""Compare two runs: the same view of each, equal or different; and Keras' nesting."""

from __future__ import annotations

import numpy as np

from rnn_spec.checks import IDENTITY_TOLERANCE, RuleBroken, context, largest_difference, reading
from rnn_spec.run import Outcome
from rnn_spec.shapes import format_shape
from rnn_spec.views import View

# Two runs of one computation over different call sequences (a loop and its unrolled
# form, one call and two stateful calls) add float32 rounding in another order.
RUNS_TOLERANCE = 1e-5


def describe_run(run: Outcome) -> str:
    """The run's layers and input, for a failure message."""
    layers = getattr(run, "model", "") or run.expected.config.describe()
    return f"{layers}, input {format_shape(run.inputs.shape)}"


def check_runs(run: Outcome, reference: Outcome, view: View, same: bool) -> None:
    """Check that `view` of the run and of the reference run are equal (or differ)."""
    relation = "is the same in both runs" if same else "differs between the runs"
    with reading(run, f"{view.text} {relation}"):
        left = view.select(run.array(view.name))
        right = view.select(reference.array(view.name))
    difference = largest_difference(left, right)
    if (difference <= RUNS_TOLERANCE) == same:
        return
    raise RuleBroken(
        "\n".join(
            [
                f"Rule broken: {view.text} {relation}",
                context(run),
                f"  run: {describe_run(run)}",
                f"  reference run: {describe_run(reference)}",
                f"  {view.text} of the run: {np.array2string(left, precision=4)}",
                f"  {view.text} of the reference run: {np.array2string(right, precision=4)}",
                f"  largest absolute difference {difference:.3g}, tolerance {RUNS_TOLERANCE:g}",
            ]
        )
    )


def check_all_zeros(run: Outcome, view: View) -> None:
    """Check that every element of `view` is 0, as Keras writes at steps it skips."""
    with reading(run, f"{view.text} is all zeros"):
        values = view.select(run.array(view.name))
    largest = float(np.max(np.abs(values), initial=0.0))
    if largest == 0.0:
        return
    raise RuleBroken(
        "\n".join(
            [
                f"Rule broken: {view.text} is all zeros",
                context(run),
                f"  {view.text}: {np.array2string(values, precision=4)}",
                f"  largest absolute value {largest:.3g}",
            ]
        )
    )


def check_structure(run: Outcome, stated: str) -> None:
    """Check that Keras nested its results as `stated`, such as "(output, [h, c], [h])"."""
    observed = getattr(run, "structure", "")
    if " ".join(stated.split()) == observed:
        return
    raise RuleBroken(
        "\n".join(
            [
                "Rule broken: the call returns the structure " + stated,
                context(run),
                f"  observed structure: {observed or '(not recorded by this run)'}",
            ]
        )
    )


__all__ = [
    "IDENTITY_TOLERANCE",
    "RUNS_TOLERANCE",
    "check_all_zeros",
    "check_runs",
    "check_structure",
]
