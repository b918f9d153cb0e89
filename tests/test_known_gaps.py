"""Known gaps: each recorded id is used, each tag fails for its rule, never for a typo."""

import re

import pytest

from rnn_spec.checks import RuleBroken
from rnn_spec.errors import SpecError
from rnn_spec.known_gaps import KNOWN_GAPS, known_gap_mark, known_gap_reason
from tests.spec_runner import FEATURES, run_feature_text, run_features


def tagged_ids() -> set[str]:
    """Every known-gap id that a feature file tags."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in FEATURES.glob("*.feature"))
    return set(re.findall(r"@known_gap:(\w+)", text))


def test_every_recorded_gap_is_tagged():
    assert set(KNOWN_GAPS) == tagged_ids()


def test_gap_mark_is_strict_and_expects_rule_broken():
    mark = known_gap_mark("known_gap:bidirectional_backward_units")
    assert mark.kwargs["strict"] is True
    assert mark.kwargs["raises"] is RuleBroken
    assert mark.kwargs["reason"] == f"known gap: {KNOWN_GAPS['bidirectional_backward_units']}"


def test_other_tags_ignored():
    assert known_gap_reason("lstm") is None
    assert known_gap_mark("bidirectional") is None


def test_unknown_gap_id_rejected():
    with pytest.raises(SpecError) as error:
        known_gap_reason("known_gap:no_such_gap")
    assert str(error.value).startswith("Invalid known gap id: 'no_such_gap'. Expected one of ")
    assert "bidirectional_backward_units" in str(error.value)


def test_gaps_fail_for_their_rule(pytester):
    # --runxfail ignores the xfail marks, so each gap shows the failure it expects.
    result = run_features(pytester, ["known_gaps.feature"], "--runxfail")
    result.assert_outcomes(passed=2, failed=4)
    result.stdout.fnmatch_lines(
        [
            "*Rule broken: return_sequences=False returns the last step only; Bidirectional "
            "concat joins forward and backward on the last axis, each as wide as its own "
            "layer's units",
            "*output: expected (2, 8) (batch, units + backward_units), declared (None, 6), "
            "observed (2, 8)  <- declared shape differs",
        ]
    )
    result.stdout.fnmatch_lines(["*Keras declared 5 tensors, expected 4: output, h_forward*"])


def test_gaps_xfail_as_recorded(pytester):
    result = run_features(pytester, ["known_gaps.feature"])
    result.assert_outcomes(passed=2, xfailed=4)


def test_gap_failing_for_another_reason_fails(pytester):
    text = (
        "Feature: Sample\n  @known_gap:bidirectional_backward_units\n"
        "  Scenario: Typo in layer\n"
        "    Given an input of shape (2, 5, 1)\n    And an LTSM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the layer returns output\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*SpecError: Invalid layer: 'LTSM'*"])

