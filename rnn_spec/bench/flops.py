"""The FLOP count of one forward pass of a recurrent layer, written down once.

Only the matrix products are counted, a multiply-add being 2 FLOPs. At each step, for
each sequence, each gate multiplies the input (features) by its kernel and the previous
h (units) by its recurrent kernel, so a step costs 2 × gates × units × (features + units).
The element-wise work (biases, activations, the gate products) grows with units alone
and is left out: for LSTM(128) on 32 features it adds under 2% to the count.

Gates per step: LSTM 4 (input, forget, cell, output), GRU 3 (update, reset, candidate),
SimpleRNN 1. Bidirectional runs two copies, so it counts twice.
"""

from __future__ import annotations

from rnn_spec.config import LayerConfig
from rnn_spec.errors import not_one_of
from rnn_spec.shapes import Shape

GATES = {"LSTM": 4, "GRU": 3, "SimpleRNN": 1}


def flop_count(config: LayerConfig, input_shape: Shape) -> int:
    """Count the FLOPs of one forward pass over a batch of `input_shape`.

    >>> flop_count(LayerConfig("LSTM", 128), (64, 100, 32))
    1048576000
    >>> flop_count(LayerConfig("LSTM", 3), (2, 5, 1))
    960
    """
    if config.layer not in GATES:
        raise not_one_of("layer", config.layer, list(GATES))
    batch, timesteps, features = input_shape
    per_step = 2 * GATES[config.layer] * config.units * (features + config.units)
    directions = 2 if config.bidirectional else 1
    return directions * batch * timesteps * per_step
