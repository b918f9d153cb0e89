"""Stop the run at once on a TensorFlow or Keras version the specification does not support.

Without this gate, Keras 2 or an untested release would fail scenario after scenario
with errors that name no rule. The gate runs once, in the main process, before
collecting, and exits with rnn_spec.versions.UNSUPPORTED_EXIT_CODE.
"""

from __future__ import annotations

import os

import pytest

from rnn_spec import versions


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--any-version",
        action="store_true",
        help="run on TensorFlow or Keras 3 releases outside the supported range "
        f"({versions.supported_versions()}); Keras 2 and tf-keras still stop the run",
    )


def pytest_report_header(config: pytest.Config) -> str:
    installed = versions.installed_versions()
    backend = os.environ.get("KERAS_BACKEND", "tensorflow")
    return (
        f"rnn-spec: {installed.describe()}, backend {backend}; "
        f"supported: {versions.supported_versions()}"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    # pytest-xdist workers carry `workerinput`; the main process has checked already.
    if hasattr(session.config, "workerinput"):
        return
    installed = versions.installed_versions()
    problems = versions.version_problems(installed, session.config.getoption("--any-version"))
    if problems:
        pytest.exit(
            versions.stop_message(installed, problems),
            returncode=versions.UNSUPPORTED_EXIT_CODE,
        )
