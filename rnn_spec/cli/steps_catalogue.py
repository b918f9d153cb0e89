"""`rnn-spec steps`: the catalogue of step phrases a feature can use.

The step definitions come from the modules in the project conftest's `pytest_plugins`,
so a new step module appears here once it is listed there. For each phrase the catalogue
gives an example from the features, its parameters with their accepted forms, and the
feature files that use it. It then lists ambiguous steps (matched by two or more
definitions), undefined steps and unused definitions.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from rnn_spec.cli.arguments import add_project_arguments, parse_format, spec_type
from rnn_spec.cli.phrases import accepted_forms, parameters, phrase
from rnn_spec.cli.step_registry import (
    Matches,
    StepDefinition,
    load_definitions,
    load_features,
    match_features,
    plugin_modules,
)
from rnn_spec.errors import SpecError, invalid

# Long lists of feature files wrap at this many characters, indented under their label.
WIDTH = 100
USED_IN = "    used in:  "


@dataclass(frozen=True)
class Entry:
    """One phrase in the catalogue."""

    type: str
    phrase: str
    example: str
    description: str
    parameters: tuple[tuple[str, str], ...]
    features: tuple[str, ...]
    uses: int
    function: str


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "steps",
        help="list the step phrases a feature can use",
        description="List every step phrase with an example, its parameters and the "
        "feature files that use it; then report ambiguous, undefined and unused steps.",
    )
    add_project_arguments(parser)
    parser.add_argument(
        "--format",
        type=spec_type(parse_format, "format"),
        default="text",
        help="output format: text (default) or json",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit with status 1 when a step is ambiguous or undefined, or a definition unused",
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    try:
        matches = find_matches(args.conftest, args.features)
    except SpecError as error:
        args.parser.error(str(error))
    entries = catalogue(matches)
    if args.format == "json":
        print(json.dumps(as_json(entries, matches), indent=2, ensure_ascii=False))
    else:
        print(render_text(entries, matches))
    has_problems = matches.ambiguous or matches.undefined or matches.unused
    return 1 if args.check and has_problems else 0


def find_matches(conftest: Path, features_dir: Path) -> Matches:
    """Load the step definitions a conftest lists and match them against the features."""
    if not features_dir.is_dir():
        raise invalid("features directory", str(features_dir), "a directory of .feature files")
    root = conftest.resolve().parent
    definitions = load_definitions(plugin_modules(conftest), root)
    return match_features(definitions, load_features(features_dir))


def catalogue(matches: Matches) -> list[Entry]:
    """Build one entry per step definition, in the order the modules define them."""
    return [entry(definition, matches) for definition in matches.definitions]


def entry(definition: StepDefinition, matches: Matches) -> Entry:
    parser = definition.context.parser
    converters = definition.context.converters
    keyword = (definition.type or "step").capitalize()
    uses = matches.uses[definition]
    example = f"{keyword} {uses[0].text}" if uses else f"{keyword} {phrase(parser)}"
    doc = (definition.context.step_func.__doc__ or "").strip().splitlines()
    return Entry(
        type=keyword,
        phrase=f"{keyword} {phrase(parser)}",
        example=example,
        description=doc[0] if doc else "",
        parameters=tuple(
            (name, accepted_forms(name, parser, converters.get(name)))
            for name in parameters(parser)
        ),
        features=tuple(sorted({use.feature for use in uses})),
        uses=len(uses),
        function=definition.function_name,
    )


def render_text(entries: list[Entry], matches: Matches) -> str:
    """Lay the catalogue out as one block per phrase, then the problems found."""
    lines = []
    for item in entries:
        lines.append(item.phrase)
        if item.description:
            lines.append(f"    {item.description}")
        lines.append(f"    example:  {item.example}")
        for name, forms in item.parameters:
            lines.append(f"    <{name}>: {forms}")
        used_in = ", ".join(item.features) if item.features else "no feature (unused)"
        wrapped = textwrap.fill(
            used_in,
            WIDTH,
            initial_indent=USED_IN,
            subsequent_indent=" " * len(USED_IN),
            break_on_hyphens=False,
        )
        lines.append(wrapped)
        lines.append(f"    defined:  {item.function}")
        lines.append("")
    lines.extend(problem_lines(matches))
    return "\n".join(lines)


def problem_lines(matches: Matches) -> list[str]:
    """Describe ambiguous and undefined steps and unused definitions, or report that there are none."""
    lines = []
    for use, definitions in matches.ambiguous:
        functions = " and ".join(definition.function_name for definition in definitions)
        lines.append(
            f"Ambiguous step: {use.feature}:{use.line} {use.type.capitalize()} {use.text!r} "
            f"is matched by {functions}."
        )
    for use in matches.undefined:
        lines.append(
            f"Undefined step: {use.feature}:{use.line} {use.type.capitalize()} {use.text!r} "
            "is matched by no step definition."
        )
    for definition in matches.unused:
        lines.append(f"Unused step definition: {definition.function_name} ({definition.pattern!r}).")
    if not lines:
        count = len(matches.definitions)
        lines.append(f"{count} step definitions: none ambiguous, none unused, no undefined steps.")
    return lines


def as_json(entries: list[Entry], matches: Matches) -> dict:
    """Convert the catalogue and its problems to plain data."""
    return {
        "steps": [
            {
                "type": item.type,
                "phrase": item.phrase,
                "example": item.example,
                "description": item.description,
                "parameters": [{"name": name, "forms": forms} for name, forms in item.parameters],
                "features": list(item.features),
                "uses": item.uses,
                "function": item.function,
            }
            for item in entries
        ],
        "ambiguous": [
            {
                "feature": use.feature,
                "line": use.line,
                "step": f"{use.type.capitalize()} {use.text}",
                "functions": [definition.function_name for definition in definitions],
            }
            for use, definitions in matches.ambiguous
        ],
        "undefined": [
            {"feature": use.feature, "line": use.line, "step": f"{use.type.capitalize()} {use.text}"}
            for use in matches.undefined
        ],
        "unused": [definition.function_name for definition in matches.unused],
    }
