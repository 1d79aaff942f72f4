"""The trainer's report as one self-contained HTML page, made to be shown on a projector.

Nothing is fetched: the styles are inline, the chart is inline SVG, there is no script, and a
Content-Security-Policy forbids the browser to load anything even if some text slipped
through. Large type, black on white, colours that stay apart in grey too. Every text that is
not ours (names, answers, lesson titles) is escaped and isolated with `<bdi>`, so neither
markup nor a right-to-left override in a name can change the page.
"""

from __future__ import annotations

import html
import re
from datetime import tzinfo

from twitter_tutor.progress.models import LessonState
from twitter_tutor.texts import format_date, t
from twitter_tutor.tutor.class_report import (
    MARK,
    STATES,
    ClassReport,
    missed_text,
    passed_text,
)

# The chart's colours: dark, middle and light, so they differ without colour as well. The text
# on each has a contrast ratio above 7:1 (WCAG AAA).
FILL: dict[LessonState, str] = {
    "completed": "#0b5a2a",
    "in_progress": "#f2b632",
    "not_started": "#e4e4e4",
}
INK: dict[LessonState, str] = {
    "completed": "#ffffff",
    "in_progress": "#000000",
    "not_started": "#000000",
}

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_SLOT = "\ue000"
"""A private-use character standing for a value that is put in after escaping."""

_STYLE = """
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 1600px; padding: 24px 32px 64px; background: #fff;
  color: #000; font: 24px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 2.2em; margin: 0.2em 0; }
h2 { font-size: 1.6em; margin: 1.4em 0 0.4em; border-bottom: 4px solid #000; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.3em; }
p.meta, p.note { color: #222; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 2px solid #000; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #000; color: #fff; }
tbody th { background: #fff; color: #000; }
tbody th.group { background: #d9d9d9; font-size: 1.1em; padding-top: 0.4em; }
table.exercises { width: 100%; }
table.exercises td:first-child { width: 40%; }
td ul { margin: 0; padding-left: 1.1em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.completed { background: #0b5a2a; color: #fff; font-weight: bold; }
td.in_progress { background: #f2b632; color: #000; }
td.not_started { background: #fff; color: #000; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.5em; }
.swatch { display: inline-block; width: 1em; height: 1em; border: 2px solid #000;
  vertical-align: -0.15em; margin-right: 0.3em; }
ol.lessons { columns: 2; column-gap: 2em; }
svg { width: 100%; height: auto; }
blockquote { margin: 0.3em 0 0; padding: 0.4em 0.8em; border-left: 8px solid #0b5a2a;
  background: #f3f3f3; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.1em; }
figure { margin: 0 0 1em; }
figcaption { margin-top: 0.2em; }
""".strip()


def to_html(report: ClassReport, lang: str, tz: tzinfo | None = None) -> str:
    """The whole page in `lang`; dates in `tz` (default: the machine's zone)."""
    title = _e(t(lang, "report.title"))
    summary = t(
        lang,
        "report.summary",
        learners=len(report.learners),
        lessons=len(report.lessons),
        date=format_date(lang, report.generated_at, tz),
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        # Defence in depth: should anything ever point outside, the browser still loads nothing.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{_e(summary)}</p>',
    ]
    if not report.learners:
        parts.append(f"<p>{_e(t(lang, 'report.none'))}</p>")
    else:
        parts += _chart_section(report, lang)
        parts += _learners_section(report, lang)
        parts += _exercises_section(report, lang)
        parts += _best_section(report, lang)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _e(text: str) -> str:
    """Text safe in an element or a quoted attribute: markup escaped, control characters (which
    HTML does not allow) and lone surrogates (which UTF-8 cannot hold) replaced."""
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("\ufffd", text))
    return html.escape(text, quote=True)


def _theirs(text: str) -> str:
    """Text a learner or lesson author wrote, escaped and isolated from the text around it."""
    return f"<bdi>{_e(text)}</bdi>"


def _legend(lang: str) -> str:
    items = "".join(
        f'<li><span class="swatch" style="background:{FILL[s]}"></span>'
        f"{_e(t(lang, f'report.state_{s}'))}</li>"
        for s in STATES
    )
    return f'<ul class="legend">{items}</ul>'


# -- the chart ---------------------------------------------------------------------------------

_WIDTH = 1000
_ROW = 96
_BAR = 44
_LABEL = 30


def _chart_section(report: ClassReport, lang: str) -> list[str]:
    label = _e(t(lang, "report.chart_label"))
    height = _ROW * len(report.lessons) + 8
    rows = []
    for index, tally in enumerate(report.lessons):
        top = index * _ROW
        rows.append(
            f'<text x="0" y="{top + _LABEL}" font-size="{_LABEL}" fill="#000">'
            f"{index + 1}. {_e(_short(tally.title, 60))}</text>"
        )
        x = 0.0
        bar_top = top + _LABEL + 10
        for state in STATES:
            count = tally.count(state)
            if not count:
                continue
            width = _WIDTH * count / tally.learners
            words = f"{_e(t(lang, f'report.state_{state}'))}: {count}"
            rows.append(
                f'<rect x="{x:.1f}" y="{bar_top}" width="{width:.1f}" height="{_BAR}" '
                f'fill="{FILL[state]}" stroke="#000" stroke-width="2"><title>{words}</title>'
                "</rect>"
            )
            if width >= 40:  # room for the number inside the bar
                rows.append(
                    f'<text x="{x + width / 2:.1f}" y="{bar_top + _BAR / 2 + 11}" '
                    f'font-size="32" font-weight="bold" text-anchor="middle" '
                    f'fill="{INK[state]}">{count}</text>'
                )
            x += width
    return [
        f"<h2>{_e(t(lang, 'report.chart'))}</h2>",
        _legend(lang),
        f'<svg viewBox="-2 -2 {_WIDTH + 4} {height}" role="img" aria-label="{label}" '
        'font-family="system-ui, sans-serif">',
        f"<title>{label}</title>",
        *rows,
        "</svg>",
    ]


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# -- the tables --------------------------------------------------------------------------------


def _learners_section(report: ClassReport, lang: str) -> list[str]:
    head = "".join(
        f'<th scope="col" title="{_e(tally.title)}">{n}</th>'
        for n, tally in enumerate(report.lessons, start=1)
    )
    rows = []
    for learner in report.learners:
        cells = "".join(
            f'<td class="{cell.state}" title="{_e(t(lang, f"report.state_{cell.state}"))}">'
            f"{MARK[cell.state]}{'' if cell.best_score is None else f' {cell.best_score}'}</td>"
            for cell in learner.cells
        )
        shares = t(lang, "cli.yes" if learner.shares else "cli.no")
        rows.append(
            f'<tr><th scope="row">{_theirs(learner.profile)}</th>'
            f'<td class="num">{learner.completed}</td><td>{_e(shares)}</td>{cells}</tr>'
        )
    titles = "".join(f"<li>{_theirs(tally.title)}</li>" for tally in report.lessons)
    return [
        f"<h2>{_e(t(lang, 'report.learners'))}</h2>",
        f'<p class="note">{_e(t(lang, "report.cells_key"))}</p>',
        "<table>",
        f'<thead><tr><th scope="col">{_e(t(lang, "report.col_learner"))}</th>'
        f'<th scope="col">{_e(t(lang, "report.col_done"))}</th>'
        f'<th scope="col">{_e(t(lang, "report.col_shares"))}</th>{head}</tr></thead>',
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        f"<h3>{_e(t(lang, 'report.lessons_key'))}</h3>",
        f'<ol class="lessons">{titles}</ol>',
    ]


def _exercises_section(report: ClassReport, lang: str) -> list[str]:
    """One row per exercise, grouped under its lesson's title; long tasks are cut to a line or
    two (the whole task is the cell's tooltip)."""
    columns = ("task", "passed", "attempts", "missed")
    head = "".join(f'<th scope="col">{_e(t(lang, f"report.col_{c}"))}</th>' for c in columns)
    rows = []
    lesson = None
    for stats in report.exercises:
        if stats.lesson_id != lesson:
            lesson = stats.lesson_id
            rows.append(
                f'<tr><th colspan="{len(columns)}" scope="rowgroup" class="group">'
                f"{_theirs(stats.lesson_title)}</th></tr>"
            )
        missed = "".join(f"<li>{_theirs(missed_text(lang, m))}</li>" for m in stats.missed)
        rows.append(
            f'<tr><td title="{_e(stats.task)}">{_theirs(_short(stats.task, 90))}</td>'
            f'<td class="num">{_e(passed_text(lang, stats))}</td>'
            f'<td class="num">{stats.attempts}</td>'
            f"<td>{f'<ul>{missed}</ul>' if missed else ''}</td></tr>"
        )
    return [
        f"<h2>{_e(t(lang, 'report.exercises'))}</h2>",
        f'<p class="note">{_e(t(lang, "report.passed_note"))}</p>',
        '<table class="exercises">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]


def _best_section(report: ClassReport, lang: str) -> list[str]:
    consent = t(lang, "report.best_consent", sharing=report.sharing, learners=len(report.learners))
    parts = [f"<h2>{_e(t(lang, 'report.best'))}</h2>", f'<p class="note">{_e(consent)}</p>']
    if not report.best:
        parts.append(f"<p>{_e(t(lang, 'report.best_none'))}</p>")
    heading = None
    for answer in report.best:
        if (answer.lesson_id, answer.exercise_id) != heading:
            heading = (answer.lesson_id, answer.exercise_id)
            parts.append(f"<h3>{_theirs(answer.lesson_title)}: {_theirs(answer.task)}</h3>")
        # The name goes in after the sentence is escaped, inside its own <bdi>.
        by = t(lang, "report.best_by", learner=_SLOT, score=answer.score)
        caption = _e(by).replace(_SLOT, _theirs(answer.profile), 1)
        parts.append(
            f"<figure><blockquote>{_theirs(answer.answer)}</blockquote>"
            f"<figcaption>{caption}</figcaption></figure>"
        )
    return parts
