"""The layers around the recurrent layer: what feeds it, what is stacked on it, the head.

A ModelPlan describes the model that `build_planned_model` builds around a LayerConfig:

* `masking` puts a mask on the input: "Masking" (a Masking layer that masks steps whose
  features all equal 0) or "Embedding" (Embedding with mask_zero=True, which masks token 0
  and turns each token into `features` numbers);
* `padding` is the number of trailing steps of each sequence filled with that padding
  value, so that the mask covers them;
* `on_top` are recurrent layers stacked above the first one, lowest first;
* `head` is "Dense" or "TimeDistributed Dense", with `head_units` units, on the top.

An empty plan is the bare layer that `rnn_spec.build.build_model` builds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_spec.build import build_layer, cached, release_keras_state, seed_for, seed_weights
from rnn_spec.config import LayerConfig, parse_units
from rnn_spec.errors import invalid, not_one_of
from rnn_spec.run import INPUT_SEED, make_input
from rnn_spec.shapes import Shape

MASKERS = ("Masking", "Embedding")
HEADS = ("Dense", "TimeDistributed Dense")
# Embedding reads tokens 1 to VOCABULARY - 1; token 0 is padding under mask_zero=True.
VOCABULARY = 10


@dataclass(frozen=True)
class ModelPlan:
    """What surrounds the recurrent layer in the model; the default is nothing."""

    masking: str | None = None
    padding: int = 0
    on_top: tuple[LayerConfig, ...] = ()
    head: str | None = None
    head_units: int | None = None

    def __post_init__(self) -> None:
        if self.masking is not None and self.masking not in MASKERS:
            raise not_one_of("masking layer", self.masking, MASKERS)
        if not isinstance(self.padding, int) or self.padding < 0:
            raise invalid("padding", self.padding, "a number of steps, 0 or more")
        if self.padding and self.masking is None:
            raise invalid("padding", self.padding, "0 unless a Masking or Embedding layer masks it")
        if self.head is not None:
            if self.head not in HEADS:
                raise not_one_of("head", self.head, HEADS)
            object.__setattr__(self, "head_units", parse_units(self.head_units))

    def stacked(self, layer: LayerConfig) -> ModelPlan:
        """Return a copy with `layer` stacked on the top recurrent layer."""
        if self.head is not None:
            raise invalid("stacked layer", layer.describe(), "a layer added before the head")
        return _replace(self, on_top=(*self.on_top, layer))

    def with_head(self, head: str, units: int | str) -> ModelPlan:
        """Return a copy with a Dense or TimeDistributed Dense head on the top."""
        return _replace(self, head=head, head_units=units)

    def masked(self, masking: str, padding: int) -> ModelPlan:
        """Return a copy whose input ends in `padding` masked steps."""
        return _replace(self, masking=masking, padding=padding)

    def describe(self, config: LayerConfig) -> str:
        """Render the layers in order, input first: "Masking -> LSTM(...) -> Dense(2)"."""
        parts = [] if self.masking is None else [_describe_masker(self.masking)]
        parts.append(config.describe())
        parts.extend(layer.describe() for layer in self.on_top)
        if self.head == "Dense":
            parts.append(f"Dense({self.head_units})")
        elif self.head == "TimeDistributed Dense":
            parts.append(f"TimeDistributed(Dense({self.head_units}))")
        return " -> ".join(parts)


def _replace(plan: ModelPlan, **changes: object) -> ModelPlan:
    import dataclasses

    return dataclasses.replace(plan, **changes)


def _describe_masker(masking: str) -> str:
    return "Masking(mask_value=0.0)" if masking == "Masking" else "Embedding(mask_zero=True)"


def make_batch(plan: ModelPlan, input_shape: Shape) -> np.ndarray:
    """The seeded batch for `input_shape`, its last `plan.padding` steps set to padding.

    With an Embedding first, the batch is tokens of shape (batch, timesteps) drawn from
    1 to VOCABULARY - 1, and padding is token 0. Otherwise it is make_input's normal
    values, and padding is 0.0 at every feature.
    """
    batch, timesteps, _features = input_shape
    if plan.masking == "Embedding":
        generator = np.random.default_rng(INPUT_SEED)
        values = generator.integers(1, VOCABULARY, size=(batch, timesteps)).astype("int32")
    else:
        values = make_input(tuple(input_shape))
    if plan.padding:
        values[:, timesteps - plan.padding :] = 0
    return values


@cached
def build_planned_model(
    config: LayerConfig,
    plan: ModelPlan,
    timesteps: int | None,
    features: int,
    batch: int | None = None,
    weights_of: LayerConfig | None = None,
):
    """Build the model `plan` describes around `config`, with seeded weights.

    The seed depends on the configuration whose weights the model takes (`weights_of`,
    by default `config` itself), the plan and the features, but not on timesteps or
    batch, which no weight depends on. So a copy with go_backwards, unroll, stateful or
    dropout changed has the same weights as the original, and so has a model of the same
    layers built for another number of timesteps. The cache is safe to share between
    scenarios because the weights depend only on the arguments. A stateful layer keeps
    its states between calls, so every run in rnn_spec resets them before its first call.
    """
    release_keras_state()
    model = make_planned_model(config, plan, timesteps, features, batch)
    # Padding changes the batch, not the model, so it is left out of the seed.
    seed_weights(model, seed_for(weights_of or config, _replace(plan, padding=0), features))
    return model


def make_planned_model(
    config: LayerConfig, plan: ModelPlan, timesteps: int | None, features: int, batch=None
):
    """Build the model without caching it or seeding its weights; Keras errors propagate."""
    import keras

    if plan.masking == "Embedding":
        inputs = keras.Input(shape=(timesteps,), batch_size=batch, dtype="int32")
        tensor = keras.layers.Embedding(VOCABULARY, features, mask_zero=True)(inputs)
    else:
        inputs = keras.Input(shape=(timesteps, features), batch_size=batch)
        tensor = keras.layers.Masking(0.0)(inputs) if plan.masking == "Masking" else inputs
    tensor = build_layer(config)(tensor)
    for layer in plan.on_top:
        tensor = build_layer(layer)(tensor)
    if plan.head == "Dense":
        tensor = keras.layers.Dense(plan.head_units)(tensor)
    elif plan.head == "TimeDistributed Dense":
        tensor = keras.layers.TimeDistributed(keras.layers.Dense(plan.head_units))(tensor)
    return keras.Model(inputs, tensor)
