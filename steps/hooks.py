"""pytest-bdd hooks: reject scenarios that check nothing, and map known-gap tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnn_spec.known_gaps import known_gap_mark


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


def pytest_bdd_apply_tag(tag, function):
    """Turn a @known_gap:<id> tag into a strict xfail with the recorded reason."""
    mark = known_gap_mark(tag)
    if mark is None:
        return None
    mark(function)
    return True
