"""The NumPy reference: its maths by hand, its agreement with Keras, and the check using it."""

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from rnn_spec.checks import RuleBroken, check_reference, parse_tolerance
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from rnn_spec.reference import (
    gru_step,
    lstm_step,
    merge,
    reference_outputs,
    run_direction,
    sigmoid,
)
from rnn_spec.run import run_layer


def one_unit_weights(layer: str, kernel: float, recurrent: float, bias: float, gates: int):
    """Weights for 1 feature and 1 unit, every gate block given the same values."""
    return [
        np.full((1, gates), kernel),
        np.full((1, gates), recurrent),
        np.full((gates,), bias) if layer != "GRU" else np.full((2, gates), bias),
    ]


def test_reference_does_not_import_keras():
    code = "import sys, rnn_spec.reference; print('keras' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_lstm_step_by_hand():
    # Gate order i, f, c, o: give each block a different kernel value to tell them apart.
    kernel = np.array([[0.1, 0.2, 0.3, 0.4]])
    weights = [kernel, np.zeros((1, 4)), np.zeros(4)]
    x = np.array([[1.0]])
    h, (h_again, c) = lstm_step(x, (np.zeros((1, 1)), np.full((1, 1), 2.0)), weights)

    expected_c = sigmoid(0.2) * 2.0 + sigmoid(0.1) * np.tanh(0.3)
    assert c[0, 0] == pytest.approx(expected_c)
    assert h[0, 0] == pytest.approx(sigmoid(0.4) * np.tanh(expected_c))
    assert h_again is h


def test_gru_steps_by_hand():
    weights = one_unit_weights("GRU", kernel=0.3, recurrent=0.7, bias=0.2, gates=3)
    h = np.full((1, 1), 0.5)
    x = np.array([[1.0]])
    after, _ = gru_step(x, (h,), weights, reset_after=True)
    before, _ = gru_step(x, (h,), [weights[0], weights[1], weights[2][0]], reset_after=False)

    r = sigmoid(0.3 + 0.2 + 0.7 * 0.5 + 0.2)
    z = r
    candidate_after = np.tanh(0.3 + 0.2 + r * (0.7 * 0.5 + 0.2))
    assert after[0, 0] == pytest.approx(z * 0.5 + (1 - z) * candidate_after)
    r_before = sigmoid(0.3 + 0.2 + 0.7 * 0.5)
    candidate_before = np.tanh(0.3 + 0.2 + (r_before * 0.5) * 0.7)
    assert before[0, 0] == pytest.approx(r_before * 0.5 + (1 - r_before) * candidate_before)


def test_simple_rnn_direction_by_hand():
    config = LayerConfig("SimpleRNN", 1)
    weights = [np.ones((1, 1)), np.full((1, 1), 0.5), np.zeros(1)]
    sequence, (h,) = run_direction(config, weights, np.ones((1, 2, 1)), go_backwards=False)

    first = np.tanh(1.0)
    assert sequence[0, :, 0] == pytest.approx([first, np.tanh(1.0 + 0.5 * first)])
    assert h[0, 0] == pytest.approx(sequence[0, -1, 0])


def test_backward_direction_reads_last_step_first():
    config = LayerConfig("SimpleRNN", 1)
    weights = [np.ones((1, 1)), np.zeros((1, 1)), np.zeros(1)]
    inputs = np.array([[[1.0], [2.0], [3.0]]])
    sequence, _ = run_direction(config, weights, inputs, go_backwards=True)
    assert sequence[0, :, 0] == pytest.approx(np.tanh([3.0, 2.0, 1.0]))


def test_bidirectional_backward_flipped_to_input_order():
    config = LayerConfig("SimpleRNN", 1, return_sequences=True, bidirectional=True)
    identity_like = [np.ones((1, 1)), np.zeros((1, 1)), np.zeros(1)]
    inputs = np.array([[[1.0], [2.0], [3.0]]])
    (output,) = reference_outputs(config, identity_like * 2, inputs)
    # Without recurrence each step's output depends only on its own input step.
    assert output[0, :, 1] == pytest.approx(np.tanh([1.0, 2.0, 3.0]))


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("concat", [[1.0, 4.0]]), ("sum", [[5.0]]), ("mul", [[4.0]]), ("ave", [[2.5]])],
)
def test_merge_arithmetic(mode, expected):
    (merged,) = merge(mode, np.array([[1.0]]), np.array([[4.0]]))
    assert merged.tolist() == expected


def test_merge_none_keeps_both():
    forward, backward = merge(None, np.array([1.0]), np.array([4.0]))
    assert (forward.tolist(), backward.tolist()) == ([1.0], [4.0])


def test_wrong_weight_count_rejected():
    config = LayerConfig("LSTM", 3, bidirectional=True)
    with pytest.raises(SpecError) as error:
        reference_outputs(config, [np.zeros(1)] * 3, np.zeros((2, 5, 1)))
    assert str(error.value) == (
        "Invalid weight count for Bidirectional(LSTM(units=3, return_sequences=False, "
        "return_state=False), merge_mode='concat'): 3. "
        "Expected 6: kernel, recurrent_kernel and bias for each direction."
    )


@pytest.mark.parametrize(
    "config",
    [
        LayerConfig("LSTM", 4, return_sequences=True, return_state=True, go_backwards=True),
        LayerConfig("GRU", 4, return_state=True, reset_after=False, go_backwards=True),
        LayerConfig("SimpleRNN", 2, return_sequences=True, bidirectional=True, merge_mode=None),
        LayerConfig("GRU", 1, return_state=True, bidirectional=True, merge_mode="ave"),
    ],
    ids=LayerConfig.describe,
)
def test_reference_agrees_with_keras(config):
    outcome = run_layer(config, (3, 6, 2))
    reference = reference_outputs(config, outcome.weights, outcome.inputs)
    assert len(reference) == len(outcome.arrays)
    for observed, expected in zip(outcome.arrays, reference):
        assert np.max(np.abs(observed - expected)) <= 1e-5


@pytest.fixture(scope="module")
def lstm_outcome():
    return run_layer(LayerConfig("LSTM", 3, return_state=True), (2, 5, 1))


def test_check_reference_passes_keras(lstm_outcome):
    check_reference(lstm_outcome, 1e-5)


def test_outputs_off_by_a_thousandth_caught(lstm_outcome):
    drifted = dataclasses.replace(
        lstm_outcome, arrays=tuple(array * 1.001 for array in lstm_outcome.arrays)
    )
    with pytest.raises(RuleBroken) as error:
        check_reference(drifted, 1e-5)
    message = str(error.value)
    assert message.startswith(
        "Rule broken: LSTM computes what the NumPy reference computes from the same "
        "weights, within 1e-05 absolute\n"
    )
    assert "  output: largest absolute difference" in message
    assert message.count("<- over the tolerance") == 3


def test_missing_tensor_reported(lstm_outcome):
    short = dataclasses.replace(lstm_outcome, arrays=lstm_outcome.arrays[:2])
    with pytest.raises(RuleBroken, match="  c: largest absolute difference inf"):
        check_reference(short, 1e-5)


@pytest.mark.parametrize(("text", "value"), [("1e-5", 1e-5), ("0.001", 0.001), ("2", 2.0)])
def test_tolerance_parsed(text, value):
    assert parse_tolerance(text) == value


@pytest.mark.parametrize("text", ["0", "-1e-5", "inf", "nan", "tiny", ""])
def test_invalid_tolerance_rejected(text):
    with pytest.raises(SpecError) as error:
        parse_tolerance(text)
    assert str(error.value) == (
        f"Invalid tolerance: {text!r}. Expected a positive number such as 1e-5."
    )
