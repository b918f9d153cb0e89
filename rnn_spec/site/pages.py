"""The data behind the site's pages: features, scenarios, Examples rows and their results.

A row's configuration comes from the run's results when they hold one. Otherwise it is
derived from the scenario's Given steps, called the way pytest-bdd calls them: each
step's parsed and converted arguments, plus the fixtures earlier steps produced.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate

from rnn_spec.cli.step_registry import StepDefinition, feature_path, rendered_scenarios
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError, invalid
from rnn_spec.rule import expected_outputs
from rnn_spec.shapes import Shape, format_shape

NOT_RUN = "not run"


@dataclass
class RowPage:
    """One Examples row (or a plain scenario's single run) and what is known about it."""

    example: dict[str, str]
    case: str
    verdict: str = NOT_RUN
    message: str = ""
    config: LayerConfig | None = None
    input_shape: Shape | None = None
    expected: list[tuple[str, str]] = field(default_factory=list)
    observed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def diagram_id(self) -> str | None:
        """A file name stem shared by every row with the same configuration and input."""
        if self.config is None or self.input_shape is None:
            return None
        key = repr((self.config, tuple(self.input_shape)))
        return hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class ScenarioPage:
    name: str
    slug: str
    line: int
    steps: list[str]
    columns: list[str]
    rows: list[RowPage]


@dataclass
class FeaturePage:
    path: str
    slug: str
    name: str
    narrative: list[list[str]]
    tags: list[str]
    scenarios: list[ScenarioPage]

    @property
    def verdicts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for scenario in self.scenarios:
            for row in scenario.rows:
                counts[row.verdict] = counts.get(row.verdict, 0) + 1
        return counts


def read_results(path: Path | None) -> dict:
    """Read a results file written by `pytest --rnn-spec-results`; an empty one if None."""
    if path is None:
        return {"scenarios": []}
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise invalid("results file", str(path), "a file written by pytest --rnn-spec-results") from None
    except json.JSONDecodeError:
        raise invalid("results file", str(path), "JSON written by pytest --rnn-spec-results") from None
    if not isinstance(document, dict) or "scenarios" not in document:
        raise invalid("results file", str(path), "JSON written by pytest --rnn-spec-results")
    return document


def result_key(feature: str, scenario: str, example: dict[str, str]) -> str:
    return json.dumps([feature, scenario, example], sort_keys=True)


# When one Examples row runs as several tests (a benchmark row runs once per device),
# the row shows the most telling verdict: a failure first, a skip only if all skipped.
VERDICT_PRIORITY = ("failed", "xpassed", "passed", "xfailed", "skipped", NOT_RUN)


def index_results(document: dict) -> dict[str, dict]:
    indexed: dict[str, dict] = {}
    for record in document["scenarios"]:
        key = result_key(record["feature"], record["scenario"], record["example"])
        if key not in indexed or _rank(record) < _rank(indexed[key]):
            indexed[key] = record
    return indexed


def _rank(record: dict) -> int:
    verdict = record.get("verdict", NOT_RUN)
    return VERDICT_PRIORITY.index(verdict) if verdict in VERDICT_PRIORITY else len(VERDICT_PRIORITY)


def feature_page(feature: Feature, definitions: list[StepDefinition], results: dict[str, dict]) -> FeaturePage:
    """Collect one feature's narrative, scenarios and rows."""
    path = feature_path(feature)
    scenarios = [
        scenario_page(path, index, template, definitions, results)
        for index, template in enumerate(feature.scenarios.values(), start=1)
    ]
    return FeaturePage(
        path=path,
        slug=slugify(path.removesuffix(".feature")),
        name=feature.name,
        narrative=narrative(feature.description),
        tags=sorted(feature.tags),
        scenarios=scenarios,
    )


def scenario_page(path, index, template: ScenarioTemplate, definitions, results) -> ScenarioPage:
    rows = []
    for row_number, (example, scenario) in enumerate(rendered_scenarios(template), start=1):
        record = results.get(result_key(path, template.name, example))
        rows.append(row_page(example, row_number, scenario, record, definitions))
    columns = [name for examples in template.examples[:1] for name in examples.example_params]
    return ScenarioPage(
        name=template.name,
        slug=f"{slugify(path.removesuffix('.feature'))}-{index}",
        line=template.line_number,
        steps=[f"{step.keyword} {step.name}" for step in template.steps],
        columns=columns,
        rows=rows,
    )


def row_page(example, row_number, scenario: Scenario, record, definitions) -> RowPage:
    row = RowPage(example=example, case=example.get("case", str(row_number)))
    if record is not None:
        row.verdict = record.get("verdict", NOT_RUN)
        row.message = record.get("message", "")
        outcome = record.get("outcome") or {}
        row.observed = list(zip(outcome.get("names", []), map(_shape_text, outcome.get("observed", []))))
        row.config, row.input_shape = _recorded_configuration(outcome)
    if row.config is None:
        row.config, row.input_shape = given_configuration(scenario, definitions)
    if row.config is not None and row.input_shape is not None:
        tensors = expected_outputs(row.config, row.input_shape).tensors
        row.expected = [(tensor.name, format_shape(tensor.shape)) for tensor in tensors]
    return row


def given_configuration(scenario: Scenario, definitions) -> tuple[LayerConfig | None, Shape | None]:
    """Derive `config` and `input_shape` by calling the scenario's Given steps.

    Returns (None, None) when a Given step has no single definition, needs a fixture
    that no earlier step produced, or raises. The page then shows no diagram for the row.
    """
    fixtures: dict[str, object] = {}
    for step in scenario.steps:
        if step.type != "given":
            break
        matching = [definition for definition in definitions if definition.matches(step)]
        if len(matching) != 1:
            return None, None
        try:
            _call_given(matching[0], step.name, fixtures)
        # Any error in a Given step, whoever wrote it, means only that this row gets no
        # diagram; the run's results, not this derivation, say whether the step works.
        except Exception:  # noqa: BLE001
            return None, None
    config, input_shape = fixtures.get("config"), fixtures.get("input_shape")
    if not isinstance(config, LayerConfig) or not isinstance(input_shape, tuple) or len(input_shape) != 3:
        return None, None
    return config, input_shape


def _call_given(definition: StepDefinition, text: str, fixtures: dict[str, object]) -> None:
    context = definition.context
    arguments = context.parser.parse_arguments(text) or {}
    arguments = {name: context.converters.get(name, str)(value) for name, value in arguments.items()}
    parameters = inspect.signature(context.step_func).parameters
    for name in parameters:
        if name not in arguments:
            arguments[name] = fixtures[name]
    result = context.step_func(**{name: arguments[name] for name in parameters})
    if context.target_fixture is not None:
        fixtures[context.target_fixture] = result


def _recorded_configuration(outcome: dict) -> tuple[LayerConfig | None, Shape | None]:
    fields, shape = outcome.get("config"), outcome.get("input_shape")
    if not fields or not shape:
        return None, None
    try:
        return LayerConfig(**fields), tuple(shape)
    except (SpecError, TypeError):
        return None, None


def narrative(description: str) -> list[list[str]]:
    """Split a feature's description into paragraphs of lines, keeping indented lines apart.

    >>> narrative("A rule.\\nMore of it.\\n\\nNext:\\n  False, last step.")
    [['A rule. More of it.'], ['Next:', 'False, last step.']]
    """
    paragraphs = []
    for block in re.split(r"\n\s*\n", textwrap.dedent(description).strip()):
        lines: list[str] = []
        for line in block.splitlines():
            if lines and not line.startswith((" ", "\t")) and not lines[-1].endswith(":"):
                lines[-1] += " " + line.strip()
            else:
                lines.append(line.strip())
        paragraphs.append(lines)
    return paragraphs if paragraphs != [[""]] else []


def slugify(text: str) -> str:
    """Turn a feature path into a file name stem: "lstm.return_state" -> "lstm-return_state"."""
    return re.sub(r"[^A-Za-z0-9_]+", "-", text).strip("-").lower()


def _shape_text(shape) -> str:
    return format_shape(tuple(shape))
