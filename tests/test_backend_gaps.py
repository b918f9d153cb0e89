"""Backend gaps: a tagged scenario is a strict xfail on the recorded backends only."""

from __future__ import annotations

import pytest
from packaging.version import Version

from rnn_spec import backend_gaps
from rnn_spec.backend_gaps import BackendGap, backend_gap_mark
from rnn_spec.errors import SpecError
from tests.spec_runner import run_feature_text

# An LSTM's c differs from its h, so the Then step breaks a rule on every backend.
BROKEN_SCENARIO = """
Feature: A rule stated wrongly on purpose
  @backend_gap:{gap_id}
  Scenario: The cell state is claimed to equal h
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    And return_state is True
    When the layer reads the batch
    Then c equals h
"""


@pytest.fixture
def gap_on(monkeypatch):
    """Record a gap named 'sample' on the given backends, for one test."""

    def record(*backends: str) -> None:
        gaps = {"sample": BackendGap(frozenset(backends), "a sample reason")}
        monkeypatch.setattr(backend_gaps, "BACKEND_GAPS", gaps)

    return record


def test_gap_xfails_on_its_backend(pytester, gap_on):
    gap_on(backend_gaps.current_backend())
    result = run_feature_text(pytester, BROKEN_SCENARIO.format(gap_id="sample"), "-rx")

    result.assert_outcomes(xfailed=1)
    result.stdout.fnmatch_lines(["*backend gap on *: a sample reason*"])


def test_gap_ignored_on_other_backends(pytester, gap_on):
    gap_on("no_such_backend")
    result = run_feature_text(pytester, BROKEN_SCENARIO.format(gap_id="sample"))

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Rule broken: c equals h*"])


def test_mark_applies_only_on_listed_backend():
    tag = "backend_gap:jax_state_count_type_error"

    assert backend_gap_mark(tag, "jax").args == (True,)
    assert backend_gap_mark(tag, "tensorflow").args == (False,)


def test_mark_applies_before_first_good_release():
    tag = "backend_gap:tensorflow_state_count_message_before_keras_3_8"

    assert backend_gap_mark(tag, "tensorflow", "3.7.0").args == (True,)
    assert backend_gap_mark(tag, "tensorflow", "3.8.0").args == (False,)
    assert backend_gap_mark(tag, "tensorflow", "3.15.1").args == (False,)
    assert backend_gap_mark(tag, "jax", "3.7.0").args == (False,)


def test_release_named_in_reason():
    tag = "backend_gap:tensorflow_state_count_message_before_keras_3_8"

    reason = backend_gap_mark(tag, "tensorflow", "3.7.0").kwargs["reason"]

    assert reason.startswith("backend gap on tensorflow with Keras before 3.8.0: Keras 3.4.1 ")


def test_mark_ignores_other_tags():
    assert backend_gap_mark("known_gap:anything", "jax") is None


def test_unknown_gap_named():
    with pytest.raises(SpecError) as error:
        backend_gap_mark("backend_gap:nope", "jax")

    assert str(error.value).startswith("Invalid backend gap id: 'nope'. Expected one of ")


def test_every_gap_has_backend_and_reason():
    for gap_id, gap in backend_gaps.BACKEND_GAPS.items():
        assert gap.backends, gap_id
        assert gap.reason.startswith("Keras "), gap_id
        assert gap.backends <= {"tensorflow", "jax", "torch"}, gap_id
        if gap.keras_before is not None:
            assert Version(gap.keras_before) > Version("3.4"), gap_id
