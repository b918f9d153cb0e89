"""`rnn-spec docs` and the results plugin: pages, verdicts, observed shapes and diagrams."""

from __future__ import annotations

import contextlib

import io
import json
from importlib import metadata
from pathlib import Path

import pytest
from markupsafe import escape

from rnn_spec.cli import main
from rnn_spec.cli.step_registry import load_features
from rnn_spec.config import LayerConfig
from rnn_spec.site.diagram import layout
from rnn_spec.site.labels import labels_for
from tests.spec_runner import run_feature_text, run_features

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ["--features", str(ROOT / "features"), "--conftest", str(ROOT / "conftest.py")]
RESULTS_OPTION = ("-p", "rnn_spec.results_plugin", "--rnn-spec-results")

# One record as pytest --rnn-spec-results writes it, for the lesson's row of the
# return_state scenario, with a verdict that a real run of this Keras would not give.
FAILED_RECORD = {
    "feature": "lstm.return_state.feature",
    "scenario": "return_state True returns output, h and c in that order",
    "line": 0,
    "example": None,
    "verdict": "failed",
    "message": "RuleBroken: Rule broken: the output equals h",
    "outcome": {
        "configuration": "LSTM(units=3, return_sequences=False, return_state=True)",
        "config": None,
        "input_shape": [2, 5, 1],
        "call_path": "call",
        "names": ["output", "h", "c"],
        "observed": [[2, 3], [2, 3], [2, 3]],
        "declared": [[None, 3], [None, 3], [None, 3]],
    },
}


def lesson_row(features_dir: Path) -> dict[str, str]:
    [feature] = [f for f in load_features(features_dir) if f.rel_filename.endswith("lstm.return_state.feature")]
    template = feature.scenarios[FAILED_RECORD["scenario"]]
    return next(template.examples[0].as_contexts())


def build(out: Path, *extra: str) -> str:
    """Run rnn-spec docs and return what it wrote to stderr."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(["docs", "--out", str(out), *PROJECT, *extra])
    assert status == 0
    return stderr.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built from the project's features and a results file of one failed row."""
    root = tmp_path_factory.mktemp("site")
    record = dict(FAILED_RECORD, example=lesson_row(ROOT / "features"))
    record["outcome"] = dict(record["outcome"], config={"layer": "LSTM", "units": 3, "return_state": True})
    results = root / "results.json"
    document = {"format": 1, "created": "2026-01-02T03:04:05+00:00", "keras_version": "3.15.1", "scenarios": [record]}
    results.write_text(json.dumps(document), encoding="utf-8")
    out = root / "out"
    progress = build(out, "--results", str(results))
    return out, progress


def page(out: Path, relative: str) -> str:
    return (out / relative).read_text(encoding="utf-8")


def test_index_lists_every_feature(site):
    out, _ = site

    index = page(out, "index.html")

    for feature in load_features(ROOT / "features"):
        assert str(escape(feature.name)) in index, feature.name


def test_progress_line_per_feature(site):
    _, progress = site
    count = len(load_features(ROOT / "features"))

    lines = progress.splitlines()

    assert len(lines) == count + 1
    assert lines[0].startswith(f"[1/{count}] ")
    assert lines[-1].startswith("Wrote ")


def test_feature_page_has_narrative(site):
    out, _ = site

    text = page(out, "features/lstm-return_state.html")

    assert "Besides its hidden state h, an LSTM carries a cell state c" in text
    assert 'href="../scenarios/lstm-return_state-2.html"' in text


def test_failed_row_shows_verdict_and_shapes(site):
    out, _ = site

    text = page(out, "scenarios/lstm-return_state-2.html")

    assert '<span class="verdict verdict-failed">failed</span>' in text
    assert "RuleBroken: Rule broken: the output equals h" in text
    assert "<code>c : (2, 3)</code>" in text
    assert "Results of the run on 2026-01-02T03:04:05+00:00 with Keras 3.15.1." in page(out, "index.html")


def test_rows_without_results_not_run(site):
    out, _ = site

    text = page(out, "scenarios/lstm-return_state-1.html")

    assert '<span class="verdict verdict-not-run">not run</span>' in text
    assert "verdict-passed" not in text


def test_scenario_page_shows_diagrams(site):
    out, _ = site

    text = page(out, "scenarios/bidirectional-lstm-2.html")

    assert text.count('<svg xmlns="http://www.w3.org/2000/svg" class="diagram"') == 4
    assert "h_forward, c_forward" in text
    assert "returned: output (2, 6), h_forward (2, 3)" in text


def test_diagram_files_written(site):
    out, _ = site

    svgs = list((out / "diagrams").glob("*.svg"))

    assert svgs
    assert all(svg.read_text(encoding="utf-8").startswith("<svg ") for svg in svgs)


def test_markdown_lists_every_feature(site):
    out, _ = site

    index = page(out, "markdown/index.md")
    feature = page(out, "markdown/lstm-return_state.md")

    for item in load_features(ROOT / "features"):
        assert item.name in index
    assert "## Scenario: return_state True returns output, h and c in that order" in feature
    failed_rows = [line for line in feature.splitlines() if "| failed |" in line]
    assert len(failed_rows) == 1
    assert failed_rows[0].startswith("| lesson | (2, 5, 1) | 3 | False |")
    assert failed_rows[0].endswith("| failed | `output : (2, 3)`, `h : (2, 3)`, `c : (2, 3)` |")


def test_korean_labels_keep_keras_names(tmp_path):
    build(tmp_path, "--lang", "ko")

    index = page(tmp_path, "index.html")
    scenario = page(tmp_path, "scenarios/bidirectional-lstm-2.html")

    assert '<html lang="ko">' in index
    assert "<h2>기능 목록</h2>" in index
    assert "실행 안 됨" in scenario
    assert "순방향" in scenario
    assert "h_forward, c_forward" in scenario
    assert "return_sequences" in scenario


def lesson_drawing(**flags):
    config = LayerConfig("LSTM", 3, **flags)
    return layout(config, (2, 5, 1), labels_for("en"))


def returned_outputs(drawing) -> list[str]:
    return [box.label for box in drawing.boxes if box.style == "returned"]


def test_diagram_last_step_only():
    assert returned_outputs(lesson_drawing()) == ["y"]


def test_diagram_every_step():
    assert returned_outputs(lesson_drawing(return_sequences=True)) == ["y"] * 5


def test_diagram_bidirectional_halves():
    drawing = lesson_drawing(bidirectional=True, return_state=True)

    assert returned_outputs(drawing) == ["y←", "y→"]
    assert [label.text for label in drawing.labels if label.style == "returned"][:2] == [
        "h_forward, c_forward",
        "h_backward, c_backward",
    ]


def test_diagram_states_not_returned():
    drawing = lesson_drawing()

    assert [label.text for label in drawing.labels if label.style == "hidden"] == ["h, c (not returned)"]


def test_diagram_long_sequence_elided():
    drawing = layout(LayerConfig("GRU", 4), (3, 100, 2), labels_for("en"))

    inputs = [label.text for label in drawing.labels if label.style == "input"]
    assert inputs == ["x₁", "x₂", "x₃", "x₉₉", "x₁₀₀"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--lang", "fr"], "argument --lang: Invalid language: 'fr'. Expected one of en or ko."),
        (
            ["--results", "missing.json"],
            "Invalid results file: 'missing.json'. Expected a file written by pytest --rnn-spec-results.",
        ),
    ],
    ids=["unknown language", "missing results"],
)
def test_invalid_argument_named(argv, message, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["docs", "--out", str(tmp_path), *PROJECT, *argv])

    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"rnn-spec docs: error: {message}"


def test_plugin_records_run(pytester):
    results = pytester.path / "results.json"

    run_features(pytester, ["gru.return_sequences_and_state.feature"], *RESULTS_OPTION, str(results))

    document = json.loads(results.read_text(encoding="utf-8"))
    records = document["scenarios"]
    assert document["keras_version"] == metadata.version("keras")
    assert len(records) == 8
    assert {record["verdict"] for record in records} == {"passed"}
    [lesson] = [r for r in records if r["example"].get("case") == "lesson" and "h" in r["outcome"]["names"]]
    assert lesson["feature"] == "gru.return_sequences_and_state.feature"
    assert lesson["outcome"]["names"] == ["output", "h"]
    assert lesson["outcome"]["observed"] == [[2, 3], [2, 3]]
    assert lesson["outcome"]["config"]["layer"] == "GRU"


def test_plugin_records_failure(pytester):
    results = pytester.path / "results.json"
    text = (
        "Feature: Sample\n  Scenario: Wrong statement\n"
        "    Given an input of shape (2, 5, 1)\n    And an LSTM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the output shape is (2, 5, 3)\n"
    )

    run_feature_text(pytester, text, *RESULTS_OPTION, str(results))

    [record] = json.loads(results.read_text(encoding="utf-8"))["scenarios"]
    assert record["verdict"] == "failed"
    assert record["message"].startswith(
        "rnn_spec.checks.StatementWrong: Feature statement wrong:"
    )
    assert record["outcome"]["observed"] == [[2, 3]]


def test_plugin_idle_without_option(pytester):
    text = (
        "Feature: Sample\n  Scenario: Last step\n"
        "    Given an input of shape (2, 5, 1)\n    And an LSTM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the output shape is (2, 3)\n"
    )

    result = run_feature_text(pytester, text, "-p", "rnn_spec.results_plugin")

    result.assert_outcomes(passed=1)
    assert list(pytester.path.rglob("*.json")) == []


def test_docs_from_plugin_results(pytester, tmp_path):
    results = pytester.path / "results.json"
    run_features(pytester, ["gru.return_sequences_and_state.feature"], *RESULTS_OPTION, str(results))

    build(tmp_path, "--results", str(results))

    text = page(tmp_path, "scenarios/gru-return_sequences_and_state-2.html")
    assert text.count('<span class="verdict verdict-passed">passed</span>') == 4
    assert "<code>h : (4, 6)</code>" in text


def test_row_run_per_device_shows_pass():
    from rnn_spec.site.pages import index_results, result_key

    row = {"feature": "benchmark.predict.feature", "scenario": "Timed", "example": {"case": "a"}}
    document = {
        "scenarios": [
            {**row, "verdict": "passed"},
            {**row, "verdict": "skipped"},
        ]
    }
    indexed = index_results(document)
    key = result_key(row["feature"], row["scenario"], row["example"])
    assert indexed[key]["verdict"] == "passed"


def test_row_failure_outranks_pass():
    from rnn_spec.site.pages import index_results, result_key

    row = {"feature": "f.feature", "scenario": "S", "example": {}}
    document = {"scenarios": [{**row, "verdict": "failed"}, {**row, "verdict": "passed"}]}
    key = result_key(row["feature"], row["scenario"], row["example"])
    assert index_results(document)[key]["verdict"] == "failed"
