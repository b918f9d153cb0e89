"""The shape rule of Keras recurrent layers, derived without importing Keras.

For an input of shape (batch, timesteps, features) and a layer with `units` units:

* the output is (batch, timesteps, units) with return_sequences, else (batch, units);
* Bidirectional concat doubles the last axis; sum, mul and ave keep it; merge_mode None
  returns the forward and backward outputs as two tensors;
* with return_state, each direction adds its final states after the output(s):
  h and c for LSTM, h alone for GRU and SimpleRNN, each (batch, units), forward first.

A Bidirectional may be given a `backward_layer` of its own: then concat is
(units + backward_units) wide, and the backward states follow the backward layer's class
and units. batch and timesteps may be None (unknown until a call); the rule keeps them so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid, not_one_of
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
    # The Bidirectional's own backward layer, when it is not a copy of the forward one.
    # Keyword-only, so that subclasses can add positional fields after `tensors`.
    backward: LayerConfig | None = field(default=None, kw_only=True)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(tensor.name for tensor in self.tensors)

    def tensor(self, name: str) -> ExpectedTensor:
        """Return the expected tensor called `name`, or raise naming those that exist."""
        for tensor in self.tensors:
            if tensor.name == name:
                return tensor
        raise not_one_of(f"tensor name for {self.config.describe()}", name, self.names)

    def dimensions(self) -> dict[str, int | None]:
        """The named sizes a feature may use in a symbolic shape."""
        batch, timesteps, features = self.input_shape
        dimensions = {
            "batch": batch,
            "timesteps": timesteps,
            "features": features,
            "units": self.config.units,
        }
        if self.backward is not None:
            dimensions["backward_units"] = self.backward.units
        return dimensions

    def describe(self) -> str:
        """The configuration as Keras code spells it, with the backward layer if any."""
        text = self.config.describe()
        if self.backward is None:
            return text
        return f"{text[:-1]}, backward_layer={self.backward.describe()})"


def expected_outputs(
    config: LayerConfig, input_shape: Shape, backward: LayerConfig | None = None
) -> Expected:
    """Derive the names and shapes that `config` returns for `input_shape`.

    `backward` describes a Bidirectional's own backward layer (its class and units); None
    means the usual copy of the forward layer.

    >>> from rnn_spec.config import LayerConfig
    >>> expected_outputs(LayerConfig("LSTM", 3, return_state=True), (2, 5, 1)).names
    ('output', 'h', 'c')
    """
    if backward is not None:
        _check_backward(config, backward)
    batch, timesteps, _features = input_shape
    tensors = list(_outputs(config, batch, timesteps, backward))
    tensors.extend(_states(config, batch, backward))
    return Expected(
        config=config, input_shape=tuple(input_shape), tensors=tuple(tensors), backward=backward
    )


def _check_backward(config: LayerConfig, backward: LayerConfig) -> None:
    if not config.bidirectional:
        raise invalid(
            f"backward layer for {config.describe()}",
            backward.describe(),
            "none, because only a layer wrapped in Bidirectional has one",
        )
    if config.merge_mode in ("sum", "mul", "ave") and backward.units != config.units:
        raise invalid(
            f"backward layer units for merge_mode {config.merge_mode}",
            backward.units,
            f"the forward layer's {config.units}, because {config.merge_mode} "
            "combines the two element by element",
        )


def _outputs(config: LayerConfig, batch, timesteps, backward: LayerConfig | None):
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
        yield _tensor("output_forward", axes + (config.units,), f"({symbolic_axes}, units)", rule)
        width, symbolic_width = _backward_width(config, backward)
        symbolic = f"({symbolic_axes}, {symbolic_width})"
        yield _tensor("output_backward", axes + (width,), symbolic, rule)
        return

    if mode == "concat" and backward is not None:
        width = config.units + backward.units
        symbolic_width = "units + backward_units"
        merge_rule = (
            "Bidirectional concat joins forward and backward on the last axis, "
            "each as wide as its own layer's units"
        )
    elif mode == "concat":
        width, symbolic_width = 2 * config.units, "2 × units"
        merge_rule = "Bidirectional concat joins forward and backward on the last axis"
    else:
        width, symbolic_width = config.units, "units"
        merge_rule = f"Bidirectional {mode} combines forward and backward element-wise"
    symbolic = f"({symbolic_axes}, {symbolic_width})"
    yield _tensor("output", axes + (width,), symbolic, f"{steps_rule}; {merge_rule}")


def _backward_width(config: LayerConfig, backward: LayerConfig | None) -> tuple[int, str]:
    if backward is None:
        return config.units, "units"
    return backward.units, "backward_units"


def _states(config: LayerConfig, batch: int | None, backward: LayerConfig | None = None):
    if not config.return_state:
        return
    rule = f"return_state=True adds the final states after the output: {_state_kinds(config)}"
    if not config.bidirectional:
        for state in _state_names(config):
            yield _tensor(state, (batch, config.units), "(batch, units)", rule)
        return

    rule += ", each direction in turn, forward first"
    for state in _state_names(config):
        yield _tensor(f"{state}_forward", (batch, config.units), "(batch, units)", rule)
    backward_layer = backward or config
    if backward is not None:
        rule += f"; the backward layer {_state_kinds(backward)}"
    width, symbolic_width = _backward_width(config, backward)
    for state in _state_names(backward_layer):
        yield _tensor(f"{state}_backward", (batch, width), f"(batch, {symbolic_width})", rule)


def _state_names(config: LayerConfig) -> tuple[str, ...]:
    return ("h", "c") if config.has_cell_state else ("h",)


def _state_kinds(config: LayerConfig) -> str:
    kind = "h and c" if config.has_cell_state else "h only"
    return f"{config.layer} returns {kind}"


def _tensor(name: str, shape: Shape, symbolic: str, rule: str) -> ExpectedTensor:
    return ExpectedTensor(name=name, shape=tuple(shape), symbolic=symbolic, rule=rule)


def describe_expected(expected: Expected) -> str:
    """Render the expected tensors one per line, as the lesson prints them."""
    return "\n".join(f"{t.name} : {format_shape(t.shape)}" for t in expected.tensors)
