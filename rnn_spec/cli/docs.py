"""`rnn-spec docs`: build the static HTML site and Markdown pages from features/ and results.

    pytest --rnn-spec-results results.json
    rnn-spec docs --out site --results results.json [--lang ko]

Progress goes to stderr, one line per feature.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rnn_spec.cli.arguments import add_project_arguments, spec_type
from rnn_spec.cli.step_registry import load_definitions, load_features, plugin_modules
from rnn_spec.errors import SpecError, invalid
from rnn_spec.site.labels import LANGUAGES, labels_for
from rnn_spec.site.pages import feature_page, index_results, read_results
from rnn_spec.site.render import write_site


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="build the HTML and Markdown documentation from the features and a run's results",
        description="Build a static HTML site and Markdown pages: each feature's "
        "narrative, each scenario's verdict and observed shapes, and a diagram of the "
        "unrolled layer for each configuration.",
    )
    parser.add_argument("--out", type=Path, required=True, help="the directory to write the site to")
    parser.add_argument(
        "--lang",
        type=spec_type(parse_language, "language"),
        default="en",
        help="the language of labels and page text: en (default) or ko",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="the JSON file written by pytest --rnn-spec-results; without it every verdict is 'not run'",
    )
    add_project_arguments(parser)
    parser.set_defaults(run=run, parser=parser)


def parse_language(text: str) -> str:
    """Parse a site language: en or ko."""
    labels_for(text)
    return text


def run(args: argparse.Namespace) -> int:
    try:
        pages, results = collect(args.features, args.conftest, args.results)
    except SpecError as error:
        args.parser.error(str(error))
    written = write_site(args.out, pages, results, args.lang)
    print(f"Wrote {len(written)} files to {args.out}; open {args.out / 'index.html'}", file=sys.stderr)
    return 0


def collect(features_dir: Path, conftest: Path, results_path: Path | None):
    """Read the features, the step definitions and the results into page data."""
    if not features_dir.is_dir():
        raise invalid("features directory", str(features_dir), "a directory of .feature files")
    definitions = load_definitions(plugin_modules(conftest), conftest.resolve().parent)
    results = read_results(results_path)
    indexed = index_results(results)
    pages = [feature_page(feature, definitions, indexed) for feature in load_features(features_dir)]
    return pages, results


__all__ = ["LANGUAGES", "add_parser", "run"]
