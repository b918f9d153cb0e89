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
