"""Failure messages of the checks, and the run cache the checks read from."""

import dataclasses

import pytest

from rnn_spec import build
from rnn_spec.checks import RuleBroken, StatementWrong, check_state_shapes, check_values
from rnn_spec.compare import check_runs
from rnn_spec.config import LayerConfig
from rnn_spec.run import run_layer
from rnn_spec.views import parse_view

LSTM_STATES = LayerConfig("LSTM", 3, return_state=True)
CONTEXT = (
    "Configuration: LSTM(units=3, return_sequences=False, return_state=True), "
    "input (2, 5, 1), call path call"
)


def test_unfitting_view_breaks_rule():
    outcome = run_layer(LSTM_STATES, (2, 5, 1))
    rule = "the forward half of the output equals h"

    with pytest.raises(RuleBroken) as error:
        check_values(outcome, parse_view("the forward half of the output"), parse_view("h"), True, rule)

    assert str(error.value).splitlines() == [
        f"Rule broken: {rule}",
        CONTEXT,
        "  the forward half of the output: the last axis has odd width 3, so it has no forward half",
    ]


def test_missing_tensor_breaks_rule():
    full = run_layer(LSTM_STATES, (2, 5, 1))
    outcome = dataclasses.replace(full, arrays=full.arrays[:1])

    with pytest.raises(RuleBroken) as error:
        check_values(outcome, parse_view("the output"), parse_view("h"), True, "the output equals h")

    assert str(error.value).splitlines() == [
        "Rule broken: the output equals h",
        CONTEXT,
        "  LSTM(units=3, return_sequences=False, return_state=True) returned 1 tensors, "
        "so it has no 'h'; the rule expects output, h, c.",
    ]


def test_missing_tensor_breaks_run_comparison():
    outcome = run_layer(LSTM_STATES, (2, 5, 1))
    shorter = dataclasses.replace(outcome, arrays=outcome.arrays[:1])

    with pytest.raises(RuleBroken) as error:
        check_runs(shorter, outcome, parse_view("c"), same=True)

    assert str(error.value).splitlines()[0] == "Rule broken: c is the same in both runs"


def test_stateless_layer_state_shapes_rejected():
    outcome = run_layer(LayerConfig("GRU", 3), (2, 5, 1))

    with pytest.raises(StatementWrong) as error:
        check_state_shapes(outcome, (2, 3))

    assert str(error.value).splitlines() == [
        "Feature statement wrong: the feature states the shape of each state, "
        "but the rule in rnn_spec derives no state for this layer",
        "Configuration: GRU(units=3, return_sequences=False, return_state=False), "
        "input (2, 5, 1), call path call",
        "  the rule derives: output",
    ]


def test_state_shapes_checked_per_state():
    outcome = run_layer(LSTM_STATES, (2, 5, 1))

    check_state_shapes(outcome, (2, 3))
    with pytest.raises(StatementWrong) as error:
        check_state_shapes(outcome, (2, 4))
    message = str(error.value)
    assert "\n  h: the feature states (2, 4), the rule derives (2, 3)" in message
    assert "\n  c: the feature states (2, 4), the rule derives (2, 3)" in message


def test_run_shared_and_read_only():
    first = run_layer(LSTM_STATES, (2, 5, 1))

    assert run_layer(LSTM_STATES, (2, 5, 1)) is first
    assert not any(array.flags.writeable for array in (*first.arrays, first.inputs, *first.weights))


def test_clear_caches_forgets_results(monkeypatch):
    # Only this test's cache is registered, so the run's shared models stay cached.
    monkeypatch.setattr(build, "_caches", [])
    calls = []

    @build.cached
    def square(number):
        calls.append(number)
        return number * number

    assert square(3) == square(3) == 9
    assert calls == [3]
    build.clear_caches()
    square(3)
    assert calls == [3, 3]
