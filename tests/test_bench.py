"""Unit tests of rnn_spec.bench: FLOP counts, call paths, the gate and the report."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest

from rnn_spec.bench import paths
from rnn_spec.bench.devices import CPU, machine_facts, matmul_peak
from rnn_spec.bench.flops import flop_count
from rnn_spec.bench.gate import compare, format_gate
from rnn_spec.bench.report import format_report
from rnn_spec.bench.results import best_of, best_of_json, read_run
from rnn_spec.bench.scenario import prepare, rates
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError
from tests.spec_runner import run_features


def load_script(name: str):
    """Import scripts/<name>.py, which is not an installed package."""
    path = Path(__file__).resolve().parent.parent / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench_gate = load_script("bench_gate")
bench_time = load_script("bench_time")

LESSON = (2, 5, 1)
REALISTIC = (64, 100, 32)


@pytest.mark.parametrize(
    ("config", "input_shape", "flops"),
    [
        # 2 FLOPs × gates × units × (features + units) per step, × timesteps × batch.
        (LayerConfig("LSTM", 128), REALISTIC, 2 * 4 * 128 * 160 * 100 * 64),
        (LayerConfig("GRU", 128), REALISTIC, 2 * 3 * 128 * 160 * 100 * 64),
        (LayerConfig("SimpleRNN", 3), LESSON, 2 * 1 * 3 * 4 * 5 * 2),
        (LayerConfig("LSTM", 3, bidirectional=True), LESSON, 2 * (2 * 4 * 3 * 4 * 5 * 2)),
    ],
    ids=["LSTM realistic", "GRU realistic", "SimpleRNN lesson", "Bidirectional doubles"],
)
def test_flop_count(config, input_shape, flops):
    assert flop_count(config, input_shape) == flops


def test_rates_from_time():
    measured = rates({"batch": 64, "flop_count": 2_000_000_000}, 0.25)
    assert measured == {"sequences_per_second": 256.0, "gflop_per_second": 8.0}


def test_slowdown_parsed():
    assert paths.parse_slowdown("call=2, predict=3") == {"call": 2, "predict": 3}


def test_slowdown_unknown_path_named():
    with pytest.raises(SpecError) as error:
        paths.parse_slowdown("fast=2")
    assert str(error.value) == (
        "Invalid call path in RNN_SPEC_BENCH_SLOWDOWN: 'fast'. "
        "Expected one of predict, predict_on_batch, call or jit_compile."
    )


@pytest.mark.parametrize("text", ["call=0", "call=two", "call"], ids=["zero", "word", "none"])
def test_slowdown_bad_factor_named(text):
    factor = text.partition("=")[2]
    with pytest.raises(SpecError) as error:
        paths.parse_slowdown(text)
    assert str(error.value) == (
        f"Invalid slowdown factor for call: {factor!r}. Expected a positive integer."
    )


def test_unknown_call_path_named():
    with pytest.raises(SpecError) as error:
        paths.make_call(None, "fit")
    assert str(error.value) == (
        "Invalid call path: 'fit'. Expected one of predict, predict_on_batch, call or jit_compile."
    )


def test_jit_compile_rejects_other_backend(monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    with pytest.raises(SpecError) as error:
        paths.make_call(None, "jit_compile")
    assert str(error.value) == (
        "Invalid backend for call path jit_compile: 'torch'. Expected one of tensorflow or jax."
    )


@pytest.mark.parametrize("call_path", paths.CALL_PATHS)
def test_call_paths_agree_with_eager_call(call_path):
    benchmark = prepare(LayerConfig("GRU", 3), LESSON, call_path, CPU)
    eager = benchmark.model(benchmark.inputs, training=False)

    results = benchmark.run()

    np.testing.assert_allclose(results, np.asarray(eager), rtol=1e-5, atol=1e-6)
    assert benchmark.outcome(results).array("output").shape == (2, 3)


def test_slowdown_repeats_the_call(monkeypatch):
    monkeypatch.setenv(paths.SLOWDOWN_VARIABLE, "call=3")
    benchmark = prepare(LayerConfig("LSTM", 3), LESSON, "call", CPU)
    calls = []
    counted = paths.make_call(_CountingModel(benchmark.model, calls), "call")

    counted(benchmark.inputs)

    assert len(calls) == 3


class _CountingModel:
    """A real Keras model behind a call counter."""

    def __init__(self, model, calls):
        self.model = model
        self.calls = calls

    def __call__(self, inputs, training):
        self.calls.append(training)
        return self.model(inputs, training=training)


def test_benchmark_group_and_extra_info():
    benchmark = prepare(LayerConfig("LSTM", 3, bidirectional=True), LESSON, "predict", CPU)
    info = benchmark.extra_info()

    assert benchmark.group == "Bidirectional LSTM, units 3, input (2, 5, 1), CPU:0"
    assert info["call_path"] == "predict"
    assert info["device"] == "CPU:0"
    assert info["flop_count"] == 1920
    assert info["configuration"].startswith("Bidirectional(LSTM(units=3")


def test_machine_facts_name_versions():
    facts = machine_facts()
    assert facts["keras_backend"] == "tensorflow"
    assert facts["devices"][0] == "CPU:0"
    assert all(facts[name] for name in ("tensorflow", "keras", "numpy"))


def test_matmul_peak_positive():
    assert matmul_peak(CPU, size=64, repeats=1) > 0


def write_run(path, times, group="LSTM, units 3, input (2, 5, 1), CPU:0", peak=100.0):
    """Write a pytest-benchmark JSON with one benchmark per call path: {path: seconds}."""
    benchmarks = [
        {
            "name": call_path,
            "fullname": f"steps/test_features.py::test_timed[{group}-{call_path}]",
            "group": group,
            "stats": {"min": seconds, "median": seconds * 1.1},
            "extra_info": {
                "call_path": call_path,
                "device": "CPU:0",
                "batch": 2,
                "flop_count": 960,
            },
        }
        for call_path, seconds in times.items()
    ]
    data = {
        "machine_info": {"node": "test", "rnn_spec": {"keras": "3"}},
        "matmul_peak_gflop_per_second": {"CPU:0": peak},
        "benchmarks": benchmarks,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_gate_passes_within_threshold(tmp_path):
    baseline = read_run(write_run(tmp_path / "a.json", {"predict": 0.1, "call": 0.01}))
    current = read_run(write_run(tmp_path / "b.json", {"predict": 0.12, "call": 0.011}))

    comparisons = compare(baseline, current, threshold=1.4)

    assert [c.failed for c in comparisons] == [False, False]
    assert [round(c.ratio, 2) for c in comparisons] == [1.1, 1.2]


def test_gate_fails_slower_and_missing(tmp_path):
    baseline = read_run(write_run(tmp_path / "a.json", {"predict": 0.1, "call": 0.01}))
    current = read_run(write_run(tmp_path / "b.json", {"predict": 0.2, "jit_compile": 0.001}))

    verdicts = {c.call_path: c.verdict for c in compare(baseline, current, threshold=1.4)}

    assert verdicts == {
        "call": "missing from the current run",
        "jit_compile": "new, not in the baseline",
        "predict": "slower than 1.40x",
    }


def test_gate_table_per_group(tmp_path):
    baseline = read_run(write_run(tmp_path / "a.json", {"predict": 0.1}))
    current = read_run(write_run(tmp_path / "b.json", {"predict": 0.25}))

    table = format_gate(compare(baseline, current, threshold=1.4)).splitlines()

    assert table[0] == "LSTM, units 3, input (2, 5, 1), CPU:0"
    assert table[1].split() == ["call", "path", "baseline", "min", "current", "min", "ratio", "verdict"]
    assert table[2].split() == ["predict", "100", "ms", "250", "ms", "2.50", "slower", "than", "1.40x"]
    assert table[-1] == "1 of 1 benchmarks failed the gate."


def test_baseline_best_of_runs(tmp_path):
    first = read_run(write_run(tmp_path / "a.json", {"predict": 0.1, "call": 0.03}))
    second = read_run(write_run(tmp_path / "b.json", {"predict": 0.2, "call": 0.01}))

    best = {result.call_path: result.stats for result in best_of([first, second]).results}

    assert best["predict"] == {"min": 0.1, "median": 0.1 * 1.1}
    assert best["call"] == {"min": 0.01, "median": 0.01 * 1.1}
    assert best_of([first, second]).runs_merged == 2


def test_json_best_of_runs(tmp_path):
    first = json.loads(write_run(tmp_path / "a.json", {"predict": 0.1, "call": 0.03}).read_text())
    second = json.loads(write_run(tmp_path / "b.json", {"predict": 0.2, "call": 0.01}).read_text())

    merged = best_of_json([first, second])

    assert {entry["name"]: entry["stats"]["min"] for entry in merged["benchmarks"]} == {
        "predict": 0.1,
        "call": 0.01,
    }
    assert merged["best_of_runs"] == 2


def test_gate_script_exit_status(tmp_path, capsys):
    baseline = write_run(tmp_path / "a.json", {"predict": 0.1})
    slower = write_run(tmp_path / "b.json", {"predict": 0.2})

    assert bench_gate.main([str(baseline), str(baseline)]) == 0
    assert bench_gate.main([str(baseline), str(slower)]) == 1
    assert bench_gate.main([str(slower), str(baseline), str(slower)]) == 1
    assert "slower than" in capsys.readouterr().out


def test_report_relative_to_predict(tmp_path):
    run = read_run(write_run(tmp_path / "a.json", {"predict": 0.1, "jit_compile": 0.001}))

    lines = format_report(run).splitlines()

    assert lines[0].startswith("Machine: test")
    assert "CPU:0 100 GFLOP/s" in lines[0]
    rows = {cells[0]: cells for cells in (re.split(r"\s{2,}", line) for line in lines[3:])}
    assert rows["predict"][3] == "1.000"
    assert rows["jit_compile"][3] == "0.010"


def test_time_command_repeats_and_merges(tmp_path, monkeypatch):
    commands = []

    def fake_pytest(command, cwd, env):
        commands.append(command)
        json_path = Path(command[-1].partition("=")[2])
        write_run(json_path, {"predict": 0.1 * len(commands)})
        return 0

    monkeypatch.setattr(bench_time.subprocess, "call", fake_pytest)

    status = bench_time.main(["--json", str(tmp_path / "run.json"), "--repeat", "3"])

    merged = json.loads((tmp_path / "run.json").read_text())
    assert status == 0
    assert len(commands) == 3
    assert merged["best_of_runs"] == 3
    assert merged["benchmarks"][0]["stats"]["min"] == 0.1


def test_time_command_enables_benchmarks(tmp_path):
    command = bench_time.pytest_command(tmp_path / "run.json", ["-m", "benchmark and lstm"])
    assert "--benchmark-enable" in command
    assert "--benchmark-timer=time.process_time" in command
    assert f"--benchmark-json={tmp_path / 'run.json'}" in command
    assert command[-3:-1] == ["-m", "benchmark and lstm"]


BENCHMARK_PLUGIN = ("-p", "steps.benchmark_steps")


def test_every_scenario_on_cpu(pytester):
    result = run_features(
        pytester, ["benchmark.predict.feature"], *BENCHMARK_PLUGIN, "--collect-only", "-q"
    )
    ids = [line for line in result.outlines if "::" in line]
    assert len([i for i in ids if "[CPU:0-" in i]) == 24
    assert len([i for i in ids if "[GPU-" in i]) == 24


def test_no_gpu_skipped_with_reason(pytester):
    result = run_features(
        pytester, ["benchmark.predict.feature"], *BENCHMARK_PLUGIN, "-k", "GPU", "-rs"
    )
    result.assert_outcomes(skipped=24)
    result.stdout.fnmatch_lines(
        ["*SKIPPED [[]24]*No GPU: the tensorflow backend lists none, so GPU timings are not taken."]
    )


def test_every_listed_gpu_gets_a_case(pytester, monkeypatch):
    monkeypatch.setattr("steps.benchmark_steps.list_gpus", lambda: ["GPU:0", "GPU:1"])
    result = run_features(
        pytester, ["benchmark.predict.feature"], *BENCHMARK_PLUGIN, "--collect-only", "-q"
    )
    ids = [line for line in result.outlines if "::" in line]
    assert len([i for i in ids if "[GPU:1-" in i]) == 24
    assert not [i for i in ids if "[GPU-" in i]


def test_timed_scenario_writes_json(pytester, monkeypatch):
    # Under pytest-xdist the outer worker's variable would make pytest-benchmark treat
    # the inner run as a worker too, and a worker writes no JSON.
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    small_peak = functools.partial(matmul_peak, size=64, repeats=1)
    monkeypatch.setattr("steps.benchmark_steps.matmul_peak", small_peak)
    output = pytester.path / "run.json"
    result = run_features(
        pytester,
        ["benchmark.predict.feature"],
        *BENCHMARK_PLUGIN,
        "test_spec.py::test_lstm_and_gru_one_call_path_timed"
        "[CPU:0-LSTM, jit_compile-(2, 5, 1)-LSTM-3-jit_compile-(2, 3)]",
        "--benchmark-min-rounds=1",
        "--benchmark-max-time=0.001",
        f"--benchmark-json={output}",
    )
    result.assert_outcomes(passed=1)
    data = json.loads(output.read_text(encoding="utf-8"))
    (entry,) = data["benchmarks"]
    assert entry["name"] == "jit_compile"
    assert entry["group"] == "LSTM, units 3, input (2, 5, 1), CPU:0"
    assert entry["extra_info"]["sequences_per_second"] > 0
    assert entry["extra_info"]["gflop_per_second"] > 0
    assert data["machine_info"]["rnn_spec"]["devices"] == ["CPU:0"]
    assert data["matmul_peak_gflop_per_second"]["CPU:0"] > 0


def test_smoke_run_untimed(pytester):
    result = run_features(
        pytester,
        ["benchmark.predict.feature"],
        *BENCHMARK_PLUGIN,
        "--benchmark-disable",
        "test_spec.py::test_lstm_and_gru_one_call_path_timed"
        "[CPU:0-GRU, predict_on_batch-(2, 5, 1)-GRU-3-predict_on_batch-(2, 3)]",
        "-rs",
    )
    result.assert_outcomes(passed=1)


def test_read_run_missing_file(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(SpecError) as error:
        read_run(path)
    assert str(error.value) == (
        f"Benchmark file not found: {str(path)!r}. Expected the JSON that "
        "scripts/bench_time.py or pytest --benchmark-json writes."
    )


def test_read_run_not_a_timing_run(tmp_path):
    path = tmp_path / "results.json"
    path.write_text('{"features": []}', encoding="utf-8")
    with pytest.raises(SpecError) as error:
        read_run(path)
    assert str(error.value) == (
        f"Invalid benchmark file: {str(path)!r}. Expected the JSON that "
        "scripts/bench_time.py or pytest --benchmark-json writes, with a 'benchmarks' list."
    )


def test_read_run_not_json(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(SpecError, match="Invalid benchmark file"):
        read_run(path)
