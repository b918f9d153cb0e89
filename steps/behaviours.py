"""Steps for the behaviours beyond one bare layer: stacks, masks, states, copies, errors.

The model around the layer flows through the `plan` fixture (a ModelPlan, empty unless a
Given adds to it). A run sets `outcome`; a copy's run sets `reference`; a request that
Keras may reject sets `attempt`.
"""

from __future__ import annotations

import re

import pytest
from pytest_bdd import given, parsers, then, when

from rnn_spec.attempts import ask_keras
from rnn_spec.cell_step import run_cell_step
from rnn_spec.compare import check_all_zeros, check_runs, check_structure
from rnn_spec.config import RNN_LAYER, LayerConfig
from rnn_spec.errors import SpecError, not_one_of
from rnn_spec.keras_errors import check_accepted, check_rejected
from rnn_spec.plan import ModelPlan
from rnn_spec.sequences import run_copy, run_layer_alone, run_model
from rnn_spec.shapes import parse_shape
from rnn_spec.states import run_halves
from rnn_spec.views import parse_view
from steps.phrases import CONVERTERS

CELL = re.compile(r"an? (?P<cell>\w+Cell) with (?P<units>\d+) units?")
MASKERS = {"a Masking layer": "Masking", "an Embedding layer with mask_zero True": "Embedding"}


@pytest.fixture
def plan() -> ModelPlan:
    """The layers around the recurrent layer: none unless a Given step adds some."""
    return ModelPlan()


def parse_cells(text: str) -> tuple[tuple[str, int], ...]:
    """Parse "an LSTMCell with 3 units and a GRUCell with 2 units".

    >>> parse_cells("an LSTMCell with 3 units and a GRUCell with 2 units")
    (('LSTMCell', 3), ('GRUCell', 2))
    """
    cells = []
    for part in re.split(r",\s*|\s+and\s+", text.strip()):
        match = CELL.fullmatch(part)
        if match is None:
            raise SpecError(
                f"Invalid cells: {text!r}. Expected cells such as "
                "'an LSTMCell with 3 units and a GRUCell with 2 units'."
            )
        cells.append((match["cell"], int(match["units"])))
    return tuple(cells)


@given(parsers.re(r"an RNN layer over (?P<cells>.+)"), target_fixture="config")
def rnn_over_cells(cells):
    parsed = parse_cells(cells)
    return LayerConfig(RNN_LAYER, parsed[-1][1], cells=parsed)


@given(
    parsers.re(r"an? (?P<layer>\S+) layer with (?P<units>\S+) units? stacked on top"),
    target_fixture="plan",
    converters=CONVERTERS,
)
def stacked_on_top(plan, layer, units):
    return plan.stacked(LayerConfig(layer, units))


@given(
    parsers.re(r"an? (?P<head>Dense|TimeDistributed Dense) head with (?P<units>\S+) units?"),
    target_fixture="plan",
    converters=CONVERTERS,
)
def head_with_units(plan, head, units):
    return plan.with_head(head, units)


@given(
    parsers.re(
        r"the last (?P<padding>\d+) steps? of each sequence (?:is|are) padding, "
        r"masked by (?P<masker>.+)"
    ),
    target_fixture="plan",
)
def padding_masked_by(plan, padding, masker):
    if masker not in MASKERS:
        raise not_one_of("masking layer", masker, MASKERS)
    return plan.masked(MASKERS[masker], int(padding))


@when(
    parsers.re(
        r"the model reads (?:the batch|a batch of (?P<timesteps>\d+) timesteps)"
        r"(?P<training> in training mode)?"
    ),
    target_fixture="outcome",
)
def model_reads(config, plan, input_shape, timesteps, training):
    steps = int(timesteps) if timesteps else None
    return run_model(config, plan, input_shape, steps, training=bool(training))


@when("the layer on its own reads the batch", target_fixture="outcome")
def layer_alone_reads(config, input_shape):
    return run_layer_alone(config, input_shape)


@when("the cell reads the first step", target_fixture="outcome")
def cell_reads_first_step(config, input_shape):
    return run_cell_step(config, input_shape)


@when(
    parsers.re(r"the layer reads the batch in two halves(?:, (?P<way>.+))?"),
    target_fixture="outcome",
)
def layer_reads_halves(config, plan, input_shape, way):
    return run_halves(config, plan, input_shape, way or "")


@when(
    parsers.re(
        r"a copy(?: with (?P<option>[a-z_]+) (?P<value>\S+))? reads (?P<reads>the .+)"
    ),
    target_fixture="reference",
)
def copy_reads(config, plan, input_shape, option, value, reads):
    return run_copy(config, plan, input_shape, reads, option, value)


@when(parsers.re(r"Keras is asked to (?P<request>.+)"), target_fixture="attempt")
def request_to_keras(config, plan, input_shape, request):
    return ask_keras(request, config, plan, input_shape)


@then(parsers.re(r"(?P<view>.+) is the same in both runs"))
def same_in_both_runs(outcome, reference, view):
    check_runs(outcome, reference, parse_view(view), same=True)


@then(parsers.re(r"(?P<view>.+) differs between the runs"))
def differs_between_runs(outcome, reference, view):
    check_runs(outcome, reference, parse_view(view), same=False)


@then(parsers.re(r"(?P<view>.+) is all zeros"))
def view_is_all_zeros(outcome, view):
    check_all_zeros(outcome, parse_view(view))


@then(parsers.re(r'Keras rejects it with (?P<error>\w+) mentioning "(?P<fragment>[^"]+)"'))
def keras_rejects(attempt, error, fragment):
    check_rejected(attempt, error, fragment)


@then(parsers.re(r"Keras accepts it(?: and returns (?P<shape>\(.*\)))?"))
def keras_accepts(attempt, shape):
    check_accepted(attempt, parse_shape(shape) if shape else None)


@then(parsers.re(r"the call returns the structure (?P<structure>.+)"))
def call_returns_structure(outcome, structure):
    check_structure(outcome, structure)
