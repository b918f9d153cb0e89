"""The runs behind the behaviour features: copies, halves, attempts, comparisons."""

import numpy as np
import pytest

from rnn_spec.attempts import ask_keras
from rnn_spec.cell_step import run_cell_step
from rnn_spec.checks import RuleBroken
from rnn_spec.compare import check_all_zeros, check_runs, check_structure
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from rnn_spec.keras_errors import Attempt, check_accepted, check_rejected
from rnn_spec.plan import ModelPlan
from rnn_spec.sequences import model_for, run_copy, run_model
from rnn_spec.states import INITIAL_STATE, RESET, run_halves
from rnn_spec.views import parse_view

EMPTY = ModelPlan()
OUTPUT = parse_view("the output")


def test_go_backwards_matches_reversed_copy():
    config = LayerConfig("GRU", 3, return_sequences=True, go_backwards=True)
    run = run_model(config, EMPTY, (2, 5, 1))
    reversed_copy = run_copy(
        config, EMPTY, (2, 5, 1), "the batch reversed in time", "go_backwards", "False"
    )
    forward_copy = run_copy(config, EMPTY, (2, 5, 1), "the batch", "go_backwards", "False")

    check_runs(run, reversed_copy, OUTPUT, same=True)
    with pytest.raises(RuleBroken, match="Rule broken: the output is the same in both runs"):
        check_runs(run, forward_copy, OUTPUT, same=True)


def test_copy_has_the_original_weights():
    config = LayerConfig("LSTM", 3, unroll=True)
    original = model_for(config, EMPTY, (2, 5, 1))
    copy = model_for(config.replace(unroll=False), EMPTY, (2, 5, 1), config)
    for left, right in zip(original.get_weights(), copy.get_weights()):
        assert np.array_equal(left, right)


def test_stateful_runs_do_not_depend_on_order():
    config = LayerConfig("GRU", 2, stateful=True, return_state=True)
    first = run_halves(config, EMPTY, (2, 6, 1), "")
    run_halves(config, EMPTY, (2, 6, 1), RESET)
    again = run_halves(config, EMPTY, (2, 6, 1), "")
    check_runs(first, again, parse_view("h"), same=True)


def test_halves_need_stateful():
    with pytest.raises(SpecError) as error:
        run_halves(LayerConfig("GRU", 2), EMPTY, (2, 6, 1), "")
    assert str(error.value) == (
        "Invalid layer for two stateful calls: "
        "'GRU(units=2, return_sequences=False, return_state=False)'. Expected stateful=True."
    )


def test_initial_state_needs_return_state():
    with pytest.raises(SpecError) as error:
        run_halves(LayerConfig("GRU", 2), EMPTY, (2, 6, 1), INITIAL_STATE)
    assert str(error.value) == (
        "Invalid layer for initial_state: "
        "'GRU(units=2, return_sequences=False, return_state=False)'. "
        "Expected a bare layer with return_state=True."
    )


def test_unknown_way_of_halves_rejected():
    with pytest.raises(SpecError, match="Invalid way to read two halves: 'twice'"):
        run_halves(LayerConfig("GRU", 2, stateful=True), EMPTY, (2, 6, 1), "twice")


def test_copy_without_padding_needs_padding():
    with pytest.raises(SpecError) as error:
        run_copy(LayerConfig("GRU", 2), EMPTY, (2, 6, 1), "the batch without its padding")
    assert str(error.value) == (
        "Invalid padding: 0. Expected a batch with padding steps to leave out."
    )


def test_copy_of_unknown_input_rejected():
    with pytest.raises(SpecError, match="Invalid input of a copy: 'the first step'"):
        run_copy(LayerConfig("GRU", 2), EMPTY, (2, 6, 1), "the first step")


def test_variable_length_model_declares_none():
    config = LayerConfig("LSTM", 3, return_sequences=True)
    model = model_for(config, EMPTY, (2, None, 1))
    assert tuple(model.outputs[0].shape) == (None, None, 3)
    assert run_model(config, EMPTY, (2, None, 1), 4).arrays[0].shape == (2, 4, 3)


def test_open_timesteps_need_a_length():
    with pytest.raises(SpecError) as error:
        run_model(LayerConfig("LSTM", 3), EMPTY, (2, None, 1))
    assert str(error.value) == (
        "Invalid timesteps of the batch: None. "
        "Expected a number, because the input shape leaves it open."
    )


def test_cell_step_structure():
    run = run_cell_step(LayerConfig("RNN", 3, cells=(("LSTMCell", 3),)), (2, 5, 1))
    check_structure(run, "(output, [h, c])")
    assert run.declared == ((None, 3), (None, 3), (None, 3))
    with pytest.raises(RuleBroken, match=r"observed structure: \(output, \[h, c\]\)"):
        check_structure(run, "(output, h, c)")


def test_masked_bidirectional_steps_are_zero():
    config = LayerConfig("LSTM", 2, return_sequences=True, bidirectional=True)
    run = run_model(config, ModelPlan().masked("Masking", 2), (2, 5, 1))
    check_all_zeros(run, parse_view("step 4 of the output"))
    with pytest.raises(RuleBroken, match="Rule broken: step 0 of the output is all zeros"):
        check_all_zeros(run, parse_view("step 0 of the output"))


def test_rejection_matched_by_type_and_fragment():
    request = "call the layer on a batch of shape (2, 5)"
    result = ask_keras(request, LayerConfig("LSTM", 3), EMPTY, (2, 5, 1))
    assert result.call_path == "call"
    check_rejected(result, "ValueError", "expected ndim=3, found ndim=2")
    check_rejected(result, "Exception", "found ndim=2")
    broken = 'Rule broken: Keras rejects it with TypeError mentioning "ndim"'
    with pytest.raises(RuleBroken, match=broken):
        check_rejected(result, "TypeError", "ndim")
    with pytest.raises(RuleBroken, match="Rule broken: Keras accepts it"):
        check_accepted(result)


def test_accepted_shape_checked():
    result = Attempt("predict", "predict", "LSTM", shapes=((2, 3),))
    check_accepted(result, (2, 3))
    with pytest.raises(RuleBroken, match=r"observed: Keras accepted it and returned \(2, 3\)"):
        check_accepted(result, (2, 4))
    with pytest.raises(RuleBroken, match=r"observed: Keras accepted it and returned \(2, 3\)"):
        check_rejected(result, "ValueError", "shape")


def test_unknown_request_rejected():
    expected = r"Invalid request: 'train the model'\. Expected one of build the model"
    with pytest.raises(SpecError, match=expected):
        ask_keras("train the model", LayerConfig("LSTM", 3), EMPTY, (2, 5, 1))


def test_two_predicts_request_parsed():
    request = "predict a batch of shape (2, 5, 1), then a batch of shape (3, 5, 1)"
    result = ask_keras(request, LayerConfig("LSTM", 3), EMPTY, (2, 5, 1))
    assert result.call_path == "predict"
    check_accepted(result, (3, 3))
