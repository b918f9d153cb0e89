"""The validated, immutable description of one recurrent layer."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from rnn_spec.errors import SpecError, invalid, not_one_of

LAYER_NAMES = ("LSTM", "GRU", "SimpleRNN")
MERGE_MODES = ("concat", "sum", "mul", "ave", None)

# The layers whose step keeps a cell state c beside the hidden state h.
LAYERS_WITH_CELL_STATE = frozenset({"LSTM"})


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


# Keras arguments a feature may set with "Given <option> is <value>", and their parsers.
OPTION_PARSERS: dict[str, Callable[[str], object]] = {
    "return_sequences": parse_bool,
    "return_state": parse_bool,
    "go_backwards": parse_bool,
    "merge_mode": parse_merge_mode,
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
    bidirectional: bool = False
    merge_mode: str | None = "concat"

    def __post_init__(self) -> None:
        if self.layer not in LAYER_NAMES:
            raise not_one_of("layer", self.layer, LAYER_NAMES)
        object.__setattr__(self, "units", parse_units(self.units))
        for name in ("return_sequences", "return_state", "go_backwards", "bidirectional"):
            if not isinstance(getattr(self, name), bool):
                raise invalid(name, getattr(self, name), "True or False")
        if self.merge_mode not in MERGE_MODES:
            raise not_one_of("merge_mode", self.merge_mode, [str(m) for m in MERGE_MODES])

    @property
    def has_cell_state(self) -> bool:
        """Whether each direction returns c beside h (LSTM only)."""
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

    def describe(self) -> str:
        """Render the configuration as Keras code would spell it."""
        arguments = [f"units={self.units}"]
        for name in ("return_sequences", "return_state", "go_backwards"):
            if getattr(self, name) or name != "go_backwards":
                arguments.append(f"{name}={getattr(self, name)}")
        text = f"{self.layer}({', '.join(arguments)})"
        if self.bidirectional:
            text = f"Bidirectional({text}, merge_mode={self.merge_mode!r})"
        return text


__all__ = [
    "LAYER_NAMES",
    "MERGE_MODES",
    "LayerConfig",
    "SpecError",
    "parse_bool",
    "parse_merge_mode",
    "parse_units",
]
