"""The rule in rnn_spec, derived without Keras, for the lesson's cases."""

import sys

import pytest

from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from rnn_spec.rule import expected_outputs

LESSON_INPUT = (2, 5, 1)


def shapes_of(config, input_shape=LESSON_INPUT):
    expected = expected_outputs(config, input_shape)
    return dict(zip(expected.names, (t.shape for t in expected.tensors)))


def test_rule_does_not_import_keras():
    assert "rnn_spec.rule" in sys.modules
    import subprocess

    code = "import sys, rnn_spec.rule; print('keras' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("config", "shapes"),
    [
        (LayerConfig("LSTM", 3), {"output": (2, 3)}),
        (LayerConfig("LSTM", 3, return_sequences=True), {"output": (2, 5, 3)}),
        (
            LayerConfig("LSTM", 3, return_state=True),
            {"output": (2, 3), "h": (2, 3), "c": (2, 3)},
        ),
        (LayerConfig("GRU", 3, return_state=True), {"output": (2, 3), "h": (2, 3)}),
        (LayerConfig("LSTM", 3, bidirectional=True), {"output": (2, 6)}),
        (LayerConfig("LSTM", 3, return_sequences=True, bidirectional=True), {"output": (2, 5, 6)}),
        (
            LayerConfig("LSTM", 3, return_state=True, bidirectional=True),
            {
                "output": (2, 6),
                "h_forward": (2, 3),
                "c_forward": (2, 3),
                "h_backward": (2, 3),
                "c_backward": (2, 3),
            },
        ),
        (
            LayerConfig("GRU", 3, return_state=True, bidirectional=True),
            {"output": (2, 6), "h_forward": (2, 3), "h_backward": (2, 3)},
        ),
    ],
    ids=lambda value: value.describe() if isinstance(value, LayerConfig) else "",
)
def test_lesson_shapes_derived(config, shapes):
    assert shapes_of(config) == shapes


def test_rule_keeps_keras_order():
    config = LayerConfig("LSTM", 3, return_state=True, bidirectional=True)
    assert expected_outputs(config, LESSON_INPUT).names == (
        "output",
        "h_forward",
        "c_forward",
        "h_backward",
        "c_backward",
    )


def test_unknown_batch_kept_unknown():
    config = LayerConfig("LSTM", 4, return_sequences=True, return_state=True)
    assert shapes_of(config, (None, 7, 2)) == {
        "output": (None, 7, 4),
        "h": (None, 4),
        "c": (None, 4),
    }


def test_rule_text_names_flag():
    expected = expected_outputs(LayerConfig("LSTM", 3, return_sequences=True), LESSON_INPUT)
    assert "return_sequences=True returns every step" in expected.tensors[0].rule


def test_unknown_tensor_name_rejected():
    expected = expected_outputs(LayerConfig("GRU", 3, return_state=True), LESSON_INPUT)
    with pytest.raises(SpecError) as error:
        expected.tensor("c")
    assert str(error.value) == (
        "Invalid tensor name for GRU(units=3, return_sequences=False, return_state=True): "
        "'c'. Expected one of output or h."
    )


@pytest.mark.parametrize(
    ("merge_mode", "shapes"),
    [
        ("concat", {"output": (2, 5, 6)}),
        ("sum", {"output": (2, 5, 3)}),
        ("mul", {"output": (2, 5, 3)}),
        ("ave", {"output": (2, 5, 3)}),
        (None, {"output_forward": (2, 5, 3), "output_backward": (2, 5, 3)}),
    ],
)
def test_merge_mode_shapes_derived(merge_mode, shapes):
    config = LayerConfig(
        "SimpleRNN", 3, return_sequences=True, bidirectional=True, merge_mode=merge_mode
    )
    assert shapes_of(config) == shapes


def test_merge_mode_none_states_follow_outputs():
    config = LayerConfig("LSTM", 3, return_state=True, bidirectional=True, merge_mode=None)
    assert expected_outputs(config, LESSON_INPUT).names == (
        "output_forward",
        "output_backward",
        "h_forward",
        "c_forward",
        "h_backward",
        "c_backward",
    )


def test_simple_rnn_has_h_only():
    config = LayerConfig("SimpleRNN", 4, return_sequences=True, return_state=True)
    assert shapes_of(config, (3, 7, 2)) == {"output": (3, 7, 4), "h": (3, 4)}


def test_unknown_timesteps_kept_unknown():
    config = LayerConfig("GRU", 2, return_sequences=True, bidirectional=True)
    assert shapes_of(config, (None, None, 1)) == {"output": (None, None, 4)}


def test_symbolic_shape_names_axes():
    config = LayerConfig("LSTM", 3, return_sequences=True, bidirectional=True)
    assert expected_outputs(config, LESSON_INPUT).tensor("output").symbolic == (
        "(batch, timesteps, 2 × units)"
    )


BACKWARD_GRU = LayerConfig("GRU", 5)


def test_backward_layer_units_widen_concat():
    config = LayerConfig("LSTM", 3, return_state=True, bidirectional=True)
    expected = expected_outputs(config, LESSON_INPUT, backward=BACKWARD_GRU)
    assert dict(zip(expected.names, (t.shape for t in expected.tensors))) == {
        "output": (2, 8),
        "h_forward": (2, 3),
        "c_forward": (2, 3),
        "h_backward": (2, 5),
    }
    assert expected.tensor("output").symbolic == "(batch, units + backward_units)"
    assert expected.tensor("h_backward").symbolic == "(batch, backward_units)"
    assert expected.dimensions()["backward_units"] == 5


def test_backward_layer_with_merge_mode_none():
    config = LayerConfig("GRU", 2, bidirectional=True, merge_mode=None)
    expected = expected_outputs(config, (3, 4, 2), backward=BACKWARD_GRU)
    assert [t.shape for t in expected.tensors] == [(3, 2), (3, 5)]


def test_backward_layer_described():
    config = LayerConfig("LSTM", 3, bidirectional=True)
    expected = expected_outputs(config, LESSON_INPUT, backward=BACKWARD_GRU)
    assert expected.describe() == (
        "Bidirectional(LSTM(units=3, return_sequences=False, return_state=False), "
        "merge_mode='concat', backward_layer=GRU(units=5, return_sequences=False, "
        "return_state=False))"
    )


def test_backward_layer_needs_bidirectional():
    with pytest.raises(SpecError) as error:
        expected_outputs(LayerConfig("LSTM", 3), LESSON_INPUT, backward=BACKWARD_GRU)
    assert str(error.value) == (
        "Invalid backward layer for LSTM(units=3, return_sequences=False, "
        "return_state=False): 'GRU(units=5, return_sequences=False, return_state=False)'. "
        "Expected none, because only a layer wrapped in Bidirectional has one."
    )


@pytest.mark.parametrize("merge_mode", ["sum", "mul", "ave"])
def test_backward_units_must_match_elementwise_merge(merge_mode):
    config = LayerConfig("LSTM", 3, bidirectional=True, merge_mode=merge_mode)
    with pytest.raises(SpecError) as error:
        expected_outputs(config, LESSON_INPUT, backward=BACKWARD_GRU)
    assert str(error.value) == (
        f"Invalid backward layer units for merge_mode {merge_mode}: 5. Expected the "
        f"forward layer's 3, because {merge_mode} combines the two element by element."
    )
