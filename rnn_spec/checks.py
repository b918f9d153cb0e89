"""Compare what Keras returned with the rule, and explain every mismatch at once.

Each failure message names the rule, the configuration, the input shape and, for every
tensor involved, the expected, declared and observed values, so that a CI log alone
shows which rule an upgrade broke.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

import numpy as np

from rnn_spec.errors import Unreadable, invalid
from rnn_spec.reference import reference_outputs
from rnn_spec.run import Outcome
from rnn_spec.shapes import Shape, format_shape
from rnn_spec.views import Combination, View

# Float32 results of one computation that Keras returns twice (output and h) are equal
# to the bit; the tolerance only absorbs a copy through another dtype.
IDENTITY_TOLERANCE = 1e-6
# The first part of a state's name: h, h_forward and h_backward are h states.
STATE_PREFIXES = ("h", "c")


def parse_tolerance(text: str) -> float:
    """Parse an absolute tolerance such as 1e-5: a finite number above 0."""
    try:
        value = float(text)
    except ValueError:
        raise invalid("tolerance", text, "a positive number such as 1e-5") from None
    if not 0 < value < float("inf"):
        raise invalid("tolerance", text, "a positive number such as 1e-5")
    return value


class RuleBroken(AssertionError):
    """Keras returned something other than what the rule states."""


class StatementWrong(AssertionError):
    """A feature states a value that neither the rule in rnn_spec nor Keras gives."""


def context(outcome: Outcome) -> str:
    """The configuration part of every failure message."""
    return (
        f"Configuration: {outcome.expected.describe()}, "
        f"input {format_shape(outcome.expected.input_shape)}, call path {outcome.call_path}"
    )


@contextlib.contextmanager
def reading(outcome: Outcome, rule: str):
    """Turn a tensor that cannot be read as named into a failure of `rule`.

    A missing tensor, or a view that does not fit a tensor's shape, means Keras returned
    something other than the rule states, so it fails as "Rule broken" like any mismatch.
    """
    __tracebackhide__ = True
    try:
        yield
    except Unreadable as error:
        lines = [f"Rule broken: {rule}", context(outcome), f"  {error}"]
        raise RuleBroken("\n".join(lines)) from None


def check_names(outcome: Outcome, stated: tuple[str, ...]) -> None:
    """Check that the feature, the rule and Keras agree on what comes back, in order."""
    __tracebackhide__ = True
    problems = []
    if stated != outcome.names:
        problems.append(
            f"  the feature states {', '.join(stated)}, "
            f"but the rule in rnn_spec derives {', '.join(outcome.names)}"
        )
    for source, count in (("declared", len(outcome.declared)), ("observed", len(outcome.arrays))):
        if count != len(outcome.names):
            problems.append(
                f"  Keras {source} {count} tensors, expected {len(outcome.names)}: "
                f"{', '.join(outcome.names)}"
            )
    if problems:
        rule = outcome.expected.tensors[-1].rule
        raise RuleBroken("\n".join([f"Rule broken: {rule}", context(outcome), *problems]))


def check_shapes(outcome: Outcome, stated: Mapping[str, Shape]) -> None:
    """Check each named tensor's stated, derived, declared and observed shapes.

    Declared shapes come from a symbolic Input whose batch is unknown, so their batch
    axis (axis 0) must be None and the other axes must match. When the rule and Keras
    agree and only the feature states another shape, the error reports the
    statement as wrong, not the rule.
    """
    __tracebackhide__ = True
    lines, broken_rules, keras_differs = [], [], False
    for name, stated_shape in stated.items():
        expected = outcome.expected.tensor(name)
        position = outcome.names.index(name)
        declared = outcome.declared[position] if position < len(outcome.declared) else None
        observed = (
            tuple(outcome.arrays[position].shape) if position < len(outcome.arrays) else None
        )
        problems = _shape_problems(stated_shape, expected.shape, declared, observed)
        lines.append(_shape_line(name, stated_shape, expected, declared, observed, problems))
        if problems and expected.rule not in broken_rules:
            broken_rules.append(expected.rule)
        keras_differs = keras_differs or _keras_differs(expected.shape, declared, observed)

    if broken_rules and not keras_differs:
        header = (
            "Feature statement wrong: the rule in rnn_spec and Keras agree, "
            "but the feature states another shape"
        )
        raise StatementWrong("\n".join([header, context(outcome), *lines]))
    if broken_rules:
        header = [f"Rule broken: {rule}" for rule in broken_rules]
        raise RuleBroken("\n".join([*header, context(outcome), *lines]))


def _shape_line(name, stated, expected, declared, observed, problems) -> str:
    if tuple(stated) == tuple(expected.shape):
        head = f"  {name}: expected {format_shape(stated)} {expected.symbolic}"
    else:
        head = (
            f"  {name}: the feature states {format_shape(stated)}, the rule derives "
            f"{format_shape(expected.shape)} {expected.symbolic}"
        )
    tail = f"  <- {'; '.join(problems)}" if problems else ""
    return f"{head}, declared {format_shape(declared)}, observed {format_shape(observed)}{tail}"


def _keras_differs(derived, declared, observed) -> bool:
    declared_ok = declared is not None and _declared_matches(derived, declared)
    observed_ok = observed is not None and tuple(observed) == tuple(derived)
    return not (declared_ok and observed_ok)


def _shape_problems(stated, derived, declared, observed) -> list[str]:
    problems = []
    if tuple(stated) != tuple(derived):
        problems.append(f"the rule in rnn_spec derives {format_shape(derived)}")
    if declared is None or not _declared_matches(stated, declared):
        problems.append("declared shape differs")
    if observed is None or tuple(observed) != tuple(stated):
        problems.append("observed shape differs")
    return problems


def _declared_matches(stated: Shape, declared: Shape) -> bool:
    if len(stated) != len(declared) or not stated:
        return False
    return declared[0] is None and tuple(declared[1:]) == tuple(stated[1:])


def check_state_shapes(outcome: Outcome, stated: Shape) -> None:
    """Check that every state the rule names (h, c and their per-direction forms) has `stated`."""
    __tracebackhide__ = True
    states = [name for name in outcome.names if name.split("_")[0] in STATE_PREFIXES]
    if not states:
        raise StatementWrong(
            "\n".join(
                [
                    "Feature statement wrong: the feature states the shape of each state, "
                    "but the rule in rnn_spec derives no state for this layer",
                    context(outcome),
                    f"  the rule derives: {', '.join(outcome.names)}",
                ]
            )
        )
    check_shapes(outcome, {name: stated for name in states})


def check_values(outcome: Outcome, left: View, right: View, equal: bool, rule: str) -> None:
    """Check that two views hold the same values (or, with equal=False, different ones)."""
    __tracebackhide__ = True
    with reading(outcome, rule):
        left_values = left.select(outcome.array(left.name))
        right_values = right.select(outcome.array(right.name))
    same_shape = left_values.shape == right_values.shape
    difference = (
        float(np.max(np.abs(left_values - right_values))) if same_shape else float("inf")
    )
    holds = (difference <= IDENTITY_TOLERANCE) == equal
    if holds:
        return
    relation = "equals" if equal else "differs from"
    raise RuleBroken(
        "\n".join(
            [
                f"Rule broken: {rule}",
                context(outcome),
                f"  expected: {left.text} {relation} {right.text}",
                f"  {left.text}: shape {format_shape(left_values.shape)}, "
                f"values {np.array2string(left_values, precision=4)}",
                f"  {right.text}: shape {format_shape(right_values.shape)}, "
                f"values {np.array2string(right_values, precision=4)}",
                f"  largest absolute difference {difference:.3g}, "
                f"tolerance {IDENTITY_TOLERANCE:g}",
            ]
        )
    )


def check_reference(outcome: Outcome, tolerance: float) -> None:
    """Check every returned tensor against the NumPy reference, within an absolute tolerance."""
    config = outcome.expected.config
    reference = reference_outputs(config, outcome.weights, outcome.inputs)
    lines, broken = [], False
    for position, name in enumerate(outcome.names):
        observed = outcome.arrays[position] if position < len(outcome.arrays) else None
        difference = largest_difference(observed, reference[position])
        fails = not difference <= tolerance
        broken = broken or fails
        lines.append(
            f"  {name}: largest absolute difference {difference:.3g}"
            + ("  <- over the tolerance" if fails else "")
        )
    if broken:
        raise RuleBroken(
            "\n".join(
                [
                    f"Rule broken: {config.layer} computes what the NumPy reference computes "
                    f"from the same weights, within {tolerance:g} absolute",
                    context(outcome),
                    *lines,
                ]
            )
        )


def check_combination(
    outcome: Outcome, name: str, combination: Combination, source: Outcome, rule: str
) -> None:
    """Check that tensor `name` equals `combination` of the tensors that `source` returned."""
    with reading(outcome, rule):
        observed = outcome.array(name)
        combined = combination.evaluate({n: source.array(n) for n in combination.names})
    difference = largest_difference(observed, combined)
    if difference <= IDENTITY_TOLERANCE:
        return
    raise RuleBroken(
        "\n".join(
            [
                f"Rule broken: {rule}",
                context(outcome),
                f"  {name}: shape {format_shape(observed.shape)}, "
                f"values {np.array2string(observed, precision=4)}",
                f"  {combination.text}: shape {format_shape(combined.shape)}, "
                f"values {np.array2string(combined, precision=4)}",
                f"  largest absolute difference {difference:.3g}, "
                f"tolerance {IDENTITY_TOLERANCE:g}",
            ]
        )
    )


def largest_difference(observed: np.ndarray | None, expected: np.ndarray) -> float:
    """The largest absolute element difference, or infinity when the shapes differ."""
    if observed is None or observed.shape != expected.shape:
        return float("inf")
    return float(np.max(np.abs(observed - expected), initial=0.0))
