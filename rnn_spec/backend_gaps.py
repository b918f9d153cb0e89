"""Rules that hold on one Keras backend and not on another, each with its reason.

A scenario tagged @backend_gap:<id> runs as a strict xfail on the backends recorded for
<id>, and as an ordinary scenario on the others. On a listed backend it must fail with
RuleBroken. The day the backends agree it passes, and the strict xfail fails the run,
reporting that the gap has closed.

The tag works on a Scenario or a Scenario Outline, as @known_gap does. pytest-bdd turns
tags on an Examples block into plain pytest marks, which never reach this hook, so rows
that differ by backend go in a Scenario Outline of their own.

>>> backend_gap_mark("lstm", "jax") is None
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from rnn_spec.errors import not_one_of

TAG_PREFIX = "backend_gap:"

# The backend a run uses when KERAS_BACKEND is unset; conftest.py sets the same default.
DEFAULT_BACKEND = "tensorflow"


@dataclass(frozen=True)
class BackendGap:
    """The backends on which a rule does not hold, and why."""

    backends: frozenset[str]
    reason: str


# id -> gap. Each reason names the versions it was seen with and what each backend does.
BACKEND_GAPS: dict[str, BackendGap] = {
    "jax_width_mismatch_type_error": BackendGap(
        backends=frozenset({"jax"}),
        reason=(
            "Keras 3.15.1 on JAX 0.10.2: a batch or an initial state whose width does not "
            "fit the weights fails in jax.lax.dot_general with TypeError 'dot_general "
            "requires contracting dimensions to have the same shape', where TensorFlow "
            "2.21 raises InvalidArgumentError 'Matrix size-incompatible'"
        ),
    ),
    "jax_predict_skips_input_check": BackendGap(
        backends=frozenset({"jax"}),
        reason=(
            "Keras 3.15.1 on JAX 0.10.2: model.predict on a batch with more features than "
            "the model declares reaches the layer's call and fails there with TypeError "
            "from dot_general, where on TensorFlow 2.21 the model raises ValueError "
            "'expected shape=..., found shape=...'"
        ),
    ),
    "jax_state_count_type_error": BackendGap(
        backends=frozenset({"jax"}),
        reason=(
            "Keras 3.15.1 on JAX 0.10.2: an LSTM called with three initial states fails in "
            "jax.lax.scan with TypeError 'scan body function carry input and carry output "
            "must have the same pytree structure', where TensorFlow 2.21 raises ValueError "
            "'Too few leaves'"
        ),
    ),
    "tensorflow_predict_rank_after_first_predict": BackendGap(
        backends=frozenset({"tensorflow"}),
        reason=(
            "Keras 3.15.1 on TensorFlow 2.21: after one model.predict, a batch one axis "
            "short or with an extra size-1 axis raises ValueError 'as_list() is not "
            "defined on an unknown TensorShape', while on JAX 0.10.2 the second predict "
            "reshapes it as the first one does"
        ),
    ),
}


def current_backend() -> str:
    """Return the Keras backend of this run, as KERAS_BACKEND names it."""
    return os.environ.get("KERAS_BACKEND", DEFAULT_BACKEND)


def backend_gap_mark(tag: str, backend: str | None = None):
    """Build the xfail mark for a @backend_gap:<id> tag, None for other tags.

    The mark is strict and expects RuleBroken on the recorded backends, and has no effect
    on the others.
    """
    if not tag.startswith(TAG_PREFIX):
        return None
    gap_id = tag[len(TAG_PREFIX) :]
    if gap_id not in BACKEND_GAPS:
        raise not_one_of("backend gap id", gap_id, sorted(BACKEND_GAPS) or ["(none recorded)"])
    gap = BACKEND_GAPS[gap_id]
    backend = backend or current_backend()
    import pytest

    from rnn_spec.checks import RuleBroken

    return pytest.mark.xfail(
        backend in gap.backends,
        strict=True,
        raises=RuleBroken,
        reason=f"backend gap on {', '.join(sorted(gap.backends))}: {gap.reason}",
    )
