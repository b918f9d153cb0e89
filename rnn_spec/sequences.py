"""Runs over whole sequences: the planned model, a copy of it, another number of timesteps.

Every run calls the model eagerly on the seeded batch of `rnn_spec.plan.make_batch`, as
`model(x, training=False)` unless it runs in training mode. It resets the states of
stateful layers first, so that a cached model gives the same result whichever scenario
used it before.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid, not_one_of
from rnn_spec.outcomes import StructuredOutcome, expected_for, flatten, structured_outcome
from rnn_spec.plan import ModelPlan, build_planned_model, make_batch
from rnn_spec.shapes import Shape

# What a copy may read, as a feature names it.
COPY_INPUTS = (
    "the batch",
    "the batch reversed in time",
    "the batch without its padding",
    "the second half of the batch",
)


def is_stateful(config: LayerConfig, plan: ModelPlan) -> bool:
    """Whether any recurrent layer of the model is stateful, so the batch must be fixed."""
    return config.stateful or any(layer.stateful for layer in plan.on_top)


def reset_states(model) -> None:
    """Reset every stateful layer of `model`, as a fresh model starts: all states zero."""
    for layer in model.layers:
        if getattr(layer, "stateful", False):
            layer.reset_states()


def model_for(config: LayerConfig, plan: ModelPlan, shape: Shape, weights_of=None):
    """The cached model of `config` and `plan` for input `shape`, its states reset.

    The batch size is fixed only when a layer is stateful, as Keras requires there.
    """
    batch, timesteps, features = shape
    fixed_batch = batch if is_stateful(config, plan) else None
    weights_of = None if weights_of == config else weights_of
    model = build_planned_model(config, plan, timesteps, features, fixed_batch, weights_of)
    reset_states(model)
    return model


def declared_for(model, inputs: np.ndarray) -> tuple[Shape, ...]:
    """The shapes Keras declares for a symbolic input shaped like `inputs`.

    The batch axis is left unknown, as in `rnn_spec.build.declared_shapes`, unless the
    model fixes it (stateful layers).
    """
    import keras

    batch = model.inputs[0].shape[0]
    spec = keras.KerasTensor((batch, *inputs.shape[1:]), dtype=str(inputs.dtype))
    return tuple(tuple(tensor.shape) for tensor in flatten(model.compute_output_spec(spec)))


def call_model(
    config, plan, model, inputs: np.ndarray, features: int, training: bool = False
) -> StructuredOutcome:
    """Call `model` eagerly on `inputs` and name what it returns by the rule.

    `features` is the width the recurrent layer reads: the input's last axis, or the
    Embedding's output width when the input is tokens. `training=True` turns dropout on.
    """
    batch, timesteps = inputs.shape[:2]
    expected = expected_for(config, plan, (batch, timesteps, features))
    result = model(inputs, training=training)
    call_path = "call in training mode" if training else "call"
    layers = plan.describe(config) if plan != ModelPlan() else ""
    declared = declared_for(model, inputs)
    return structured_outcome(expected, declared, result, inputs, call_path, layers)


def run_model(
    config: LayerConfig,
    plan: ModelPlan,
    input_shape: Shape,
    timesteps: int | None = None,
    training: bool = False,
) -> StructuredOutcome:
    """Run the model of `plan` on the seeded batch of `input_shape`.

    With `timesteps`, the model is built for the input shape's timesteps (None reads any
    number) and reads a batch of `timesteps` steps. `training=True` turns dropout on, so
    the result is random unless every rate is 0.
    """
    batch, declared_timesteps, features = input_shape
    timesteps = timesteps or declared_timesteps
    if timesteps is None:
        expected = "a number, because the input shape leaves it open"
        raise invalid("timesteps of the batch", None, expected)
    model = model_for(config, plan, input_shape)
    inputs = make_batch(plan, (batch, timesteps, features))
    return call_model(config, plan, model, inputs, features, training)


def run_copy(
    config: LayerConfig,
    plan: ModelPlan,
    input_shape: Shape,
    reads: str,
    option: str | None = None,
    value: str | None = None,
) -> StructuredOutcome:
    """Run a copy of the model, with the same weights and one option changed, on a batch.

    `reads` is one of COPY_INPUTS and is taken from the seeded batch of `input_shape`.
    """
    if reads not in COPY_INPUTS:
        raise not_one_of("input of a copy", reads, COPY_INPUTS)
    copy = config if option is None else config.with_option(option, value)
    batch = make_batch(plan, input_shape)
    inputs, copy_plan = _copy_input(batch, plan, reads)
    features = input_shape[2]
    model = model_for(copy, copy_plan, (batch.shape[0], inputs.shape[1], features), config)
    return call_model(copy, copy_plan, model, np.ascontiguousarray(inputs), features)


def _copy_input(batch: np.ndarray, plan: ModelPlan, reads: str):
    timesteps = batch.shape[1]
    if reads == "the batch reversed in time":
        return batch[:, ::-1], plan
    if reads == "the batch without its padding":
        if not plan.padding:
            raise invalid("padding", 0, "a batch with padding steps to leave out")
        return batch[:, : timesteps - plan.padding], dataclasses.replace(plan, padding=0)
    if reads == "the second half of the batch":
        return batch[:, timesteps // 2 :], plan
    return batch, plan


def run_layer_alone(config: LayerConfig, input_shape: Shape) -> StructuredOutcome:
    """Call the recurrent layer eagerly on its own, outside any keras.Model.

    Keras builds a functional model from a symbolic call of the layer, and the nesting of
    what it returns can differ from an eager call of the layer itself.
    """
    import keras

    plan = ModelPlan()
    layer = model_for(config, plan, input_shape).layers[-1]
    inputs = make_batch(plan, input_shape)
    spec = keras.KerasTensor((None, *inputs.shape[1:]))
    declared = tuple(tuple(t.shape) for t in flatten(layer.compute_output_spec(spec)))
    result = layer(inputs, training=False)
    return structured_outcome(expected_for(config, plan, input_shape), declared, result, inputs)
