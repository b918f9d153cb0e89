"""Given steps for a Bidirectional whose backward layer is not a copy of the forward one."""

from __future__ import annotations

from pytest_bdd import given, parsers

from rnn_spec.config import LayerConfig
from steps.phrases import CONVERTERS


@given(
    parsers.re(r"its backward layer is an? (?P<layer>\S+) layer with (?P<units>\S+) units?"),
    target_fixture="backward_layer",
    converters=CONVERTERS,
)
def backward_layer_is(layer, units):
    return LayerConfig(layer, units)
