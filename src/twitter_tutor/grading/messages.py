"""Feedback texts in the lesson's language. Specific and kind: quote what was found, say what to do.

Templates use str.format fields; `quoted` is a comma-separated list of quoted findings.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "max_length.pass": "{length}/{limit} characters: it fits.",
        "max_length.fail": "{length}/{limit} characters: {over} too many. Cut a word or two.",
        "min_length.pass": "{length} characters: enough to say something.",
        "min_length.fail": (
            "Only {length} characters: write at least {limit}. Give your reader a little more."
        ),
        "not_promotional.pass": "Doesn't read like an ad. Good: people follow people, not flyers.",
        "not_promotional.fail": (
            "Reads like an ad ({quoted}). Tell people something they'd want to read, "
            "not what you want to sell."
        ),
        "personal_voice.pass": "A human voice ({quoted}): readers can tell a person is writing.",
        "personal_voice.fail": (
            'No personal voice yet. Write as yourself: what you did, noticed or think ("I ...").'
        ),
        "engaging.pass": "Invites an answer ({quoted}).",
        "engaging.fail": (
            "Nothing invites an answer yet. Ask a real question or address someone directly."
        ),
        "max_hashtags.pass": "{count} hashtag(s): fine.",
        "max_hashtags.fail": "{count} hashtags ({tags}): keep it to {limit} or fewer.",
        "mentions_any.pass": "On the point of the task ({quoted}).",
        "mentions_any.fail": "Doesn't get to what the task is about yet.",
        "avoids.pass": "Leaves out what the task rules out.",
        "avoids.fail": "Uses {quoted}: the task rules this out.",
        "signed.pass": "Signed by a person ({quoted}): readers know who is talking.",
        "signed.fail": 'Not signed yet. Add your initials ("^jo", "–MB") or your name, so readers know who is writing.',
        "asks.pass": "Asks something real ({quoted}).",
        "asks.fail": "No real question yet. Ask something you want to know, in a sentence that ends with \"?\".",
        "about.pass": "On topic ({quoted}).",
        "about.fail": "Not about what the task asks yet.",
        "floor.too_few_words": "Only {count} real word(s): hashtags, @names, links, emoji, numbers and single letters don't count. Say something in a sentence or two.",
        "floor.no_sentence": "A list of keywords isn't a tweet yet: write it as a sentence you'd say to someone.",
        "floor.gibberish": 'That looks like keyboard mash ("{evidence}"). Write words your readers can read.',
        "floor.repetitive": "The same words again and again: say it once, then say something more.",
        "floor.shouting": "Mostly in capitals: that reads as shouting. Write in normal case.",
        "floor.exclamations": '"{evidence}": a run of exclamation marks sounds like an ad. One is plenty.',
        "floor.small_talk": '"{evidence}" is small talk any account could post. Say something of your own.',
        "original.fail": "This mostly repeats {source}. Write it in your own words.",
        "source.prompt": "the task",
        "source.context": "the tweet you answer",
        "source.example": "a sample answer",
        "repeat.fail": "Tweet {number} says the same as tweet {earlier}: each tweet of a plan needs an idea of its own.",
        "tweet_kinds": "Tweet {number} counts as: {kinds}.",
        "tweet_kinds.none": "Tweet {number} counts as none of the kinds the mix asks for.",
        "kind.promotional": "advertising",
        "kind.product": "about your products",
        "kind.personal": "personal",
        "kind.conversational": "invites a reply",
        "kind.informative": "informative",
        "kind.filler": "small talk",
        "kind.below_floor": "not counted (see above)",
        "min_informative.pass": "{count} informative tweet(s): at least {limit}. Good.",
        "min_informative.fail": "{count} informative tweet(s): at least {limit} wanted. Share a tip, a figure or something you learned.",
        "max_promotional.pass": "{count} tweet(s) about your products or advertising out of {total}: at most {limit}. Good.",
        "max_promotional.fail": (
            "{count} tweets about your products or advertising out of {total}: at most {limit}. "
            "Nobody follows an ad timeline; turn one into something personal or useful."
        ),
        "min_personal.pass": "{count} personal tweet(s): at least {limit}. Good.",
        "min_personal.fail": (
            "{count} personal tweet(s): at least {limit} wanted. Add something human: what you "
            "did, saw or enjoyed."
        ),
        "min_conversational.pass": "{count} tweet(s) invite a conversation: at least {limit}. Good.",
        "min_conversational.fail": (
            "{count} tweet(s) invite a conversation: at least {limit} wanted. Ask a question or "
            "talk to someone."
        ),
        "empty_tweet": "Tweet {number} is empty.",
        "summary.pass": "Passed with {score}/100 (needed {pass_score}).",
        "summary.fail": "Not yet: {score}/100 (needed {pass_score}).",
        "summary.fail_required": (
            "Not yet: {score}/100, and a required check failed. Fix it and try again."
        ),
        "summary.fail_mix": "Not yet: {score}/100, and the mix isn't right yet.",
        "summary.fail_missing": "Not yet: {score}/100, but tweet {numbers} is still empty. A plan needs every tweet.",
        "choice.none": "Nothing selected.",
    },
    "de": {
        "max_length.pass": "{length}/{limit} Zeichen: passt.",
        "max_length.fail": "{length}/{limit} Zeichen: {over} zu viel. Streich ein, zwei Wörter.",
        "min_length.pass": "{length} Zeichen: genug, um etwas zu sagen.",
        "min_length.fail": (
            "Nur {length} Zeichen: schreib mindestens {limit}. Gib deinen Lesern etwas mehr."
        ),
        "not_promotional.pass": (
            "Klingt nicht nach Werbung. Gut so: Menschen folgen Menschen, nicht Prospekten."
        ),
        "not_promotional.fail": (
            "Klingt nach Werbung ({quoted}). Erzähl etwas, das man gern liest, "
            "statt etwas zu verkaufen."
        ),
        "personal_voice.pass": "Eine menschliche Stimme ({quoted}): Man merkt, dass hier jemand schreibt.",
        "personal_voice.fail": (
            "Noch keine persönliche Note. Schreib als du selbst: was du erlebt, bemerkt oder "
            'gedacht hast ("Ich ...").'
        ),
        "engaging.pass": "Lädt zum Antworten ein ({quoted}).",
        "engaging.fail": (
            "Noch lädt nichts zum Antworten ein. Stell eine echte Frage oder sprich jemanden an."
        ),
        "max_hashtags.pass": "{count} Hashtag(s): in Ordnung.",
        "max_hashtags.fail": "{count} Hashtags ({tags}): höchstens {limit}, bitte.",
        "mentions_any.pass": "Trifft den Punkt der Aufgabe ({quoted}).",
        "mentions_any.fail": "Kommt noch nicht zu dem, worum es in der Aufgabe geht.",
        "avoids.pass": "Lässt weg, was die Aufgabe ausschließt.",
        "avoids.fail": "Enthält {quoted}: Das schließt die Aufgabe aus.",
        "signed.pass": "Von einem Menschen gezeichnet ({quoted}): Man weiß, wer schreibt.",
        "signed.fail": 'Noch nicht gezeichnet. Setz deine Initialen ("^jo", "–MB") oder deinen Namen darunter, damit man weiß, wer schreibt.',
        "asks.pass": "Fragt etwas Echtes ({quoted}).",
        "asks.fail": "Noch keine echte Frage. Frag etwas, das du wissen willst, in einem Satz mit \"?\" am Ende.",
        "about.pass": "Beim Thema ({quoted}).",
        "about.fail": "Noch nicht bei dem, worum es in der Aufgabe geht.",
        "floor.too_few_words": "Nur {count} echte(s) Wort/Wörter: Hashtags, @Namen, Links, Emoji, Zahlen und einzelne Buchstaben zählen nicht. Sag etwas in ein, zwei Sätzen.",
        "floor.no_sentence": "Eine Liste von Stichwörtern ist noch kein Tweet: Schreib es als Satz, wie du es jemandem sagen würdest.",
        "floor.gibberish": 'Das sieht nach Tastatursalat aus ("{evidence}"). Schreib Wörter, die man lesen kann.',
        "floor.repetitive": "Immer wieder dieselben Wörter: Sag es einmal und dann etwas mehr.",
        "floor.shouting": "Fast alles in Großbuchstaben: Das wirkt wie Schreien. Schreib in normaler Schreibweise.",
        "floor.exclamations": '"{evidence}": Ausrufezeichen-Ketten klingen nach Werbung. Eins reicht.',
        "floor.small_talk": '"{evidence}" ist Smalltalk, den jeder Account posten könnte. Sag etwas Eigenes.',
        "original.fail": "Das wiederholt größtenteils {source}. Schreib es in deinen eigenen Worten.",
        "source.prompt": "die Aufgabe",
        "source.context": "den Tweet, auf den du antwortest",
        "source.example": "eine Beispielantwort",
        "repeat.fail": "Tweet {number} sagt dasselbe wie Tweet {earlier}: Jeder Tweet im Plan braucht eine eigene Idee.",
        "tweet_kinds": "Tweet {number} zählt als: {kinds}.",
        "tweet_kinds.none": "Tweet {number} zählt als keine der Arten, die die Mischung verlangt.",
        "kind.promotional": "Werbung",
        "kind.product": "über eure Produkte",
        "kind.personal": "persönlich",
        "kind.conversational": "lädt zum Antworten ein",
        "kind.informative": "informativ",
        "kind.filler": "Smalltalk",
        "kind.below_floor": "zählt nicht (siehe oben)",
        "min_informative.pass": "{count} informative(r) Tweet(s): mindestens {limit}. Gut.",
        "min_informative.fail": "{count} informative(r) Tweet(s): mindestens {limit} sollten es sein. Teil einen Tipp, eine Zahl oder etwas, das du gelernt hast.",
        "max_promotional.pass": "{count} von {total} Tweets werben oder drehen sich um eure Produkte: höchstens {limit}. Gut.",
        "max_promotional.fail": (
            "{count} von {total} Tweets werben oder drehen sich um eure Produkte: höchstens "
            "{limit}. Einer Werbe-Timeline folgt niemand freiwillig; mach aus einem etwas "
            "Persönliches oder Nützliches."
        ),
        "min_personal.pass": "{count} persönliche(r) Tweet(s): mindestens {limit}. Gut.",
        "min_personal.fail": (
            "{count} persönliche(r) Tweet(s): mindestens {limit} sollten es sein. Erzähl etwas "
            "Menschliches: was du gemacht, gesehen oder genossen hast."
        ),
        "min_conversational.pass": "{count} Tweet(s) laden zum Gespräch ein: mindestens {limit}. Gut.",
        "min_conversational.fail": (
            "{count} Tweet(s) laden zum Gespräch ein: mindestens {limit} sollten es sein. "
            "Stell eine Frage oder sprich jemanden an."
        ),
        "empty_tweet": "Tweet {number} ist leer.",
        "summary.pass": "Bestanden mit {score}/100 (nötig: {pass_score}).",
        "summary.fail": "Noch nicht: {score}/100 (nötig: {pass_score}).",
        "summary.fail_required": (
            "Noch nicht: {score}/100, und eine Pflichtprüfung ist nicht erfüllt. Bessere nach "
            "und versuch es noch mal."
        ),
        "summary.fail_mix": "Noch nicht: {score}/100, und die Mischung stimmt noch nicht.",
        "summary.fail_missing": "Noch nicht: {score}/100, aber Tweet {numbers} ist noch leer. Ein Plan braucht jeden Tweet.",
        "choice.none": "Nichts ausgewählt.",
    },
}


def message(lang: str, key: str, **values: object) -> str:
    table = MESSAGES.get(lang, MESSAGES["en"])
    return table[key].format(**values)


def quote_all(texts: list[str], limit: int = 3) -> str:
    """'"a", "b", "c"' with at most `limit` distinct items, in order of appearance."""
    unique = list(dict.fromkeys(t.strip() for t in texts if t.strip()))
    shown = ", ".join(f'"{t}"' for t in unique[:limit])
    return shown + (", ..." if len(unique) > limit else "")
