"""When steps: run the configured layer on a seeded batch of the given input shape."""

from __future__ import annotations

import pytest
from pytest_bdd import when

from rnn_spec.run import rerun_with_merge_mode, run_layer


@pytest.fixture
def backward_layer():
    """None: Bidirectional copies the forward layer, unless a Given step names another."""
    return None


@when("the layer reads the batch", target_fixture="outcome")
def layer_reads_batch(config, input_shape, backward_layer):
    return run_layer(config, input_shape, call_path="call", backward=backward_layer)


@when("the model predicts the batch", target_fixture="outcome")
def model_predicts_batch(config, input_shape):
    return run_layer(config, input_shape, call_path="predict")


@when("the same weights read the batch with merge_mode None", target_fixture="unmerged")
def same_weights_unmerged(outcome):
    return rerun_with_merge_mode(outcome, None)
