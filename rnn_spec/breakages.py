"""Deliberate breakages of Keras, to prove that the specification notices each one.

This module is the one place where rnn_spec changes Keras' behaviour. It is a pytest
plugin: `pytest -p rnn_spec.breakages --break-keras NAME` patches Keras for that run
only, and the run must fail, naming the rule that broke. Adding a breakage is one entry
in BREAKAGES.

How the patches reach Keras (checked on Keras 3.15):

* Patches replace methods on the layer classes, so they reach every instance, including
  the forward and backward copies that Bidirectional makes of its layer.
* LSTM.call, GRU.call and SimpleRNN.call delegate to RNN.call, so a patch of RNN.call
  reaches all three.
* A functional model takes its symbolic output shapes from compute_output_shape, not
  from call. A breakage that changes the shape of a result patches call. A breakage that
  changes how many tensors come back patches both, because a model whose call returns a
  different count than it declared fails inside Keras or drops the extra tensor.
* Keras inspects the signature of call(), so every wrapper keeps it with functools.wraps.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from rnn_spec.errors import not_one_of

# "Outputs 0.1% off": every tensor a recurrent layer returns is multiplied by this.
DRIFT_FACTOR = 1.001


@dataclass(frozen=True)
class Breakage:
    """A way to break Keras, the feature files that must catch it, and what they report.

    `rule_fragment` is a piece of the rule text that a failing scenario prints after
    "Rule broken:". `context_fragment` is a piece of the configuration or of the failing
    scenario's name that shows which behaviour broke, for rules such as "the output is
    the same in both runs" that several features share.
    """

    description: str
    features: tuple[str, ...]
    rule_fragment: str
    context_fragment: str
    apply: Callable[[pytest.MonkeyPatch], None]


def _layer_class(name: str):
    import keras

    return getattr(keras.layers, name)


def _patch(monkeypatch: pytest.MonkeyPatch, class_name: str, method: str, make_wrapper):
    """Replace `class_name.method` by `make_wrapper(original)`, keeping its signature."""
    layer_class = _layer_class(class_name)
    original = getattr(layer_class, method)
    wrapper = functools.wraps(original)(make_wrapper(original))
    monkeypatch.setattr(layer_class, method, wrapper)


def _edit_result(monkeypatch, class_name: str, edit) -> None:
    """Make `class_name.call` return `edit(layer, result)` instead of `result`."""

    def make_wrapper(original):
        def call(self, *args, **kwargs):
            return edit(self, original(self, *args, **kwargs))

        return call

    _patch(monkeypatch, class_name, "call", make_wrapper)


def _edit_declared(monkeypatch, class_name: str, edit) -> None:
    """Make `class_name.compute_output_shape` declare `edit(layer, shapes)`."""

    def make_wrapper(original):
        def compute_output_shape(self, *args, **kwargs):
            return edit(self, original(self, *args, **kwargs))

        return compute_output_shape

    _patch(monkeypatch, class_name, "compute_output_shape", make_wrapper)


def _edit_arguments(monkeypatch, class_name: str, edit) -> None:
    """Make `class_name.call` run with the arguments that `edit(layer, arguments)` sets."""

    def make_wrapper(original):
        signature = inspect.signature(original)

        def call(self, *args, **kwargs):
            bound = signature.bind(self, *args, **kwargs)
            edit(self, bound.arguments)
            return original(*bound.args, **bound.kwargs)

        return call

    _patch(monkeypatch, class_name, "call", make_wrapper)


def _override_during_call(monkeypatch, class_name: str, attribute: str, value) -> None:
    """Make `class_name.call` run as if `attribute` were `value(layer)`."""

    def make_wrapper(original):
        def call(self, *args, **kwargs):
            original_value = getattr(self, attribute)
            setattr(self, attribute, value(self))
            try:
                return original(self, *args, **kwargs)
            finally:
                setattr(self, attribute, original_value)

        return call

    _patch(monkeypatch, class_name, "call", make_wrapper)


# The breakages. Each takes pytest's MonkeyPatch, so the run undoes it at the end.


def _swap_lstm_states(monkeypatch) -> None:
    def swap(layer, result):
        if not layer.return_state:
            return result
        output, h, c = result
        return output, c, h

    _edit_result(monkeypatch, "LSTM", swap)


def _drop_lstm_c(monkeypatch) -> None:
    def drop_c(layer, outputs):
        return outputs[:-1] if layer.return_state else outputs

    _edit_result(monkeypatch, "LSTM", drop_c)
    _edit_declared(monkeypatch, "LSTM", drop_c)


def _ignore_return_sequences(monkeypatch) -> None:
    _override_during_call(monkeypatch, "RNN", "return_sequences", lambda layer: False)


def _ungate_lstm_h(monkeypatch) -> None:
    # h becomes tanh(c) without the output gate, so the output (gated) no longer equals it.
    def ungate(layer, result):
        if not layer.return_state:
            return result
        import keras

        output, _h, c = result
        return output, keras.ops.tanh(c), c

    _edit_result(monkeypatch, "LSTM", ungate)


def _sum_instead_of_concat(monkeypatch) -> None:
    def merge_mode(layer):
        return "sum" if layer.merge_mode == "concat" else layer.merge_mode

    _override_during_call(monkeypatch, "Bidirectional", "merge_mode", merge_mode)


def _leave_backward_reversed(monkeypatch) -> None:
    # Bidirectional flips the backward sequence back into input order. Flipping its half
    # of the output again undoes that, as if the flip were missing.
    def unflip(layer, result):
        if not layer.return_sequences or layer.merge_mode not in ("concat", None):
            return result
        import keras

        flip = functools.partial(keras.ops.flip, axis=1)
        tensors = list(result) if isinstance(result, (list, tuple)) else [result]
        if layer.merge_mode is None:
            tensors[1] = flip(tensors[1])
        else:
            units = layer.forward_layer.units
            output = tensors[0]
            halves = [output[..., :units], flip(output[..., units:])]
            tensors[0] = keras.ops.concatenate(halves, axis=-1)
        return tuple(tensors) if isinstance(result, (list, tuple)) else tensors[0]

    _edit_result(monkeypatch, "Bidirectional", unflip)


def _drift_outputs(monkeypatch) -> None:
    # RNN over several cells nests each cell's states in a list, hence map_structure.
    def drift(layer, result):
        import keras

        return keras.tree.map_structure(lambda tensor: tensor * DRIFT_FACTOR, result)

    _edit_result(monkeypatch, "RNN", drift)


def _ignore_go_backwards(monkeypatch) -> None:
    _override_during_call(monkeypatch, "RNN", "go_backwards", lambda layer: False)


def _forget_stateful_state(monkeypatch) -> None:
    def reset_first(layer, arguments):
        if layer.stateful:
            layer.reset_state()

    _edit_arguments(monkeypatch, "RNN", reset_first)


def _ignore_mask(monkeypatch) -> None:
    def drop_mask(layer, arguments):
        arguments["mask"] = None

    _edit_arguments(monkeypatch, "RNN", drop_mask)


def _ignore_initial_state(monkeypatch) -> None:
    def drop_initial_state(layer, arguments):
        arguments["initial_state"] = None

    _edit_arguments(monkeypatch, "RNN", drop_initial_state)


def _add_gru_state(monkeypatch) -> None:
    def repeat_h(layer, outputs):
        return (*outputs, outputs[-1]) if layer.return_state else outputs

    _edit_result(monkeypatch, "GRU", repeat_h)
    _edit_declared(monkeypatch, "GRU", repeat_h)


BREAKAGES: dict[str, Breakage] = {
    "lstm_states_c_h": Breakage(
        description="LSTM returns its states as c, h instead of h, c",
        features=("lstm.return_state.feature",),
        rule_fragment="output equals h",
        context_fragment="return_state=True",
        apply=_swap_lstm_states,
    ),
    "lstm_c_dropped": Breakage(
        description="LSTM with return_state returns output and h, without c",
        features=("lstm.return_state.feature",),
        rule_fragment="LSTM returns h and c",
        context_fragment="return_state=True",
        apply=_drop_lstm_c,
    ),
    "return_sequences_ignored": Breakage(
        description="recurrent layers return the last step even with return_sequences=True",
        features=("lstm.return_sequences.feature",),
        rule_fragment="return_sequences=True returns every step",
        context_fragment="return_sequences=True",
        apply=_ignore_return_sequences,
    ),
    "output_differs_from_h": Breakage(
        description="LSTM returns h as tanh(c), without the output gate, so the output differs",
        features=("lstm.return_state.feature",),
        rule_fragment="output equals h",
        context_fragment="return_state=True",
        apply=_ungate_lstm_h,
    ),
    "bidirectional_sum": Breakage(
        description="Bidirectional sums forward and backward where it should concatenate",
        features=("bidirectional.lstm.feature",),
        rule_fragment="Bidirectional concat joins forward and backward on the last axis",
        context_fragment="merge_mode='concat'",
        apply=_sum_instead_of_concat,
    ),
    "backward_reversed": Breakage(
        description="Bidirectional leaves the backward half of the sequence in reversed time order",
        features=("bidirectional.lstm.feature",),
        rule_fragment="the backward half of the first step of the output equals h_backward",
        context_fragment="return_sequences=True",
        apply=_leave_backward_reversed,
    ),
    "outputs_drift": Breakage(
        description="recurrent layers return every tensor 0.1% too large",
        features=("reference.numpy.feature",),
        rule_fragment="computes what the NumPy reference computes",
        context_fragment="return_state=True",
        apply=_drift_outputs,
    ),
    "go_backwards_ignored": Breakage(
        description="recurrent layers read forward even with go_backwards=True",
        features=("go_backwards.feature",),
        rule_fragment="is the same in both runs",
        context_fragment="go_backwards=True",
        apply=_ignore_go_backwards,
    ),
    "stateful_state_dropped": Breakage(
        description="stateful layers start every call from zero states",
        features=("stateful.feature",),
        rule_fragment="is the same in both runs",
        context_fragment="stateful=True",
        apply=_forget_stateful_state,
    ),
    "mask_ignored": Breakage(
        description="recurrent layers read masked steps as if no mask were given",
        features=("masking.feature",),
        rule_fragment="is the same in both runs",
        context_fragment="Masking layer",
        apply=_ignore_mask,
    ),
    "initial_state_ignored": Breakage(
        description="recurrent layers start from zero states whatever initial_state says",
        features=("initial_state.feature",),
        rule_fragment="is the same in both runs",
        context_fragment="initial_state",
        apply=_ignore_initial_state,
    ),
    "gru_extra_state": Breakage(
        description="GRU with return_state returns h twice, as if it had a second state",
        features=("gru.return_sequences_and_state.feature",),
        rule_fragment="GRU returns h only",
        context_fragment="return_state=True",
        apply=_add_gru_state,
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

    from rnn_spec.build import clear_caches

    # Models built before the breakage carry unbroken symbolic outputs, and results
    # observed before it are unbroken; build and call anew, before and after.
    clear_caches()
    monkeypatch = pytest.MonkeyPatch()
    BREAKAGES[name].apply(monkeypatch)
    config.add_cleanup(monkeypatch.undo)
    config.add_cleanup(clear_caches)
