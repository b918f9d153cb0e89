"""A pytest plugin that records each scenario's verdict and observed shapes to JSON.

    pytest --rnn-spec-results results.json

Without the option the plugin does nothing. The file feeds `rnn-spec docs --results`.
Each record names the feature file (relative to the features directory), the scenario
as written, its Examples row and the verdict: passed, failed, xfailed, xpassed, skipped
or error. Once a step has produced the `outcome` fixture, the record also contains the
configuration and the shape of every array Keras returned. Records travel in each test report's
user_properties, so a run under pytest-xdist writes one complete file from the
controller.
"""

from __future__ import annotations

import dataclasses
import json
from importlib import metadata
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import step_function_context_registry

OPTION = "--rnn-spec-results"
SCENARIO_KEY = "rnn_spec_scenario"
OUTCOME_KEY = "rnn_spec_outcome"
FORMAT_VERSION = 1


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        OPTION,
        metavar="FILE",
        default=None,
        help="write each scenario's verdict and observed shapes to FILE as JSON",
    )


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption(OPTION)
    if path:
        config.pluginmanager.register(ResultsRecorder(config, Path(path)), "rnn_spec_results")


class ResultsRecorder:
    """The hooks that collect records during a run and write them at its end."""

    def __init__(self, config: pytest.Config, path: Path) -> None:
        self.config = config
        self.path = path
        self.records: dict[str, dict] = {}

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        # At collection, so that a scenario skipped before its setup still has a record.
        for item in items:
            record = scenario_record(item)
            if record is not None:
                item.user_properties.append((SCENARIO_KEY, record))

    def pytest_bdd_after_step(self, request, step_func) -> None:
        """Keep what a step that produces the `outcome` fixture returned."""
        if _target_fixture(step_func) == "outcome":
            record = outcome_record(request.getfixturevalue("outcome"))
            request.node.user_properties.append((OUTCOME_KEY, record))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        properties = dict(report.user_properties)
        if SCENARIO_KEY not in properties:
            return
        record = self.records.setdefault(report.nodeid, dict(properties[SCENARIO_KEY]))
        if OUTCOME_KEY in properties:
            record["outcome"] = properties[OUTCOME_KEY]
        verdict = phase_verdict(report)
        if verdict is not None:
            record["verdict"] = verdict
            record["message"] = _first_line(report)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        # Under pytest-xdist the workers' reports reach the controller, which writes.
        if hasattr(self.config, "workerinput"):
            return
        document = {
            "format": FORMAT_VERSION,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            # Read from the installed metadata: an xdist controller never imports Keras.
            "keras_version": _installed_version("keras"),
            "tensorflow_version": _installed_version("tensorflow"),
            "scenarios": sorted(self.records.values(), key=_record_order),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        self.path.write_text(text, encoding="utf-8")


def scenario_record(item: pytest.Item) -> dict | None:
    """Identify a pytest-bdd scenario item by feature file, scenario and Examples row."""
    function = getattr(item, "obj", None)
    template = scenario_wrapper_template_registry.get(function) if function else None
    if template is None:
        return None
    callspec = getattr(item, "callspec", None)
    row = callspec.params.get("_pytest_bdd_example", {}) if callspec else {}
    return {
        "feature": str(Path(*Path(template.feature.rel_filename).parts[1:])),
        "scenario": template.name,
        "line": template.line_number,
        "example": dict(row),
        "verdict": "not run",
        "message": "",
    }


def outcome_record(outcome) -> dict:
    """Describe the configuration a scenario ran and the shapes Keras declared and returned."""
    config = outcome.expected.config
    return {
        "configuration": config.describe(),
        "config": dataclasses.asdict(config),
        "input_shape": list(outcome.expected.input_shape),
        "call_path": outcome.call_path,
        "names": list(outcome.names),
        "observed": [list(array.shape) for array in outcome.arrays],
        "declared": [list(shape) for shape in outcome.declared],
    }


def phase_verdict(report: pytest.TestReport) -> str | None:
    """The verdict one phase's report gives, or None where it changes nothing."""
    if report.when == "call":
        if hasattr(report, "wasxfail"):
            return "xfailed" if report.skipped else "xpassed"
        return report.outcome
    if report.failed:
        return "error"
    if report.skipped:
        return "xfailed" if hasattr(report, "wasxfail") else "skipped"
    return None


def _target_fixture(step_func) -> str | None:
    for context in list(step_function_context_registry.values()):
        if context.step_func is step_func:
            return context.target_fixture
    return None


def _first_line(report: pytest.TestReport) -> str:
    """The reason for an xfail or skip, or the first line of a failure."""
    if hasattr(report, "wasxfail"):
        return report.wasxfail
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2]).removeprefix("Skipped: ")
    if not report.failed:
        return ""
    text = str(report.longrepr.reprcrash.message) if hasattr(report.longrepr, "reprcrash") else ""
    return text.splitlines()[0] if text else ""


def _record_order(record: dict) -> tuple:
    return (record["feature"], record["line"], sorted(record["example"].items()))


def _installed_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
