"""Runs that carry states across two calls: stateful layers and initial_state.

Each run splits the seeded batch in two halves along timesteps, the first half
timesteps // 2 steps long, and returns what the second call returned:

* "" (stateful layer): the states left by the first call start the second;
* "with its states reset between them": reset_states() runs between the calls;
* "passing the states of the first half to the second as initial_state": the layer is
  not stateful, and the second call gets the first call's final states explicitly.

So a stateful layer, or an initial_state taken from the first half, continues the
sequence: its second call returns what one call over the whole batch returns.
"""

from __future__ import annotations

from rnn_spec.config import LayerConfig
from rnn_spec.errors import invalid, not_one_of
from rnn_spec.outcomes import StructuredOutcome, expected_for, structured_outcome
from rnn_spec.plan import ModelPlan, make_batch
from rnn_spec.sequences import call_model, declared_for, model_for, reset_states

CARRIED = ""
RESET = "with its states reset between them"
INITIAL_STATE = "passing the states of the first half to the second as initial_state"
HALVES = (CARRIED, RESET, INITIAL_STATE)


def run_halves(config: LayerConfig, plan: ModelPlan, input_shape, way: str) -> StructuredOutcome:
    """Read the seeded batch in two calls of half its timesteps each, in one of HALVES."""
    if way not in HALVES:
        raise not_one_of("way to read two halves", way, [repr(known) for known in HALVES])
    batch, timesteps, features = input_shape
    if timesteps is None or timesteps < 2:
        raise invalid("timesteps to split in halves", timesteps, "a number, 2 or more")
    inputs = make_batch(plan, input_shape)
    first, second = inputs[:, : timesteps // 2], inputs[:, timesteps // 2 :]
    if way == INITIAL_STATE:
        return _continue_from_states(config, plan, input_shape, first, second)
    if not config.stateful:
        raise invalid("layer for two stateful calls", config.describe(), "stateful=True")
    # Built with timesteps None, so that one model reads halves of either length.
    model = model_for(config, plan, (batch, None, features))
    model(first, training=False)
    if way == RESET:
        reset_states(model)
    return call_model(config, plan, model, second, features)


def _continue_from_states(config, plan, input_shape, first, second) -> StructuredOutcome:
    if config.stateful or not config.return_state or plan != ModelPlan():
        raise invalid(
            "layer for initial_state", config.describe(), "a bare layer with return_state=True"
        )
    batch, _timesteps, features = input_shape
    model = model_for(config, plan, (batch, None, features))
    layer = model.layers[-1]
    states = list(layer(first, training=False)[1:])
    result = layer(second, initial_state=states, training=False)
    expected = expected_for(config, plan, (batch, second.shape[1], features))
    return structured_outcome(expected, declared_for(model, second), result, second)
