"""The converters every step shares: one per domain type, registered once."""

from __future__ import annotations

import re

from rnn_spec.config import parse_merge_mode, parse_units
from rnn_spec.errors import SpecError
from rnn_spec.shapes import parse_input_shape

CONVERTERS = {
    "input_shape": parse_input_shape,
    "units": parse_units,
    "merge_mode": parse_merge_mode,
}


def parse_names(text: str) -> tuple[str, ...]:
    """Parse a list of tensor names: "output", "output, h and c".

    >>> parse_names("output, h and c")
    ('output', 'h', 'c')
    """
    parts = re.split(r",\s*|\s+and\s+", text.strip())
    for part in parts:
        if not re.fullmatch(r"[a-z_]+", part):
            raise SpecError(
                f"Invalid list of tensor names: {text!r}. "
                "Expected names such as 'output, h and c'."
            )
    return tuple(parts)
