"""`rnn-spec steps`: the step catalogue, and the check that keeps it free of problems."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from rnn_spec.cli import main
from rnn_spec.cli.steps_catalogue import catalogue, find_matches

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ["--conftest", str(ROOT / "conftest.py"), "--features", str(ROOT / "features")]


@pytest.fixture(scope="module")
def project_matches():
    return find_matches(ROOT / "conftest.py", ROOT / "features")


def describe(pairs) -> list[str]:
    return [f"{use.feature}:{use.line} {use.text}" for use, *_ in pairs]


def test_project_has_no_ambiguous_steps(project_matches):
    assert describe(project_matches.ambiguous) == []


def test_project_has_no_undefined_steps(project_matches):
    assert describe((use,) for use in project_matches.undefined) == []


def test_project_has_no_unused_definitions(project_matches):
    assert [definition.function_name for definition in project_matches.unused] == []


def test_every_plugin_module_step_listed(project_matches):
    functions = {entry.function for entry in catalogue(project_matches)}

    assert "steps.given.input_of_shape" in functions
    assert "steps.when.layer_reads_batch" in functions
    assert "steps.then.tensor_shape_is" in functions


def test_input_shape_entry(project_matches):
    [entry] = [e for e in catalogue(project_matches) if e.function == "steps.given.input_of_shape"]

    assert entry.phrase == "Given an input of shape <input_shape>"
    assert entry.example == "Given an input of shape (2, 5, 1)"
    assert entry.parameters == (
        ("input_shape", "rank 3, (batch, timesteps, features), such as (2, 5, 1)"),
    )
    assert "lstm.return_sequences.feature" in entry.features


def test_layer_entry_phrase(project_matches):
    [entry] = [e for e in catalogue(project_matches) if e.function == "steps.given.layer_with_units"]

    assert entry.phrase == "Given a[n] <layer> layer with <units> unit[s]"
    assert dict(entry.parameters) == {
        "layer": "a Keras layer class: LSTM, GRU or SimpleRNN",
        "units": "a positive integer",
    }


def test_text_output_ends_clean(capsys):
    status = main(["steps", *PROJECT, "--check"])

    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0] == "Given an input of shape <input_shape>"
    assert lines[-1].endswith("step definitions: none ambiguous, none unused, no undefined steps.")


def test_json_output(capsys):
    status = main(["steps", *PROJECT, "--format", "json"])

    report = json.loads(capsys.readouterr().out)
    assert status == 0
    assert report["ambiguous"] == []
    assert report["unused"] == []
    assert report["steps"][0]["example"] == "Given an input of shape (2, 5, 1)"


SANDBOX_STEPS = '''
from pytest_bdd import given, parsers, then


@given(parsers.re(r"a (?P<colour>\\w+) thing"))
def coloured_thing(colour):
    """A thing of one colour."""


@given("a red thing")
def red_thing():
    pass


@then("nothing happens")
def nothing_happens():
    pass


@then("it was never used")
def never_used():
    pass


@then(parsers.parse("the count is {count:d}"))
def count_is(count):
    pass
'''

SANDBOX_FEATURE = """\
Feature: Sandbox
  Scenario: Red
    Given a red thing
    And a blue thing
    When it runs
    Then nothing happens
    And the count is 3
"""


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    """A project with its own conftest, step module and feature."""
    module = f"sandbox_steps_{tmp_path.name}"
    (tmp_path / f"{module}.py").write_text(SANDBOX_STEPS, encoding="utf-8")
    (tmp_path / "conftest.py").write_text(f"pytest_plugins = ['pytester', {module!r}]\n")
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "sample.feature").write_text(SANDBOX_FEATURE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path, module
    sys.modules.pop(module, None)


def test_sandbox_problems_reported(sandbox, capsys):
    root, module = sandbox

    status = main(
        ["steps", "--conftest", str(root / "conftest.py"), "--features", str(root / "features"), "--check"]
    )

    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[-3:] == [
        f"Ambiguous step: sample.feature:3 Given 'a red thing' is matched by "
        f"{module}.coloured_thing and {module}.red_thing.",
        "Undefined step: sample.feature:5 When 'it runs' is matched by no step definition.",
        f"Unused step definition: {module}.never_used ('it was never used').",
    ]


def test_sandbox_entry_from_docstring(sandbox, capsys):
    root, module = sandbox

    main(["steps", "--conftest", str(root / "conftest.py"), "--features", str(root / "features"), "--format", "json"])

    first = json.loads(capsys.readouterr().out)["steps"][0]
    assert first == {
        "type": "Given",
        "phrase": "Given a <colour> thing",
        "example": "Given a red thing",
        "description": "A thing of one colour.",
        "parameters": [{"name": "colour", "forms": "text matching \\w+"}],
        "features": ["sample.feature"],
        "uses": 2,
        "function": f"{module}.coloured_thing",
    }


def test_missing_conftest_named(tmp_path, capsys):
    missing = tmp_path / "conftest.py"

    with pytest.raises(SystemExit) as exit_info:
        main(["steps", "--conftest", str(missing), "--features", str(ROOT / "features")])

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"rnn-spec steps: error: Invalid conftest: {str(missing)!r}. "
        "Expected the path of a conftest.py that lists pytest_plugins."
    )


def test_sandbox_parse_phrase(sandbox, capsys):
    root, module = sandbox

    main(["steps", "--conftest", str(root / "conftest.py"), "--features", str(root / "features"), "--format", "json"])

    last = json.loads(capsys.readouterr().out)["steps"][-1]
    assert last["phrase"] == "Then the count is <count>"
    assert last["example"] == "Then the count is 3"
    assert last["parameters"] == [{"name": "count", "forms": "an integer"}]
