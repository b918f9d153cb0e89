"""Shape text: literal and symbolic shapes parse, malformed text is rejected clearly."""

import pytest

from rnn_spec.errors import SpecError
from rnn_spec.shapes import format_shape, parse_input_shape, parse_shape

DIMENSIONS = {"batch": 2, "timesteps": 5, "features": 1, "units": 3}
EXPECTED_FORMS = "Expected a tuple such as (2, 5, 1) or (batch, timesteps, 2 × units)."


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("(2, 5, 1)", (2, 5, 1)),
        ("(2,5,1)", (2, 5, 1)),
        (" (2, 3) ", (2, 3)),
        ("(3,)", (3,)),
        ("(None, 5, 3)", (None, 5, 3)),
    ],
)
def test_literal_shape_parsed(text, shape):
    assert parse_shape(text) == shape


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("(batch, units)", (2, 3)),
        ("(batch, timesteps, units)", (2, 5, 3)),
        ("(batch, timesteps, 2 × units)", (2, 5, 6)),
        ("(batch, 2 * units)", (2, 6)),
        ("(batch, units + units)", (2, 6)),
    ],
)
def test_symbolic_shape_resolved(text, shape):
    assert parse_shape(text, DIMENSIONS) == shape


def test_unknown_size_propagates():
    assert parse_shape("(batch, 2 × units)", {"batch": None, "units": 3}) == (None, 6)
    assert parse_shape("(2 × batch,)", {"batch": None}) == (None,)


@pytest.mark.parametrize(
    "text", ["(2, 5", "2x5", "2, 5, 1", "[2, 5, 1]", "(2.5, 1)", "(-1, 3)", "(True, 1)", "", "3"]
)
def test_malformed_shape_rejected(text):
    with pytest.raises(SpecError) as error:
        parse_shape(text)
    assert str(error.value) == f"Invalid shape: {text!r}. {EXPECTED_FORMS}"


def test_shape_with_call_rejected():
    with pytest.raises(SpecError, match="Invalid shape"):
        parse_shape("(__import__('os'), 1)")


def test_unknown_dimension_named():
    with pytest.raises(SpecError) as error:
        parse_shape("(batch, hidden)", DIMENSIONS)
    assert str(error.value) == (
        "Invalid shape: '(batch, hidden)'. Unknown dimension 'hidden'. "
        "Expected one of batch, features, timesteps or units."
    )


def test_dimension_without_context_rejected():
    with pytest.raises(SpecError) as error:
        parse_shape("(batch, 3)")
    assert str(error.value) == (
        "Invalid shape: '(batch, 3)'. Unknown dimension 'batch': "
        "this shape must be written with numbers, such as (2, 5, 1)."
    )


@pytest.mark.parametrize("text", ["(2, 5)", "(2, 5, 1, 1)", "(5,)"])
def test_input_rank_not_three_rejected(text):
    with pytest.raises(SpecError) as error:
        parse_input_shape(text)
    assert str(error.value) == (
        f"Invalid input shape: {text!r}. "
        "Expected rank 3, (batch, timesteps, features), such as (2, 5, 1)."
    )


def test_input_features_must_be_known():
    with pytest.raises(SpecError, match="Expected a known features size"):
        parse_input_shape("(2, 5, None)")


def test_input_shape_parsed():
    assert parse_input_shape("(2, 5, 1)") == (2, 5, 1)
    assert parse_input_shape("(None, None, 4)") == (None, None, 4)


def test_format_shape_like_python():
    assert format_shape((2, 5, 3)) == "(2, 5, 3)"
    assert format_shape((3,)) == "(3,)"
    assert format_shape(None) == "nothing"
