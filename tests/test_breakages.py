"""Mutation self-test: with Keras broken on purpose, the specification must fail.

Each breakage in rnn_spec.breakages runs its feature files in-process with that
breakage applied. The run must fail and its report must name the broken rule.
"""

import pytest

from rnn_spec.breakages import BREAKAGES
from tests.spec_runner import run_features

KILLED: dict[str, bool] = {}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_breakage_fails_spec(pytester, name):
    breakage = BREAKAGES[name]
    result = run_features(pytester, breakage.features, "--break-keras", name)
    outcomes = result.parseoutcomes()
    KILLED[name] = outcomes.get("failed", 0) > 0

    assert outcomes.get("failed", 0) > 0, f"{breakage.description}: no scenario failed"
    result.stdout.fnmatch_lines([f"*{breakage.rule_fragment}*"])


def test_unbroken_features_pass(pytester):
    features = sorted({feature for b in BREAKAGES.values() for feature in b.features})
    result = run_features(pytester, features)
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 0
    assert outcomes.get("passed", 0) > 0


def test_unknown_breakage_named(pytester):
    result = run_features(pytester, ["lstm.return_state.feature"], "--break-keras", "nope")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Invalid breakage: 'nope'. Expected one of*"])
