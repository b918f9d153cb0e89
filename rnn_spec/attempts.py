"""Requests a feature makes of Keras to see whether it rejects them: "Keras is asked to ...".

Each request is a sentence pattern and the call it makes, with its call path: "build"
(creating a layer or building a symbolic model), "call" (an eager call) or "predict".
Keras may raise a different exception type for the same mistake on another call path,
so each request names the one it takes.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rnn_spec.build import build_layer, build_model
from rnn_spec.config import LayerConfig
from rnn_spec.errors import SpecError, format_allowed
from rnn_spec.keras_errors import Attempt, attempt
from rnn_spec.plan import ModelPlan, make_planned_model
from rnn_spec.run import make_input
from rnn_spec.shapes import parse_shape


@dataclass(frozen=True)
class Request:
    """A request pattern, the call path it takes, and the action it runs."""

    pattern: str
    call_path: str
    action: Callable[..., object]


def _build(config, plan, input_shape, fixed_batch=False):
    batch, timesteps, features = input_shape
    return make_planned_model(config, plan, timesteps, features, batch if fixed_batch else None)


def _build_with_fixed_batch(config, plan, input_shape):
    return _build(config, plan, input_shape, fixed_batch=True)


def _create_layer(config, plan, input_shape, argument, value):
    import keras

    layer_class = getattr(keras.layers, config.layer)
    return layer_class(config.units, **{argument: ast.literal_eval(value)})


def _bare_model(config, input_shape):
    _batch, timesteps, features = input_shape
    return build_model(config, timesteps, features)


def _call_layer(config, plan, input_shape, shape):
    layer = _bare_model(config, input_shape).layers[-1]
    return layer(make_input(parse_shape(shape)), training=False)


def _fresh_model(config, plan, input_shape):
    # Not cached: a model that predicted once keeps its traced function, and Keras 3.15.1
    # raises other errors for a later predict of another rank, so each request starts anew.
    return _build(config, plan, input_shape)


def _call_model(config, plan, input_shape, shape):
    return _fresh_model(config, plan, input_shape)(make_input(parse_shape(shape)), training=False)


def _predict(config, plan, input_shape, shape):
    inputs = make_input(parse_shape(shape))
    model = _fresh_model(config, plan, input_shape)
    return model.predict(inputs, batch_size=len(inputs), verbose=0)


def _predict_twice(config, plan, input_shape, shape, then):
    model = _fresh_model(config, plan, input_shape)
    for text in (shape, then):
        inputs = make_input(parse_shape(text))
        result = model.predict(inputs, batch_size=len(inputs), verbose=0)
    return result


def _states(count: str, width: str, batch) -> list:
    return [np.zeros((batch, int(width)), "float32") for _ in range(int(count))]


def _call_with_states(config, plan, input_shape, count, width):
    # A fresh layer: a failed call must not leave a cached layer half-changed.
    layer = build_layer(config)
    return layer(make_input(input_shape), initial_state=_states(count, width, input_shape[0]))


def _build_with_states(config, plan, input_shape, count, width):
    import keras

    _batch, timesteps, features = input_shape
    states = [keras.Input(shape=(int(width),)) for _ in range(int(count))]
    inputs = keras.Input(shape=(timesteps, features))
    return keras.Model([inputs, *states], build_layer(config)(inputs, initial_state=states))


def _wrap_in_bidirectional(config, plan, input_shape):
    import keras

    return keras.layers.Bidirectional(build_layer(config))


def _reset_model_states(config, plan, input_shape):
    return _bare_model(config, input_shape).reset_states()


def _reset_layer_states(config, plan, input_shape):
    model = _build(config, plan, input_shape, fixed_batch=config.stateful)
    return model.layers[-1].reset_states()


SHAPE = r"(?P<shape>\([^()]*\))"
STATES = r"(?P<count>\d+) initial states? of width (?P<width>\d+)"
REQUESTS = (
    Request("build the model", "build", _build),
    Request("build the model with a fixed batch size", "build", _build_with_fixed_batch),
    Request(r"create the layer with (?P<argument>[a-z_]+) (?P<value>.+)", "build", _create_layer),
    Request(f"call the layer on a batch of shape {SHAPE}", "call", _call_layer),
    Request(f"call the model on a batch of shape {SHAPE}", "call", _call_model),
    Request(f"predict a batch of shape {SHAPE}", "predict", _predict),
    Request(
        f"predict a batch of shape {SHAPE}, then a batch of shape (?P<then>\\([^()]*\\))",
        "predict",
        _predict_twice,
    ),
    Request(f"call the layer with {STATES}", "call", _call_with_states),
    Request(f"build the model with {STATES}", "build", _build_with_states),
    Request("wrap the layer in Bidirectional", "build", _wrap_in_bidirectional),
    Request("reset the model's states", "call", _reset_model_states),
    Request("reset the layer's states", "call", _reset_layer_states),
)


def ask_keras(request: str, config: LayerConfig, plan: ModelPlan, input_shape) -> Attempt:
    """Make `request` of Keras and record what it raised or returned."""
    for known in REQUESTS:
        match = re.fullmatch(known.pattern, request)
        if match:
            configuration = f"{plan.describe(config)}, input {tuple(input_shape)}"

            def action():
                return known.action(config, plan, input_shape, **match.groupdict())

            return attempt(request, known.call_path, configuration, action)
    patterns = [known.pattern for known in REQUESTS]
    raise SpecError(f"Invalid request: {request!r}. Expected one of {format_allowed(patterns)}.")
