"""The supported-version check, with fake version strings in place of installed packages."""

from __future__ import annotations

from importlib import metadata

import pytest
from packaging.requirements import Requirement

from rnn_spec import versions
from rnn_spec.versions import Installed, version_problems

# The sandbox runs only the gate: no random order, no cache, no Hypothesis summary.
SANDBOX_OPTIONS = ("-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:hypothesispytest")

SUPPORTED_PAIRS = [
    ("2.16.1", "3.4.0"),
    ("2.20.0", "3.10.0"),
    ("2.21.0", "3.15.1"),
    ("2.21.0rc1", "3.15.1"),
]


@pytest.mark.parametrize(("tensorflow", "keras"), SUPPORTED_PAIRS)
def test_supported_pair_passes(tensorflow, keras):
    assert version_problems(Installed(tensorflow, keras)) == []


def test_keras_2_rejected():
    problems = version_problems(Installed("2.15.1", "2.15.0"))

    assert problems == [
        "Invalid Keras version: '2.15.0'. Expected Keras 3: >=3.4,<4. "
        "Keras 2 is not covered by this specification.",
        "Invalid TensorFlow version: '2.15.1'. Expected a version in >=2.16,<2.22.",
    ]


def test_keras_2_rejected_with_any_version():
    problems = version_problems(Installed("2.21.0", "2.15.0"), any_version=True)

    assert problems == [
        "Invalid Keras version: '2.15.0'. Expected Keras 3: >=3.4,<4. "
        "Keras 2 is not covered by this specification."
    ]


@pytest.mark.parametrize("value", ["1", "true", "True"])
def test_legacy_keras_variable_rejected(value):
    problems = version_problems(Installed("2.21.0", "3.15.1", legacy_keras=value))

    assert problems == [
        f"Invalid TF_USE_LEGACY_KERAS: {value!r}. Expected it unset or 0, because it makes "
        "tf.keras Keras 2 (tf-keras), which this specification does not cover."
    ]


@pytest.mark.parametrize("value", [None, "0", "false"])
def test_legacy_keras_variable_off_passes(value):
    assert version_problems(Installed("2.21.0", "3.15.1", legacy_keras=value)) == []


@pytest.mark.parametrize(
    ("tensorflow", "keras", "message"),
    [
        ("2.22.0", "3.15.1", "Invalid TensorFlow version: '2.22.0'. Expected a version in >=2.16,<2.22."),
        ("2.22.0.dev20260101", "3.15.1", "Invalid TensorFlow version: '2.22.0.dev20260101'. Expected a version in >=2.16,<2.22."),
        ("2.15.1", "3.15.1", "Invalid TensorFlow version: '2.15.1'. Expected a version in >=2.16,<2.22."),
        ("2.21.0", "3.3.3", "Invalid Keras version: '3.3.3'. Expected a version in >=3.4,<4."),
        ("2.21.0", "4.0.0", "Invalid Keras version: '4.0.0'. Expected a version in >=3.4,<4."),
        ("2.21.0", "not-a-version", "Invalid Keras version: 'not-a-version'. Expected a version in >=3.4,<4."),
        (None, "3.15.1", "Missing TensorFlow: it is not installed. Expected a version in >=2.16,<2.22."),
        ("2.21.0", None, "Missing Keras: it is not installed. Expected a version in >=3.4,<4."),
    ],
)
def test_unsupported_version_named(tensorflow, keras, message):
    assert version_problems(Installed(tensorflow, keras)) == [message]


def test_any_version_accepts_keras_3_outside_range():
    assert version_problems(Installed("2.22.0", "4.0.0"), any_version=True) == []


def test_any_version_still_needs_packages():
    problems = version_problems(Installed(None, "3.15.1"), any_version=True)

    assert problems == ["Missing TensorFlow: it is not installed. Expected a version in >=2.16,<2.22."]


def test_ranges_match_package_metadata():
    requirements = {Requirement(text).name: Requirement(text) for text in metadata.requires("rnn-spec")}

    assert str(requirements["tensorflow"].specifier) == str(Requirement(f"tensorflow{versions.TENSORFLOW_RANGE}").specifier)
    assert str(requirements["keras"].specifier) == str(Requirement(f"keras{versions.KERAS_RANGE}").specifier)


def test_installed_versions_read_here():
    installed = versions.installed_versions()

    assert version_problems(installed) == []


def test_stop_message_lists_problems():
    installed = Installed("2.15.1", "2.15.0")
    message = versions.stop_message(installed, ["first problem", "second problem"])

    assert message.splitlines() == [
        "rnn-spec stopped before any scenario ran: this environment "
        "(TensorFlow 2.15.1, Keras 2.15.0) is not supported.",
        "  first problem",
        "  second problem",
        "  Supported: TensorFlow >=2.16,<2.22, Keras >=3.4,<4.",
        '  Install a supported pair: pip install "tensorflow>=2.16,<2.22" "keras>=3.4,<4", '
        "or pass --any-version to try Keras 3 and TensorFlow releases outside the range.",
    ]


def run_gated(pytester, monkeypatch, tensorflow, keras, *args):
    """Run a one-test sandbox through the gate, with faked installed versions."""
    monkeypatch.setattr(versions, "installed_versions", lambda: Installed(tensorflow, keras))
    pytester.makepyfile(test_sample="def test_sample():\n    pass\n")
    return pytester.runpytest_inprocess(
        "-p", "steps.version_gate", *SANDBOX_OPTIONS, *args
    )


def test_gate_stops_on_keras_2(pytester, monkeypatch):
    result = run_gated(pytester, monkeypatch, "2.15.1", "2.15.0")

    assert result.ret == versions.UNSUPPORTED_EXIT_CODE
    result.stdout.fnmatch_lines(["*rnn-spec stopped before any scenario ran*"])
    result.stdout.fnmatch_lines(["*Invalid Keras version: '2.15.0'*"])
    result.stdout.no_fnmatch_line("*test_sample*PASSED*")


def test_gate_lets_any_version_run(pytester, monkeypatch):
    result = run_gated(pytester, monkeypatch, "2.22.0", "3.16.0", "--any-version")

    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["rnn-spec: TensorFlow 2.22.0, Keras 3.16.0, backend *"])
    result.assert_outcomes(passed=1)


def test_gate_passes_supported_pair(pytester, monkeypatch):
    result = run_gated(pytester, monkeypatch, "2.21.0", "3.15.1")

    assert result.ret == pytest.ExitCode.OK
    result.assert_outcomes(passed=1)
