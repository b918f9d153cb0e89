"""The `rnn-spec` command: look up shapes, list step phrases, build the documentation site.

    rnn-spec shapes LSTM --units 3 --input 2,5,1 --return-state
    rnn-spec steps
    rnn-spec docs --out site --lang ko --results results.json

Each subcommand lives in its own module with `add_parser(subparsers)` and `run(args)`;
`run` returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
from collections.abc import Sequence

# Set before anything imports Keras, as the test suite's conftest does. An explicit
# KERAS_BACKEND from the caller wins. Log level 3 hides TensorFlow's info, warnings and
# the CUDA probe's error line on a machine without a GPU, none of which concern a lookup.
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from rnn_spec.cli import docs, shapes, steps_catalogue  # noqa: E402

SUBCOMMANDS = (shapes, steps_catalogue, docs)


def build_parser() -> argparse.ArgumentParser:
    """Build the parser for `rnn-spec` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="rnn-spec",
        description="Look up the shapes Keras recurrent layers return, list the step "
        "phrases a feature can use, and build the documentation site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(subparsers)
    return parser


def package_version() -> str:
    """Return the installed version of rnn-spec, or "unknown" in an uninstalled tree."""
    try:
        return importlib.metadata.version("rnn-spec")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run `rnn-spec` with `argv` (default: the process arguments) and return the exit status.

    Invalid arguments exit with status 2 and a usage line, as argparse does.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.run(args)

