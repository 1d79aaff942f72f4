"""Signals are weighed together: weak ones need company, strong ones decide, context damps."""

from __future__ import annotations

import pytest

from twitter_tutor.analysis import analyze
from twitter_tutor.analysis.kinds import Hit, weigh
from twitter_tutor.analysis.lexicon import SignalSpec, weighing

NOT_PROMOTIONAL = [
    # "jetzt" in a personal tweet
    ("de", "Ich bin jetzt endlich zu Hause und koche Nudeln."),
    ("de", "Jetzt sitze ich mit meinem Kaffee auf dem Balkon und freue mich aufs Wochenende."),
    ("en", "I'm finally home now, cooking pasta with my kids."),
    # a percentage in a news tweet
    ("de", "Die Inflation stieg im März um 2,4 %, meldet das Statistische Bundesamt."),
    ("en", "Inflation rose 2.4% in March, the statistics office reported on Tuesday."),
    ("de", "Laut einer Studie nutzen 40 % der Betriebe ihr Profil nicht."),
    # "du" / "you" in a question
    ("de", "Was machst du am Wochenende?"),
    ("de", "Hast du heute schon was Neues ausprobiert? Jetzt ist die beste Zeit dafür!"),
    ("en", "What are you doing this weekend?"),
    ("en", "Have you tried anything new today?"),
    # a new thing, an exclamation mark, a link with thoughts of one's own
    ("de", "Neues Fahrrad! Ich bin so glücklich."),
    ("en", "Interesting study on feed-in tariffs: example.com/study - section 3 surprised me."),
]

CLEAR_ADS = [
    ("de", "Jetzt kaufen! 50% Rabatt!"),
    (
        "de",
        "NUR HEUTE: 20 % Rabatt auf alle Balkonkraftwerke!!! Jetzt zuschlagen 👉 example.de/shop",
    ),
    ("de", "Gewinnspiel! Folgen, retweeten und gratis Solarmodul abstauben! #gewinnspiel #gratis"),
    ("de", "Link in Bio"),
    ("de", "Heizung Meier – Ihr Partner für Wärme seit 1985! Jetzt Beratungstermin sichern"),
    ("en", "Buy now! 50% off!"),
    ("en", "TODAY ONLY: 20% OFF all balcony solar kits!!! Buy now 👉 example.de/shop #solar #sale"),
    ("en", "Limited offer"),
    ("en", "Free shipping, this week only. Grab yours now!"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PROMOTIONAL)
def test_weak_promotional_evidence_in_context_is_not_an_ad(lang: str, text: str) -> None:
    analysis = analyze(text, lang=lang)
    assert "promotional" not in analysis.kinds, analysis.signals


@pytest.mark.parametrize(("lang", "text"), CLEAR_ADS)
def test_clear_ads_are_promotional(lang: str, text: str) -> None:
    analysis = analyze(text, lang=lang)
    assert "promotional" in analysis.kinds, analysis.signals
    assert analysis.primary == "promotional"


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("de", "Jetzt kaufen"),
        ("de", "nur heute"),
        ("de", "50% Rabatt"),
        ("de", "Link in Bio"),
        ("en", "buy now"),
        ("en", "limited offer"),
        ("en", "50% off"),
        ("en", "link in bio"),
    ],
)
def test_strong_ad_phrases_decide_alone(lang: str, phrase: str) -> None:
    assert "promotional" in analyze(phrase, lang=lang).kinds


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "jetzt"),
        ("de", "neu"),
        ("de", "40 %"),
        ("de", "Morgen!"),
        ("de", "jetzt jetzt jetzt jetzt jetzt"),
        ("en", "now"),
        ("en", "new"),
        ("en", "40%"),
        ("en", "Tomorrow!"),
        ("en", "#a #b #c #d #e #f"),
    ],
)
def test_weak_signals_need_company(lang: str, text: str) -> None:
    assert "promotional" not in analyze(text, lang=lang).kinds


@pytest.mark.parametrize(
    ("lang", "text", "seen"),
    [("de", "neu und sofort", set()), ("de", "neu und sofort im Angebot", {"now", "new", "offer"})],
)
def test_amplifiers_are_reported_only_with_evidence_of_their_own(
    lang: str, text: str, seen: set[str]
) -> None:
    names = {s.name for s in analyze(text, lang=lang).signals if s.kind == "promotional"}
    assert names == seen


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I love our new home battery! Got one yet? 10% cheaper this week: example.com/b"),
        ("de", "Ich liebe unseren neuen Speicher! Schon einen? Diese Woche 10 % günstiger: example.de/s"),
        ("en", "Breaking: new subsidy rules take effect. Buy your heat pump now!"),
    ],
)
def test_ads_stay_ads_beside_i_questions_and_news(lang: str, text: str) -> None:
    assert "promotional" in analyze(text, lang=lang).kinds


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "@jana I'll check your order with our shipping partner right now and get back to you today. ^sm"),
        ("de", "@jana Ich frag gleich nach deiner Bestellung und melde mich heute noch. ^sm"),
        ("en", "A 600 W kit costs about €500 and pays for itself in six to eight years, our installers say."),
    ],
)
def test_service_and_honest_figures_are_no_ads(lang: str, text: str) -> None:
    assert "promotional" not in analyze(text, lang=lang).kinds


def test_weak_signals_together_make_an_ad() -> None:
    analysis = analyze("NEU! Jetzt da, 40 % günstiger!!", lang="de")
    assert "promotional" in analysis.kinds


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("de", "Ich war heute zum ersten Mal auf einer Baustelle.", "personal"),
        ("en", "I went up on a roof for the first time today.", "personal"),
        ("de", "Was meint ihr dazu?", "conversational"),
        ("en", "What do you think?", "conversational"),
        ("de", "Laut einer Studie pflegt nur jeder dritte Betrieb sein Profil.", "informative"),
        (
            "en",
            "According to a study, only one in three firms keeps its profile up to date.",
            "informative",
        ),
    ],
)
def test_each_kind_is_recognised(lang: str, text: str, kind: str) -> None:
    analysis = analyze(text, lang=lang)
    assert kind in analysis.kinds, analysis.signals
    assert analysis.primary == kind


def test_no_kind_is_neutral() -> None:
    analysis = analyze("Hallo.", lang="de")
    assert analysis.kinds == ()
    assert analysis.primary == "neutral"


def _hit(name: str, kind: str, weight: float, start: int, end: int) -> Hit:
    return Hit(start, end, SignalSpec(name, kind, weight))


def test_a_repeated_signal_counts_less_each_time() -> None:
    hits = [_hit("now", "promotional", 0.4, i * 2, i * 2 + 1) for i in range(4)]
    verdict = weigh("x " * 4, hits, weighing())
    assert verdict.scores["promotional"] == pytest.approx(0.4 + 0.2 + 0.1 + 0.05)


def test_a_signal_inside_a_heavier_one_of_its_kind_is_counted_once() -> None:
    text = "jetzt kaufen"
    hits = [
        _hit("now", "promotional", 0.35, 0, 5),
        _hit("call_to_action", "promotional", 1.2, 0, 12),
        _hit("figure", "informative", 0.4, 0, 5),  # another kind: kept
    ]
    verdict = weigh(text, hits, weighing())
    assert [s.name for s in verdict.signals] == ["call_to_action", "figure"]


def test_weak_personal_evidence_is_damped_in_an_ad() -> None:
    hits = [
        _hit("feeling", "personal", 0.6, 0, 1),
        _hit("team_voice", "personal", 0.5, 2, 3),
        _hit("offer", "promotional", 0.6, 4, 5),
        _hit("urgency", "promotional", 1.0, 6, 7),
    ]
    verdict = weigh("x x x x", hits, weighing())
    assert verdict.scores["personal"] == pytest.approx((0.6 + 0.5) * 0.5)
    assert verdict.kinds == ("promotional",)


def test_strong_evidence_is_never_damped() -> None:
    hits = [
        _hit("call_to_action", "promotional", 1.2, 0, 1),
        _hit("first_person", "personal", 1.0, 2, 3),
    ]
    verdict = weigh("x x", hits, weighing())
    assert verdict.kinds == ("promotional", "personal")
    assert verdict.scores["promotional"] == pytest.approx(1.2)


def test_primary_is_the_highest_score_and_ties_go_by_the_fixed_order() -> None:
    tie = [_hit("a", "informative", 1.0, 0, 1), _hit("b", "personal", 1.0, 2, 3)]
    assert weigh("x x", tie, weighing()).primary == "personal"
    higher = [_hit("a", "informative", 1.5, 0, 1), _hit("b", "personal", 1.0, 2, 3)]
    assert weigh("x x", higher, weighing()).primary == "informative"


def test_kinds_come_in_the_fixed_order() -> None:
    analysis = analyze("Ich liebe es! Jetzt kaufen! Was meint ihr?", lang="de")
    assert analysis.kinds == ("promotional", "personal", "conversational")


@pytest.mark.parametrize(
    ("lang", "text", "kind", "present"),
    [
        # Soft ads: a price word plus a nudge to the shop, with no loud call to action.
        ("de", "Unser Sonnenfänger 600 ist jetzt besonders günstig – schau mal rein: example.de/shop", "promotional", True),
        ("de", "Der beste Stromspeicher in Franken – jetzt zum Sonderpreis! example.de/speicher", "promotional", True),
        ("en", "Our Sonnenfänger 600 is extra cheap this week – check it out: example.de/shop", "promotional", True),
        ("en", "The best home battery in Bavaria – now at a special price! example.de/battery", "promotional", True),
        # Asking the crowd is a conversation starter in German too.
        ("de", "Kennt jemand ein gutes Buch über Content-Marketing?", "conversational", True),
        # A self-introduction by first name with a feeling is personal.
        ("de", "Servus! Max hier, Marketing bei einer Brauerei in Bamberg. Neu auf Twitter und neugierig.", "personal", True),
        ("de", "Und hier noch ein Foto vom Stand", "personal", False),
    ],
)
def test_course_authors_cases(lang: str, text: str, kind: str, present: bool) -> None:
    assert (kind in analyze(text, lang=lang).kinds) == present


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Tolle Schuhe heute. Buy now! 50% off"),
        ("en", "Great shoes in store today. Jetzt kaufen!"),
    ],
)
def test_ad_phrases_of_the_other_language_still_count(lang: str, text: str) -> None:
    assert "promotional" in analyze(text, lang=lang).kinds
