"""A NumPy forward pass of the Keras recurrent layers, computed from the layer's own weights.

It restates the maths of Keras 3's LSTM, GRU and SimpleRNN cells (default activations:
tanh, with sigmoid for the gates) so that the specification checks values, not only
shapes. It imports no Keras: it takes the weights as `layer.get_weights()` returns them,
in Keras' order, and returns the tensors in the order a Keras call returns them.

Weight layouts, for `features` inputs and `units` units:

* LSTM: kernel (features, 4 × units), recurrent_kernel (units, 4 × units), bias
  (4 × units); the four blocks are the gates i (input), f (forget), c (candidate) and
  o (output), in that order.
* GRU: kernel (features, 3 × units), recurrent_kernel (units, 3 × units); the blocks are
  z (update), r (reset) and h (candidate). With reset_after True the bias is (2, 3 × units),
  an input bias and a recurrent bias, and the reset gate scales the recurrent term after
  the matrix product. With reset_after False the bias is (3 × units,) and the reset gate
  scales h before the product.
* SimpleRNN: kernel (features, units), recurrent_kernel (units, units), bias (units,).
* Bidirectional: the forward layer's weights, then the backward layer's.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid

# Each layer's weights: kernel, recurrent_kernel, bias.
WEIGHTS_PER_LAYER = 3


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function 1 / (1 + exp(-x)), Keras' recurrent_activation default."""
    return 1.0 / (1.0 + np.exp(-x))


def lstm_step(x, states, weights):
    """One LSTM step: return (h, (h, c)) for input x (batch, features)."""
    h, c = states
    kernel, recurrent_kernel, bias = weights
    z = x @ kernel + h @ recurrent_kernel + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
    c = sigmoid(z_f) * c + sigmoid(z_i) * np.tanh(z_c)
    h = sigmoid(z_o) * np.tanh(c)
    return h, (h, c)


def gru_step(x, states, weights, reset_after: bool):
    """One GRU step: return (h, (h,)) for input x (batch, features)."""
    (h,) = states
    kernel, recurrent_kernel, bias = weights
    input_bias, recurrent_bias = (bias[0], bias[1]) if reset_after else (bias, 0.0)
    x_z, x_r, x_h = np.split(x @ kernel + input_bias, 3, axis=-1)
    u_z, u_r, u_h = np.split(recurrent_kernel, 3, axis=-1)

    if reset_after:
        h_z, h_r, h_h = np.split(h @ recurrent_kernel + recurrent_bias, 3, axis=-1)
    else:
        h_z, h_r = h @ u_z, h @ u_r

    z = sigmoid(x_z + h_z)
    r = sigmoid(x_r + h_r)
    candidate = np.tanh(x_h + (r * h_h if reset_after else (r * h) @ u_h))
    h = z * h + (1.0 - z) * candidate
    return h, (h,)


def simple_rnn_step(x, states, weights):
    """One SimpleRNN step: return (h, (h,)) for input x (batch, features)."""
    (h,) = states
    kernel, recurrent_kernel, bias = weights
    h = np.tanh(x @ kernel + h @ recurrent_kernel + bias)
    return h, (h,)


def run_direction(config: LayerConfig, weights: Sequence[np.ndarray], inputs, go_backwards: bool):
    """Run one direction over inputs (batch, timesteps, features) from zero states.

    Return the outputs in the order the steps were read, (batch, timesteps, units), and the
    final states: (h, c) for LSTM, (h,) otherwise.
    """
    inputs = np.asarray(inputs, dtype=np.float64)
    weights = [np.asarray(w, dtype=np.float64) for w in weights]
    batch, timesteps, _features = inputs.shape
    state_count = 2 if config.has_cell_state else 1
    states = tuple(np.zeros((batch, config.units)) for _ in range(state_count))

    outputs = []
    for step in range(timesteps):
        t = timesteps - 1 - step if go_backwards else step
        output, states = _step(config, inputs[:, t], states, weights)
        outputs.append(output)
    return np.stack(outputs, axis=1), states


def _step(config: LayerConfig, x, states, weights):
    if config.layer == "LSTM":
        return lstm_step(x, states, weights)
    if config.layer == "GRU":
        return gru_step(x, states, weights, config.reset_after)
    return simple_rnn_step(x, states, weights)


def reference_outputs(
    config: LayerConfig, weights: Sequence[np.ndarray], inputs: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Compute what the Keras layer returns for `inputs`, in Keras' order, as float32.

    >>> config = LayerConfig("SimpleRNN", 1, return_state=True)
    >>> weights = [np.ones((1, 1)), np.zeros((1, 1)), np.zeros(1)]
    >>> output, h = reference_outputs(config, weights, np.ones((1, 2, 1)))
    >>> round(float(output[0, 0]), 4), round(float(h[0, 0]), 4)
    (0.7616, 0.7616)
    """
    weights = list(weights)
    expected_count = WEIGHTS_PER_LAYER * (2 if config.bidirectional else 1)
    if len(weights) != expected_count:
        raise invalid(
            f"weight count for {config.describe()}",
            len(weights),
            f"{expected_count}: kernel, recurrent_kernel and bias for each direction",
        )
    if not config.bidirectional:
        sequence, states = run_direction(config, weights, inputs, config.go_backwards)
        results = (_returned(config, sequence), *_returned_states(config, states))
    else:
        results = _bidirectional(config, weights, inputs)
    return tuple(np.asarray(result, dtype=np.float32) for result in results)


def _bidirectional(config: LayerConfig, weights, inputs):
    forward, forward_states = run_direction(
        config, weights[:WEIGHTS_PER_LAYER], inputs, config.go_backwards
    )
    backward, backward_states = run_direction(
        config, weights[WEIGHTS_PER_LAYER:], inputs, not config.go_backwards
    )
    forward, backward = _returned(config, forward), _returned(config, backward)
    if config.return_sequences:
        # The backward direction emits its steps last input step first; Bidirectional
        # flips them so that step t of both halves belongs to input step t.
        backward = backward[:, ::-1]

    merged = merge(config.merge_mode, forward, backward)
    states = (*_returned_states(config, forward_states), *_returned_states(config, backward_states))
    return (*merged, *states)


def merge(merge_mode: str | None, forward: np.ndarray, backward: np.ndarray):
    """Join the two directions as Bidirectional's merge_mode does; return a tuple."""
    if merge_mode == "concat":
        return (np.concatenate([forward, backward], axis=-1),)
    if merge_mode == "sum":
        return (forward + backward,)
    if merge_mode == "mul":
        return (forward * backward,)
    if merge_mode == "ave":
        return ((forward + backward) / 2,)
    return (forward, backward)


def _returned(config: LayerConfig, sequence: np.ndarray) -> np.ndarray:
    return sequence if config.return_sequences else sequence[:, -1]


def _returned_states(config: LayerConfig, states) -> tuple[np.ndarray, ...]:
    return tuple(states) if config.return_state else ()
