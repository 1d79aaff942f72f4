"""Every signal of every lexicon fires, with the matched text and span, in both languages."""

from __future__ import annotations

import re

import pytest

from twitter_tutor.analysis import Analysis, analyze
from twitter_tutor.analysis.kinds import lexicon_hits
from twitter_tutor.analysis.lexicon import load, parse_word, signal_blocks, weighing
from twitter_tutor.analysis.pipeline import prepare_entities
from twitter_tutor.analysis.tokens import tokenize

# (lang, tweet, signal, the text it must match). Each pattern of the lexicons has a line here;
# words are covered one by one by test_every_word_entry_fires below.
EXAMPLES = [
    # common patterns
    ("de", "Kommst du morgen?", "question", "?"),
    ("en", "Coming tomorrow¿", "question", "¿"),
    ("de", "Endlich Wochenende!", "exclamation", "!"),
    ("en", "Finally!!! Weekend", "exclamation_run", "!!!"),
    ("de", "Wahnsinn‼ Schon Freitag", "exclamation_run", "‼"),
    ("de", "Die Quote liegt bei 12,5 % im Schnitt", "percentage", "12,5 %"),
    ("en", "Only 40% of us agree", "percentage", "40%"),
    ("de", "Kostet 9,99 € im Laden", "price", "9,99 €"),
    ("en", "It costs $19.99 at the store", "price", "$19.99"),
    ("en", "Tickets cost £12 each", "price", "£12"),
    ("de", "Hier lang 👉 zum Laden", "pointing_emoji", "👉"),
    # computed
    ("de", "JETZT ZUSCHLAGEN bei uns", "shouting", "JETZT ZUSCHLAGEN"),
    ("en", "This is BREAKING news today", "shouting", "BREAKING"),
    ("de", "Ein Tag #a #b #c", "hashtag_stuffing", "#a"),
    ("en", "Look https://example.com/x", "link_only", "https://example.com/x"),
    (
        "en",
        "I read this long report about heat pumps in old houses today https://example.com/r",
        "link_with_context",
        "https://example.com/r",
    ),
    ("de", "Schöne Grüße an @anna und dich", "mention", "@anna"),
    ("en", "@tobi_kramer thanks for the tip", "reply", "@tobi_kramer"),
    ("de", "Was für ein Tag 😀", "emoji", "😀"),
    # German lexicon patterns
    ("de", "Jetzt bei uns Beratung buchen", "call_to_action", "Jetzt bei uns Beratung buchen"),
    ("de", "Heute 20 % Rabatt auf Schuhe", "discount", "20 % Rabatt"),
    ("de", "Es gibt Rabatt von 30 % heute", "discount", "Rabatt von 30 %"),
    ("de", "Wir sparen bis zu 70 % Energie", "discount", "bis zu 70 %"),
    ("de", "Wir sind Nr. 1 im Norden", "superlative", "Nr. 1"),
    ("de", "Wir sind die #1 im Norden", "superlative", "#1"),
    ("de", "Wir beraten Sie gern", "direct_address", "Sie"),
    ("de", "Tolles Essen #anzeige", "ad_label", "#anzeige"),
    ("de", "Werbung: Tolles Essen hier", "ad_label", "Werbung:"),
    ("de", "Gute Arbeit heute. ^mk", "signature", "^mk"),
    ("de", "Servus! Max hier, neu im Team.", "signature", "Max hier"),
    ("de", "Neue Modelle, schau mal rein", "soft_pitch", "schau mal rein"),
    ("de", "Wir haben 540 kWh gemessen", "figure", "540 kWh"),
    ("de", "Es kamen 1.250.000 Menschen", "figure", "1.250.000"),
    ("de", "Treffen am 12.03.2025 in Köln", "date", "12.03.2025"),
    ("de", "Treffen am 14. Mai in Köln", "date", "14. Mai"),
    ("de", "Seit 1985 in Köln", "date", "1985"),
    ("de", "Treffen um 19 Uhr in Köln", "date", "19 Uhr"),
    # English lexicon patterns
    ("en", "Order the kit today", "call_to_action", "Order the kit today"),
    ("en", "Shoes at 20% off this week", "discount", "20% off"),
    ("en", "You save 15% on shoes", "discount", "save 15%"),
    ("en", "Cut heating costs by up to 70% a year", "discount", "up to 70%"),
    ("en", "We are No. 1 in the north", "superlative", "No. 1"),
    ("en", "We are the #1 shop", "superlative", "#1"),
    ("en", "Great food #ad", "ad_label", "#ad"),
    ("en", "Sponsored: great food here", "ad_label", "Sponsored:"),
    ("en", "Good work today. ^mk", "signature", "^mk"),
    ("en", "New models in, check it out", "soft_pitch", "check it out"),
    ("en", "We measured 540 kWh in a year", "figure", "540 kWh"),
    ("en", "About 1,250,000 people came", "figure", "1,250,000"),
    ("en", "See you on May 14 in Leeds", "date", "May 14"),
    ("en", "See you on the 14th of March", "date", "14th of March"),
    ("en", "See you on 12/03/2025 in Leeds", "date", "12/03/2025"),
    ("en", "See you on 2025-03-12 in Leeds", "date", "2025-03-12"),
    ("en", "Founded in 1985 in Leeds", "date", "1985"),
    ("en", "See you at 7 pm in Leeds", "date", "7 pm"),
    # German words and phrases, one of each signal
    ("de", "Schuhe jetzt kaufen", "call_to_action", "jetzt kaufen"),
    ("de", "Schuhe, nur heute im Laden", "urgency", "nur heute"),
    ("de", "Mit Gutscheincode sparen", "discount", "Gutscheincode"),
    ("de", "Ein neues Angebot im Laden", "offer", "Angebot"),
    ("de", "Unser großes Gewinnspiel startet", "giveaway", "Gewinnspiel"),
    ("de", "Du kannst gewinnen, sagt sie", "win", "gewinnen"),
    ("de", "Der Eintritt ist kostenlos", "free", "kostenlos"),
    ("de", "Das ist unschlagbar günstig", "superlative", "unschlagbar"),
    ("de", "Innovative Lösungen vom Fach", "corporate_speak", "Innovative"),
    ("de", "Pressemitteilung zur Messe", "press_release", "Pressemitteilung"),
    ("de", "Das geht sofort los", "now", "sofort"),
    ("de", "Das Modell ist brandneu", "new", "brandneu"),
    ("de", "Tolles Essen, in Kooperation mit Meier", "ad_label", "in Kooperation mit"),
    ("de", "Heute habe ich gekocht", "first_person", "ich"),
    ("de", "Das macht mich glücklich", "feeling", "glücklich"),
    ("de", "Der Kaffee ist kalt", "everyday_life", "Kaffee"),
    ("de", "Das war gestern so", "moment", "gestern"),
    ("de", "Hahaha, so ein Tag", "casual", "Hahaha"),
    ("de", "Das ist für dich", "direct_address", "dich"),
    ("de", "Warum ist das so", "question_word", "Warum"),
    ("de", "Sagt mal, was meint ihr dazu", "invitation", "was meint ihr"),
    ("de", "Vielen Dank an alle", "thanks", "Vielen Dank"),
    ("de", "Laut Bundesamt ist es so", "source", "Laut"),
    ("de", "Die Regierung hat entschieden", "news", "Regierung"),
    ("de", "Nur jeder dritte Betrieb", "figure", "jeder dritte"),
    ("de", "Das war im Oktober so", "date", "Oktober"),
    ("de", "Ein Tipp für Einsteiger", "explainer", "Tipp"),
    # English words and phrases, one of each signal
    ("en", "Get the shoes, buy now", "call_to_action", "buy now"),
    ("en", "Shoes, today only in store", "urgency", "today only"),
    ("en", "Use the promo code at checkout", "discount", "promo code"),
    ("en", "A great deal in store", "offer", "deal"),
    ("en", "Our big giveaway starts", "giveaway", "giveaway"),
    ("en", "She says you can win", "win", "win"),
    ("en", "Entry is free for all", "free", "free"),
    ("en", "It is unbeatable value", "superlative", "unbeatable"),
    ("en", "Innovative solutions for homes", "corporate_speak", "Innovative"),
    ("en", "Press release on the fair", "press_release", "Press release"),
    ("en", "It starts right now", "now", "right now"),
    ("en", "The model is brand new", "new", "brand new"),
    ("en", "Great food, paid partnership", "ad_label", "paid partnership"),
    ("en", "Today I cooked pasta", "first_person", "I"),
    ("en", "That makes us happy", "feeling", "happy"),
    ("en", "The coffee is cold", "everyday_life", "coffee"),
    ("en", "It was like that yesterday", "moment", "yesterday"),
    ("en", "Hahaha, what a day", "casual", "Hahaha"),
    ("en", "This is for you", "direct_address", "you"),
    ("en", "Why is that so", "question_word", "Why"),
    ("en", "So, what do you think about it", "invitation", "what do you think"),
    ("en", "Thank you all", "thanks", "Thank you"),
    ("en", "According to the office it is so", "source", "According to"),
    ("en", "The government decided", "news", "government"),
    ("en", "Only one in three firms", "figure", "one in three"),
    ("en", "It was in October", "date", "October"),
    ("en", "A tip for beginners", "explainer", "tip"),
    # Signals of the grading review: prices as a pitch, real questions, shop links, press speak,
    # team voices, dropped pronouns, signatures, service, small talk and private life.
    ("de", "Neu: nur 2,99 € im Laden", "price_pitch", "nur 2,99 €"),
    ("en", "The app costs €49/month", "price_pitch", "€49/month"),
    ("en", "How did you get started?", "real_question", "?"),
    ("en", "More at example.com/shop soon", "shop_link", "example.com/shop"),
    ("de", "Entdecken Sie unsere Küchen", "call_to_action", "Entdecken Sie"),
    ("de", "Jetzt im Laden erhältlich", "call_to_action", "Jetzt im Laden erhältlich"),
    ("de", "Die Firma freut sich, Ihnen mitzuteilen", "press_speak", "freut sich, Ihnen mitzuteilen"),
    (
        "de",
        "Die Firma freut sich, Ihnen das neue Modell anbieten zu können",
        "press_speak",
        "freut sich, Ihnen das neue Modell anbieten zu können",
    ),
    ("en", "We are delighted to announce it", "press_speak", "delighted to announce"),
    ("de", "Schon einen gekauft", "ownership_nudge", "Schon einen"),
    ("en", "Got one yet", "ownership_nudge", "Got one yet"),
    ("de", "Das ist unser Bus", "team_voice", "unser"),
    ("en", "This is our van", "team_voice", "our"),
    ("de", "Wir haben Rohre getauscht", "team_story", "Wir haben"),
    ("de", "Bei uns klar die Fotos", "team_story", "Bei uns klar"),
    ("en", "We fixed the boiler", "team_story", "We fixed"),
    ("en", "For us photos work", "team_story", "For us"),
    ("en", "We've just called the courier", "team_story", "We've just called"),
    ("en", "we'll come and take a look", "team_story", "we'll come"),
    ("en", "We see this a lot", "team_story", "We see"),
    ("en", "Would you like us to check the seals?", "team_story", "like us to check"),
    ("de", "Das schauen wir uns an", "team_story", "schauen wir"),
    ("en", "We've been fitting heat pumps for years", "team_story", "We've been fitting"),
    ("en", "We fit them in old houses for eight years now", "team_story",
     "We fit them in old houses for eight years"),
    ("en", "In our experience it works", "team_story", "In our experience"),
    ("de", "Bei uns liegt der Rekord bei elf Wochen", "team_story", "Bei uns liegt"),
    ("de", "Wir bauen seit acht Jahren Wärmepumpen ein", "team_story",
     "Wir bauen seit acht Jahren"),
    ("de", "Aus unserer Erfahrung klappt das", "team_story", "Aus unserer Erfahrung"),
    ("en", "Let us know how it goes", "invitation", "Let us know"),
    ("de", "Kalt im Flur? Schickt uns ein Foto", "invitation", "Schickt uns"),
    ("en", "Not sure it fits, send us a photo", "invitation", "send us"),
    ("en", "Tell us about your roof", "invitation", "Tell us"),
    ("en", "Keep me posted on the meter", "invitation", "Keep me posted"),
    ("en", "I'd love to hear how you solved it", "invitation", "I'd love to hear"),
    ("en", "We'd love to hear more", "invitation", "love to hear"),
    ("en", "We're keen to learn from you", "invitation", "keen to learn"),
    ("en", "I would like to know what works", "invitation", "like to know"),
    ("en", "We would love to know", "invitation", "love to know"),
    ("en", "I am curious about yours", "invitation", "am curious"),
    ("en", "We are curious about yours", "invitation", "are curious"),
    ("en", "I'm curious about yours", "invitation", "curious"),
    ("en", "We're curious about yours", "invitation", "curious"),
    ("en", "So please tell us about it", "invitation", "please tell us"),
    ("en", "Ask me anything about heat pumps", "invitation", "Ask me anything"),
    ("de", "Fragt mich gern alles zur Wärmepumpe", "invitation", "Fragt mich gern alles"),
    ("en", "Our team had a long debate about it", "team_story", "Our team had"),
    ("en", "A customer baked us a cake", "team_story", "baked us"),
    ("de", "Unser Montageteam hatte viel Spaß", "team_story", "Unser Montageteam hatte"),
    ("de", "Ein Kunde hat uns Kuchen gebacken", "team_story", "hat uns Kuchen gebacken"),
    ("de", "I bin d'Resi aus Rosenheim", "first_person", "bin"),
    ("de", "Jetzt Wartungsvertrag abschließen", "call_to_action", "Jetzt Wartungsvertrag abschließen"),
    ("en", "I wonder how others handle it", "invitation", "wonder"),
    ("en", "Please report back after the visit", "invitation", "report back"),
    ("de", "Erzähl gern, wie es ausgeht", "invitation", "Erzähl gern"),
    ("de", "Gebt uns gern Bescheid", "invitation", "Gebt uns gern Bescheid"),
    ("de", "Halten Sie uns auf dem Laufenden", "invitation", "Halten Sie uns auf dem Laufenden"),
    ("de", "Lasst uns wissen, wie es lief", "invitation", "Lasst uns wissen"),
    ("de", "Mich würde echt interessieren, wie ihr das macht", "invitation",
     "Mich würde echt interessieren"),
    ("de", "Ich bin neugierig, was ihr sagt", "invitation", "Ich bin neugierig"),
    ("en", "Genuinely curious how others do it", "invitation", "curious how"),
    ("de", "Bin gespannt, wie ihr das seht", "invitation", "gespannt, wie"),
    ("de", "Sagt mal, welches Tool nutzt ihr", "invitation", "Sagt mal"),
    ("en", "Wow, I love this", "empty_praise", "I love this"),
    ("de", "Super spannend, danke", "empty_praise", "Super spannend"),
    ("en", "Have you tried our new app", "pitch_question", "Have you tried our"),
    ("en", "Book our service package", "pitch_question", "Book our"),
    ("de", "Kennst du schon unsere App", "pitch_question", "Kennst du schon unsere"),
    ("de", "Holt euch unsere App", "pitch_question", "Holt euch unsere"),
    ("en", "Apprentice Jonas connected it", "named_colleague", "Apprentice Jonas connected"),
    ("de", "Monteur Ali hat es gefunden", "named_colleague", "Monteur Ali hat"),
    ("de", "Unser Azubi Lena hat gelötet", "named_colleague", "Unser Azubi Lena"),
    ("de", "meine Kollegin Sarah lacht", "named_colleague", "meine Kollegin Sarah"),
    ("en", "Our apprentice Lena soldered it", "named_colleague", "Our apprentice Lena"),
    ("en", "my colleague Sam laughed", "named_colleague", "my colleague Sam"),
    # Lower-case writers write names lower case too.
    ("de", "unsere kollegin mira macht die termine", "named_colleague", "unsere kollegin mira macht"),
    ("en", "our apprentice tim has wired it", "named_colleague", "our apprentice tim has"),
    ("de", "Mit dem Code SONNE10 gibt's Zubehör", "promo_code", "Code SONNE10"),
    ("en", "Use code SPRING15 at the till", "promo_code", "code SPRING15"),
    ("de", "Termin unter example.de/termin", "booking_link", "example.de/termin"),
    ("en", "Book your slot: example.com/book", "booking_link", "example.com/book"),
    ("de", "Unsere Experten beraten Sie kostenlos", "free_offer", "beraten Sie kostenlos"),
    ("en", "Ask for a free quote today", "free_offer", "free quote"),
    ("de", "Keine Lust mehr auf kalte Füße?", "pain_opener", "Keine Lust mehr auf"),
    ("en", "Tired of cold feet?", "pain_opener", "Tired of"),
    ("de", "Bin seit Montag dabei", "dropped_pronoun", "Bin"),
    ("en", "Went to the fair", "dropped_pronoun", "Went"),
    ("de", "Alles dicht. –MB", "signature", " –MB"),
    ("de", "Alles dicht. –Jonas", "signature", " –Jonas"),
    ("de", "Wir melden uns. Viele Grüße, Tom", "signature", "Viele Grüße, Tom"),
    ("de", "Jo aus der Werkstatt hier, kurz", "signature", "Jo aus der Werkstatt hier"),
    ("en", "All done. –MB", "signature", " –MB"),
    ("en", "All done. –Jonas", "signature", " –Jonas"),
    ("en", "Jo from the bakery here with news", "signature", "Jo from the bakery here"),
    ("en", "Tom here, quick one", "signature", "Tom here"),
    ("en", "Back soon. Cheers, Tom", "signature", "Cheers, Tom"),
    ("de", "Können Sie mir helfen", "direct_address", "Sie"),
    ("de", "Wir klären deine Bestellung", "service", "deine Bestellung"),
    ("en", "Thanks for your order", "service", "your order"),
    ("de", "Wie war euer Wochenende", "small_talk", "Wie war euer Wochenende"),
    ("en", "So what are you up to", "small_talk", "what are you up to"),
    ("de", "Mein Date war lustig", "private_life", "Mein Date"),
    ("en", "My date was fun", "private_life", "My date"),
]

# Amplifiers count only beside other evidence of their kind: their examples get some.
BACKING = {"de": " – Angebot", "en": " – deal"}


def _signals(analysis: Analysis, name: str) -> list[tuple[str, int, int]]:
    return [(s.text, s.start, s.end) for s in analysis.signals if s.name == name]


@pytest.mark.parametrize(("lang", "text", "name", "matched"), EXAMPLES)
def test_signal_fires_with_its_text_and_span(lang: str, text: str, name: str, matched: str) -> None:
    amplifiers = {s.name for s in load(lang).specs if s.amplifier}
    amplifiers |= {c.spec.name for c in weighing().computed.values() if c.spec.amplifier}
    analysis = analyze(text + BACKING[lang] if name in amplifiers else text, lang=lang)
    start = text.index(matched)
    assert (matched, start, start + len(matched)) in _signals(analysis, name), analysis.signals


def _shared_names() -> set[str]:
    """Signals of common.toml and computed ones: one example in either language will do."""
    return {spec.name for _, spec, _, _ in signal_blocks("common")} | set(weighing().computed)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_signal_has_an_example(lang: str) -> None:
    names = {spec.name for spec in load(lang).specs} | set(weighing().computed)
    covered = {name for example_lang, _, name, _ in EXAMPLES if example_lang == lang}
    covered |= {name for _, _, name, _ in EXAMPLES} & _shared_names()
    assert names - covered == set()


@pytest.mark.parametrize("lexicon_name", ["common", "de", "en"])
def test_every_pattern_has_an_example(lexicon_name: str) -> None:
    # Each pattern must match an example of its signal, so none is dead or broken.
    for where, spec, _, patterns in signal_blocks(lexicon_name):
        texts = [
            text
            for lang, text, name, _ in EXAMPLES
            if name == spec.name and lexicon_name in ("common", lang)
        ]
        for pattern in patterns:
            compiled = re.compile(pattern, re.IGNORECASE)
            assert any(compiled.search(t) for t in texts), f"{where}: {pattern!r}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_word_entry_fires(lang: str) -> None:
    """Each word or phrase of the lexicon, set in a sentence, is found by its own signal."""
    lexicon = load(lang)
    for where, spec, words, _ in signal_blocks(lang):
        for entry in words:
            parts, stem = parse_word(entry, where)
            written = entry.rstrip("*") + ("e" if stem else "")
            text = f"Na gut: {written} und so"
            # Nothing to blank (no link or @name): the text is its own mask.
            assert not [e for e in prepare_entities(text) if e.kind in ("url", "mention")]
            hits = lexicon_hits(text, text, tokenize(text), lexicon)
            start = len("Na gut: ")
            assert any(
                h.spec.name == spec.name and (h.start, h.end) == (start, start + len(written))
                for h in hits
            ), f"{where}: {entry!r} ({parts})"


def test_words_match_case_insensitively_and_with_typographic_apostrophes() -> None:
    assert _signals(analyze("JETZT KAUFEN", lang="de"), "call_to_action") == [
        ("JETZT KAUFEN", 0, 12)
    ]
    assert _signals(analyze("I’m here", lang="en"), "first_person") == [("I’m", 0, 3)]
    assert _signals(analyze("jetzt-kaufen", lang="de"), "call_to_action") == [
        ("jetzt-kaufen", 0, 12)
    ]


def test_whole_words_only() -> None:
    # "ich" inside "sicher", "du" inside "Dusche", "free" inside "freedom": no signal.
    assert not _signals(analyze("Sicher ist sicher", lang="de"), "first_person")
    assert not _signals(analyze("Die Dusche ist kalt", lang="de"), "direct_address")
    assert not _signals(analyze("Freedom matters", lang="en"), "free")


def test_umlauts_and_sharp_s() -> None:
    assert _signals(analyze("Ich bin so müde heute", lang="de"), "feeling") == [("müde", 11, 15)]
    # ß and ss are the same letter for the lexicon.
    assert _signals(analyze("Ein maßgeschneidertes Paket", lang="de"), "corporate_speak")
    assert _signals(analyze("Ein massgeschneidertes Paket", lang="de"), "corporate_speak")


def test_words_in_links_and_names_do_not_count() -> None:
    analysis = analyze("Look https://example.com/buy-now and @buynow", lang="en")
    assert not _signals(analysis, "call_to_action")
    assert not _signals(analysis, "offer")


def test_a_phrase_needs_its_words_side_by_side() -> None:
    assert not _signals(analyze("Jetzt, kaufen?", lang="de"), "call_to_action")
    assert not _signals(analyze("Jetzt example.de kaufen", lang="de"), "call_to_action")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Who doesn't love that feeling after a good stretch?"),
        ("en", "Isn't it amazing what ten minutes of breathing can do?"),
        ("en", "Ready to finally make time for yourself this year?"),
        ("de", "Wer kennt das nicht, dieses Gefühl nach dem Feierabend?"),
        ("de", "Ist es nicht schön, wenn die Heizung einfach läuft?"),
        ("de", "Wer möchte schon nur Baustellen sehen?"),
        ("en", "Did you know that most invoices are paid late?"),
    ],
)
def test_a_rhetorical_question_is_no_real_question(lang: str, text: str) -> None:
    assert not _signals(analyze(text, lang=lang), "real_question")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If you could ask a heating engineer one thing, what would it be"),
        ("de", "Sagt mal, welches Tool nutzt ihr für die Planung"),
    ],
)
def test_a_question_after_a_comma_asks_without_a_question_mark(lang: str, text: str) -> None:
    assert _signals(analyze(text, lang=lang), "real_question")


@pytest.mark.parametrize(
    "text",
    [
        "Customers like to know who'll be standing in their kitchen. Good luck with the talk!",
        "Customers tell us they like knowing who they talk to. Good luck with the talk!",
        "The heat pump is quiet. Want to hear more about the grant? It's in the news.",
    ],
)
def test_a_statement_about_others_wanting_to_know_is_no_question(text: str) -> None:
    analysis = analyze(text, lang="en")
    assert not _signals(analysis, "invitation")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Kunden schicken uns oft Fotos von ihren Heizkörpern. Das hilft sehr."),
        ("en", "Customers send us photos of their radiators all the time. It helps a lot."),
    ],
)
def test_a_report_of_what_others_send_is_no_invitation(lang: str, text: str) -> None:
    assert not _signals(analyze(text, lang=lang), "invitation")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Event dates of someone else, and a source: no call to book.
        ("de", "Die Energieagentur macht gute Infoabende, die Termine: example.de/infoabend"),
        ("en", "The energy agency explains the grant well, all the conditions: example.com/grant"),
    ],
)
def test_a_link_to_dates_or_a_source_is_no_booking_link(lang: str, text: str) -> None:
    assert not _signals(analyze(text, lang=lang), "booking_link")
