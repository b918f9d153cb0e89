"""The rule against Keras for every combination: three views of each must equal the rule.

A combination is a layer (LSTM, GRU, SimpleRNN), return_sequences, return_state, the
wrapping (plain, or Bidirectional with each merge_mode) and which input sizes are known
when the model is built (batch and timesteps, each known or None). Each combination is
its own test, so one failing combination cannot hide another.

The three views:
  declared: `layer.compute_output_shape(input_shape)`, where None marks an unknown size;
  symbolic: the shapes of `layer(keras.Input(...))` with the same unknown sizes;
  observed: the shapes of the arrays from a real eager call on a concrete batch.

The dimension sets rotate across the layer, flag and merge combinations, so every
combination runs and, between them, the sets cover batch 1, timesteps 1 and units 1.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import pytest

from rnn_spec.build import build_layer
from rnn_spec.config import LAYER_NAMES, MERGE_MODES, LayerConfig
from rnn_spec.rule import expected_outputs
from rnn_spec.run import make_input

WRAPPINGS = ("plain", *MERGE_MODES)
UNKNOWN_SIZES = ((), ("batch",), ("timesteps",), ("batch", "timesteps"))


@dataclass(frozen=True)
class Dimensions:
    batch: int
    timesteps: int
    features: int
    units: int

    def input_shape(self, unknown: tuple[str, ...] = ()) -> tuple[int | None, int | None, int]:
        """The input shape, with the sizes named in `unknown` replaced by None."""
        batch = None if "batch" in unknown else self.batch
        timesteps = None if "timesteps" in unknown else self.timesteps
        return (batch, timesteps, self.features)


# Five sets, because 5 shares no factor with the 24, 12 and 6 combinations that each
# layer, return_sequences and return_state value spans. So the rotation gives every
# layer and every wrapping at least four of the five sets.
DIMENSION_SETS = (
    Dimensions(batch=2, timesteps=5, features=1, units=3),
    Dimensions(batch=1, timesteps=1, features=1, units=1),
    Dimensions(batch=3, timesteps=4, features=2, units=5),
    Dimensions(batch=1, timesteps=6, features=3, units=2),
    Dimensions(batch=4, timesteps=1, features=2, units=1),
)


def make_config(layer: str, return_sequences: bool, return_state: bool, wrapping) -> LayerConfig:
    """The configuration of one combination, with units set later by its dimensions."""
    bidirectional = wrapping != "plain"
    return LayerConfig(
        layer,
        1,
        return_sequences=return_sequences,
        return_state=return_state,
        bidirectional=bidirectional,
        merge_mode=wrapping if bidirectional else "concat",
    )


def combinations():
    """Yield one pytest.param per combination, with an id that reads like the call."""
    flags = itertools.product(LAYER_NAMES, (False, True), (False, True), WRAPPINGS)
    for index, (layer, sequences, state, wrapping) in enumerate(flags):
        dimensions = DIMENSION_SETS[index % len(DIMENSION_SETS)]
        config = make_config(layer, sequences, state, wrapping).replace(units=dimensions.units)
        for unknown in UNKNOWN_SIZES:
            yield pytest.param(
                config, dimensions, unknown, id=case_id(config, dimensions, unknown)
            )


def case_id(config: LayerConfig, dimensions: Dimensions, unknown: tuple[str, ...]) -> str:
    wrapping = f"Bidirectional {config.merge_mode}" if config.bidirectional else "plain"
    flags = [
        "sequences" if config.return_sequences else "last step",
        "state" if config.return_state else "no state",
    ]
    sizes = " and ".join(unknown) + " None" if unknown else "all known"
    shape = dimensions.input_shape()
    return f"{config.layer} {wrapping}, {', '.join(flags)}, {sizes}, {shape} units {config.units}"


def shape_list(result) -> list[tuple]:
    """Flatten what Keras returns (one shape or tensor, or a tuple of them) to a shape list."""
    if isinstance(result, tuple) and all(isinstance(axis, (int, type(None))) for axis in result):
        return [tuple(result)]
    if isinstance(result, (list, tuple)):
        return [shape for item in result for shape in shape_list(item)]
    return [tuple(result.shape)]


@functools.lru_cache(maxsize=None)
def called_layer(config: LayerConfig, dimensions: Dimensions):
    """Build the layer once per combination and call it eagerly once.

    The cases that differ only in which sizes are unknown share this layer and its
    observed shapes, because the eager call, the slow part, is the same for all of them.
    It does not use build_model: its cache keeps 64 models, and the matrix's 72 layers
    times four input specs would evict the models that the features reuse.
    """
    layer = build_layer(config)
    observed = shape_list(layer(make_input(dimensions.input_shape()), training=False))
    return layer, observed


@pytest.mark.parametrize(("config", "dimensions", "unknown"), list(combinations()))
def test_keras_views_follow_rule(config, dimensions, unknown):
    import keras

    layer, observed = called_layer(config, dimensions)
    input_shape = dimensions.input_shape(unknown)
    batch, timesteps, features = input_shape
    symbolic = layer(keras.Input(shape=(timesteps, features), batch_size=batch))

    derived = [t.shape for t in expected_outputs(config, input_shape).tensors]
    concrete = [t.shape for t in expected_outputs(config, dimensions.input_shape()).tensors]
    assert {
        "compute_output_shape": shape_list(layer.compute_output_shape(input_shape)),
        "symbolic": shape_list(symbolic),
        "observed": observed,
    } == {"compute_output_shape": derived, "symbolic": derived, "observed": concrete}


def test_matrix_covers_every_combination():
    cases = list(combinations())
    configs = {case.values[0].replace(units=1) for case in cases}
    assert len(configs) == len(LAYER_NAMES) * 2 * 2 * len(WRAPPINGS)
    assert len(cases) == len(configs) * len(UNKNOWN_SIZES)


def test_matrix_every_wrapping_meets_every_set():
    sets_by_wrapping = {}
    for case in combinations():
        config, dimensions = case.values[0], case.values[1]
        wrapping = config.merge_mode if config.bidirectional else "plain"
        sets_by_wrapping.setdefault(wrapping, set()).add(dimensions)
    assert all(sets == set(DIMENSION_SETS) for sets in sets_by_wrapping.values())


def test_matrix_dimension_sets_include_ones():
    used = {case.values[1] for case in combinations()}
    assert used == set(DIMENSION_SETS)
    assert min(d.batch for d in used) == 1
    assert min(d.timesteps for d in used) == 1
    assert min(d.units for d in used) == 1
