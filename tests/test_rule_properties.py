"""Property: for random dimensions and configurations, Keras returns what the rule derives.

Hypothesis draws a layer, its flags, a wrapping, the input sizes and which of batch and
timesteps are unknown when the layer is called symbolically. It runs derandomized, so
every run (under pytest-randomly or xdist too) tries the same examples.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnn_spec.build import build_layer
from rnn_spec.config import LAYER_NAMES, MERGE_MODES, LayerConfig
from rnn_spec.rule import expected_outputs
from rnn_spec.run import make_input
from tests.test_matrix import shape_list

# Each example builds a layer and calls it eagerly (tens of milliseconds each), so a
# modest count keeps the test to seconds; the matrix test covers every combination.
EXAMPLES = 25


@st.composite
def configurations(draw) -> LayerConfig:
    bidirectional = draw(st.booleans())
    return LayerConfig(
        draw(st.sampled_from(LAYER_NAMES)),
        draw(st.integers(1, 8)),
        return_sequences=draw(st.booleans()),
        return_state=draw(st.booleans()),
        bidirectional=bidirectional,
        merge_mode=draw(st.sampled_from(MERGE_MODES)) if bidirectional else "concat",
    )


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    config=configurations(),
    input_shape=st.tuples(st.integers(1, 4), st.integers(1, 6), st.integers(1, 4)),
    batch_known=st.booleans(),
    timesteps_known=st.booleans(),
)
def test_random_configuration_follows_rule(config, input_shape, batch_known, timesteps_known):
    import keras

    batch, timesteps, features = input_shape
    symbolic_shape = (
        batch if batch_known else None,
        timesteps if timesteps_known else None,
        features,
    )
    layer = build_layer(config)
    symbolic = layer(keras.Input(shape=symbolic_shape[1:], batch_size=symbolic_shape[0]))
    observed = layer(make_input(input_shape), training=False)

    derived = [t.shape for t in expected_outputs(config, symbolic_shape).tensors]
    concrete = [t.shape for t in expected_outputs(config, input_shape).tensors]
    assert shape_list(layer.compute_output_shape(symbolic_shape)) == derived
    assert shape_list(symbolic) == derived
    assert shape_list(observed) == concrete
