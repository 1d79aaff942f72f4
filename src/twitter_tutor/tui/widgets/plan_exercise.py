"""Plan several tweets at once: one small editor each and a live view of the mix so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static, TextArea

from twitter_tutor.content.models import PlanExercise
from twitter_tutor.grading.answers import Answer
from twitter_tutor.grading.plan import KINDS, TweetKinds
from twitter_tutor.grading.preview import Preview
from twitter_tutor.grading.result import CheckResult, GradeResult
from twitter_tutor.tui.literal import literal
from twitter_tutor.tui.widgets.char_counter import CharCounter
from twitter_tutor.tui.widgets.compose_exercise import length_limit
from twitter_tutor.tui.widgets.exercise import LiveExerciseWidget, live_text
from twitter_tutor.tui.widgets.feedback import Line, check_lines, mark
from twitter_tutor.tui.widgets.tweet_area import TweetArea
from twitter_tutor.tutor.drafts import Draft

MIX_KINDS = ("promotional", "personal", "conversational")


class PlanExerciseWidget(LiveExerciseWidget):
    # Each tweet's counter is its label too: full width, bold but never reversed when over.
    DEFAULT_CSS = """
    PlanExerciseWidget .plan-input {
        height: 4;
    }
    PlanExerciseWidget .plan-label {
        margin-top: 1;
        width: 100%;
        text-align: left;
    }
    PlanExerciseWidget .plan-label.-warn, PlanExerciseWidget .plan-label.-error {
        text-style: bold;
    }
    PlanExerciseWidget .mix {
        margin-top: 1;
    }
    """
    exercise: PlanExercise

    def compose_answer(self) -> ComposeResult:
        exercise = self.exercise
        limit = length_limit(list(exercise.checks))
        yield Static(literal(exercise.prompt, "bold"), classes="question")
        for number in range(1, exercise.count + 1):
            text = self.draft_slot(number - 1)
            yield CharCounter(limit, classes="plan-label")
            yield TweetArea(
                str(text),
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
                classes="plan-input",
            )
        yield Static("", classes="mix")

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.move_cursor(area.document.end)  # a restored draft is continued, not overtyped
        self.start_live()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.schedule_live()

    def _texts(self) -> tuple[str, ...]:
        return tuple(area.text for area in self.query(TextArea))

    def live_input(self) -> tuple[str, ...]:
        return self._texts()

    def show_live(self, texts: tuple[str, ...], live: Preview) -> None:
        cuts = [live_text(text) for text in texts]
        for number, (counter, analysis, checks, tweet, (_, cut)) in enumerate(
            zip(
                self.query(CharCounter),
                live.analyses,
                live.checks,
                live.tweets,
                cuts,
                strict=False,
            ),
            start=1,
        ):
            written = bool(analysis.text.strip())
            passed = sum(r.passed for r in checks)
            label = self.t("ex.tweet_n", number=number)
            status = f" · {passed}/{len(checks)} ✓" if checks and written else ""
            length = analysis.weighted_length
            shown = max(length, counter.limit + 1) if cut else length
            kinds = f" · {self._counts_as(tweet)}" if written else ""
            counter.show(shown, prefix=f"{label}{status} · ", suffix=kinds)
        self.query_one(".mix", Static).update(self._mix(live))

    def _mix_kinds(self) -> list[str]:
        """The kinds the mix line counts: informative only where the exercise asks for it."""
        wanted = "min_informative" in dict(self.exercise.mix_rules)
        return [*MIX_KINDS, *(["informative"] if wanted else [])]

    def _counts_as(self, tweet: TweetKinds) -> str:
        """What a written tweet adds to the mix, in the mix line's words."""
        if not tweet.counted:
            return self.t("ex.not_counted")
        kinds = [self.t(f"ex.mix_{k}") for k in self._mix_kinds() if k in tweet.kinds]
        if not kinds:
            return self.t("ex.counts_as_none")
        return self.t("ex.counts_as", kinds=", ".join(kinds))

    def _mix(self, preview: Preview) -> Content:
        counts = preview.counts
        verdicts = {c.rule: c.passed for c in preview.mix}
        rules = dict(self.exercise.mix_rules)
        parts: list[Content] = []
        for kind in self._mix_kinds():
            part = Content(f"{self.t(f'ex.mix_{kind}')} {counts[kind]}")
            for prefix in ("max", "min"):
                rule = f"{prefix}_{kind}"
                if rule in rules:
                    limit = self.t(f"ex.mix_{prefix}", limit=rules[rule])
                    verdict = mark(self.lang, verdicts[rule])
                    part = Content.assemble(part, f" ({limit} ", verdict, ")")
            parts.append(part)
        title = Content.styled(self.t("ex.mix") + ": ", "bold")
        return Content.assemble(title, Content(" · ").join(parts))

    def feedback_lines(self, result: GradeResult) -> list[Line]:
        """Per tweet: a tick when all is well, else its failed checks, then what it counts as
        in the mix; then the mix."""
        lang = self.lang
        lines: list[Line] = []
        for number in sorted({c.tweet for c in result.checks if c.tweet is not None}):
            label = Content.styled(self.t("ex.tweet_n", number=number) + ":", "bold")
            checks = [c for c in result.checks if c.tweet == number]
            failed = [c for c in checks if not c.passed]
            if not failed:
                ok = Content.styled(self.t("ex.tweet_ok"), "$text-muted")
                lines.append((Content.assemble(mark(lang, True), " ", label, " ", ok), "item"))
            for check, hints in said_once(failed):
                for line, kind in check_lines(lang, check, hints=hints):
                    item = kind == "item"
                    lines.append((Content.assemble(label, " ", line) if item else line, kind))
            counts_as = [c.message for c in checks if c.rule == KINDS]
            lines += [(literal(text, "$text-muted"), "note") for text in counts_as]
        for check in result.checks:
            if check.tweet is None:
                lines += check_lines(lang, check)
        return lines

    def collect(self) -> tuple[Answer, str] | None:
        texts = self._texts()
        if not any(text.strip() for text in texts):
            self.tell("ex.empty_plan")
            return None
        return texts, "\n".join(texts)

    def draft(self) -> Draft:
        return self._texts()

    @classmethod
    def draft_from(cls, answer: str) -> Draft:
        return tuple(answer.split("\n"))


def said_once(checks: list[CheckResult]) -> list[tuple[CheckResult, bool]]:
    """Each message once, with whether to give its hint: an empty tweet fails every check
    with the same "Tweet 2 is empty", which is said once, and without one check's hint."""
    repeated = {c.message for c in checks if sum(o.message == c.message for o in checks) > 1}
    seen: set[str] = set()
    found: list[tuple[CheckResult, bool]] = []
    for check in checks:
        if check.message not in seen:
            seen.add(check.message)
            found.append((check, check.message not in repeated))
    return found
