"""Rules that hold on one Keras backend and not on another, each with its reason.

A scenario tagged @backend_gap:<id> runs as a strict xfail on the backends recorded for
<id>, and as an ordinary scenario on the others. A gap may also be limited to Keras
releases before a given one, where a later release changed what Keras does. Where the
gap applies, the scenario must fail with RuleBroken. The day the backends agree it passes, and the strict xfail fails the run,
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
from packaging.version import Version

from rnn_spec.errors import not_one_of
from rnn_spec.versions import installed_versions

TAG_PREFIX = "backend_gap:"

# The backend a run uses when KERAS_BACKEND is unset; conftest.py sets the same default.
DEFAULT_BACKEND = "tensorflow"


@dataclass(frozen=True)
class BackendGap:
    """The backends on which a rule does not hold, and why."""

    backends: frozenset[str]
    reason: str
    # The first Keras release on which the rule holds; None when no release does yet.
    keras_before: str | None = None

    def applies(self, backend: str, keras_version: str) -> bool:
        """Return whether the rule fails on `backend` with Keras `keras_version`."""
        if backend not in self.backends:
            return False
        return self.keras_before is None or Version(keras_version) < Version(self.keras_before)


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
    "tensorflow_state_count_message_before_keras_3_8": BackendGap(
        backends=frozenset({"tensorflow"}),
        keras_before="3.8.0",
        reason=(
            "Keras 3.4.1 to 3.7.0 on TensorFlow 2.16.2: an LSTM called with three initial "
            "states raises ValueError 'Could not pack sequence. Structure had 3 atoms, but "
            "flat_sequence had 2 items', where Keras 3.8.0 and later raise ValueError "
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


def backend_gap_mark(tag: str, backend: str | None = None, keras_version: str | None = None):
    """Build the xfail mark for a @backend_gap:<id> tag, None for other tags.

    The mark is strict and expects RuleBroken where the gap applies (its backends, and its
    Keras releases when it names a first good one), and has no effect elsewhere.
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

    # The version gate has stopped the run before collection when Keras is missing.
    keras_version = keras_version or installed_versions().keras
    where = ", ".join(sorted(gap.backends))
    if gap.keras_before is not None:
        where += f" with Keras before {gap.keras_before}"
    return pytest.mark.xfail(
        gap.applies(backend, keras_version),
        strict=True,
        raises=RuleBroken,
        reason=f"backend gap on {where}: {gap.reason}",
    )
