"""One step of a cell: the cell of an RNN called on a single time step of the batch.

A cell reads (batch, features), the input at one step, and the states, each
(batch, units), and returns (output, new_states): for an LSTMCell, (output, [h, c]),
where output is the new h.
"""

from __future__ import annotations

import numpy as np

from rnn_spec.cells import cell_state_names
from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid
from rnn_spec.outcomes import StructuredOutcome, structured_outcome
from rnn_spec.plan import ModelPlan, make_batch
from rnn_spec.rule import Expected, ExpectedTensor
from rnn_spec.sequences import model_for


def run_cell_step(config: LayerConfig, input_shape) -> StructuredOutcome:
    """Call the single cell of an RNN configuration on the first step, from zero states."""
    import keras

    if len(config.cells) != 1:
        raise invalid("cells for one step", config.cells, "exactly one cell")
    batch, _timesteps, features = input_shape
    cell = model_for(config, ModelPlan(), input_shape).layers[-1].cell
    names = ("output", *cell_state_names(config.cells[0][0]))
    step = make_batch(ModelPlan(), input_shape)[:, 0]
    states = [np.zeros((batch, config.units), "float32") for _ in names[1:]]
    symbolic_states = [keras.Input(shape=(config.units,)) for _ in names[1:]]
    symbolic = cell(keras.Input(shape=(features,)), symbolic_states)
    declared = [symbolic[0].shape, *(state.shape for state in symbolic[1])]
    rule = (
        "a cell reads one step (batch, features) and returns the output and the new "
        "states, each (batch, units)"
    )
    shape = (batch, config.units)
    tensors = tuple(ExpectedTensor(name, shape, "(batch, units)", rule) for name in names)
    expected = Expected(config, tuple(input_shape), tensors)
    return structured_outcome(expected, declared, cell(step, states), step)
