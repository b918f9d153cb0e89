"""The validated, immutable description of one recurrent layer."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from rnn_spec.errors import SpecError, invalid, not_one_of

LAYER_NAMES = ("LSTM", "GRU", "SimpleRNN")
# keras.layers.RNN is built from cells instead of units, so a configuration names it only
# together with its cells, and the error for an unknown layer lists LAYER_NAMES alone.
RNN_LAYER = "RNN"
CELL_NAMES = ("LSTMCell", "GRUCell", "SimpleRNNCell")
MERGE_MODES = ("concat", "sum", "mul", "ave", None)

# The layers and cells whose step keeps a cell state c beside the hidden state h.
LAYERS_WITH_CELL_STATE = frozenset({"LSTM", "LSTMCell"})


def parse_bool(text: str) -> bool:
    """Parse 'True' or 'False', spelled as Python and Keras spell them."""
    if text == "True":
        return True
    if text == "False":
        return False
    raise not_one_of("boolean", text, ("True", "False"))


def parse_merge_mode(text: str) -> str | None:
    """Parse a Bidirectional merge_mode: concat, sum, mul, ave or None."""
    mode = None if text == "None" else text
    if mode not in MERGE_MODES:
        raise not_one_of("merge_mode", text, [str(m) for m in MERGE_MODES])
    return mode


def parse_units(text: str | int) -> int:
    """Parse a unit count, a positive integer given as text or int."""
    if isinstance(text, bool):
        raise invalid("units", text, "a positive integer")
    if isinstance(text, int):
        value = text
    elif not isinstance(text, str):
        raise invalid("units", text, "a positive integer")
    else:
        try:
            value = int(text.strip())
        except ValueError:
            raise invalid("units", text, "a positive integer") from None
    if value < 1:
        raise invalid("units", text, "a positive integer")
    return value


def parse_rate(text: str | float) -> float:
    """Parse a dropout rate, a number in [0, 1)."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise invalid("rate", text, "a number from 0 up to but not including 1") from None
    if isinstance(text, bool) or not 0 <= value < 1:
        raise invalid("rate", text, "a number from 0 up to but not including 1")
    return value


# Keras arguments a feature may set with "Given <option> is <value>", and their parsers.
OPTION_PARSERS: dict[str, Callable[[str], object]] = {
    "return_sequences": parse_bool,
    "return_state": parse_bool,
    "go_backwards": parse_bool,
    "stateful": parse_bool,
    "unroll": parse_bool,
    "reset_after": parse_bool,
    "dropout": parse_rate,
    "recurrent_dropout": parse_rate,
    "merge_mode": parse_merge_mode,
}

# Keras arguments that only some layer classes take.
LAYER_ONLY_OPTIONS = {"reset_after": "GRU"}
BOOL_FIELDS = (
    "return_sequences",
    "return_state",
    "go_backwards",
    "stateful",
    "unroll",
    "reset_after",
    "bidirectional",
)


# Optional Keras arguments and their Keras defaults.
OPTIONAL_DEFAULTS: dict[str, object] = {
    "go_backwards": False,
    "stateful": False,
    "unroll": False,
    "reset_after": True,
    "dropout": 0.0,
    "recurrent_dropout": 0.0,
}


@dataclass(frozen=True)
class LayerConfig:
    """One recurrent layer, optionally wrapped in Bidirectional.

    Every field is validated on creation, so an instance is always a configuration that
    Keras accepts. Use `replace` or `with_option` to derive a changed copy.
    """

    layer: str
    units: int
    return_sequences: bool = False
    return_state: bool = False
    go_backwards: bool = False
    stateful: bool = False
    unroll: bool = False
    reset_after: bool = True
    dropout: float = 0.0
    recurrent_dropout: float = 0.0
    bidirectional: bool = False
    merge_mode: str | None = "concat"
    # For layer "RNN" only: the cells it runs, each (cell class name, units), in the
    # order the input passes through them.
    cells: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        if self.layer not in LAYER_NAMES and self.layer != RNN_LAYER:
            raise not_one_of("layer", self.layer, LAYER_NAMES)
        object.__setattr__(self, "units", parse_units(self.units))
        object.__setattr__(self, "cells", _check_cells(self.layer, self.units, self.cells))
        for name in BOOL_FIELDS:
            if not isinstance(getattr(self, name), bool):
                raise invalid(name, getattr(self, name), "True or False")
        for name in ("dropout", "recurrent_dropout"):
            object.__setattr__(self, name, parse_rate(getattr(self, name)))
        if not self.reset_after and self.layer != "GRU":
            raise SpecError(
                f"Invalid option reset_after=False for {self.layer}. "
                "Expected a GRU: only GRU takes reset_after."
            )
        if self.merge_mode not in MERGE_MODES:
            raise not_one_of("merge_mode", self.merge_mode, [str(m) for m in MERGE_MODES])
        if self.bidirectional and self.go_backwards:
            # Keras 3 gives the backward copy go_backwards=True whatever the layer has,
            # then rejects two directions that both read backwards.
            raise SpecError(
                "Invalid option go_backwards=True for a Bidirectional layer. Expected "
                "go_backwards=False: Keras 3 makes the backward direction itself."
            )

    @property
    def has_cell_state(self) -> bool:
        """Whether each direction returns c beside h (LSTM, or RNN over one LSTMCell)."""
        if self.layer == RNN_LAYER:
            return len(self.cells) == 1 and self.cells[0][0] in LAYERS_WITH_CELL_STATE
        return self.layer in LAYERS_WITH_CELL_STATE

    def replace(self, **changes: object) -> LayerConfig:
        """Return a validated copy with some fields changed."""
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)})
        if unknown:
            allowed = [f.name for f in dataclasses.fields(self)]
            raise not_one_of("layer option", unknown[0], allowed)
        return dataclasses.replace(self, **changes)

    def with_option(self, option: str, text: str) -> LayerConfig:
        """Return a copy with one Keras argument set from its text form.

        >>> LayerConfig("LSTM", 3).with_option("return_sequences", "True").return_sequences
        True
        """
        parser = OPTION_PARSERS.get(option)
        if parser is None:
            raise not_one_of("layer option", option, sorted(OPTION_PARSERS))
        return self.replace(**{option: parser(text)})

    def keras_arguments(self) -> dict[str, object]:
        """The keyword arguments for the Keras layer class, without `units`.

        Arguments left at the Keras default are omitted, except the two flags every
        description names, and reset_after, which only GRU accepts.
        """
        arguments: dict[str, object] = {
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
        }
        for name, default in OPTIONAL_DEFAULTS.items():
            if getattr(self, name) != default:
                arguments[name] = getattr(self, name)
        return arguments

    def describe(self) -> str:
        """Render the configuration as Keras code would spell it."""
        arguments = [f"units={self.units}"]
        if self.layer == RNN_LAYER:
            cells = ", ".join(f"{name}({units})" for name, units in self.cells)
            arguments = [f"[{cells}]" if len(self.cells) > 1 else cells]
        for name, value in self.keras_arguments().items():
            arguments.append(f"{name}={value}")
        text = f"{self.layer}({', '.join(arguments)})"
        if self.bidirectional:
            text = f"Bidirectional({text}, merge_mode={self.merge_mode!r})"
        return text


def _check_cells(layer: str, units: int, cells) -> tuple[tuple[str, int], ...]:
    """Check that an RNN layer has cells, each known, and that no other layer has any.

    The units of an RNN over cells are its last cell's units: the width of its output.
    """
    if layer != RNN_LAYER:
        if cells:
            raise invalid(f"cells for {layer}", cells, "none, because only RNN runs cells")
        return ()
    if not cells:
        raise invalid("cells for RNN", cells, "at least one cell, such as LSTMCell with 3 units")
    checked = []
    for name, cell_units in cells:
        if name not in CELL_NAMES:
            raise not_one_of("cell", name, CELL_NAMES)
        checked.append((name, parse_units(cell_units)))
    if checked[-1][1] != units:
        raise invalid("units for RNN", units, f"the last cell's units, {checked[-1][1]}")
    return tuple(checked)


__all__ = [
    "CELL_NAMES",
    "LAYER_NAMES",
    "MERGE_MODES",
    "LayerConfig",
    "SpecError",
    "parse_bool",
    "parse_merge_mode",
    "parse_units",
]
