"""keras.layers.RNN over cells: the names and shapes it returns, and one step of a cell.

A cell computes one time step: given the input at that step, (batch, features), and the
states, it returns (output, new_states). RNN loops a cell over the timesteps. Given a
list of cells, RNN stacks them: each step passes through every cell in turn, and the
output width is the last cell's units.

With return_state, RNN returns the output followed by the final states. Over one cell
they come flat, (output, h, c) for an LSTMCell. Over a list they nest one list per cell,
(output, [h, c], [h]) for an LSTMCell and then a GRUCell.
"""

from __future__ import annotations

from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid
from rnn_spec.rule import ExpectedTensor

# Names for the cells of a list, in order, used as suffixes: h_first_cell, c_second_cell.
ORDINALS = ("first", "second", "third", "fourth")


def cell_state_names(cell: str) -> tuple[str, ...]:
    """The states a cell keeps: h and c for an LSTMCell, h alone for the others."""
    return ("h", "c") if cell == "LSTMCell" else ("h",)


def cells_outputs(config: LayerConfig, batch: int | None, timesteps: int | None):
    """The tensors an RNN over `config.cells` returns, as ExpectedTensor records.

    >>> config = LayerConfig("RNN", 2, return_state=True, cells=(("LSTMCell", 3), ("GRUCell", 2)))
    >>> [tensor.name for tensor in cells_outputs(config, 2, 5)]
    ['output', 'h_first_cell', 'c_first_cell', 'h_second_cell']
    """
    if len(config.cells) > len(ORDINALS):
        raise invalid("number of cells", len(config.cells), f"at most {len(ORDINALS)}")
    if config.return_sequences:
        output = ExpectedTensor(
            "output",
            (batch, timesteps, config.units),
            "(batch, timesteps, units)",
            "RNN with return_sequences=True returns the last cell's output at every step",
        )
    else:
        rule = "RNN returns the last cell's output at the last step"
        output = ExpectedTensor("output", (batch, config.units), "(batch, units)", rule)
    tensors = [output]
    if config.return_state:
        tensors.extend(_cell_states(config, batch))
    return tensors


def _cell_states(config: LayerConfig, batch: int | None):
    single = len(config.cells) == 1
    rule = "return_state=True adds each cell's final states after the output, first cell first"
    for position, (cell, units) in enumerate(config.cells):
        suffix = "" if single else f"_{ORDINALS[position]}_cell"
        symbolic = "(batch, units)" if position == len(config.cells) - 1 else f"(batch, {units})"
        for state in cell_state_names(cell):
            yield ExpectedTensor(state + suffix, (batch, units), symbolic, rule)
