"""The cheapest answers that used to pass: each fails in every exercise where it applies, and
honest answers that keyword rules got wrong pass."""

from __future__ import annotations

import pytest
from bench.bench_grading import exercises

from twitter_tutor.content.models import ComposeExercise, PlanExercise
from twitter_tutor.grading import grade

EXERCISES = exercises()
COMPOSE = sorted(k for k, e in EXERCISES.items() if isinstance(e, ComposeExercise))
PLANS = sorted(k for k, e in EXERCISES.items() if isinstance(e, PlanExercise))

CHEAP_TWEETS = [
    "x",
    ".",
    "I",
    "ich",
    "Team, you?",
    "Team, du?",
    "#Fotos #Team #Baustelle #Handwerk",
    "#photos #team #site #trades",
    "😀🔥👍",
    "asdf jklö qwertz uiop",
    "I I I I I I I I",
    "ICH BIN NEU HIER UND FREUE MICH AUF EUCH ALLE",
    "@katrin_albers you?",
    "example.com/blog",
]


@pytest.mark.parametrize("key", COMPOSE, ids="-".join)
@pytest.mark.parametrize("answer", CHEAP_TWEETS)
def test_cheap_tweets_fail_every_compose_exercise(key: tuple[str, str, str], answer: str) -> None:
    result = grade(EXERCISES[key], answer, key[0])
    assert not result.passed, result.to_json()


@pytest.mark.parametrize("key", COMPOSE, ids="-".join)
def test_copying_the_task_fails(key: tuple[str, str, str]) -> None:
    exercise = EXERCISES[key]
    assert isinstance(exercise, ComposeExercise)
    result = grade(exercise, exercise.prompt, key[0])
    assert not result.passed
    assert any(c.rule == "original" and not c.passed for c in result.checks)
    if exercise.context is not None:
        assert not grade(exercise, exercise.context.text, key[0]).passed


def _plan_answers(count: int, lang: str) -> list[tuple[str, ...]]:
    filler = "Was habt ihr heute so vor? 😊" if lang == "de" else "What are you all up to today? 😊"
    return [
        ("I", "you?", "x", "y", "z")[:count] + ("x",) * max(0, count - 5),
        (("du?" if lang == "de" else "you?"),) * count,
        (filler,) * count,
        tuple(f"{filler} {n}" for n in range(count)),
    ]


@pytest.mark.parametrize("key", PLANS, ids="-".join)
def test_cheap_plans_fail(key: tuple[str, str, str]) -> None:
    exercise = EXERCISES[key]
    assert isinstance(exercise, PlanExercise)
    for answer in _plan_answers(exercise.count, key[0]):
        assert not grade(exercise, answer, key[0]).passed, answer


DISGUISED_ADS = {
    "en": [
        "I love our new home battery! Got one yet? 10% cheaper this week: example.com/battery",
        "That's exactly why I recommend our LocalBoost package – we keep your profile up to date for just €49/month. DM me!",
        "Brenner Haustechnik is delighted to announce its new service centre. We are proud of our employees.",
    ],
    "de": [
        "Ich liebe unseren neuen Stromspeicher! Schon einen? Diese Woche 10 % günstiger: example.de/speicher",
        "Genau deshalb empfehle ich unser Paket LocalBoost: Wir pflegen dein Profil für nur 49 €/Monat. Schreib mir per DM!",
        "Die Brenner Haustechnik freut sich, Ihnen mitteilen zu können, dass unser neues Servicezentrum eröffnet. Wir sind stolz auf unsere Mitarbeiter.",
    ],
}


@pytest.mark.parametrize("key", COMPOSE, ids="-".join)
def test_disguised_ads_fail(key: tuple[str, str, str]) -> None:
    for answer in DISGUISED_ADS[key[0]]:
        assert not grade(EXERCISES[key], answer, key[0]).passed, answer


def test_a_private_story_fails_own_voice_for_the_company() -> None:
    for lang, text in [
        ("en", "My date last night was a disaster, never again Tinder 😂"),
        ("de", "Mein Date gestern war eine Katastrophe, nie wieder Tinder 😂"),
    ]:
        assert not grade(EXERCISES[(lang, "authenticity", "own-voice")], text, lang).passed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "@jana_petersen Sorry for the wait, Jana. I'll check your order with our shipping "
            "partner right now and get back to you today. ^sm",
        ),
        (
            "de",
            "@jana_petersen Tut mir leid, Jana! Ich frag gleich beim Versanddienst nach deiner "
            "Bestellung und melde mich heute noch bei dir. ^sm",
        ),
        (
            "de",
            "@jana_petersen Oh, das ist ärgerlich. Können Sie mir Ihre Bestellnummer schicken? "
            "Dann schaue ich direkt nach.",
        ),
    ],
)
def test_honest_complaint_replies_pass(lang: str, text: str) -> None:
    result = grade(EXERCISES[(lang, "capstone", "customer-reply")], text, lang)
    assert result.passed, result.to_json()
    assert all(c.passed for c in result.checks if c.rule == "not_promotional")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Heute gelernt: Eine Wärmepumpe hört man fast nur am Ventilator. Unser Monteur Ahmet hat es mir am Gerät gezeigt."),
        ("de", "Bin seit drei Wochen im Büro von Brenner und war gestern zum ersten Mal mit auf dem Dach. Muskelkater inklusive."),
        ("en", "Went along to a boiler swap in Fürth this week. The customer had kept every service note since 1994 in a biscuit tin. –LK"),
        ("en", "We fixed a leaking heat pump in the pouring rain today. Soaked, but the customer made us tea and the house is warm again. ^jo"),
    ],
)
def test_voices_without_i_count_as_personal(lang: str, text: str) -> None:
    result = grade(EXERCISES[(lang, "authenticity", "own-voice")], text, lang)
    assert result.passed, result.to_json()


@pytest.mark.parametrize("key", COMPOSE, ids="-".join)
def test_typing_in_the_lessons_own_example_is_a_copy(key: tuple[str, str, str]) -> None:
    exercise = EXERCISES[key]
    assert isinstance(exercise, ComposeExercise)
    for example in exercise.examples:
        result = grade(exercise, example.text or "", key[0])
        assert not result.passed
        if example.passes:  # a failing example may fail for its own reasons first
            assert any(c.rule == "original" and not c.passed for c in result.checks)


# (exercise, answer, the check that decides it, whether that check passes): one answer per
# idea the blind holdouts taught, in both languages.
TAUGHT = [
    # A good answer in the other language does not do the exercise.
    (("en", "talk", "reply"), "@katrin_albers Bei uns laufen die Baustellenfotos am besten, "
     "die Porträts kaum. Wie ist das bei den anderen, die dir geantwortet haben?", "language", False),
    (("de", "talk", "reply"), "@katrin_albers For us the site photos do best, the portraits "
     "hardly at all. What have the others who answered you told you so far?", "language", False),
    # Praise any account could post is below the floor.
    (("en", "retweet", "quote-tweet"), "Wow, I love this! So interesting, I totally agree, "
     "great study 😍 Really makes you think. #marketing", "floor", False),
    (("de", "retweet", "quote-tweet"), "Super spannend, tolle Studie! Sehe ich genauso 😍 "
     "Gibt zu denken. #marketing", "floor", False),
    # An invitation to tell more asks without a question mark.
    (("en", "talk", "reply"), "@katrin_albers Team portraits, clearly: our most-shared post was "
     "the four of us covered in sawdust at 7am. Let us know which of the two wins in the end",
     "asks", True),
    (("de", "talk", "reply"), "@katrin_albers Bei uns (Dachdeckerei, 6 Leute) laufen "
     "Drohnenbilder vom fertigen Dach am besten. Erzähl doch nach dem Vortrag mal, was bei den "
     "anderen rauskam", "asks", True),
    # Keywords strung together are no sentence, even with "we" and "I" among them.
    (("en", "capstone", "final-quote"), "old houses heat pump study radiators insulation flow "
     "temperature homeowners efficiency figures we I experience years ^ab", "floor", False),
    (("de", "welcome", "hello"), "ich bin neu hier marketing azubi handwerk social media lernen "
     "austausch netzwerk tipps ideen vernetzen", "floor", False),
    # A call to book behind a link, a free consultation and a discount code are ads.
    (("de", "authenticity", "formal-reply"), "Herr Köhler, beschlagene Scheiben kommen bei neuen "
     "Fenstern oft vor. Wir bauen Ihnen gern eine Lüftung ein, Termin unter example.de/termin",
     "not_promotional", False),
    (("en", "capstone", "final-quote"), "Same experience here with older homes and heat pumps. "
     "Our engineers offer a free consultation for homeowners: example.com/advice",
     "not_promotional", False),
    (("en", "capstone", "customer-reply"), "@jana_petersen So sorry, Jana, I'm checking your "
     "parcel right now and will message you today. Use code SORRY15 on your next order!",
     "not_promotional", False),
    # "Was ist schon normal?" asks nobody anything.
    (("de", "capstone", "final-reply"), "@tobi_reinhardt Sieben Wochen, tja. Was ist "
     "heutzutage schon normal? 😅", "asks", False),
]


@pytest.mark.parametrize(("key", "answer", "rule", "passes"), TAUGHT)
def test_what_the_blind_holdouts_taught(
    key: tuple[str, str, str], answer: str, rule: str, passes: bool
) -> None:
    result = grade(EXERCISES[key], answer, key[0])
    checks = {c.rule: c.passed for c in result.checks}
    assert checks.get(rule, True) is passes
    assert result.passed is passes


@pytest.mark.parametrize("key", PLANS, ids="-".join)
def test_a_plan_with_more_tweets_than_asked_does_not_pass(key: tuple[str, str, str]) -> None:
    exercise = EXERCISES[key]
    assert isinstance(exercise, PlanExercise)
    passing = next(e for e in exercise.examples if e.passes)
    tweets = tuple(line for line in (passing.text or "").split("\n") if line.strip())
    # The lesson's own example, one tweet too many; graded without the examples, so only the
    # count can fail it.
    alone = exercise.model_copy(update={"examples": []})
    assert grade(alone, tweets, key[0]).passed
    result = grade(alone, (*tweets, tweets[0] + " Again."), key[0])
    assert not result.passed
    assert [c.rule for c in result.checks if not c.passed][:1] == ["count"]
