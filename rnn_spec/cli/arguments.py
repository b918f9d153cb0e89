"""argparse types built on rnn_spec's parsers, so that the CLI reports SpecError messages,
and the options that several subcommands share."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rnn_spec.config import LAYER_NAMES
from rnn_spec.errors import SpecError, invalid, not_one_of
from rnn_spec.shapes import Shape

FORMATS = ("text", "json")

INPUT_FORM = "batch,timesteps,features as three positive integers, such as 2,5,1"


def spec_type(parse: Callable[[str], object], name: str) -> Callable[[str], object]:
    """Wrap `parse` so that argparse prints its SpecError message and exits with status 2.

    argparse replaces the text of a plain ValueError with "invalid <type> value", which
    would hide the allowed values that SpecError names.
    """

    def convert(text: str) -> object:
        try:
            return parse(text)
        except SpecError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = name
    return convert


def parse_layer(text: str) -> str:
    """Parse a Keras recurrent layer class name: LSTM, GRU or SimpleRNN."""
    if text not in LAYER_NAMES:
        raise not_one_of("layer", text, LAYER_NAMES)
    return text


def parse_input_argument(text: str) -> Shape:
    """Parse "2,5,1" (or "(2, 5, 1)") into the input shape (batch, timesteps, features).

    >>> parse_input_argument("2,5,1")
    (2, 5, 1)
    """
    parts = text.strip().removeprefix("(").removesuffix(")").split(",")
    sizes = [part.strip() for part in parts]
    if len(sizes) != 3 or not all(_is_positive_integer(size) for size in sizes):
        raise invalid("input shape", text, INPUT_FORM)
    return tuple(int(size) for size in sizes)


def _is_positive_integer(text: str) -> bool:
    return text.isascii() and text.isdigit() and int(text) > 0


def parse_format(text: str) -> str:
    """Parse the output format: text or json."""
    if text not in FORMATS:
        raise not_one_of("format", text, FORMATS)
    return text


def add_project_arguments(parser) -> None:
    """Add --features and --conftest, which name the feature files and the step modules."""
    parser.add_argument(
        "--features",
        type=Path,
        default=Path("features"),
        help="the directory of .feature files (default ./features)",
    )
    parser.add_argument(
        "--conftest",
        type=Path,
        default=Path("conftest.py"),
        help="the conftest.py whose pytest_plugins list the step modules (default ./conftest.py)",
    )
