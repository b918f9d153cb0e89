"""Run feature files in a pytester sandbox with the project's own steps and hooks."""

from __future__ import annotations

from pathlib import Path

# pytester's in-process runs restore sys.modules afterwards, which would drop a
# TensorFlow first imported inside one of them; importing TensorFlow a second time in
# one process aborts it. Importing Keras here keeps it loaded for every run.
import keras  # noqa: F401

FEATURES = Path(__file__).resolve().parent.parent / "features"
# The plugins are imported already by the outer run, so pytest cannot rewrite their
# asserts again; that warning says nothing about the run under test. Hypothesis' plugin
# imports all of Hypothesis at the end of a run, which no feature needs.
QUIET = (
    "-p", "no:randomly",
    "-p", "no:cacheprovider",
    "-p", "no:hypothesispytest",
    "-W", "ignore::pytest.PytestAssertRewriteWarning",
)
PLUGINS = ["steps.hooks", "steps.given", "steps.when", "steps.then", "rnn_spec.breakages"]


def write_sandbox(pytester, features_dir: Path, feature_names) -> None:
    """Lay out an ini file, a conftest loading the steps, and one test module."""
    pytester.makeini(f"[pytest]\nbdd_features_base_dir = {features_dir}\n")
    pytester.makeconftest(f"pytest_plugins = {PLUGINS!r}\n")
    names = ", ".join(repr(name) for name in feature_names)
    pytester.makepyfile(test_spec=f"from pytest_bdd import scenarios\nscenarios({names})\n")


def run_features(pytester, feature_names, *args: str):
    """Run the project's feature files in-process and return pytester's RunResult."""
    write_sandbox(pytester, FEATURES, feature_names)
    return pytester.runpytest_inprocess(*QUIET, *args)


def run_feature_text(pytester, text: str, *args: str):
    """Run one feature written in a test, with the project's steps."""
    features_dir = pytester.mkdir("features")
    (features_dir / "sample.feature").write_text(text, encoding="utf-8")
    write_sandbox(pytester, features_dir, ["sample.feature"])
    return pytester.runpytest_inprocess(*QUIET, *args)
