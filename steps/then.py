"""Then steps: compare what Keras returned with the rule the feature states."""

from __future__ import annotations

from pytest_bdd import parsers, then

from rnn_spec.checks import (
    check_combination,
    check_names,
    check_reference,
    check_shapes,
    check_state_shapes,
    check_values,
    parse_tolerance,
)
from rnn_spec.shapes import parse_shape
from rnn_spec.views import parse_combination, parse_view
from steps.phrases import parse_names


@then(parsers.re(r"the layer returns (?P<names>.+)"))
def layer_returns(outcome, names):
    check_names(outcome, parse_names(names))


@then(parsers.re(r"the (?P<name>[a-z_]+) shape is (?P<shape>.+)"))
def tensor_shape_is(outcome, name, shape):
    stated = parse_shape(shape, outcome.expected.dimensions())
    check_shapes(outcome, {name: stated})


@then(parsers.re(r"each state shape is (?P<shape>.+)"))
def each_state_shape_is(outcome, shape):
    check_state_shapes(outcome, parse_shape(shape, outcome.expected.dimensions()))


@then(parsers.re(r"(?P<left>.+) equals (?P<right>.+)"))
def view_equals(outcome, left, right):
    rule = f"{left} equals {right}"
    check_values(outcome, parse_view(left), parse_view(right), equal=True, rule=rule)


@then(parsers.re(r"(?P<left>.+) differs from (?P<right>.+)"))
def view_differs(outcome, left, right):
    rule = f"{left} differs from {right}"
    check_values(outcome, parse_view(left), parse_view(right), equal=False, rule=rule)


@then(parsers.re(r"every tensor matches the NumPy reference within (?P<tolerance>\S+)"))
def matches_reference(outcome, tolerance):
    check_reference(outcome, parse_tolerance(tolerance))


@then(parsers.re(r"the (?P<name>[a-z_]+) is (?P<combination>.+) from merge_mode None"))
def combination_from_unmerged(outcome, unmerged, name, combination):
    rule = f"merge_mode {outcome.expected.config.merge_mode} makes the {name} {combination}"
    check_combination(outcome, name, parse_combination(combination), unmerged, rule)
