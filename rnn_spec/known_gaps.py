"""Known disagreements in upstream Keras, each with its reason.

A scenario tagged @known_gap:<id> runs as a strict xfail: it must fail today, and the
day Keras changes so that it passes, the run fails and reports that the gap has closed. It must
fail with RuleBroken, the error of a broken rule: any other error (a typo in a step, an
invalid configuration) fails the run, so a gap cannot hide an unrelated mistake.
"""

from __future__ import annotations

from rnn_spec.errors import not_one_of

TAG_PREFIX = "known_gap:"

# id -> reason, naming the upstream behaviour. Keras version noted where it was seen.
KNOWN_GAPS: dict[str, str] = {
    "bidirectional_backward_units": (
        "Keras 3.15.1: Bidirectional.compute_output_shape derives both directions from the "
        "forward layer, so with a backward_layer of other units the symbolic output is "
        "2 × units wide while a real call returns units + backward_units"
    ),
    "bidirectional_backward_class_states": (
        "Keras 3.15.1: Bidirectional.compute_output_shape repeats the forward layer's states "
        "for the backward direction, so an LSTM with a GRU backward_layer declares h and c "
        "for both directions while a real call returns h and c, then h alone"
    ),
    "rnn_symbolic_single_state_unnested": (
        "Keras 3.15.1: RNN over a list of cells, called symbolically to build a model, "
        "returns a one-state cell's final state bare (output, [h, c], h), while an eager "
        "call of the same layer nests it in a list (output, [h, c], [h])"
    ),
    "initial_state_unchecked_when_built": (
        "Keras 3.15.1: a symbolic call that builds a keras.Model accepts initial states of "
        "the wrong width or count without an error; only a later call of the model fails"
    ),
    "gru_extra_initial_state_accepted": (
        "Keras 3.15.1: an eager GRU call given two initial states, where a GRU keeps one, "
        "raises nothing and uses the first, while an LSTM given three raises ValueError"
    ),
    "functional_features_one_unchecked": (
        "Keras 3.15.1: a Functional model declared with features 1 skips its input shape "
        "check, so a batch with 2 features fails inside the cell (InvalidArgumentError on "
        "an eager call, ValueError 'Dimensions must be equal' under predict) instead of "
        "the model's ValueError 'expected shape=..., found shape=...'"
    ),
}


def known_gap_reason(tag: str) -> str | None:
    """The reason recorded for a @known_gap:<id> tag, None for other tags."""
    if not tag.startswith(TAG_PREFIX):
        return None
    gap_id = tag[len(TAG_PREFIX) :]
    if gap_id not in KNOWN_GAPS:
        raise not_one_of("known gap id", gap_id, sorted(KNOWN_GAPS) or ["(none recorded)"])
    return KNOWN_GAPS[gap_id]


def known_gap_mark(tag: str):
    """The strict xfail mark for a known-gap tag, None for other tags."""
    reason = known_gap_reason(tag)
    if reason is None:
        return None
    import pytest

    from rnn_spec.checks import RuleBroken

    return pytest.mark.xfail(strict=True, raises=RuleBroken, reason=f"known gap: {reason}")
