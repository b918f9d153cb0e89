"""Session-wide settings for the specification and the unit tests.

Keras' global state is set here and nowhere else: the backend, TensorFlow's log level and
its thread count. Each test makes its own seeded input and weights, so no global seed is
needed for the results to be the same in any order.
"""

from __future__ import annotations

import os

# Set before anything imports Keras. An explicit KERAS_BACKEND from the caller wins.
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import pytest  # noqa: E402

from rnn_spec.known_gaps import known_gap_mark  # noqa: E402

pytest_plugins = ["steps.given", "steps.when", "steps.then"]


def pytest_bdd_before_scenario(request, feature, scenario):
    """Fail a scenario that has no steps or no Then step instead of passing silently."""
    if not scenario.steps:
        pytest.fail(f'Scenario "{scenario.name}" in {feature.rel_filename} has no steps.')
    if not any(step.type == "then" for step in scenario.steps):
        pytest.fail(
            f'Scenario "{scenario.name}" in {feature.rel_filename} has no Then step, '
            "so it checks nothing."
        )


def pytest_bdd_apply_tag(tag, function):
    """Turn a @known_gap:<id> tag into a strict xfail with the recorded reason."""
    mark = known_gap_mark(tag)
    if mark is None:
        return None
    mark(function)
    return True
