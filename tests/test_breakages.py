"""Mutation self-test: with Keras broken on purpose, the specification must fail.

Each breakage in rnn_spec.breakages runs the feature files that must catch it,
in-process, with that breakage applied. A breakage is killed when the run fails, its
report names the broken rule and the configuration, and the failed scenario passes
when run again without the breakage. The terminal summary prints the kill rate.
"""

from __future__ import annotations

import pytest

from rnn_spec.breakages import BREAKAGES
from tests.spec_runner import FEATURES, failed_test_ids, rerun_tests, run_features


def missing_features(name: str) -> list[str]:
    return [feature for feature in BREAKAGES[name].features if not (FEATURES / feature).exists()]


def breakage_param(name: str):
    """One test case per breakage, a strict xfail while a feature it needs is missing."""
    missing = missing_features(name)
    if not missing:
        return pytest.param(name, id=name)
    reason = f"feature not written yet: {', '.join(missing)}"
    return pytest.param(name, id=name, marks=pytest.mark.xfail(strict=True, reason=reason))


class KillRate:
    """A pytest plugin that counts killed breakages and prints the rate at the end."""

    def __init__(self) -> None:
        self.killed: dict[str, bool] = {}

    def pytest_terminal_summary(self, terminalreporter) -> None:
        survivors = sorted(name for name, killed in self.killed.items() if not killed)
        line = f"breakages killed: {sum(self.killed.values())}/{len(self.killed)}"
        if survivors:
            line += f" (not killed: {', '.join(survivors)})"
        terminalreporter.write_sep("-", "Keras breakage self-test")
        terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def kill_rate(pytestconfig) -> KillRate:
    plugin = KillRate()
    pytestconfig.pluginmanager.register(plugin, "breakage-kill-rate")
    return plugin


@pytest.mark.parametrize("name", [breakage_param(name) for name in sorted(BREAKAGES)])
def test_breakage_killed(pytester, kill_rate, name):
    breakage = BREAKAGES[name]
    kill_rate.killed[name] = False
    missing = missing_features(name)
    assert not missing, f"{breakage.description}: no feature to catch it: {', '.join(missing)}"

    # The first failure is enough: stopping there keeps this test fast.
    result = run_features(pytester, breakage.features, "--break-keras", name, "--maxfail=1")
    failed = result.parseoutcomes().get("failed", 0)

    assert failed > 0, f"{breakage.description}: no scenario failed"
    result.stdout.fnmatch_lines([f"*Rule broken: *{breakage.rule_fragment}*"])
    result.stdout.fnmatch_lines(["*Configuration: *"])
    result.stdout.fnmatch_lines([f"*{breakage.context_fragment}*"])

    # Control: without the breakage the same scenario passes, so the breakage failed it.
    failed_ids = failed_test_ids(result)
    assert failed_ids, "the report lists no FAILED test id"
    control = rerun_tests(pytester, failed_ids)
    assert control.parseoutcomes().get("passed", 0) == len(failed_ids), control.stdout.str()
    kill_rate.killed[name] = True


def test_unknown_breakage_named(pytester):
    result = run_features(pytester, ["lstm.return_state.feature"], "--break-keras", "nope")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Invalid breakage: 'nope'. Expected one of*"])
