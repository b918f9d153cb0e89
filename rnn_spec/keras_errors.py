"""Capture what Keras raises for a request, and match it by type and a stable fragment.

Keras error messages carry details that change between releases (layer names such as
'lstm_3', full shapes, formatting), so a rule names the exception type and a short
fragment of the message that states the reason, such as "expected ndim=3, found ndim=2".
raised_by_keras distinguishes an exception raised in Keras from one raised in rnn_spec.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rnn_spec.checks import RuleBroken
from rnn_spec.shapes import Shape, format_shape

# Where in Keras an attempt fails: building a layer or model, an eager call, or predict.
CALL_PATHS = ("build", "call", "predict")
# Keras messages can run to many lines of call arguments; a failure shows this many characters.
MESSAGE_LIMIT = 400
# Folders of the packages whose exceptions count as Keras' own: Keras, its backends and
# the tree library it packs results with.
KERAS_PACKAGES = ("keras", "tensorflow", "jax", "jaxlib", "torch", "optree")


@dataclass(frozen=True)
class Attempt:
    """One request to Keras and its result: the exception raised, or the output shapes."""

    request: str
    call_path: str
    configuration: str
    error: Exception | None = None
    shapes: tuple[Shape, ...] = ()

    def describe_result(self) -> str:
        """The result in words: the exception with its message, or the output shapes."""
        if self.error is None:
            shapes = ", ".join(format_shape(shape) for shape in self.shapes)
            return f"Keras accepted it and returned {shapes or 'nothing'}"
        return f"Keras raised {type(self.error).__name__}: {_message(self.error)}"


def attempt(
    request: str, call_path: str, configuration: str, action: Callable[[], object]
) -> Attempt:
    """Run `action` and record its exception, or the shapes of what it returned.

    Every Exception is caught on purpose: which type Keras raises is what the rule checks.
    """
    try:
        result = action()
    except Exception as error:  # noqa: BLE001
        return Attempt(request, call_path, configuration, error=error)
    return Attempt(request, call_path, configuration, shapes=_shapes(result))


def error_type_names(error: Exception) -> tuple[str, ...]:
    """The class names of `error` and its bases, so that a rule may name a base class.

    >>> error_type_names(KeyError("x"))[:2]
    ('KeyError', 'LookupError')
    """
    return tuple(cls.__name__ for cls in type(error).__mro__)


def check_rejected(result: Attempt, error_type: str, fragment: str) -> None:
    """Check that Keras raised `error_type` (or a subclass) with `fragment` in its message."""
    error = result.error
    if error is not None and error_type in error_type_names(error) and fragment in str(error):
        return
    raise RuleBroken(
        "\n".join(
            [
                f'Rule broken: Keras rejects it with {error_type} mentioning "{fragment}"',
                f"Configuration: {result.configuration}, call path {result.call_path}",
                f"  request: {result.request}",
                f"  observed: {result.describe_result()}",
            ]
        )
    )


def check_accepted(result: Attempt, shape: Shape | None = None) -> None:
    """Check that Keras raised nothing and, if `shape` is given, returned that one shape."""
    if result.error is None and (shape is None or result.shapes == (tuple(shape),)):
        return
    expected = "accepts it" + ("" if shape is None else f" and returns {format_shape(shape)}")
    raise RuleBroken(
        "\n".join(
            [
                f"Rule broken: Keras {expected}",
                f"Configuration: {result.configuration}, call path {result.call_path}",
                f"  request: {result.request}",
                f"  observed: {result.describe_result()}",
            ]
        )
    )


def _message(error: Exception) -> str:
    """The message on one line, cut at MESSAGE_LIMIT characters."""
    text = " ".join(line.strip() for line in str(error).splitlines() if line.strip())
    return (text[:MESSAGE_LIMIT] + "...") if len(text) > MESSAGE_LIMIT else text or "(no message)"


def _shapes(result) -> tuple[Shape, ...]:
    if isinstance(result, (tuple, list)):
        return tuple(shape for part in result for shape in _shapes(part))
    shape = getattr(result, "shape", None)
    return () if shape is None else (tuple(shape),)


def raised_by_keras(exception: BaseException) -> bool:
    """Return whether the innermost frame of the exception's traceback is in a Keras package."""
    traceback = exception.__traceback__
    if traceback is None:
        return False
    while traceback.tb_next is not None:
        traceback = traceback.tb_next
    parts = Path(traceback.tb_frame.f_code.co_filename).parts
    return any(package in parts for package in KERAS_PACKAGES)
