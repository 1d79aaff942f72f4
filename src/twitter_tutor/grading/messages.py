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
        "mentions_any.pass": "Mentions {quoted}.",
        "mentions_any.fail": "Mention at least one of: {words}.",
        "avoids.pass": "Avoids {words}.",
        "avoids.fail": "Uses {quoted}: leave these out.",
        "max_promotional.pass": "{count} promotional tweet(s) out of {total}: at most {limit}. Good.",
        "max_promotional.fail": (
            "{count} promotional tweets out of {total}: at most {limit}. Nobody follows an ad "
            "timeline; turn one into something personal or useful."
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
        "mentions_any.pass": "Erwähnt {quoted}.",
        "mentions_any.fail": "Erwähne mindestens eins davon: {words}.",
        "avoids.pass": "Vermeidet {words}.",
        "avoids.fail": "Enthält {quoted}: lass das weg.",
        "max_promotional.pass": "{count} von {total} Tweets werben: höchstens {limit}. Gut.",
        "max_promotional.fail": (
            "{count} von {total} Tweets werben: höchstens {limit}. Einer Werbe-Timeline folgt "
            "niemand freiwillig; mach aus einem etwas Persönliches oder Nützliches."
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
