"""pytest-bdd hook: map @backend_gap:<id> tags to xfails on the backends they name."""

from __future__ import annotations

from rnn_spec.backend_gaps import backend_gap_mark


def pytest_bdd_apply_tag(tag, function):
    """Turn a @backend_gap:<id> tag into an xfail that applies on the recorded backends."""
    mark = backend_gap_mark(tag)
    if mark is None:
        return None
    mark(function)
    return True
