"""Views and combinations: text parses to selectors and arithmetic, bad text is named."""

import numpy as np
import pytest

from rnn_spec.errors import SpecError, Unreadable
from rnn_spec.views import parse_combination, parse_view

# Every value is distinct, so a selected value shows which step and unit it came from.
SEQUENCE = np.arange(2 * 3 * 4).reshape(2, 3, 4)
COMBINATION_FORMS = (
    "Expected tensor names and numbers joined by +, -, × and /, "
    "such as (output_forward + output_backward) / 2."
)


@pytest.mark.parametrize(
    ("text", "name", "selectors"),
    [
        ("h", "h", ()),
        ("the output", "output", ()),
        ("the last step of the output", "output", ("last step",)),
        ("step 2 of output_forward", "output_forward", ("step 2",)),
        (
            "the backward half of the first step of the output",
            "output",
            ("backward half", "first step"),
        ),
    ],
)
def test_view_text_parsed(text, name, selectors):
    view = parse_view(text)
    assert (view.name, view.selectors) == (name, selectors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first step of the output", SEQUENCE[:, 0]),
        ("the last step of the output", SEQUENCE[:, 2]),
        ("step 1 of the output", SEQUENCE[:, 1]),
        ("the forward half of the output", SEQUENCE[..., :2]),
        ("the backward half of the last step of the output", SEQUENCE[:, 2, 2:]),
    ],
)
def test_view_selects(text, expected):
    assert np.array_equal(parse_view(text).select(SEQUENCE), expected)


def test_unknown_selector_rejected():
    with pytest.raises(SpecError) as error:
        parse_view("the middle step of the output")
    assert str(error.value) == (
        "Invalid view: 'the middle step of the output'. Unknown selector 'middle step'. "
        "Expected one of last step, first step, step N, forward half or backward half, "
        "followed by 'of' and a tensor name."
    )


def test_bad_tensor_name_rejected():
    with pytest.raises(SpecError) as error:
        parse_view("the last step of Output2")
    assert str(error.value) == (
        "Invalid view: 'the last step of Output2'. Expected a tensor name such as output, h or c."
    )


def test_half_of_odd_width_explained():
    with pytest.raises(Unreadable) as error:
        parse_view("the forward half of h").select(np.zeros((2, 3)))
    assert str(error.value) == (
        "the forward half of h: the last axis has odd width 3, so it has no forward half"
    )


def test_step_of_non_sequence_explained():
    with pytest.raises(Unreadable) as error:
        parse_view("the last step of h").select(np.zeros((2, 3)))
    assert str(error.value) == (
        "the last step of h: last step needs a sequence (batch, timesteps, units), "
        "but the tensor has shape (2, 3)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("output_forward + output_backward", [5.0, 7.0]),
        ("output_forward × output_backward", [4.0, 10.0]),
        ("output_forward * output_backward", [4.0, 10.0]),
        ("(output_forward + output_backward) / 2", [2.5, 3.5]),
        ("output_backward - output_forward", [3.0, 3.0]),
    ],
)
def test_combination_evaluated(text, expected):
    arrays = {"output_forward": np.array([1.0, 2.0]), "output_backward": np.array([4.0, 5.0])}
    assert parse_combination(text).evaluate(arrays).tolist() == expected


def test_combination_names_in_order_once():
    combination = parse_combination("(output_forward + output_backward) / output_forward")
    assert combination.names == ("output_forward", "output_backward")


@pytest.mark.parametrize(
    "text",
    ["", "2", "output_forward +", "abs(h)", "h.T", "h ** 2", "-h", "True + h", "Output + h"],
)
def test_invalid_combination_rejected(text):
    with pytest.raises(SpecError) as error:
        parse_combination(text)
    assert str(error.value) == f"Invalid combination: {text!r}. {COMBINATION_FORMS}"
