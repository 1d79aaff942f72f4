"""Pydantic models of the lesson format: the front matter and every exercise type.

These models are the trainers' contract. Every field carries a description: `twitter-tutor schema`
turns them into JSON Schema and docs/writing-lessons.md documents them field by field.
Unknown keys are forbidden everywhere so a typo is reported instead of silently ignored.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

SLUG = r"^[a-z0-9-]+$"
HANDLE = r"^@[A-Za-z0-9_]{1,15}$"

Slug = Annotated[str, Field(pattern=SLUG, min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    # strict: TOML has real types, so "yes" for a bool or "280" for a number is a mistake to report.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class FrontMatter(Strict):
    """The TOML between the two `+++` lines at the top of a lesson file."""

    id: Slug = Field(description="Lesson id, a slug of a-z, 0-9 and '-'. Shared by translations.")
    title: Text = Field(description="Title shown in the course map.")
    lang: Literal["de", "en"] = Field(description='Language of this file: "de" or "en".')
    order: int = Field(ge=0, le=100_000, description="Position in the course (lower comes first).")
    summary: Text = Field(description="One sentence shown under the title in the course map.")
    minutes: int | None = Field(
        default=None, ge=1, le=240, description="Estimated time in minutes (optional)."
    )
    requires: list[Slug] = Field(
        default_factory=list, description="Ids of lessons to do first (optional)."
    )


# --- examples: rubric self-tests -------------------------------------------------------------


class Example(Strict):
    """A sample answer and whether it should pass; `check` grades it and reports a mismatch."""

    text: str | None = Field(
        default=None,
        description="compose: the tweet; plan: one tweet per line; reflect: the note.",
    )
    answer: str | None = Field(
        default=None,
        description='choice/pick: the numbers shown to the learner, from 1, e.g. "1,3".',
    )
    passes: bool = Field(description="true when this example must pass, false when it must fail.")


class ExerciseBase(Strict):
    id: Slug = Field(description="Exercise id, unique in the lesson.")
    pass_score: int = Field(
        default=70, ge=0, le=100, description="Score (0-100) needed to pass. Default 70."
    )
    examples: list[Example] = Field(
        default_factory=list, description="Sample answers that `check` grades (optional)."
    )

    kept_as_note: ClassVar[bool] = False
    """True when the answer is the learner's own note rather than a tweet: the course summary
    keeps it among their observations, not among their best tweets or missed checks."""


# --- choice -------------------------------------------------------------------------------


class Choice(Strict):
    text: Text = Field(description="The answer as shown.")
    correct: bool = Field(description="true for a right answer. Several true = multiple answer.")
    why: str | None = Field(default=None, description="Explanation shown after answering.")


class ChoiceExercise(ExerciseBase):
    """A question with answers to choose from."""

    type: Literal["choice"]
    question: Text = Field(description="The question.")
    choices: list[Choice] = Field(min_length=2, max_length=12, description="The answers.")

    @model_validator(mode="after")
    def _one_correct(self) -> ChoiceExercise:
        if not any(c.correct for c in self.choices):
            raise ValueError("a choice exercise needs at least one choice with correct = true")
        return self

    @property
    def multiple(self) -> bool:
        return sum(c.correct for c in self.choices) > 1

    @property
    def label(self) -> str:
        """What lists of exercises (the lesson summary) show it by."""
        return self.question


# --- pick ---------------------------------------------------------------------------------


class PickItem(Strict):
    author: Text = Field(description="Display name.")
    handle: str = Field(pattern=HANDLE, description='Handle with its @, e.g. "@anna".')
    text: Text = Field(description="The tweet, or the bio of a profile.")
    pick: bool = Field(description="true when this item should be picked.")
    why: str | None = Field(default=None, description="Explanation shown after answering.")
    followers: int | None = Field(
        default=None, ge=0, le=10_000_000_000, description="Follower count (optional)."
    )


class PickExercise(ExerciseBase):
    """Pick from a simulated timeline or list of profiles (whom to follow, what to retweet)."""

    type: Literal["pick"]
    question: Text = Field(description="What to pick.")
    items: list[PickItem] = Field(min_length=2, max_length=20, description="Tweets or profiles.")

    @model_validator(mode="after")
    def _both_sides(self) -> PickExercise:
        # Without both a right and a wrong item, picking everything (or nothing) would pass.
        if not any(i.pick for i in self.items):
            raise ValueError("a pick exercise needs at least one item with pick = true")
        if all(i.pick for i in self.items):
            raise ValueError("a pick exercise needs at least one item with pick = false")
        return self

    @property
    def label(self) -> str:
        """What lists of exercises (the lesson summary) show it by."""
        return self.question


# --- compose rules ------------------------------------------------------------------------


class RuleBase(Strict):
    weight: int = Field(default=1, ge=1, le=100, description="Weight in the score. Default 1.")
    required: bool = Field(
        default=False, description="true: the exercise fails unless this check passes."
    )
    hint: str | None = Field(default=None, description="Tip shown when the check fails.")


class MaxLength(RuleBase):
    """At most `limit` characters, weighted as Twitter counts them."""

    rule: Literal["max_length"]
    limit: int = Field(default=280, ge=1, le=10_000, description="Maximum weighted length.")


class MinLength(RuleBase):
    """At least `limit` characters, weighted as Twitter counts them."""

    rule: Literal["min_length"]
    limit: int = Field(ge=1, le=10_000, description="Minimum weighted length.")


class NotPromotional(RuleBase):
    """The tweet does not read as an ad."""

    rule: Literal["not_promotional"]


class PersonalVoice(RuleBase):
    """The tweet sounds like a person: first person, feelings, everyday life, a signature."""

    rule: Literal["personal_voice"]
    team: bool = Field(
        default=True,
        description='true (default): a team voice ("we fixed ...") counts. false: only a single '
        'person counts ("I", a dropped "I", a signature), as when someone introduces themself.',
    )


class Engaging(RuleBase):
    """The tweet asks a question or addresses someone."""

    rule: Literal["engaging"]


class MaxHashtags(RuleBase):
    """At most `limit` hashtags."""

    rule: Literal["max_hashtags"]
    limit: int = Field(default=2, ge=0, le=50, description="Maximum number of hashtags.")


WORDS_DESCRIPTION = (
    "Words or phrases, whole words; * at the start or end matches any letters there "
    '("innovativ*", "*morgen" finds "Montagmorgen").'
)


class MentionsAny(RuleBase):
    """Mentions at least one of `words` (whole words, * as a wildcard at either end)."""

    rule: Literal["mentions_any"]
    words: list[Text] = Field(
        min_length=1, max_length=200, description=WORDS_DESCRIPTION + " One is enough."
    )
    case_sensitive: bool = Field(
        default=False, description='true: "Sie" does not match "sie". Default false.'
    )


class Avoids(RuleBase):
    """Uses none of `words` (whole words, * as a wildcard at either end)."""

    rule: Literal["avoids"]
    words: list[Text] = Field(min_length=1, max_length=200, description=WORDS_DESCRIPTION)
    unless: list[Text] = Field(
        default_factory=list,
        max_length=200,
        description='Phrases in which a word of `words` is fine ("bis heute" when "heute" is '
        "avoided: it means \"until now\").",
    )
    case_sensitive: bool = Field(
        default=False, description='true: "Sie" does not match "sie". Default false.'
    )


class Signed(RuleBase):
    """Signed or sent by a named person: "^mk", "–MB", "Jo from the bakery here"."""

    rule: Literal["signed"]


class Asks(RuleBase):
    """Asks a real question: a sentence of three words or more ending in "?", or a plain
    invitation like "let me know"."""

    rule: Literal["asks"]


Check = Annotated[
    MaxLength
    | MinLength
    | NotPromotional
    | PersonalVoice
    | Engaging
    | MaxHashtags
    | MentionsAny
    | Avoids
    | Signed
    | Asks,
    Field(discriminator="rule"),
]

RULE_MODELS: dict[str, type[RuleBase]] = {
    "max_length": MaxLength,
    "min_length": MinLength,
    "not_promotional": NotPromotional,
    "personal_voice": PersonalVoice,
    "engaging": Engaging,
    "max_hashtags": MaxHashtags,
    "mentions_any": MentionsAny,
    "avoids": Avoids,
    "signed": Signed,
    "asks": Asks,
}
RULE_NAMES: tuple[str, ...] = tuple(RULE_MODELS)


# --- compose and plan ---------------------------------------------------------------------


class TweetContext(Strict):
    """The tweet being answered or quoted."""

    author: Text = Field(description="Display name.")
    handle: str = Field(pattern=HANDLE, description="Handle with its @.")
    text: Text = Field(description="The tweet.")


class Floor(Strict):
    """What every tweet needs before its rubric counts: real words, a sentence, no keyboard mash,
    no shouting, no "!!!", not small talk alone. On by default for every compose and plan tweet."""

    enabled: bool = Field(default=True, description="false turns the floor off (not advised).")
    min_words: int = Field(
        default=5,
        ge=0,
        le=60,
        description="Real words needed (hashtags, mentions, links, emoji, numbers and single "
        "letters do not count). Default 5.",
    )
    allow_shouting: bool = Field(
        default=False, description="true: a tweet mostly in capitals may pass. Default false."
    )
    allow_small_talk: bool = Field(
        default=False, description="true: a tweet that is only small talk may pass. Default false."
    )


class Topic(Strict):
    """What an answer must be about."""

    words: list[Text] = Field(
        min_length=1,
        max_length=200,
        description="Word stems or words; an answer is on topic when it uses one, in any form "
        '("Foto" finds "Fotos" and "Baustellenfoto"). * at either end is a wildcard.',
    )
    required: bool = Field(default=True, description="true (default): off topic never passes.")
    hint: str | None = Field(default=None, description="What to write about, shown when missed.")


class ComposeExercise(ExerciseBase):
    """Write a practice tweet, graded by checks."""

    type: Literal["compose"]
    prompt: Text = Field(description="What to write.")
    context: TweetContext | None = Field(
        default=None, description="The tweet being answered or quoted (optional)."
    )
    checks: list[Check] = Field(min_length=1, max_length=20, description="The rubric.")
    about: Topic | None = Field(
        default=None, description="What the tweet must be about (optional, required when set)."
    )
    floor: Floor = Field(default_factory=Floor, description="The substance floor (optional).")

    @property
    def label(self) -> str:
        """What lists of exercises (the lesson summary) show it by."""
        return self.prompt


class PlanExercise(ExerciseBase):
    """Plan several tweets at once; every check applies to each tweet, plus mix rules."""

    type: Literal["plan"]
    prompt: Text = Field(description="What to plan.")
    count: int = Field(ge=1, le=14, description="How many tweets to write.")
    checks: list[Check] = Field(
        default_factory=list, max_length=20, description="Checks applied to each tweet."
    )
    max_promotional: int | None = Field(
        default=None, ge=0, le=14, description="At most this many promotional tweets."
    )
    min_personal: int | None = Field(
        default=None, ge=0, le=14, description="At least this many personal tweets."
    )
    min_conversational: int | None = Field(
        default=None, ge=0, le=14, description="At least this many conversational tweets."
    )
    min_informative: int | None = Field(
        default=None, ge=0, le=14, description="At least this many informative tweets."
    )
    products: list[Text] = Field(
        default_factory=list,
        max_length=200,
        description="Names of the company's own products (* as wildcard): a tweet naming one "
        "counts as a tweet about your products for `max_promotional`, even when it sells nothing.",
    )
    mix_weight: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="Weight of each mix rule in the score (default: the number of tweets).",
    )
    about: Topic | None = Field(
        default=None, description="What every tweet must be about (optional)."
    )
    floor: Floor = Field(default_factory=Floor, description="The substance floor (optional).")

    @model_validator(mode="after")
    def _mix_fits(self) -> PlanExercise:
        for name in ("min_personal", "min_conversational", "min_informative"):
            value = getattr(self, name)
            if value is not None and value > self.count:
                raise ValueError(f"{name} = {value} is more than count = {self.count}")
        if not self.checks and not self.mix_rules:
            raise ValueError("a plan exercise needs [[checks]] or a mix rule")
        return self

    @property
    def mix_rules(self) -> list[tuple[str, int]]:
        """The mix rules that are set, as (name, value)."""
        names = ("max_promotional", "min_personal", "min_conversational", "min_informative")
        return [(n, v) for n in names if (v := getattr(self, n)) is not None]

    @property
    def label(self) -> str:
        """What lists of exercises (the lesson summary) show it by."""
        return self.prompt


# --- reflect --------------------------------------------------------------------------------


class ReflectExercise(ExerciseBase):
    """Note what the learner saw on the platform itself: kept with their progress and shown in
    the course summary. Not graded on content; it passes once the note says something."""

    type: Literal["reflect"]
    prompt: Text = Field(description="What to watch for and note.")
    questions: list[Text] = Field(
        default_factory=list,
        max_length=10,
        description="Questions that guide the note, shown as a list under the prompt (optional).",
    )
    min_words: int = Field(
        default=20,
        ge=1,
        le=200,
        description="Real words the note needs (as for the floor: hashtags, @names, links, "
        "emoji, numbers and single letters do not count). Default 20.",
    )

    kept_as_note: ClassVar[bool] = True

    @model_validator(mode="after")
    def _not_scored(self) -> ReflectExercise:
        # A note passes or not; a pass_score would suggest a content grade there is none of.
        if "pass_score" in self.model_fields_set:
            raise ValueError("a reflect exercise is not scored: leave out pass_score")
        return self

    @property
    def label(self) -> str:
        """What lists of exercises (the lesson summary) show it by."""
        return self.prompt


# --- the exercise types ----------------------------------------------------------------------

AnyExercise = ChoiceExercise | PickExercise | ComposeExercise | PlanExercise | ReflectExercise
"""Every exercise type, in the order `check` and the docs list them. The one list of types in
the content layer: a new type is added here; grading and the TUI each have a registry keyed by
the same names (grading.grader.GRADING, tui.widgets.registry.EXERCISE_WIDGETS)."""


def type_name(model: type[ExerciseBase]) -> str:
    """An exercise model's name in lesson files: the value of its `type` literal."""
    (name,) = get_args(model.model_fields["type"].annotation)
    return str(name)


EXERCISE_MODELS: dict[str, type[ExerciseBase]] = {type_name(m): m for m in get_args(AnyExercise)}
"""{type name: model}, read from AnyExercise, so the name and the model cannot disagree."""
EXERCISE_TYPES: tuple[str, ...] = tuple(EXERCISE_MODELS)
Exercise = Annotated[AnyExercise, Field(discriminator="type")]
"""Any exercise, validated into the model its `type` names (for pydantic's TypeAdapter)."""
