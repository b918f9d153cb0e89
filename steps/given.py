"""Given steps: the input shape and the layer configuration."""

from __future__ import annotations

from pytest_bdd import given, parsers

from rnn_spec.config import LayerConfig
from steps.phrases import CONVERTERS


@given(
    parsers.re(r"an input of shape (?P<input_shape>.+)"),
    target_fixture="input_shape",
    converters=CONVERTERS,
)
def input_of_shape(input_shape):
    return input_shape


@given(
    parsers.re(r"an? (?P<layer>\S+) layer with (?P<units>\S+) units?"),
    target_fixture="config",
    converters=CONVERTERS,
)
def layer_with_units(layer, units):
    return LayerConfig(layer=layer, units=units)


@given(
    parsers.re(r"(?P<option>[a-z_]+) is (?P<value>\S+)"),
    target_fixture="config",
)
def option_is(config, option, value):
    return config.with_option(option, value)


@given("the layer is wrapped in Bidirectional", target_fixture="config")
def wrapped_in_bidirectional(config):
    return config.replace(bidirectional=True)


@given(
    parsers.re(r"the layer is wrapped in Bidirectional with merge_mode (?P<merge_mode>\S+)"),
    target_fixture="config",
    converters=CONVERTERS,
)
def wrapped_in_bidirectional_with(config, merge_mode):
    return config.replace(bidirectional=True, merge_mode=merge_mode)
