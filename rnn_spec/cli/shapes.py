"""`rnn-spec shapes`: each returned tensor's shape from the rule and from a real Keras call.

    $ rnn-spec shapes LSTM --units 3 --input 2,5,1 --return-state
    LSTM(units=3, return_sequences=False, return_state=True) on input (2, 5, 1)
             rule     keras
    output : (2, 3)   (2, 3)
    h      : (2, 3)   (2, 3)
    c      : (2, 3)   (2, 3)

The exit status is 1 when Keras and the rule disagree on any name or shape, or when
Keras rejects the configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

from rnn_spec.cli.arguments import parse_format, parse_input_argument, parse_layer, spec_type
from rnn_spec.config import LayerConfig, parse_merge_mode, parse_units
from rnn_spec.errors import SpecError
from rnn_spec.shapes import Shape, format_shape

LESSON_INPUT = (2, 5, 1)
LESSON_UNITS = 3
FLAGS = ("return_sequences", "return_state", "go_backwards", "bidirectional")
FLAG_HELP = {
    "return_sequences": "set return_sequences=True: return every step",
    "return_state": "set return_state=True: return the final states after the output",
    "go_backwards": "set go_backwards=True: read the sequence last step first",
    "bidirectional": "wrap the layer in keras.layers.Bidirectional",
}


@dataclass(frozen=True)
class ShapeRow:
    """One returned tensor: its name, the rule's shape and the shape of Keras' array.

    A shape is None where one side returns fewer tensors than the other.
    """

    name: str
    rule: Shape | None
    symbolic: str
    keras: Shape | None

    @property
    def agrees(self) -> bool:
        return self.rule is not None and self.rule == self.keras


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "shapes",
        help="print the shapes a layer returns, from the rule and from a real Keras call",
        description="Print each tensor a recurrent layer returns with its shape, once "
        "from the rule in rnn_spec and once from a real Keras call on a seeded batch. "
        "Exit status 1 when they disagree.",
    )
    parser.add_argument("layer", type=spec_type(parse_layer, "layer"), help="LSTM, GRU or SimpleRNN")
    parser.add_argument(
        "--units",
        type=spec_type(parse_units, "units"),
        default=LESSON_UNITS,
        help=f"the layer's units, a positive integer (default {LESSON_UNITS})",
    )
    parser.add_argument(
        "--input",
        type=spec_type(parse_input_argument, "input shape"),
        default=LESSON_INPUT,
        metavar="B,T,F",
        help="the input shape batch,timesteps,features (default 2,5,1)",
    )
    for flag in FLAGS:
        option = "--" + flag.replace("_", "-")
        parser.add_argument(option, action="store_true", help=FLAG_HELP[flag])
    parser.add_argument(
        "--merge-mode",
        type=spec_type(parse_merge_mode, "merge_mode"),
        default="concat",
        metavar="MODE",
        help="Bidirectional merge_mode: concat (default), sum, mul, ave or None. "
        "Needs --bidirectional.",
    )
    parser.add_argument(
        "--format",
        type=spec_type(parse_format, "format"),
        default="text",
        help="output format: text (default) or json",
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    config = config_from_arguments(args)
    try:
        rows = compare(config, args.input)
    except ValueError as error:
        # Keras validates some combinations only when it builds the layer.
        print(f"Keras rejected {config.describe()}: {error}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(as_json(config, args.input, rows), indent=2))
    else:
        print(render_text(config, args.input, rows))
    return 0 if all(row.agrees for row in rows) else 1


def config_from_arguments(args: argparse.Namespace) -> LayerConfig:
    """Build the LayerConfig, reporting an invalid combination as a usage error."""
    merge_mode_given = args.merge_mode != "concat"
    if merge_mode_given and not args.bidirectional:
        args.parser.error(f"--merge-mode {args.merge_mode} needs --bidirectional.")
    flags = {flag: getattr(args, flag) for flag in FLAGS}
    try:
        return LayerConfig(args.layer, args.units, merge_mode=args.merge_mode, **flags)
    except SpecError as error:
        args.parser.error(str(error))


def compare(config: LayerConfig, input_shape: Shape) -> list[ShapeRow]:
    """Pair the rule's tensors with the arrays a real eager Keras call returns."""
    from rnn_spec.run import run_layer

    outcome = run_layer(config, input_shape, call_path="call")
    expected = outcome.expected.tensors
    observed = [tuple(array.shape) for array in outcome.arrays]
    rows = []
    for position in range(max(len(expected), len(observed))):
        tensor = expected[position] if position < len(expected) else None
        rows.append(
            ShapeRow(
                name=tensor.name if tensor else f"(extra tensor {position + 1})",
                rule=tensor.shape if tensor else None,
                symbolic=tensor.symbolic if tensor else "",
                keras=observed[position] if position < len(observed) else None,
            )
        )
    return rows


def render_text(config: LayerConfig, input_shape: Shape, rows: list[ShapeRow]) -> str:
    """Lay the rows out as the lesson prints them, "output : (2, 3)", rule beside keras."""
    name_width = max(len(row.name) for row in rows)
    shape_width = max(len(format_shape(row.rule)) for row in rows) + 3
    lines = [
        f"{config.describe()} on input {format_shape(input_shape)}",
        f"{'':{name_width}}   {'rule':{shape_width}}keras",
    ]
    for row in rows:
        line = f"{row.name:{name_width}} : {format_shape(row.rule):{shape_width}}{format_shape(row.keras)}"
        lines.append(line if row.agrees else line + "   <- disagrees")
    disagreeing = [row.name for row in rows if not row.agrees]
    if disagreeing:
        lines.append(f"Keras disagrees with the rule on: {', '.join(disagreeing)}.")
    return "\n".join(lines)


def as_json(config: LayerConfig, input_shape: Shape, rows: list[ShapeRow]) -> dict:
    """Convert the comparison to plain data, where a missing tensor's shape is null."""
    return {
        "configuration": config.describe(),
        "input_shape": list(input_shape),
        "agrees": all(row.agrees for row in rows),
        "tensors": [
            {
                "name": row.name,
                "rule": _listed(row.rule),
                "symbolic": row.symbolic,
                "keras": _listed(row.keras),
                "agrees": row.agrees,
            }
            for row in rows
        ],
    }


def _listed(shape: Shape | None) -> list[int | None] | None:
    return None if shape is None else list(shape)
