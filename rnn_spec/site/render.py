"""Write the documentation site: HTML pages, Markdown pages and SVG diagrams, via Jinja2."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jinja2

from rnn_spec.site.diagram import layout
from rnn_spec.site.labels import labels_for
from rnn_spec.site.pages import FeaturePage, RowPage

STYLESHEET = "style.css"


def environment(markdown: bool = False) -> jinja2.Environment:
    """A Jinja2 environment over the packaged templates; HTML and SVG output is escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("rnn_spec.site", "templates"),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def write_site(
    out: Path,
    features: list[FeaturePage],
    results: dict,
    language: str,
    progress: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> list[Path]:
    """Write every page under `out` and return the paths written, index first."""
    words = labels_for(language)
    html, markdown = environment(), environment(markdown=True)
    context = {"words": words, "language": language, "features": features, "results": results}
    for folder in ("features", "scenarios", "diagrams", "markdown"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    written = [
        _write(out / "index.html", html.get_template("index.html.j2").render(context, root="")),
        _write(out / "markdown" / "index.md", markdown.get_template("index.md.j2").render(context)),
    ]
    stylesheet = resources.files("rnn_spec.site").joinpath("templates", STYLESHEET).read_text(encoding="utf-8")
    written.append(_write(out / STYLESHEET, stylesheet))
    for number, feature in enumerate(features, start=1):
        written.extend(_write_feature(out, feature, html, markdown, context, words))
        rows = sum(len(scenario.rows) for scenario in feature.scenarios)
        count = len(feature.scenarios)
        scenarios = "1 scenario" if count == 1 else f"{count} scenarios"
        progress(f"[{number}/{len(features)}] {feature.path}: {scenarios}, {rows} rows")
    return written


def _write_feature(out, feature: FeaturePage, html, markdown, context, words) -> list[Path]:
    page_context = dict(context, feature=feature, root="../")
    written = [
        _write(
            out / "features" / f"{feature.slug}.html",
            html.get_template("feature.html.j2").render(page_context),
        ),
        _write(
            out / "markdown" / f"{feature.slug}.md",
            markdown.get_template("feature.md.j2").render(page_context),
        ),
    ]
    svg = html.get_template("diagram.svg.j2")
    for scenario in feature.scenarios:
        diagrams = _diagrams(out, scenario.rows, svg, words, written)
        written.append(
            _write(
                out / "scenarios" / f"{scenario.slug}.html",
                html.get_template("scenario.html.j2").render(page_context, scenario=scenario, diagrams=diagrams),
            )
        )
    return written


def _diagrams(out: Path, rows: list[RowPage], svg, words, written: list[Path]) -> list[dict]:
    """Draw each distinct configuration once, with the cases it covers.

    `svg` is the diagram template from the site's HTML environment, which compiles it
    once. A new environment per scenario would compile it again for each one.
    """
    diagrams: dict[str, dict] = {}
    for row in rows:
        if row.diagram_id is None:
            continue
        if row.diagram_id not in diagrams:
            drawing = layout(row.config, row.input_shape, words)
            text = svg.render(d=drawing)
            written.append(_write(out / "diagrams" / f"{row.diagram_id}.svg", text))
            diagrams[row.diagram_id] = {"id": row.diagram_id, "svg": text, "title": drawing.title, "cases": []}
        diagrams[row.diagram_id]["cases"].append(row.case)
    return list(diagrams.values())


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
