"""Outcomes of runs beyond one bare layer: the expected tensors and how Keras nests them.

`expected_for` derives the names and shapes that a model of a ModelPlan returns, from
the shape rule in rnn_spec.rule. `structured_outcome` turns what Keras returned into an
Outcome that also records the nesting, such as "(output, h, c)" for a tuple or
"(output, [h, c], [h])" for an RNN over two cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_spec.cells import cells_outputs
from rnn_spec.config import RNN_LAYER, LayerConfig
from rnn_spec.errors import invalid
from rnn_spec.plan import ModelPlan
from rnn_spec.rule import Expected, ExpectedTensor, expected_outputs
from rnn_spec.run import Outcome
from rnn_spec.shapes import Shape


@dataclass(frozen=True)
class PlanExpected(Expected):
    """Expected tensors of a planned model, with the extra sizes its shapes may name.

    `extra` adds stacked_units (the top stacked layer's units) and head_units.
    """

    extra: tuple[tuple[str, int | None], ...] = ()

    def dimensions(self) -> dict[str, int | None]:
        return {**super().dimensions(), **dict(self.extra)}


@dataclass(frozen=True, repr=False)
class StructuredOutcome(Outcome):
    """An Outcome that also records how Keras nested the tensors it returned.

    `model` describes every layer of the model in order when there is more than the
    recurrent layer: "Masking(mask_value=0.0) -> LSTM(...)".
    """

    structure: str = ""
    model: str = ""


def expected_for(config: LayerConfig, plan: ModelPlan, input_shape: Shape) -> PlanExpected:
    """Derive what the model of `plan` around `config` returns for `input_shape`.

    >>> plan = ModelPlan().with_head("Dense", 2)
    >>> expected_for(LayerConfig("LSTM", 3), plan, (2, 5, 1)).tensors[0].shape
    (2, 2)
    """
    batch, timesteps, _features = input_shape
    tensors = list(_layer_outputs(config, input_shape))
    extra = []
    for layer in plan.on_top:
        width = _sequence_width(tensors, layer)
        tensors = list(_layer_outputs(layer, (batch, timesteps, width)))
        extra = [("stacked_units", layer.units)]
    if plan.head is not None:
        tensors = [_head_output(tensors, plan)]
        extra.append(("head_units", plan.head_units))
    return PlanExpected(config, tuple(input_shape), tuple(tensors), tuple(extra))


def _layer_outputs(config: LayerConfig, input_shape: Shape):
    if config.layer == RNN_LAYER:
        return cells_outputs(config, input_shape[0], input_shape[1])
    return expected_outputs(config, input_shape).tensors


def _sequence_width(tensors: list[ExpectedTensor], layer: LayerConfig) -> int:
    """The features of the sequence a stacked `layer` reads, or raise if there is none."""
    if len(tensors) != 1 or len(tensors[0].shape) != 3:
        raise invalid(
            f"layer below {layer.describe()}",
            ", ".join(f"{tensor.name} {tensor.shape}" for tensor in tensors),
            "one output of shape (batch, timesteps, units), "
            "which return_sequences=True without return_state gives",
        )
    return tensors[0].shape[-1]


def _head_output(tensors: list[ExpectedTensor], plan: ModelPlan) -> ExpectedTensor:
    if len(tensors) != 1:
        raise invalid("input of the head", len(tensors), "one tensor: return_state=False")
    below = tensors[0]
    if plan.head == "TimeDistributed Dense" and len(below.shape) != 3:
        expected = "a sequence (batch, timesteps, units)"
        raise invalid("input of TimeDistributed", below.shape, expected)
    symbolic = below.symbolic.rsplit(",", 1)[0] + ", head_units)"
    rule = f"{plan.head} replaces the last axis with its own units"
    return ExpectedTensor("output", (*below.shape[:-1], plan.head_units), symbolic, rule)


def render_structure(result, names: tuple[str, ...]) -> str:
    """Render Keras' nesting with the rule's names: a tuple as (...), a list as [...].

    >>> render_structure((1, [2, 3]), ("output", "h", "c"))
    '(output, [h, c])'
    """
    remaining = list(names)

    def render(item) -> str:
        if isinstance(item, tuple):
            return "(" + ", ".join(render(part) for part in item) + ")"
        if isinstance(item, list):
            return "[" + ", ".join(render(part) for part in item) + "]"
        return remaining.pop(0) if remaining else "?"

    return render(result)


def flatten(result) -> list:
    """The tensors of a nested Keras result, in order."""
    if isinstance(result, (tuple, list)):
        return [tensor for part in result for tensor in flatten(part)]
    return [result]


def structured_outcome(
    expected: Expected,
    declared,
    result,
    inputs: np.ndarray,
    call_path: str = "call",
    model: str = "",
) -> StructuredOutcome:
    """Build the outcome of one call from Keras' nested `result`."""
    import keras

    arrays = tuple(keras.ops.convert_to_numpy(tensor) for tensor in flatten(result))
    return StructuredOutcome(
        expected=expected,
        declared=tuple(tuple(shape) for shape in declared),
        arrays=arrays,
        inputs=inputs,
        call_path=call_path,
        structure=render_structure(result, expected.names),
        model=model,
    )
