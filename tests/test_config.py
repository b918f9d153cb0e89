"""LayerConfig validation: every invalid value is rejected with a message naming it."""

import pytest

from rnn_spec.config import LayerConfig, SpecError, parse_bool, parse_merge_mode, parse_units


def test_config_defaults_match_keras():
    config = LayerConfig("LSTM", 3)
    assert config.return_sequences is False
    assert config.return_state is False
    assert config.bidirectional is False
    assert config.merge_mode == "concat"


def test_config_is_immutable():
    config = LayerConfig("GRU", 2)
    with pytest.raises(AttributeError):
        config.units = 4


@pytest.mark.parametrize(
    ("layer", "message"),
    [
        ("LTSM", "Invalid layer: 'LTSM'. Expected one of LSTM, GRU or SimpleRNN."),
        ("lstm", "Invalid layer: 'lstm'. Expected one of LSTM, GRU or SimpleRNN."),
        ("Dense", "Invalid layer: 'Dense'. Expected one of LSTM, GRU or SimpleRNN."),
    ],
)
def test_unknown_layer_rejected(layer, message):
    with pytest.raises(SpecError) as error:
        LayerConfig(layer, 3)
    assert str(error.value) == message


@pytest.mark.parametrize("units", [0, -1, "0", "-3", "3.5", "three", 2.0, True, ""])
def test_invalid_units_rejected(units):
    with pytest.raises(SpecError) as error:
        LayerConfig("LSTM", units)
    assert str(error.value) == f"Invalid units: {units!r}. Expected a positive integer."


def test_units_text_accepted():
    assert LayerConfig("LSTM", "7").units == 7
    assert parse_units(" 12 ") == 12


@pytest.mark.parametrize("mode", ["Concat", "max", "none", "", 1])
def test_unknown_merge_mode_rejected(mode):
    with pytest.raises(SpecError) as error:
        LayerConfig("LSTM", 3, bidirectional=True, merge_mode=mode)
    assert str(error.value) == (
        f"Invalid merge_mode: {mode!r}. Expected one of concat, sum, mul, ave or None."
    )


@pytest.mark.parametrize(("text", "mode"), [("concat", "concat"), ("ave", "ave"), ("None", None)])
def test_merge_mode_text_parsed(text, mode):
    assert parse_merge_mode(text) == mode


def test_merge_mode_text_rejected():
    with pytest.raises(SpecError) as error:
        parse_merge_mode("average")
    assert str(error.value) == (
        "Invalid merge_mode: 'average'. Expected one of concat, sum, mul, ave or None."
    )


@pytest.mark.parametrize(("text", "value"), [("True", True), ("False", False)])
def test_bool_text_parsed(text, value):
    assert parse_bool(text) is value


@pytest.mark.parametrize("text", ["true", "yes", "1", ""])
def test_bool_text_rejected(text):
    with pytest.raises(SpecError) as error:
        parse_bool(text)
    assert str(error.value) == f"Invalid boolean: {text!r}. Expected one of True or False."


def test_flag_must_be_bool():
    with pytest.raises(SpecError) as error:
        LayerConfig("GRU", 3, return_state="yes")
    assert str(error.value) == "Invalid return_state: 'yes'. Expected True or False."


def test_with_option_sets_flag():
    config = LayerConfig("LSTM", 3).with_option("return_state", "True")
    assert config.return_state is True


def test_with_option_unknown_option():
    with pytest.raises(SpecError) as error:
        LayerConfig("LSTM", 3).with_option("return_sequence", "True")
    assert str(error.value) == (
        "Invalid layer option: 'return_sequence'. Expected one of "
        "dropout, go_backwards, merge_mode, recurrent_dropout, reset_after, "
        "return_sequences, return_state, stateful or unroll."
    )


def test_replace_unknown_field():
    with pytest.raises(SpecError, match="Invalid layer option: 'unit'"):
        LayerConfig("LSTM", 3).replace(unit=4)


def test_replace_revalidates():
    with pytest.raises(SpecError, match="Invalid units: 0"):
        LayerConfig("LSTM", 3).replace(units=0)


def test_describe_spells_keras_arguments():
    config = LayerConfig("LSTM", 3, return_state=True, bidirectional=True)
    assert config.describe() == (
        "Bidirectional(LSTM(units=3, return_sequences=False, return_state=True), "
        "merge_mode='concat')"
    )


def test_rnn_over_cells_accepted():
    config = LayerConfig("RNN", "2", cells=(("LSTMCell", "3"), ("GRUCell", 2)))
    assert config.cells == (("LSTMCell", 3), ("GRUCell", 2))
    assert config.has_cell_state is False
    assert LayerConfig("RNN", 3, cells=(("LSTMCell", 3),)).has_cell_state is True


def test_rnn_describe_lists_cells():
    config = LayerConfig("RNN", 2, return_state=True, cells=(("LSTMCell", 3), ("GRUCell", 2)))
    assert config.describe() == (
        "RNN([LSTMCell(3), GRUCell(2)], return_sequences=False, return_state=True)"
    )


def test_rnn_without_cells_rejected():
    with pytest.raises(SpecError) as error:
        LayerConfig("RNN", 3)
    assert str(error.value) == (
        "Invalid cells for RNN: (). Expected at least one cell, such as LSTMCell with 3 units."
    )


def test_rnn_unknown_cell_rejected():
    with pytest.raises(SpecError) as error:
        LayerConfig("RNN", 3, cells=(("LSTM", 3),))
    assert str(error.value) == (
        "Invalid cell: 'LSTM'. Expected one of LSTMCell, GRUCell or SimpleRNNCell."
    )


def test_rnn_units_must_be_last_cells():
    with pytest.raises(SpecError) as error:
        LayerConfig("RNN", 3, cells=(("LSTMCell", 3), ("GRUCell", 2)))
    assert str(error.value) == "Invalid units for RNN: 3. Expected the last cell's units, 2."


def test_cells_on_other_layer_rejected():
    with pytest.raises(SpecError) as error:
        LayerConfig("LSTM", 3, cells=(("LSTMCell", 3),))
    assert str(error.value) == (
        "Invalid cells for LSTM: (('LSTMCell', 3),). Expected none, because only RNN runs cells."
    )


def test_bidirectional_go_backwards_rejected():
    with pytest.raises(SpecError) as error:
        LayerConfig("LSTM", 3, go_backwards=True, bidirectional=True)
    assert str(error.value) == (
        "Invalid option go_backwards=True for a Bidirectional layer. Expected "
        "go_backwards=False: Keras 3 makes the backward direction itself."
    )
