"""Run a layer on a seeded input and name what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from rnn_spec.build import (
    build_layer,
    build_model,
    cached,
    declared_shapes,
    seed_for,
    seed_weights,
)
from rnn_spec.config import LayerConfig
from rnn_spec.errors import Unreadable, invalid, not_one_of
from rnn_spec.rule import Expected, expected_outputs
from rnn_spec.shapes import Shape

INPUT_SEED = 20
CALL_PATHS = ("call", "predict")


@dataclass(frozen=True, repr=False)
class Outcome:
    """What one layer returned: the declared shapes and the arrays, in Keras' order.

    `names` come from the rule; `declared` and `arrays` come from Keras. Their lengths
    differ when Keras returns more or fewer tensors than the rule names.
    """

    expected: Expected
    declared: tuple[Shape, ...]
    arrays: tuple[np.ndarray, ...]
    inputs: np.ndarray
    call_path: str
    # The layer's weights as `get_weights()` returns them: forward's, then backward's.
    # Keyword-only, so that subclasses can add positional fields after `call_path`.
    weights: tuple[np.ndarray, ...] = field(default=(), kw_only=True)

    @property
    def names(self) -> tuple[str, ...]:
        return self.expected.names

    def __repr__(self) -> str:
        shapes = ", ".join(str(tuple(array.shape)) for array in self.arrays)
        return f"<Outcome of {self.expected.config.describe()} via {self.call_path}: {shapes}>"

    def array(self, name: str) -> np.ndarray:
        """The array returned at the position the rule gives to `name`."""
        self.expected.tensor(name)
        position = self.names.index(name)
        if position >= len(self.arrays):
            raise Unreadable(
                f"{self.expected.config.describe()} returned {len(self.arrays)} tensors, "
                f"so it has no {name!r}; the rule expects {', '.join(self.names)}."
            )
        return self.arrays[position]


def make_input(shape: Shape, seed: int = INPUT_SEED) -> np.ndarray:
    """A float32 batch drawn from a standard normal generator with a fixed seed."""
    return np.random.default_rng(seed).standard_normal(shape).astype("float32")


def run_layer(
    config: LayerConfig,
    input_shape: Shape,
    call_path: str = "call",
    backward: LayerConfig | None = None,
) -> Outcome:
    """Build (or reuse) the model for `config`, call it on a seeded batch, name the results.

    `call_path` "call" calls the model eagerly, `model(x)`; "predict" uses `model.predict`,
    as the lesson does. `backward` gives a Bidirectional its own backward layer (class
    and units); see `run_with_backward_layer`.
    """
    if call_path not in CALL_PATHS:
        raise not_one_of("call path", call_path, CALL_PATHS)
    return _observe(config, tuple(input_shape), call_path, backward)


@cached
def _observe(
    config: LayerConfig, input_shape: Shape, call_path: str, backward: LayerConfig | None
) -> Outcome:
    """Run the layer once per set of arguments, and share the result with later callers.

    The model, its weights and the batch depend only on the arguments, so a second real
    call would return the same arrays. They are made read-only, so that no scenario can
    change what another one reads.
    """
    if backward is not None:
        return _read_only(run_with_backward_layer(config, backward, input_shape, call_path))
    batch, timesteps, features = input_shape
    model = build_model(config, timesteps, features)
    inputs = make_input((batch, timesteps, features))
    arrays = _call(model, inputs, call_path)
    return _read_only(
        Outcome(
            expected=expected_outputs(config, input_shape),
            declared=declared_shapes(model),
            arrays=arrays,
            inputs=inputs,
            call_path=call_path,
            weights=tuple(model.get_weights()),
        )
    )


def _read_only(outcome: Outcome) -> Outcome:
    """Mark the outcome's arrays read-only and return it."""
    for array in (*outcome.arrays, outcome.inputs, *outcome.weights):
        array.setflags(write=False)
    return outcome


def rerun_with_merge_mode(outcome: Outcome, merge_mode: str | None) -> Outcome:
    """Run the same Bidirectional layer, same weights and same batch, with another merge_mode.

    merge_mode changes no weight, so the weights copy across unchanged. The model is built
    afresh and not cached: the cached model for the new configuration has its own seeded
    weights, which other scenarios rely on.
    """
    config = outcome.expected.config
    if not config.bidirectional:
        raise invalid(
            f"configuration for a merge_mode {merge_mode} run",
            config.describe(),
            "a layer wrapped in Bidirectional",
        )
    if outcome.expected.backward is not None:
        raise invalid(
            f"configuration for a merge_mode {merge_mode} run",
            outcome.expected.describe(),
            "a Bidirectional that copies its forward layer, without a backward_layer",
        )
    config = config.replace(merge_mode=merge_mode)
    batch, timesteps, features = outcome.inputs.shape
    model = _fresh_model(config, timesteps, features)
    model.set_weights(list(outcome.weights))
    return Outcome(
        expected=expected_outputs(config, outcome.expected.input_shape),
        declared=declared_shapes(model),
        arrays=_call(model, outcome.inputs, outcome.call_path),
        inputs=outcome.inputs,
        call_path=outcome.call_path,
        weights=outcome.weights,
    )


def _fresh_model(config: LayerConfig, timesteps: int, features: int):
    import keras

    inputs = keras.Input(shape=(timesteps, features))
    return keras.Model(inputs, build_layer(config)(inputs))


def _call(model, inputs: np.ndarray, call_path: str) -> tuple[np.ndarray, ...]:
    import keras

    if call_path == "predict":
        results = model.predict(inputs, batch_size=len(inputs), verbose=0)
    else:
        results = model(inputs, training=False)
    if not isinstance(results, (list, tuple)):
        results = [results]
    return tuple(keras.ops.convert_to_numpy(result) for result in results)


def run_with_backward_layer(
    config: LayerConfig, backward: LayerConfig, input_shape: Shape, call_path: str = "call"
) -> Outcome:
    """Run a Bidirectional whose backward layer is `backward`'s class and units.

    The backward layer takes the forward layer's flags and reads the sequence backwards,
    as Keras requires. The declared shapes come from calling the layer on a symbolic
    `keras.Input` and the arrays from calling the same layer eagerly, not through a
    keras.Model: in Keras 3.15.1 a model whose declared outputs outnumber the real ones
    cannot be called at all.
    """
    import keras

    if call_path != "call":
        raise invalid("call path for a backward layer of its own", call_path, "call")
    expected = expected_outputs(config, input_shape, backward=backward)
    batch, timesteps, features = input_shape
    layer = keras.layers.Bidirectional(
        build_layer(config.replace(bidirectional=False)),
        backward_layer=build_layer(_backward_config(config, backward)),
        merge_mode=config.merge_mode,
    )
    declared = _shapes(layer(keras.Input(shape=(timesteps, features))))
    seed_weights(layer, seed_for(config, backward, timesteps, features))
    inputs = make_input((batch, timesteps, features))
    arrays = _flat(layer(inputs, training=False))
    return Outcome(
        expected=expected,
        declared=declared,
        arrays=tuple(keras.ops.convert_to_numpy(array) for array in arrays),
        inputs=inputs,
        call_path=call_path,
        weights=tuple(layer.get_weights()),
    )


def _backward_config(config: LayerConfig, backward: LayerConfig) -> LayerConfig:
    return LayerConfig(
        backward.layer,
        backward.units,
        return_sequences=config.return_sequences,
        return_state=config.return_state,
        go_backwards=True,
    )


def _flat(result) -> list:
    """Flatten nested lists and tuples of tensors, in order."""
    if isinstance(result, (list, tuple)):
        return [tensor for item in result for tensor in _flat(item)]
    return [result]


def _shapes(result) -> tuple[Shape, ...]:
    return tuple(tuple(tensor.shape) for tensor in _flat(result))
