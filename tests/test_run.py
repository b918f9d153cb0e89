"""Runs that change one part of a configuration: merge_mode with the same weights, a backward layer."""

import numpy as np
import pytest

from rnn_spec.checks import RuleBroken, check_combination
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from rnn_spec.run import rerun_with_merge_mode, run_layer
from rnn_spec.views import parse_combination


def test_rerun_keeps_weights_and_batch():
    outcome = run_layer(LayerConfig("GRU", 2, bidirectional=True, merge_mode="sum"), (2, 5, 1))
    unmerged = rerun_with_merge_mode(outcome, None)

    assert unmerged.names == ("output_forward", "output_backward")
    assert np.array_equal(unmerged.inputs, outcome.inputs)
    summed = unmerged.array("output_forward") + unmerged.array("output_backward")
    assert np.max(np.abs(outcome.array("output") - summed)) <= 1e-6


def test_rerun_needs_bidirectional():
    outcome = run_layer(LayerConfig("GRU", 2), (2, 5, 1))
    with pytest.raises(SpecError) as error:
        rerun_with_merge_mode(outcome, None)
    assert str(error.value) == (
        "Invalid configuration for a merge_mode None run: "
        "'GRU(units=2, return_sequences=False, return_state=False)'. "
        "Expected a layer wrapped in Bidirectional."
    )


def test_rerun_rejects_backward_layer():
    config = LayerConfig("GRU", 2, bidirectional=True)
    outcome = run_layer(config, (2, 5, 1), backward=LayerConfig("SimpleRNN", 2))
    with pytest.raises(SpecError) as error:
        rerun_with_merge_mode(outcome, None)
    assert str(error.value) == (
        "Invalid configuration for a merge_mode None run: "
        "\"Bidirectional(GRU(units=2, return_sequences=False, return_state=False), "
        "merge_mode='concat', backward_layer=SimpleRNN(units=2, return_sequences=False, "
        "return_state=False))\". Expected a Bidirectional that copies its forward layer, "
        "without a backward_layer."
    )


def test_backward_layer_run_declares_and_observes():
    config = LayerConfig("LSTM", 3, bidirectional=True)
    outcome = run_layer(config, (2, 5, 1), backward=LayerConfig("GRU", 3))
    assert outcome.declared == ((None, 6),)
    assert [array.shape for array in outcome.arrays] == [(2, 6)]


def test_backward_layer_run_rejects_predict():
    config = LayerConfig("LSTM", 3, bidirectional=True)
    with pytest.raises(SpecError) as error:
        run_layer(config, (2, 5, 1), call_path="predict", backward=LayerConfig("GRU", 3))
    assert str(error.value) == (
        "Invalid call path for a backward layer of its own: 'predict'. Expected call."
    )


def test_wrong_combination_reported():
    outcome = run_layer(LayerConfig("GRU", 2, bidirectional=True, merge_mode="sum"), (2, 5, 1))
    unmerged = rerun_with_merge_mode(outcome, None)
    product = parse_combination("output_forward × output_backward")
    rule = "merge_mode sum makes the output output_forward × output_backward"

    with pytest.raises(RuleBroken) as error:
        check_combination(outcome, "output", product, unmerged, rule)
    lines = str(error.value).splitlines()
    assert lines[:2] == [
        f"Rule broken: {rule}",
        "Configuration: Bidirectional(GRU(units=2, return_sequences=False, "
        "return_state=False), merge_mode='sum'), input (2, 5, 1), call path call",
    ]
    assert lines[2].startswith("  output: shape (2, 2), values [[")
    assert lines[-1].endswith(", tolerance 1e-06")
    assert lines[-1].startswith("  largest absolute difference ")
