"""pytest-bdd hooks: reject scenarios that check nothing, place failed steps, map known-gap tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnn_spec.checks import RuleBroken, StatementWrong
from rnn_spec.errors import SpecError
from rnn_spec.keras_errors import raised_by_keras
from rnn_spec.known_gaps import known_gap_mark
from rnn_spec.shapes import format_shape


def pytest_configure(config):
    """Create the folder of --cucumberjson's file, which pytest-bdd writes without making it.

    pytest makes the folder of --junitxml itself, so both report options work on a fresh
    checkout.
    """
    path = getattr(config.option, "cucumber_json_path", None)
    if path:
        Path(path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)


def pytest_bdd_before_scenario(request, feature, scenario):
    """Fail a scenario that has no steps or no Then step instead of passing silently."""
    if not scenario.steps:
        pytest.fail(f'Scenario "{scenario.name}" in {feature.rel_filename} has no steps.')
    if not any(step.type == "then" for step in scenario.steps):
        pytest.fail(
            f'Scenario "{scenario.name}" in {feature.rel_filename} has no Then step, '
            "so it checks nothing."
        )


def pytest_bdd_step_error(request, feature, scenario, step, step_func, step_func_args, exception):
    """Add notes that place a failed step: its scenario, feature file and step.

    A check's RuleBroken or StatementWrong names the rule, so it gains one note with the
    scenario, feature and step. An exception raised inside Keras or its backend means
    that no result reached the Then steps, so it gains notes that name the scenario,
    whose title states the rule, the configuration and the step. Bad step text raises
    SpecError, and other errors come from rnn_spec's own code; neither gets a note.
    """
    if isinstance(exception, (RuleBroken, StatementWrong)):
        # The check's message names the rule. The note gives the scenario title and step as
        # the feature writes them, where pytest's test id shows a mangled function name.
        exception.add_note(
            f'Scenario: "{scenario.name}" in {feature.rel_filename}, '
            f'step "{step.keyword} {step.name}"'
        )
        return
    if isinstance(exception, (AssertionError, SpecError)) or not raised_by_keras(exception):
        return
    exception.add_note(f"Rule broken: {scenario.name}")
    configuration = _configuration(request)
    if configuration:
        exception.add_note(f"Configuration: {configuration}")
    exception.add_note(
        f'Keras raised {type(exception).__name__} in "{step.keyword} {step.name}", '
        "so no result reached the Then steps."
    )


def _configuration(request) -> str:
    """Describe the scenario's layer and input, or return "" before a Given step set them."""
    try:
        config = request.getfixturevalue("config")
        input_shape = request.getfixturevalue("input_shape")
    except pytest.FixtureLookupError:
        return ""
    return f"{config.describe()}, input {format_shape(input_shape)}"


def pytest_bdd_apply_tag(tag, function):
    """Turn a @known_gap:<id> tag into a strict xfail with the recorded reason."""
    mark = known_gap_mark(tag)
    if mark is None:
        return None
    mark(function)
    return True
