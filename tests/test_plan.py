"""ModelPlan validation, the planned model's rule, and the seeded batches."""

import numpy as np
import pytest

from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from rnn_spec.outcomes import expected_for, render_structure
from rnn_spec.plan import VOCABULARY, ModelPlan, make_batch


def test_empty_plan_expects_the_rule():
    expected = expected_for(LayerConfig("LSTM", 3, return_state=True), ModelPlan(), (2, 5, 1))
    assert expected.names == ("output", "h", "c")
    assert [tensor.shape for tensor in expected.tensors] == [(2, 3), (2, 3), (2, 3)]


def test_stack_and_head_shapes():
    plan = ModelPlan().stacked(LayerConfig("LSTM", 4)).with_head("Dense", 2)
    expected = expected_for(LayerConfig("LSTM", 3, return_sequences=True), plan, (2, 5, 1))
    assert expected.names == ("output",)
    assert expected.tensors[0].shape == (2, 2)
    assert expected.tensors[0].symbolic == "(batch, head_units)"
    assert expected.dimensions()["stacked_units"] == 4
    assert expected.dimensions()["head_units"] == 2


def test_time_distributed_head_keeps_timesteps():
    plan = ModelPlan().with_head("TimeDistributed Dense", 5)
    expected = expected_for(LayerConfig("GRU", 8, return_sequences=True), plan, (3, 7, 4))
    assert expected.tensors[0].shape == (3, 7, 5)
    assert expected.tensors[0].symbolic == "(batch, timesteps, head_units)"


def test_stack_on_last_step_rejected():
    plan = ModelPlan().stacked(LayerConfig("LSTM", 4))
    with pytest.raises(SpecError) as error:
        expected_for(LayerConfig("LSTM", 3), plan, (2, 5, 1))
    assert str(error.value) == (
        "Invalid layer below LSTM(units=4, return_sequences=False, return_state=False): "
        "'output (2, 3)'. Expected one output of shape (batch, timesteps, units), "
        "which return_sequences=True without return_state gives."
    )


def test_time_distributed_on_last_step_rejected():
    plan = ModelPlan().with_head("TimeDistributed Dense", 2)
    with pytest.raises(SpecError) as error:
        expected_for(LayerConfig("LSTM", 3), plan, (2, 5, 1))
    assert str(error.value) == (
        "Invalid input of TimeDistributed: (2, 3). Expected a sequence (batch, timesteps, units)."
    )


def test_unknown_head_rejected():
    with pytest.raises(SpecError) as error:
        ModelPlan().with_head("Conv1D", 2)
    assert str(error.value) == (
        "Invalid head: 'Conv1D'. Expected one of Dense or TimeDistributed Dense."
    )


def test_padding_needs_a_mask():
    with pytest.raises(SpecError) as error:
        ModelPlan(padding=2)
    assert str(error.value) == (
        "Invalid padding: 2. Expected 0 unless a Masking or Embedding layer masks it."
    )


def test_unknown_masker_rejected():
    with pytest.raises(SpecError) as error:
        ModelPlan().masked("Dropout", 1)
    assert str(error.value) == (
        "Invalid masking layer: 'Dropout'. Expected one of Masking or Embedding."
    )


def test_no_layer_stacked_above_head():
    plan = ModelPlan().with_head("Dense", 2)
    with pytest.raises(SpecError, match="Expected a layer added before the head"):
        plan.stacked(LayerConfig("LSTM", 3))


def test_masking_batch_padded_with_zeros():
    batch = make_batch(ModelPlan().masked("Masking", 2), (2, 5, 3))
    assert batch.shape == (2, 5, 3)
    assert np.all(batch[:, 3:] == 0)
    assert np.all(np.any(batch[:, :3] != 0, axis=-1))


def test_embedding_batch_is_tokens():
    batch = make_batch(ModelPlan().masked("Embedding", 1), (3, 6, 4))
    assert batch.shape == (3, 6)
    assert batch.dtype == np.int32
    assert np.all(batch[:, -1] == 0)
    assert np.all((batch[:, :-1] >= 1) & (batch[:, :-1] < VOCABULARY))


def test_batch_is_seeded():
    plan = ModelPlan()
    assert np.array_equal(make_batch(plan, (2, 5, 1)), make_batch(plan, (2, 5, 1)))


def test_plan_describes_layers_in_order():
    plan = ModelPlan().masked("Masking", 1).with_head("TimeDistributed Dense", 2)
    text = plan.describe(LayerConfig("GRU", 3, return_sequences=True))
    assert text == (
        "Masking(mask_value=0.0) -> GRU(units=3, return_sequences=True, return_state=False)"
        " -> TimeDistributed(Dense(2))"
    )


def test_structure_renders_tuples_and_lists():
    assert render_structure(("x", ["y", "z"], ["w"]), ("output", "h", "c", "h2")) == (
        "(output, [h, c], [h2])"
    )
