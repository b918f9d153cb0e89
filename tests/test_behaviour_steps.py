"""The parsers of the behaviour steps: cells and masking layers named in a feature."""

import pytest

from rnn_spec.errors import SpecError
from rnn_spec.plan import ModelPlan
from steps.behaviours import padding_masked_by, parse_cells


def test_one_cell_parsed():
    assert parse_cells("an LSTMCell with 3 units") == (("LSTMCell", 3),)


def test_cell_list_parsed():
    text = "a GRUCell with 5 units, a GRUCell with 1 unit and a SimpleRNNCell with 2 units"
    assert parse_cells(text) == (("GRUCell", 5), ("GRUCell", 1), ("SimpleRNNCell", 2))


def test_malformed_cells_rejected():
    with pytest.raises(SpecError) as error:
        parse_cells("an LSTMCell of 3 units")
    assert str(error.value) == (
        "Invalid cells: 'an LSTMCell of 3 units'. Expected cells such as "
        "'an LSTMCell with 3 units and a GRUCell with 2 units'."
    )


def test_masking_layer_parsed():
    plan = padding_masked_by(ModelPlan(), "2", "an Embedding layer with mask_zero True")
    assert plan == ModelPlan(masking="Embedding", padding=2)


def test_unknown_masking_layer_rejected():
    with pytest.raises(SpecError) as error:
        padding_masked_by(ModelPlan(), "2", "a Dropout layer")
    assert str(error.value) == (
        "Invalid masking layer: 'a Dropout layer'. "
        "Expected one of a Masking layer or an Embedding layer with mask_zero True."
    )
