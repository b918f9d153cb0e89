"""Run feature files in a pytester sandbox with the project's own steps and hooks."""

from __future__ import annotations

import ast
from pathlib import Path

# pytester's in-process runs restore sys.modules afterwards, which would drop a
# TensorFlow first imported inside one of them. Importing TensorFlow a second time in
# one process aborts it. Importing Keras here keeps it loaded for every run.
import keras  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
# The plugins are imported already by the outer run, so pytest cannot rewrite their
# asserts again; that warning says nothing about the run under test. Hypothesis' plugin
# imports all of Hypothesis at the end of a run, which no feature needs.
QUIET = (
    "-p", "no:randomly",
    "-p", "no:cacheprovider",
    "-p", "no:hypothesispytest",
    "-W", "ignore::pytest.PytestAssertRewriteWarning",
)


def project_plugins() -> list[str]:
    """Read the step and hook plugins that the project's conftest.py lists.

    Reading the list keeps the sandbox in step with the project as step modules are added.
    pytester is left out, since the sandbox is already inside it, and the breakages plugin
    is added.
    """
    tree = ast.parse((ROOT / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == "pytest_plugins" for target in node.targets
        ):
            plugins = ast.literal_eval(node.value)
            return [plugin for plugin in plugins if plugin != "pytester"] + ["rnn_spec.breakages"]
    raise LookupError(f"{ROOT / 'conftest.py'} has no pytest_plugins list")


PLUGINS = project_plugins()


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


def failed_test_ids(result) -> list[str]:
    """Read the ids of failed tests from the short summary: "FAILED <id> - <message>"."""
    prefix = "FAILED "
    return [
        line[len(prefix) :].split(" - ", 1)[0]
        for line in result.outlines
        if line.startswith(prefix)
    ]


def rerun_tests(pytester, test_ids, *args: str):
    """Run tests again by id in the sandbox that run_features laid out."""
    return pytester.runpytest_inprocess(*QUIET, *args, *test_ids)


def run_feature_text(pytester, text: str, *args: str):
    """Run one feature written in a test, with the project's steps."""
    features_dir = pytester.mkdir("features")
    (features_dir / "sample.feature").write_text(text, encoding="utf-8")
    write_sandbox(pytester, features_dir, ["sample.feature"])
    return pytester.runpytest_inprocess(*QUIET, *args)
