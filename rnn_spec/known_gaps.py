"""Known disagreements in upstream Keras, each with its reason.

A scenario tagged @known_gap:<id> runs as a strict xfail: it must fail today, and the
day Keras changes so that it passes, the run fails and says the gap has closed.
"""

from __future__ import annotations

from rnn_spec.errors import not_one_of

TAG_PREFIX = "known_gap:"

# id -> reason, naming the upstream behaviour. Keras version noted where it was seen.
KNOWN_GAPS: dict[str, str] = {}


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

    return pytest.mark.xfail(strict=True, reason=f"known gap: {reason}")
