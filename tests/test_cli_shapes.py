"""`rnn-spec shapes`: the rule and a real Keras call, side by side, for every pair of layer, flags and wrapping."""

from __future__ import annotations

import importlib.metadata
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_spec.breakages import BREAKAGES
from rnn_spec.build import clear_caches
from rnn_spec.cli import main
from rnn_spec.config import LAYER_NAMES, LayerConfig
from rnn_spec.rule import expected_outputs

# None stands for "not wrapped in Bidirectional"; the others are Bidirectional merge modes.
WRAPPINGS = (None, "concat", "sum", "mul", "ave", "None")
FLAGS = list(itertools.product((False, True), (False, True)))


def pairwise_combinations() -> list[tuple]:
    """Every flag pair with every wrapping, the layer rotating: 24 of the 72 combinations.

    The layer for flags number f and wrapping number w is number (f + w) mod 3, so each
    pair of layer, flags and wrapping comes up at least once. tests/test_matrix.py
    crosses all 72 combinations against Keras. Here each lookup builds and calls a model
    as well, so pairs are enough to check the command's report.
    """
    return [
        (LAYER_NAMES[(f + w) % len(LAYER_NAMES)], sequences, state, wrapping)
        for f, (sequences, state) in enumerate(FLAGS)
        for w, wrapping in enumerate(WRAPPINGS)
    ]


COMBINATIONS = pairwise_combinations()
# go_backwards changes values, not shapes. Keras 3 rejects it inside Bidirectional,
# so it is crossed with the unwrapped layers only.
BACKWARDS_COMBINATIONS = list(itertools.product(LAYER_NAMES, (False, True), (False, True), (None,)))


def test_combinations_cover_every_pair():
    layer_flags = {(layer, sequences, state) for layer, sequences, state, _ in COMBINATIONS}
    layer_wrapping = {(layer, wrapping) for layer, _, _, wrapping in COMBINATIONS}
    flags_wrapping = {(sequences, state, wrapping) for _, sequences, state, wrapping in COMBINATIONS}

    assert len(layer_flags) == len(LAYER_NAMES) * len(FLAGS)
    assert len(layer_wrapping) == len(LAYER_NAMES) * len(WRAPPINGS)
    assert len(flags_wrapping) == len(FLAGS) * len(WRAPPINGS)


def combination_id(combination) -> str:
    layer, sequences, state, wrapping = combination
    words = [layer, "sequences" if sequences else "last", "state" if state else "no state"]
    words.append("plain" if wrapping is None else f"bidirectional {wrapping}")
    return ", ".join(words)


def shapes_argv(layer, sequences, state, wrapping, *extra) -> list[str]:
    argv = ["shapes", layer, "--units", "3", "--input", "2,5,1", *extra]
    if sequences:
        argv.append("--return-sequences")
    if state:
        argv.append("--return-state")
    if wrapping is not None:
        argv += ["--bidirectional", "--merge-mode", wrapping]
    return argv


@pytest.mark.parametrize("combination", COMBINATIONS, ids=combination_id)
def test_keras_agrees_with_rule(combination, capsys):
    layer, sequences, state, wrapping = combination
    merge_mode = None if wrapping == "None" else (wrapping or "concat")
    config = LayerConfig(
        layer,
        3,
        return_sequences=sequences,
        return_state=state,
        bidirectional=wrapping is not None,
        merge_mode=merge_mode,
    )
    expected = expected_outputs(config, (2, 5, 1))

    status = main(shapes_argv(*combination, "--format", "json"))
    report = json.loads(capsys.readouterr().out)

    assert status == 0
    assert report["configuration"] == config.describe()
    assert [tensor["name"] for tensor in report["tensors"]] == list(expected.names)
    assert [tuple(tensor["keras"]) for tensor in report["tensors"]] == [
        tensor.shape for tensor in expected.tensors
    ]
    assert report["agrees"] is True


@pytest.mark.parametrize("combination", BACKWARDS_COMBINATIONS, ids=combination_id)
def test_go_backwards_keeps_shapes(combination, capsys):
    layer, sequences, state, wrapping = combination
    config = LayerConfig(
        layer,
        3,
        return_sequences=sequences,
        return_state=state,
        go_backwards=True,
        bidirectional=wrapping is not None,
    )
    expected = expected_outputs(config, (2, 5, 1))

    status = main(shapes_argv(*combination, "--go-backwards", "--format", "json"))
    report = json.loads(capsys.readouterr().out)

    assert status == 0
    assert report["configuration"] == config.describe()
    assert [tuple(tensor["keras"]) for tensor in report["tensors"]] == [
        tensor.shape for tensor in expected.tensors
    ]


def test_bidirectional_go_backwards_rejected(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(shapes_argv("LSTM", False, False, "concat", "--go-backwards"))

    stderr = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert stderr.startswith("usage: rnn-spec shapes")
    assert (
        "rnn-spec shapes: error: Invalid option go_backwards=True for a Bidirectional layer. "
        "Expected go_backwards=False: Keras 3 makes the backward direction itself."
    ) in stderr


def test_lesson_printout(capsys):
    argv = shapes_argv("LSTM", True, True, "concat")

    status = main(argv)

    assert status == 0
    assert capsys.readouterr().out.splitlines() == [
        "Bidirectional(LSTM(units=3, return_sequences=True, return_state=True), "
        "merge_mode='concat') on input (2, 5, 1)",
        "             rule        keras",
        "output     : (2, 5, 6)   (2, 5, 6)",
        "h_forward  : (2, 3)      (2, 3)",
        "c_forward  : (2, 3)      (2, 3)",
        "h_backward : (2, 3)      (2, 3)",
        "c_backward : (2, 3)      (2, 3)",
    ]


def test_other_dimensions_printout(capsys):
    status = main(["shapes", "GRU", "--units", "7", "--input", "3,4,2", "--return-sequences"])

    assert status == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "         rule        keras",
        "output : (3, 4, 7)   (3, 4, 7)",
    ]


@pytest.fixture
def keras_sums_instead_of_concat(monkeypatch):
    """Break Bidirectional concat for one test, with models built anew on both sides."""
    clear_caches()
    BREAKAGES["bidirectional_sum"].apply(monkeypatch)
    yield
    monkeypatch.undo()
    clear_caches()


@pytest.mark.usefixtures("keras_sums_instead_of_concat")
def test_disagreement_flagged(capsys):
    status = main(shapes_argv("LSTM", False, False, "concat"))

    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[-2] == "output : (2, 6)   (2, 3)   <- disagrees"
    assert lines[-1] == "Keras disagrees with the rule on: output."


INVALID_ARGUMENTS = {
    "unknown layer": (
        ["LTSM"],
        "argument layer: Invalid layer: 'LTSM'. Expected one of LSTM, GRU or SimpleRNN.",
    ),
    "units 0": (
        ["LSTM", "--units", "0"],
        "argument --units: Invalid units: '0'. Expected a positive integer.",
    ),
    "units not a number": (
        ["LSTM", "--units", "three"],
        "argument --units: Invalid units: 'three'. Expected a positive integer.",
    ),
    "input of rank 2": (
        ["LSTM", "--input", "2,5"],
        "argument --input: Invalid input shape: '2,5'. "
        "Expected batch,timesteps,features as three positive integers, such as 2,5,1.",
    ),
    "input with x": (
        ["LSTM", "--input", "2x5"],
        "argument --input: Invalid input shape: '2x5'. "
        "Expected batch,timesteps,features as three positive integers, such as 2,5,1.",
    ),
    "input with a zero": (
        ["LSTM", "--input", "2,0,1"],
        "argument --input: Invalid input shape: '2,0,1'. "
        "Expected batch,timesteps,features as three positive integers, such as 2,5,1.",
    ),
    "unknown merge mode": (
        ["LSTM", "--bidirectional", "--merge-mode", "max"],
        "argument --merge-mode: Invalid merge_mode: 'max'. "
        "Expected one of concat, sum, mul, ave or None.",
    ),
    "merge mode without bidirectional": (
        ["LSTM", "--merge-mode", "sum"],
        "--merge-mode sum needs --bidirectional.",
    ),
    "unknown format": (
        ["LSTM", "--format", "yaml"],
        "argument --format: Invalid format: 'yaml'. Expected one of text or json.",
    ),
}


@pytest.mark.parametrize("argv, message", INVALID_ARGUMENTS.values(), ids=INVALID_ARGUMENTS)
def test_invalid_argument_named(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["shapes", *argv])

    stderr = capsys.readouterr().err.splitlines()
    assert exit_info.value.code == 2
    assert stderr[0].startswith("usage: rnn-spec shapes ")
    assert stderr[-1] == f"rnn-spec shapes: error: {message}"


def test_installed_script_runs():
    """The console script reaches rnn_spec.cli.main.

    `--version` imports no Keras, so this check takes under a second. A `shapes`
    lookup through the script would import TensorFlow first. The in-process tests above
    cover the lookups themselves.
    """
    script = Path(sys.executable).with_name("rnn-spec")
    assert script.exists(), f"{script} is missing; install the project: pip install -e ."

    result = subprocess.run(
        [script, "--version"], capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"rnn-spec {importlib.metadata.version('rnn-spec')}"
    assert "tensorflow" not in result.stderr.lower()


def test_version_printed(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])

    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("rnn-spec ")
