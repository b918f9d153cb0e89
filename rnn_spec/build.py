"""Build the Keras layer and model that a LayerConfig describes, with seeded weights."""

from __future__ import annotations

import functools
import zlib

import numpy as np

from rnn_spec.config import RNN_LAYER, LayerConfig
from rnn_spec.shapes import Shape

WEIGHT_SCALE = 0.5


def build_layer(config: LayerConfig):
    """Make the Keras layer, wrapped in Bidirectional when `config.bidirectional` is set."""
    import keras

    if config.layer == RNN_LAYER:
        cells = [getattr(keras.layers, name)(units) for name, units in config.cells]
        layer = keras.layers.RNN(cells if len(cells) > 1 else cells[0], **config.keras_arguments())
    else:
        layer_class = getattr(keras.layers, config.layer)
        layer = layer_class(config.units, **config.keras_arguments())
    if config.bidirectional:
        layer = keras.layers.Bidirectional(layer, merge_mode=config.merge_mode)
    return layer


# Models and results kept for reuse. Each model keeps its weights and traced functions,
# so every cache is bounded. Keras' global state is cleared every CLEAR_EVERY fresh
# builds, because without that resident memory grows by about 0.6 MB per build however
# few models are kept.
CACHE_SIZE = 64
CLEAR_EVERY = 64
_fresh_builds = 0
_caches: list = []


def cached(function):
    """Cache `function`'s results by its arguments, up to CACHE_SIZE, until clear_caches().

    The model builders and run_layer use it, so that one call of clear_caches() makes
    the next scenario build and call afresh.
    """
    wrapper = functools.lru_cache(maxsize=CACHE_SIZE)(function)
    _caches.append(wrapper)
    return wrapper


def clear_caches() -> None:
    """Forget every cached model and result.

    Call it when Keras itself changes within one process, as when a breakage patches it.
    A model built before the change keeps the old symbolic outputs, and a cached result
    would hide the change.
    """
    for cache in _caches:
        cache.cache_clear()


def release_keras_state() -> None:
    """Clear Keras' global state every CLEAR_EVERY fresh builds.

    `clear_session(free_memory=False)` resets Keras' name counters and the TensorFlow
    default graph without a garbage collection, which costs about 10 ms where the full
    clear costs about 170 ms. Models built before it keep working: eager models hold
    their own variables.
    """
    global _fresh_builds
    _fresh_builds += 1
    if _fresh_builds % CLEAR_EVERY == 0:
        import keras

        keras.backend.clear_session(free_memory=False)


@cached
def build_model(
    config: LayerConfig, timesteps: int | None, features: int, batch: int | None = None
):
    """Build `keras.Model(Input(shape=(timesteps, features)), layer(input))`.

    The batch size stays unknown (None) unless `batch` is given, as a stateful layer
    needs.

    The weights are drawn from a generator seeded by the configuration, so a model has
    the same weights whichever test builds it first. That makes the cache safe to share:
    a configuration is built once per run.
    """
    import keras

    release_keras_state()
    inputs = keras.Input(shape=(timesteps, features), batch_size=batch)
    outputs = build_layer(config)(inputs)
    model = keras.Model(inputs, outputs)
    seed_weights(model, seed_for(config, timesteps, features, batch))
    return model


def seed_for(config: LayerConfig, *extra: object) -> int:
    """A seed that depends only on the configuration, stable across processes."""
    return zlib.crc32(repr((config, extra)).encode())


def seed_weights(model, seed: int) -> None:
    """Overwrite every weight with uniform values in ±WEIGHT_SCALE.

    Keras' initializers draw from global random state, so their weights would depend on
    what the run built before. Values from a generator seeded by the configuration do not
    depend on test order. Biases are non-zero too, so that a dropped bias shows.
    """
    generator = np.random.default_rng(seed)
    for variable in model.weights:
        values = generator.uniform(-WEIGHT_SCALE, WEIGHT_SCALE, size=tuple(variable.shape))
        variable.assign(values.astype(variable.dtype))


def declared_shapes(model) -> tuple[Shape, ...]:
    """The shapes Keras declares for the model's outputs, before any call."""
    return tuple(tuple(tensor.shape) for tensor in model.outputs)
