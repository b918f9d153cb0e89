"""Views into returned tensors, written in words: "the backward half of the first step of output".

A view is a tensor name with selectors applied from the innermost outwards:

* "last step", "first step", "step N" pick one time step of a sequence (axis 1);
* "forward half", "backward half" pick one half of the last axis, as Bidirectional
  concat lays out forward then backward.

A combination is element-wise arithmetic on whole tensors, such as
"(output_forward + output_backward) / 2", the way Bidirectional's merge modes combine
the two directions.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from rnn_spec.errors import SpecError, Unreadable, format_allowed, invalid

SELECTORS = ("last step", "first step", "step N", "forward half", "backward half")
_STEP = re.compile(r"step (\d+)")


@dataclass(frozen=True)
class View:
    """A tensor name and the selectors to apply to it, outermost first."""

    name: str
    selectors: tuple[str, ...] = ()
    text: str = ""

    def select(self, array: np.ndarray) -> np.ndarray:
        """Apply the selectors to the array returned under `name`."""
        for selector in reversed(self.selectors):
            array = _apply(selector, array, self.text)
        return array


def parse_view(text: str) -> View:
    """Parse view text.

    >>> parse_view("the forward half of the last step of the output")
    View(name='output', selectors=('forward half', 'last step'), text='the forward half of the last step of the output')
    """
    parts = [_strip_article(part) for part in text.strip().split(" of ")]
    *selectors, name = parts
    for selector in selectors:
        if selector not in SELECTORS and not _STEP.fullmatch(selector):
            raise SpecError(
                f"Invalid view: {text!r}. Unknown selector {selector!r}. "
                f"Expected one of {format_allowed(SELECTORS)}, followed by 'of' and a tensor name."
            )
    if not re.fullmatch(r"[a-z_]+", name):
        raise SpecError(f"Invalid view: {text!r}. Expected a tensor name such as output, h or c.")
    return View(name=name, selectors=tuple(selectors), text=text.strip())


def _strip_article(part: str) -> str:
    part = part.strip()
    return part[4:] if part.startswith("the ") else part


def _apply(selector: str, array: np.ndarray, text: str) -> np.ndarray:
    if selector.endswith("half"):
        width = array.shape[-1]
        if width % 2:
            raise Unreadable(
                f"{text}: the last axis has odd width {width}, so it has no {selector}"
            )
        return array[..., : width // 2] if selector == "forward half" else array[..., width // 2 :]

    if array.ndim != 3:
        raise Unreadable(
            f"{text}: {selector} needs a sequence (batch, timesteps, units), "
            f"but the tensor has shape {array.shape}"
        )
    if selector == "last step":
        return array[:, -1]
    if selector == "first step":
        return array[:, 0]
    return array[:, int(_STEP.fullmatch(selector).group(1))]


COMBINATION_EXAMPLE = (
    "tensor names and numbers joined by +, -, × and /, "
    "such as (output_forward + output_backward) / 2"
)
_ARITHMETIC = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: np.divide}


@dataclass(frozen=True)
class Combination:
    """Element-wise arithmetic on returned tensors, and the tensor names it reads."""

    text: str
    names: tuple[str, ...]
    expression: ast.expr

    def evaluate(self, arrays: Mapping[str, np.ndarray]) -> np.ndarray:
        """Compute the combination from the arrays returned under its names."""
        return _evaluate(self.expression, arrays)


def parse_combination(text: str) -> Combination:
    """Parse combination text.

    >>> parse_combination("(output_forward + output_backward) / 2").names
    ('output_forward', 'output_backward')
    """
    try:
        expression = ast.parse(text.strip().replace("×", "*"), mode="eval").body
    except SyntaxError:
        raise invalid("combination", text, COMBINATION_EXAMPLE) from None

    names = []
    for node in ast.walk(expression):
        if isinstance(node, ast.Name) and re.fullmatch(r"[a-z_]+", node.id):
            names.append(node.id)
        elif not _allowed_node(node):
            raise invalid("combination", text, COMBINATION_EXAMPLE)
    if not names:
        raise invalid("combination", text, COMBINATION_EXAMPLE)
    return Combination(text=text.strip(), names=tuple(dict.fromkeys(names)), expression=expression)


def _allowed_node(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp):
        return type(node.op) in _ARITHMETIC
    if isinstance(node, ast.Constant):
        return type(node.value) in (int, float)
    # ast.walk also visits the operator and load-context nodes inside allowed expressions.
    return type(node) in (ast.Load, *_ARITHMETIC)


def _evaluate(node: ast.expr, arrays: Mapping[str, np.ndarray]) -> np.ndarray:
    if isinstance(node, ast.Name):
        return arrays[node.id]
    if isinstance(node, ast.Constant):
        return np.float32(node.value)
    operation = _ARITHMETIC[type(node.op)]
    return operation(_evaluate(node.left, arrays), _evaluate(node.right, arrays))
