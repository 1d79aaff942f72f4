"""Scores over time as bars on a fixed 0-100 scale.

Textual's Sparkline scales between the lowest and highest value shown, so 71 after three 100s
would look like zero; a learner reading their progress needs the real height.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"
LABEL_WIDTH = 4


class ScoreChart(Widget):
    DEFAULT_CSS = """
    ScoreChart {
        height: 4;
    }
    """

    def __init__(self, pass_score: int = 70, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scores: list[int] = []
        self.pass_score = pass_score

    def show(self, scores: Sequence[int]) -> None:
        self.scores = list(scores)
        self.refresh()

    def render(self) -> Content:
        rows = self.size.height or 4
        # Two cells per attempt; when they don't all fit, the latest ones.
        room = max(1, (self.size.width - LABEL_WIDTH) // 2)
        shown = self.scores[-room:]
        lines = []
        for row in range(rows):
            label = "100" if row == 0 else ("0" if row == rows - 1 else "")
            parts: list[Content | tuple[str, str] | str] = [(f"{label:>3} ", "$text-muted")]
            floor = (rows - 1 - row) * 8  # eighths below this row
            for score in shown:
                level = round(score / 100 * rows * 8) - floor
                char = EIGHTHS[max(0, min(8, level))]
                style = "$success" if score >= self.pass_score else "$warning"
                parts += [(char, style), " "]
            lines.append(Content.assemble(*parts))
        return Content("\n").join(lines)
