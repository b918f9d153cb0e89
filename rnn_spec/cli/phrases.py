"""Step phrases for people: "<layer>" in place of regex groups, and each parameter's forms."""

from __future__ import annotations

import re
from collections.abc import Callable

from pytest_bdd import parsers

from rnn_spec.config import LAYER_NAMES, OPTION_PARSERS
from rnn_spec.errors import SpecError, format_allowed
from rnn_spec.views import SELECTORS

# Texts that no parser in rnn_spec accepts, so that each one raises and names its forms.
# A well-formed tuple of the wrong rank comes first, because the input shape parser
# then names its rank rule rather than the generic shape syntax.
PROBES = ("(1,)", "?")

# Parameters that a step function parses in its body rather than through a converter.
# They are keyed by the parameter name the step modules use.
BODY_PARSED_FORMS = {
    "layer": "a Keras layer class: " + format_allowed(LAYER_NAMES),
    "option": "a Keras argument: " + format_allowed(sorted(OPTION_PARSERS)),
    "value": "the option's value: True or False for a flag, a rate from 0 up to but not "
    "including 1 for dropout and recurrent_dropout, concat, sum, mul, ave or None for "
    "merge_mode",
    "name": "a tensor name the layer returns, such as output, h, c, h_forward or c_backward",
    "names": "tensor names in Keras' order, such as 'output, h and c'",
    "shape": "a tuple of numbers, (2, 5, 3), or of batch, timesteps, features and units, "
    "(batch, timesteps, 2 × units)",
    "left": "a view: a tensor name after selectors joined by 'of', each one of "
    + format_allowed(SELECTORS),
    "right": "a view, as for the left-hand side",
}


def phrase(parser: parsers.StepParser) -> str:
    """Render a step parser's pattern with "<name>" for each parameter.

    >>> phrase(parsers.re(r"an? (?P<layer>\\S+) layer with (?P<units>\\S+) units?"))
    'a[n] <layer> layer with <units> unit[s]'
    """
    if isinstance(parser, parsers.re):
        return _readable_regex(parser.name)
    if isinstance(parser, parsers.parse):
        return re.sub(r"\{(\w+)(?::[^}]*)?\}", r"<\1>", parser.name)
    return parser.name


def parameters(parser: parsers.StepParser) -> list[str]:
    """The names of a parser's parameters, in the order they appear."""
    if isinstance(parser, parsers.re):
        return list(parser.regex.groupindex)
    if isinstance(parser, parsers.parse):
        return list(parser.parser.named_fields)
    return []


def accepted_forms(name: str, parser: parsers.StepParser, converter: Callable | None) -> str:
    """Describe what a parameter accepts, from its converter's own error message if it has one.

    A converter from rnn_spec rejects a probe text with a SpecError whose "Expected ..."
    part names the accepted forms, so the description stays in step with the parser.
    """
    if converter is not None:
        return _converter_forms(converter)
    if name in BODY_PARSED_FORMS:
        return BODY_PARSED_FORMS[name]
    if isinstance(parser, parsers.re):
        return f"text matching {_group_pattern(parser.name, name)}"
    if isinstance(parser, parsers.parse):
        return _parse_field_forms(parser.name, name)
    return "any text"


# What the `parse` library's format types accept, for fields such as {count:d}.
PARSE_TYPE_FORMS = {
    "d": "an integer",
    "n": "an integer, thousands separators allowed",
    "f": "a fixed-point number",
    "g": "a number",
    "e": "a number in exponent notation",
    "w": "letters, digits and underscores",
    "W": "characters other than letters, digits and underscores",
    "S": "text without spaces",
}


def _parse_field_forms(pattern: str, name: str) -> str:
    match = re.search(r"\{" + re.escape(name) + r":([^}]*)\}", pattern)
    if match is None:
        return "any text"
    return PARSE_TYPE_FORMS.get(match.group(1), f"text of the parse format {match.group(1)!r}")


def _converter_forms(converter: Callable) -> str:
    for probe in PROBES:
        try:
            converter(probe)
        except SpecError as error:
            _, _, expected = str(error).partition(". Expected ")
            if expected:
                return expected.rstrip(".")
        except (TypeError, ValueError):
            continue
    doc = (converter.__doc__ or "").strip().splitlines()
    return doc[0] if doc else f"what {converter.__name__} accepts"


def _readable_regex(pattern: str) -> str:
    text = _replace_noncapturing(_replace_groups(pattern))
    text = re.sub(r"(<\w+>)\?", r"[\1]", text)
    text = re.sub(r"(\w)\?", r"[\1]", text)
    return text.replace("\\", "")


def _replace_noncapturing(pattern: str) -> str:
    """Render (?:a|b) as (a|b), and an optional (?:...)? as [...].

    >>> _replace_noncapturing("reads(?: with <option>)? (?:the batch|a batch)")
    'reads[ with <option>] (the batch|a batch)'
    """
    start = pattern.find("(?:")
    if start < 0:
        return pattern
    end = _group_end(pattern, start)
    inner = _replace_noncapturing(pattern[start + 3 : end - 1])
    rest = pattern[end:]
    if rest.startswith("?"):
        return pattern[:start] + f"[{inner}]" + _replace_noncapturing(rest[1:])
    return pattern[:start] + f"({inner})" + _replace_noncapturing(rest)


def _replace_groups(pattern: str) -> str:
    """Replace each (?P<name>...) group, nested brackets included, with <name>."""
    result, position = [], 0
    for start in [match.start() for match in re.finditer(r"\(\?P<", pattern)]:
        if start < position:
            continue
        name_end = pattern.index(">", start)
        result.append(pattern[position:start])
        result.append(f"<{pattern[start + 4:name_end]}>")
        position = _group_end(pattern, start)
    result.append(pattern[position:])
    return "".join(result)


def _group_end(pattern: str, start: int) -> int:
    """The index just after the bracket that closes the group opened at `start`."""
    depth, index = 0, start
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 2
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(pattern)


def _group_pattern(pattern: str, name: str) -> str:
    start = pattern.index(f"(?P<{name}>")
    body_start = pattern.index(">", start) + 1
    return pattern[body_start : _group_end(pattern, start) - 1]
