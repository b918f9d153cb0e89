"""Shape text: parse "(2, 5, 1)" and resolve "(batch, timesteps, 2 × units)".

A shape is a tuple of axis sizes, where None means a size that is not known until a call,
as in Keras. Shape text is parsed with Python's own `ast` module, which accepts only
integers, None, the dimension names and the operators × (or *) and +.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from rnn_spec.errors import SpecError, format_allowed, invalid

Shape = tuple[int | None, ...]

DIMENSION_NAMES = ("batch", "timesteps", "features", "units")
SHAPE_EXAMPLE = "a tuple such as (2, 5, 1) or (batch, timesteps, 2 × units)"


def parse_shape(text: str, dimensions: Mapping[str, int | None] | None = None) -> Shape:
    """Parse shape text, resolving dimension names against `dimensions`.

    >>> parse_shape("(batch, timesteps, 2 × units)", {"batch": 2, "timesteps": 5, "units": 3})
    (2, 5, 6)
    >>> parse_shape("(None, 5, 1)")
    (None, 5, 1)
    """
    tree = _parse_tuple(text)
    return tuple(_evaluate_axis(node, text, dimensions or {}) for node in tree.elts)


def parse_input_shape(text: str) -> Shape:
    """Parse the shape of a recurrent layer's input: (batch, timesteps, features)."""
    shape = parse_shape(text)
    if len(shape) != 3:
        raise invalid(
            "input shape", text, "rank 3, (batch, timesteps, features), such as (2, 5, 1)"
        )
    if shape[2] is None:
        raise invalid("input shape", text, "a known features size, such as (2, 5, 1)")
    return shape


def format_shape(shape: Shape | None) -> str:
    """Render a shape as Python prints a tuple: (2, 5, 3), (3,) or ()."""
    if shape is None:
        return "nothing"
    return repr(tuple(shape))


def _parse_tuple(text: str) -> ast.Tuple:
    if not isinstance(text, str):
        raise invalid("shape", text, SHAPE_EXAMPLE)
    source = text.strip().replace("×", "*")
    try:
        tree = ast.parse(source, mode="eval").body
    except SyntaxError:
        raise invalid("shape", text, SHAPE_EXAMPLE) from None
    if not isinstance(tree, ast.Tuple) or not source.startswith("("):
        raise invalid("shape", text, SHAPE_EXAMPLE)
    return tree


def _evaluate_axis(node: ast.expr, text: str, dimensions: Mapping[str, int | None]) -> int | None:
    if isinstance(node, ast.Constant) and node.value is None:
        return None
    if isinstance(node, ast.Constant) and type(node.value) is int:
        if node.value < 0:
            raise invalid("shape", text, "axis sizes that are 0 or more, or None")
        return node.value
    if isinstance(node, ast.Name):
        return _look_up(node.id, text, dimensions)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add)):
        left = _evaluate_axis(node.left, text, dimensions)
        right = _evaluate_axis(node.right, text, dimensions)
        if left is None or right is None:
            return None
        return left * right if isinstance(node.op, ast.Mult) else left + right
    raise invalid("shape", text, SHAPE_EXAMPLE)


def _look_up(name: str, text: str, dimensions: Mapping[str, int | None]) -> int | None:
    if name not in dimensions:
        if not dimensions:
            raise SpecError(
                f"Invalid shape: {text!r}. Unknown dimension {name!r}: "
                "this shape must be written with numbers, such as (2, 5, 1)."
            )
        raise SpecError(
            f"Invalid shape: {text!r}. Unknown dimension {name!r}. "
            f"Expected one of {format_allowed(sorted(dimensions))}."
        )
    return dimensions[name]
