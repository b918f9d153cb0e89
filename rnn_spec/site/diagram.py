"""The unrolled-layer diagram: which tensors a configuration returns, drawn as SVG.

The layer is drawn one column per time step: the input x_t at the bottom, the forward
cell (and, for Bidirectional, the backward cell) above it, and the step's output at the
top. Returned tensors are drawn in the "returned" style and the rest in the "hidden"
style. With return_sequences every step's output comes back. Without it only the last
step's output does: the forward direction's step T and the backward direction's step 1,
where the backward direction finishes. With return_state, the final h (and c for LSTM)
of each direction comes back. Shapes in the caption come from rnn_spec.rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rnn_spec.config import LayerConfig
from rnn_spec.rule import expected_outputs
from rnn_spec.shapes import Shape, format_shape

# At most this many step columns are drawn; longer sequences show the first and last
# steps around an ellipsis column.
MAX_COLUMNS = 6
COLUMN_WIDTH = 96
CELL_WIDTH = 60
CELL_HEIGHT = 34
OUTPUT_Y = 60
ROW_GAP = 78
MERGE_SYMBOLS = {"concat": "‖", "sum": "+", "mul": "×", "ave": "avg", None: ","}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    label: str
    style: str


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    style: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    style: str
    anchor: str = "middle"


@dataclass
class Drawing:
    """The shapes of one diagram; the template draws lines, then boxes, then labels."""

    width: float
    height: float
    title: str
    lines: list[Line] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


@dataclass(frozen=True)
class Grid:
    """Where things go: the x of each column's centre and the y of each row."""

    left: float
    columns: list[int | str | None]
    row_y: dict[str, float]
    input_y: float

    def x(self, index: int) -> float:
        return self.left + COLUMN_WIDTH * index + COLUMN_WIDTH / 2

    @property
    def right(self) -> float:
        return self.left + COLUMN_WIDTH * len(self.columns)


# The last step's label where timesteps is None, a length known only at call time.
UNKNOWN_LAST = "T"


def step_columns(timesteps: int | None) -> list[int | str | None]:
    """The steps drawn as columns, 1-based, with None for the ellipsis column.

    >>> step_columns(5)
    [1, 2, 3, 4, 5]
    >>> step_columns(100)
    [1, 2, 3, None, 99, 100]
    >>> step_columns(None)
    [1, 2, None, 'T']
    """
    if timesteps is None:
        return [1, 2, None, UNKNOWN_LAST]
    if timesteps <= MAX_COLUMNS:
        return list(range(1, timesteps + 1))
    return [1, 2, 3, None, timesteps - 1, timesteps]


def layout(config: LayerConfig, input_shape: Shape, words: dict[str, str]) -> Drawing:
    """Lay out the diagram of `config` reading `input_shape`, with labels in `words`."""
    rows = ["forward", "backward"] if config.bidirectional else ["forward"]
    state_texts = {row: _state_text(config, row, words) for row in rows}
    left_texts = [words[row] for row in rows] + [state_texts.get("backward", "")]
    left = 40 + max(_text_width(text) for text in left_texts)
    row_y = {row: OUTPUT_Y + 80 + index * ROW_GAP for index, row in enumerate(rows)}
    grid = Grid(left, step_columns(input_shape[1]), row_y, row_y[rows[-1]] + 80)
    title = f"{config.describe()}, {words['input']} {format_shape(input_shape)}"
    caption = _caption(config, input_shape, words)
    width = max(
        grid.right + 50 + _text_width(state_texts["forward"]),
        40 + max(_text_width(line) for line in [title, *caption]),
    )
    drawing = Drawing(width=width, height=grid.input_y + 110, title=title)

    for index, step in enumerate(grid.columns):
        if step is None:
            drawing.labels.append(Label(grid.x(index), row_y["forward"] + 5, "…", "ellipsis"))
        else:
            _draw_column(drawing, config, grid, index, step, input_shape[1], rows)
    for row in rows:
        _draw_recurrence(drawing, config, grid, row, words)
    _draw_states(drawing, config, grid, state_texts)
    for number, line in enumerate([title, *caption]):
        style = "returned" if number == len(caption) else "caption"
        drawing.labels.append(Label(20, grid.input_y + 40 + 20 * number, line, style, anchor="start"))
    return drawing


def _draw_column(drawing, config, grid: Grid, index, step, timesteps, rows) -> None:
    x, row_y = grid.x(index), grid.row_y
    drawing.labels.append(Label(x, grid.input_y + 5, f"x{_subscript(step)}", "input"))
    for row, offset in zip(rows, (-8, 8) if config.bidirectional else (0,)):
        bottom = row_y[row] + CELL_HEIGHT / 2
        drawing.lines.append(Line(x + offset, grid.input_y - 12, x + offset, bottom, "input"))
        drawing.boxes.append(
            Box(x - CELL_WIDTH / 2, row_y[row] - CELL_HEIGHT / 2, CELL_WIDTH, CELL_HEIGHT, config.layer, row)
        )
    returned = _output_returned(config, step, timesteps, rows)
    for row, offset in zip(rows, (-8, 8) if config.bidirectional else (0,)):
        style = "returned" if returned[row] else "hidden"
        top = row_y[row] - CELL_HEIGHT / 2
        drawing.lines.append(Line(x + offset, top, x + offset, OUTPUT_Y + 14, style))
    label = _output_label(config, returned)
    style = "returned" if any(returned.values()) else "hidden"
    drawing.boxes.append(Box(x - 34, OUTPUT_Y - 14, 68, 28, label, style))


def _output_returned(config: LayerConfig, step, timesteps: int | None, rows: list[str]) -> dict[str, bool]:
    """Whether each direction's output at `step` comes back.

    The backward direction reads from step T down to step 1, so its last output, the one
    returned without return_sequences, sits at step 1.
    """
    final_step = {"forward": timesteps or UNKNOWN_LAST, "backward": 1}
    return {row: config.return_sequences or step == final_step[row] for row in rows}


def _output_label(config: LayerConfig, returned: dict[str, bool]) -> str:
    """Label a step's output box, naming only the halves that come back when any do."""
    if not config.bidirectional:
        return "y"
    if returned["forward"] == returned["backward"]:
        return f"y→ {MERGE_SYMBOLS[config.merge_mode]} y←"
    return "y→" if returned["forward"] else "y←"


def _draw_recurrence(drawing, config, grid: Grid, row, words) -> None:
    y = grid.row_y[row]
    state = "h, c" if config.has_cell_state else "h"
    for index in range(len(grid.columns) - 1):
        start = grid.x(index) + CELL_WIDTH / 2
        end = grid.x(index + 1) - CELL_WIDTH / 2
        line = Line(start, y, end, y, "recurrent") if row == "forward" else Line(end, y, start, y, "recurrent")
        drawing.lines.append(line)
        drawing.labels.append(Label((start + end) / 2, y - 6, state, "state"))
    drawing.labels.append(Label(20, y + 4, words[row], "row", anchor="start"))


def _state_text(config: LayerConfig, row: str, words: dict[str, str]) -> str:
    names = ("h", "c") if config.has_cell_state else ("h",)
    suffix = f"_{row}" if config.bidirectional else ""
    text = ", ".join(name + suffix for name in names)
    return text if config.return_state else f"{text} ({words['not_returned']})"


def _draw_states(drawing, config, grid: Grid, state_texts: dict[str, str]) -> None:
    """Draw each direction's final h (and c) leaving the row where that direction ends."""
    style = "returned" if config.return_state else "hidden"
    last_cell_right = grid.x(len(grid.columns) - 1) + CELL_WIDTH / 2
    first_cell_left = grid.x(0) - CELL_WIDTH / 2
    for row, text in state_texts.items():
        y = grid.row_y[row]
        if row == "forward":
            drawing.lines.append(Line(last_cell_right, y, last_cell_right + 30, y, style))
            drawing.labels.append(Label(last_cell_right + 36, y + 4, text, style, anchor="start"))
        else:
            drawing.lines.append(Line(first_cell_left, y + 8, first_cell_left - 30, y + 8, style))
            drawing.labels.append(Label(first_cell_left - 4, y + 30, text, style, anchor="end"))


def _caption(config: LayerConfig, input_shape: Shape, words: dict[str, str]) -> list[str]:
    """The lines under the diagram: which steps come back, then every returned tensor."""
    if config.return_sequences:
        which = words["every_step"]
    elif config.bidirectional:
        which = words["bidirectional_last_step"].format(last=input_shape[1] or UNKNOWN_LAST)
    else:
        which = words["last_step"]
    returned = ", ".join(
        f"{tensor.name} {format_shape(tensor.shape)}"
        for tensor in expected_outputs(config, input_shape).tensors
    )
    return [f"output: {which}", f"{words['returned']}: {returned}"]


def _text_width(text: str) -> float:
    """Estimate the width of text at 12 px: about 7 px a Latin character, 12 px a Hangul one."""
    return sum(12 if ord(character) >= 0x1100 else 7 for character in text)


def _subscript(step: int | str) -> str:
    if step == UNKNOWN_LAST:
        return "_T"
    return str(step).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
