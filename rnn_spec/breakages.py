"""Deliberate breakages of Keras, to prove that the specification notices each one.

This module is the one place where rnn_spec changes Keras' behaviour. It is a pytest
plugin: `pytest -p rnn_spec.breakages --break-keras NAME` patches Keras for that run
only, and the run must fail, naming the rule that broke. Adding a breakage is one entry
in BREAKAGES.
"""

from __future__ import annotations

from collections.abc import Callable
import functools
from dataclasses import dataclass

import pytest

from rnn_spec.errors import not_one_of


@dataclass(frozen=True)
class Breakage:
    """A way to break Keras, the feature files that must catch it, and the rule they name."""

    description: str
    features: tuple[str, ...]
    rule_fragment: str
    apply: Callable[[pytest.MonkeyPatch], None]


def _wrap_call(monkeypatch: pytest.MonkeyPatch, layer_class, change) -> None:
    """Replace `layer_class.call` so that `change(layer, result)` edits what it returns."""
    original = layer_class.call

    # functools.wraps keeps the signature visible: Keras inspects call()'s arguments.
    @functools.wraps(original)
    def call(self, *args, **kwargs):
        return change(self, original(self, *args, **kwargs))

    monkeypatch.setattr(layer_class, "call", call)


def _swap_lstm_states(monkeypatch: pytest.MonkeyPatch) -> None:
    import keras

    def change(layer, result):
        if not layer.return_state:
            return result
        output, h, c = result
        return output, c, h

    _wrap_call(monkeypatch, keras.layers.LSTM, change)


def _sum_instead_of_concat(monkeypatch: pytest.MonkeyPatch) -> None:
    import keras

    original = keras.layers.Bidirectional.call

    @functools.wraps(original)
    def call(self, *args, **kwargs):
        mode = self.merge_mode
        self.merge_mode = "sum" if mode == "concat" else mode
        try:
            return original(self, *args, **kwargs)
        finally:
            self.merge_mode = mode

    monkeypatch.setattr(keras.layers.Bidirectional, "call", call)


BREAKAGES: dict[str, Breakage] = {
    "lstm_states_c_h": Breakage(
        description="LSTM returns its states as c, h instead of h, c",
        features=("lstm.return_state.feature",),
        rule_fragment="the output equals h",
        apply=_swap_lstm_states,
    ),
    "bidirectional_sum": Breakage(
        description="Bidirectional sums forward and backward where it should concatenate",
        features=("bidirectional.lstm.feature",),
        rule_fragment="Bidirectional concat joins forward and backward on the last axis",
        apply=_sum_instead_of_concat,
    ),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--break-keras",
        metavar="NAME",
        help=f"break Keras on purpose for this run; one of: {', '.join(BREAKAGES)}",
    )


def pytest_configure(config: pytest.Config) -> None:
    name = config.getoption("--break-keras")
    if name is None:
        return
    if name not in BREAKAGES:
        raise pytest.UsageError(str(not_one_of("breakage", name, BREAKAGES)))

    from rnn_spec.build import build_model

    # Models built before the breakage carry unbroken symbolic outputs; build anew.
    build_model.cache_clear()
    monkeypatch = pytest.MonkeyPatch()
    BREAKAGES[name].apply(monkeypatch)
    config.add_cleanup(monkeypatch.undo)
    config.add_cleanup(build_model.cache_clear)
