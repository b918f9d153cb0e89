"""The step definitions a feature can use, and the feature steps each one matches.

pytest-bdd stores each step definition as a module-level fixture named
"pytestbdd_stepdef_<type>_<pattern>", and keeps the definition itself (type, parser,
converters, target fixture) in `step_function_context_registry`, keyed by the fixture's
function. This module reads both, without running pytest, and matches the definitions
against every step of every scenario under features/, rendered once per Examples row as
pytest-bdd runs them.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd.parser import Feature, FeatureParser, Scenario, ScenarioTemplate, Step
from pytest_bdd.steps import StepFunctionContext, StepNamePrefix, step_function_context_registry

from rnn_spec.errors import invalid

STEP_TYPES = ("given", "when", "then")


# eq=False: definitions compare and hash by identity, because pytest-bdd's context is mutable.
@dataclass(frozen=True, eq=False)
class StepDefinition:
    """One registered step definition: the module that defines it and pytest-bdd's context."""

    module: str
    context: StepFunctionContext

    @property
    def type(self) -> str | None:
        """The step type: given, when or then, or None for a definition that matches every type."""
        return self.context.type

    @property
    def function_name(self) -> str:
        return f"{self.module}.{self.context.step_func.__name__}"

    @property
    def pattern(self) -> str:
        return self.context.parser.name

    def matches(self, step: Step) -> bool:
        """Whether pytest-bdd would consider this definition for `step`."""
        if self.type is not None and self.type != step.type:
            return False
        return bool(self.context.parser.is_matching(step.name))


@dataclass(frozen=True)
class StepUse:
    """One step of one scenario, rendered with its Examples row."""

    feature: str
    line: int
    type: str
    text: str


@dataclass
class Matches:
    """The result of matching every feature step against every definition."""

    definitions: list[StepDefinition]
    uses: dict[StepDefinition, list[StepUse]] = field(default_factory=dict)
    # A step and the two or more definitions that match it.
    ambiguous: list[tuple[StepUse, list[StepDefinition]]] = field(default_factory=list)
    undefined: list[StepUse] = field(default_factory=list)

    @property
    def unused(self) -> list[StepDefinition]:
        return [definition for definition in self.definitions if not self.uses[definition]]


def plugin_modules(conftest: Path) -> list[str]:
    """Read the module names in a conftest's `pytest_plugins` list without running it."""
    if not conftest.is_file():
        raise invalid("conftest", str(conftest), "the path of a conftest.py that lists pytest_plugins")
    tree = ast.parse(conftest.read_text(encoding="utf-8"), filename=str(conftest))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytest_plugins" for target in node.targets
        ):
            return list(ast.literal_eval(node.value))
    return []


def load_definitions(module_names: list[str], root: Path | None = None) -> list[StepDefinition]:
    """Import each module and collect its step definitions, in module then source order.

    Names that do not resolve to an importable module, such as pytest's own plugin
    "pytester", are skipped: they cannot hold this project's steps. `root` goes first on
    sys.path so that the project's modules win over any installed copy.
    """
    if root is not None and str(root) not in sys.path:
        sys.path.insert(0, str(root))
    definitions = []
    for name in module_names:
        if importlib.util.find_spec(name) is None:
            continue
        definitions.extend(_module_definitions(importlib.import_module(name)))
    return definitions


def _module_definitions(module) -> Iterator[StepDefinition]:
    found = []
    for attribute, value in vars(module).items():
        if not attribute.startswith(StepNamePrefix.step_def.value):
            continue
        context = step_function_context_registry.get(inspect.unwrap(value))
        if context is not None:
            found.append(StepDefinition(module=module.__name__, context=context))
    found.sort(key=lambda definition: inspect.getsourcelines(definition.context.step_func)[1])
    yield from found


def load_features(features_dir: Path) -> list[Feature]:
    """Parse every *.feature file under `features_dir`, sorted by path."""
    paths = sorted(features_dir.rglob("*.feature"))
    return [
        FeatureParser(str(features_dir), str(path.relative_to(features_dir))).parse()
        for path in paths
    ]


def feature_path(feature: Feature) -> str:
    """The feature file's path relative to the features directory: "lstm.return_state.feature"."""
    return str(Path(*Path(feature.rel_filename).parts[1:]))


def rendered_scenarios(template: ScenarioTemplate) -> Iterator[tuple[dict[str, str], Scenario]]:
    """Yield each Examples row of a scenario and the scenario rendered with it.

    A plain scenario yields once, with an empty row.
    """
    rows = [row for examples in template.examples for row in examples.as_contexts()]
    for row in rows or [{}]:
        yield row, template.render(row)


def match_features(definitions: list[StepDefinition], features: list[Feature]) -> Matches:
    """Match every rendered step of every scenario against the definitions."""
    matches = Matches(definitions=definitions, uses={definition: [] for definition in definitions})
    seen: set[StepUse] = set()
    for feature in features:
        for template in feature.scenarios.values():
            for _row, scenario in rendered_scenarios(template):
                for step in scenario.steps:
                    use = StepUse(feature_path(feature), step.line_number, step.type, step.name)
                    if use not in seen:
                        seen.add(use)
                        _record(matches, use, step)
    return matches


def _record(matches: Matches, use: StepUse, step: Step) -> None:
    matching = [definition for definition in matches.definitions if definition.matches(step)]
    if not matching:
        matches.undefined.append(use)
    if len(matching) > 1:
        matches.ambiguous.append((use, matching))
    for definition in matching:
        matches.uses[definition].append(use)
