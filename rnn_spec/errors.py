"""The error type that rnn_spec raises for invalid input, its message helpers, and the
assertion raised when a returned tensor cannot be read as a step names it."""

from __future__ import annotations

from collections.abc import Iterable


class SpecError(ValueError):
    """An invalid layer configuration, shape text or step argument.

    It subclasses ValueError so that callers who already catch ValueError keep working.
    """


def format_allowed(allowed: Iterable[object]) -> str:
    """Join allowed values for a message: 'LSTM, GRU or SimpleRNN'."""
    items = [str(item) for item in allowed]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def invalid(what: str, value: object, allowed: str) -> SpecError:
    """Build the error for an invalid value: what it is, the value, and what is allowed.

    >>> str(invalid("units", 0, "a positive integer"))
    'Invalid units: 0. Expected a positive integer.'
    """
    return SpecError(f"Invalid {what}: {value!r}. Expected {allowed}.")


def not_one_of(what: str, value: object, allowed: Iterable[object]) -> SpecError:
    """Build the error for a value outside a fixed set of choices."""
    return invalid(what, value, "one of " + format_allowed(allowed))


class Unreadable(AssertionError):
    """A failure to read what Keras returned the way a step names it.

    A tensor the rule names is missing, or a view such as "the forward half" or "the last
    step" does not fit the tensor's shape. The checks turn it into a "Rule broken" failure
    that names the rule being checked.
    """
