"""The shape rule of Keras recurrent layers, derived without importing Keras.

For an input of shape (batch, timesteps, features) and a layer with `units` units:

* the output is (batch, timesteps, units) with return_sequences, else (batch, units);
* Bidirectional concat doubles the last axis; sum, mul and ave keep it; merge_mode None
  returns the forward and backward outputs as two tensors;
* with return_state, each direction adds its final states after the output(s):
  h and c for LSTM, h alone for GRU and SimpleRNN, each (batch, units), forward first.
"""

from __future__ import annotations

from dataclasses import dataclass

from rnn_spec.config import LayerConfig
from rnn_spec.shapes import Shape, format_shape


@dataclass(frozen=True)
class ExpectedTensor:
    """One tensor the layer returns: its name, shape, symbolic shape and the rule behind it."""

    name: str
    shape: Shape
    symbolic: str
    rule: str


@dataclass(frozen=True)
class Expected:
    """Everything a layer call returns, in Keras' order."""

    config: LayerConfig
    input_shape: Shape
    tensors: tuple[ExpectedTensor, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(tensor.name for tensor in self.tensors)

    def tensor(self, name: str) -> ExpectedTensor:
        """Return the expected tensor called `name`, or raise naming those that exist."""
        for tensor in self.tensors:
            if tensor.name == name:
                return tensor
        from rnn_spec.errors import not_one_of

        raise not_one_of(f"tensor name for {self.config.describe()}", name, self.names)

    def dimensions(self) -> dict[str, int | None]:
        """The named sizes a feature may use in a symbolic shape."""
        batch, timesteps, features = self.input_shape
        return {
            "batch": batch,
            "timesteps": timesteps,
            "features": features,
            "units": self.config.units,
        }


def expected_outputs(config: LayerConfig, input_shape: Shape) -> Expected:
    """Derive the names and shapes that `config` returns for `input_shape`.

    >>> from rnn_spec.config import LayerConfig
    >>> expected_outputs(LayerConfig("LSTM", 3, return_state=True), (2, 5, 1)).names
    ('output', 'h', 'c')
    """
    batch, timesteps, _features = input_shape
    tensors = list(_outputs(config, batch, timesteps))
    tensors.extend(_states(config, batch))
    return Expected(config=config, input_shape=tuple(input_shape), tensors=tuple(tensors))


def _outputs(config: LayerConfig, batch: int | None, timesteps: int | None):
    if config.return_sequences:
        axes, symbolic_axes = (batch, timesteps), "batch, timesteps"
        steps_rule = "return_sequences=True returns every step"
    else:
        axes, symbolic_axes = (batch,), "batch"
        steps_rule = "return_sequences=False returns the last step only"

    if not config.bidirectional:
        yield _tensor("output", axes + (config.units,), f"({symbolic_axes}, units)", steps_rule)
        return

    mode = config.merge_mode
    if mode is None:
        rule = f"{steps_rule}; merge_mode=None returns the forward and backward outputs apart"
        for direction in ("forward", "backward"):
            symbolic = f"({symbolic_axes}, units)"
            yield _tensor(f"output_{direction}", axes + (config.units,), symbolic, rule)
        return

    if mode == "concat":
        width, symbolic_width = 2 * config.units, "2 × units"
        merge_rule = "Bidirectional concat joins forward and backward on the last axis"
    else:
        width, symbolic_width = config.units, "units"
        merge_rule = f"Bidirectional {mode} combines forward and backward element-wise"
    symbolic = f"({symbolic_axes}, {symbolic_width})"
    yield _tensor("output", axes + (width,), symbolic, f"{steps_rule}; {merge_rule}")


def _states(config: LayerConfig, batch: int | None):
    if not config.return_state:
        return
    state_names = ("h", "c") if config.has_cell_state else ("h",)
    kind = "h and c" if config.has_cell_state else "h only"
    rule = f"return_state=True adds the final states after the output: {config.layer} returns {kind}"
    directions = ("_forward", "_backward") if config.bidirectional else ("",)
    if config.bidirectional:
        rule += ", each direction in turn, forward first"
    for suffix in directions:
        for state in state_names:
            yield _tensor(state + suffix, (batch, config.units), "(batch, units)", rule)


def _tensor(name: str, shape: Shape, symbolic: str, rule: str) -> ExpectedTensor:
    return ExpectedTensor(name=name, shape=tuple(shape), symbolic=symbolic, rule=rule)


def describe_expected(expected: Expected) -> str:
    """Render the expected tensors one per line, as the lesson prints them."""
    return "\n".join(f"{t.name} : {format_shape(t.shape)}" for t in expected.tensors)
