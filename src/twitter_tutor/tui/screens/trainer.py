"""The trainer's view: asks for the trainer code, then shows the class report as tables (the
figures of `twitter-tutor report`, from `Session.class_report`)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from twitter_tutor.texts import tn
from twitter_tutor.tui.literal import clean, literal, one_line
from twitter_tutor.tui.screens.base import TutorScreen
from twitter_tutor.tui.styles import tcss
from twitter_tutor.tutor.class_report import MARK, STATES, ClassReport, missed_text, passed_text
from twitter_tutor.tutor.i18n import format_date
from twitter_tutor.tutor.session import Session
from twitter_tutor.tutor.trainer_access import TrainerGate

_STATE_STYLE = {"completed": "bold green", "in_progress": "yellow", "not_started": "dim"}


def _cell(text: str, style: str = "") -> Text:
    # DataTable reads plain strings as markup; Text is shown as it is.
    return Text(clean(text), style=style)


class TrainerScreen(TutorScreen):
    CSS_PATH = tcss("screens/trainer.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.back"),
        Binding("r", "refresh", "trainer.refresh"),
    ]

    def __init__(self, session: Session, gate: TrainerGate) -> None:
        super().__init__(session)
        self.gate = gate

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="trainer-ask"):
            yield Static(literal(self.t("trainer.ask")))
            yield Input(password=True, placeholder=self.t("trainer.code"), id="trainer-code")
            yield Static("", id="trainer-verdict")
            yield Button(literal(self.t("trainer.open")), id="trainer-open", variant="primary")
        with VerticalScroll(id="trainer-report"):
            yield Static("", id="trainer-summary")
            yield Static(literal(self.t("report.learners")), classes="section")
            yield DataTable(id="trainer-learners", cursor_type="row", zebra_stripes=True)
            yield Static(literal(self.t("report.cells_key")), classes="note")
            yield Static(literal(self.t("report.lessons_key")), classes="section")
            yield DataTable(id="trainer-lessons", cursor_type="row", zebra_stripes=True)
            yield Static(literal(self.t("report.exercises")), classes="section")
            yield DataTable(id="trainer-exercises", cursor_type="row", zebra_stripes=True)
            yield Static(literal(self.t("report.passed_note")), classes="note")
            yield Static(literal(self.t("report.best")), classes="section")
            yield Static("", id="trainer-consent", classes="note")
            yield DataTable(id="trainer-best", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.t("app.title")
        self.sub_title = self.t("report.title")
        if self.gate.is_open:
            self._show_report()
        else:
            self.query_one("#trainer-report").display = False
            self.query_one("#trainer-code", Input).focus()

    # -- the code ---------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._try(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._try(self.query_one("#trainer-code", Input).value)

    def _try(self, code: str) -> None:
        box = self.query_one("#trainer-code", Input)
        box.value = ""  # never left on screen, even masked
        verdict = self.gate.try_code(code)
        if verdict == "open":
            self._show_report()
            return
        said = self.query_one("#trainer-verdict", Static)
        if verdict == "wrong":
            said.update(literal(tn(self.session.lang, "trainer.wrong", self.gate.tries_left)))
            box.focus()
        else:
            said.update(literal(self.t("trainer.locked")))
            box.disabled = True
            self.query_one("#trainer-open", Button).disabled = True

    # -- the report -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "refresh":
            return self.gate.is_open  # nothing to refresh before the code is right
        return True

    def action_refresh(self) -> None:
        if self.gate.is_open:
            self._fill(self.session.class_report())

    def action_close(self) -> None:
        self.app.pop_screen()

    def course_changed(self) -> None:
        # Titles and tasks come with the course; before it loads, lessons show by id.
        if self.gate.is_open and self.is_mounted:
            self._fill(self.session.class_report())

    def _show_report(self) -> None:
        self.query_one("#trainer-ask").display = False
        report = self.query_one("#trainer-report", VerticalScroll)
        report.display = True
        self._fill(self.session.class_report())
        self.query_one("#trainer-learners", DataTable).focus()
        self.refresh_bindings()

    def _fill(self, report: ClassReport) -> None:
        lang = self.session.lang
        summary = self.t(
            "report.summary",
            learners=len(report.learners),
            lessons=len(report.lessons),
            date=format_date(lang, report.generated_at, self.session.tz),
        )
        if not report.learners:
            summary += "\n" + self.t("report.none")
        self.query_one("#trainer-summary", Static).update(literal(summary))
        numbers = [str(n) for n in range(1, len(report.lessons) + 1)]

        learners = self._reset("#trainer-learners")
        learners.add_columns(
            self.t("report.col_learner"),
            self.t("report.col_done"),
            self.t("report.col_shares"),
            *numbers,
        )
        for row in report.learners:
            learners.add_row(
                _cell(one_line(row.profile, 30)),
                _cell(str(row.completed)),
                _cell(self.t("cli.yes" if row.shares else "cli.no")),
                *(
                    _cell(
                        MARK[c.state] + ("" if c.best_score is None else f" {c.best_score}"),
                        _STATE_STYLE[c.state],
                    )
                    for c in row.cells
                ),
            )

        lessons = self._reset("#trainer-lessons")
        lessons.add_columns(
            "#", self.t("report.col_lesson"), *(self.t(f"report.state_{s}") for s in STATES)
        )
        for number, tally in zip(numbers, report.lessons, strict=True):
            lessons.add_row(
                _cell(number),
                _cell(one_line(tally.title, 50)),
                *(_cell(str(tally.count(s))) for s in STATES),
            )

        exercises = self._reset("#trainer-exercises")
        exercises.add_columns(
            *(self.t(f"report.col_{c}") for c in ("lesson", "task", "passed", "attempts", "missed"))
        )
        for stats in report.exercises:
            exercises.add_row(
                _cell(one_line(stats.lesson_title, 24)),
                _cell(one_line(stats.task, 40)),
                _cell(passed_text(lang, stats)),
                _cell(str(stats.attempts)),
                _cell("; ".join(missed_text(lang, m, detail=False) for m in stats.missed)),
            )

        consent = self.t(
            "report.best_consent", sharing=report.sharing, learners=len(report.learners)
        )
        if not report.best:
            consent += " " + self.t("report.best_none")
        self.query_one("#trainer-consent", Static).update(literal(consent))
        best = self._reset("#trainer-best")
        best.add_columns(
            self.t("report.col_task"), self.t("report.col_learner"), "", self.t("report.best")
        )
        for answer in report.best:
            best.add_row(
                _cell(one_line(f"{answer.lesson_title}: {answer.task}", 30)),
                _cell(one_line(answer.profile, 30)),
                _cell(f"{answer.score}"),
                _cell(one_line(answer.answer, 70)),
            )

    def _reset(self, selector: str) -> DataTable[Text]:
        table: DataTable[Text] = self.query_one(selector, DataTable)
        table.clear(columns=True)
        return table
