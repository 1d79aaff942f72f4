"""Tweet analysis speed: time per `analyze()` call, import time, and the emoji-library comparison.

Generates varied German and English tweets (seeded, so every run sees the same ones), times each
`analyze()` call in-process after one warm-up call, and reports median and p99 for all tweets and
for those of exactly 280 characters. Import time and the first analysis are measured in fresh
interpreters. The `emoji` library is timed on the same tweets for the record of why it is not
used (see the docstring of twitter_tutor.analysis).

Usage: python bench/bench_analysis.py [--n 10000] [--quick] [--json]
Prints the figures and a Markdown snippet; `--json` prints them as JSON (last line) for run_all.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

SEED = 20240601

_PARTS = {
    "de": {
        "personal": [
            "Ich war heute zum ersten Mal auf einer Baustelle.",
            "Mir war nicht klar, wie viel Handarbeit darin steckt.",
            "Mein Kaffee ist kalt, aber ich bin glücklich.",
            "Heute Morgen mit dem Fahrrad durch den Regen, herrlich!",
            "Ich freue mich riesig aufs Wochenende mit der Familie.",
            "Da hätte ich falsch gewettet, ehrlich gesagt.",
        ],
        "promotional": [
            "Jetzt kaufen!",
            "NUR HEUTE: 20 % Rabatt auf alles!!!",
            "Gratis Versand, nur diese Woche.",
            "Der beste Preis in ganz Franken 👉",
            "Sichert euch jetzt euren Gutscheincode!",
            "Nur 9,99 €, solange der Vorrat reicht.",
            "Wir freuen uns, Ihnen mitzuteilen, dass unser Portfolio ab sofort verfügbar ist.",
        ],
        "conversational": [
            "Was meint ihr?",
            "Wie lief das bei euch?",
            "Frage in die Runde: Wer kennt sich mit Wärmepumpen aus?",
            "Danke für deinen Hinweis!",
            "Hast du das schon ausprobiert?",
        ],
        "informative": [
            "Laut einer Studie pflegt nur jeder dritte Betrieb sein Profil.",
            "Die neue Richtlinie gilt ab 1. März 2025.",
            "Die Inflation stieg im Mai auf 2,4 Prozent, meldet das Bundesamt.",
            "Ein Kollege hat 540 kWh in einem Jahr gemessen.",
            "Infoabend am 12.03. um 19 Uhr in Nürnberg.",
        ],
    },
    "en": {
        "personal": [
            "I went up on a roof for the first time today.",
            "My coffee is cold but I'm happy.",
            "This morning I cycled to work in the rain, loved it!",
            "I'm so proud of our apprentice Tim.",
            "Honestly, I thought balcony solar was a gimmick.",
            "Can't wait for the weekend with my family.",
        ],
        "promotional": [
            "Buy now!",
            "TODAY ONLY: 20% OFF everything!!!",
            "Free shipping this week only.",
            "The best price in all of Bavaria 👉",
            "Grab yours now with promo code SOLAR10!",
            "Only $9.99 while supplies last.",
            "We are pleased to announce that our product portfolio is now available.",
        ],
        "conversational": [
            "What do you think?",
            "How did that go for you?",
            "Question for everyone: who knows heat pumps?",
            "Thanks for the heads-up!",
            "Have you tried it yet?",
        ],
        "informative": [
            "According to a study, only one in three firms updates its profile.",
            "The new rules apply from March 1, 2025.",
            "Inflation rose to 2.4 percent in May, officials reported.",
            "A colleague measured 540 kWh in one year.",
            "Info evening on 12/03 at 7 pm in Nuremberg.",
        ],
    },
}
_EXTRAS = [
    "#solar",
    "#sale",
    "#energie",
    "#marketing",
    "@katrin_albers",
    "@tobi_kramer",
    "https://example.com/shop",
    "example.de/studie-lokal",
    "http://t.co/abc123XYZ",
    "$TSLA",
    "😀",
    "👍🏽",
    "👨‍👩‍👧‍👦",
    "🇩🇪",
    "❤️",
    "🔥",
    "^mk",
    "!!",
    "??",
    "1⃣",
]


def make_tweet(rng: random.Random, lang: str, target: int) -> str:
    """A tweet of about `target` characters from random sentences and extras."""
    parts: list[str] = []
    length = 0
    kinds = list(_PARTS[lang])
    while length < target:
        if rng.random() < 0.25:
            piece = rng.choice(_EXTRAS)
        else:
            piece = rng.choice(_PARTS[lang][rng.choice(kinds)])
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:target].rstrip() or "x"


def make_tweets(n: int, seed: int = SEED) -> tuple[list[str], list[str]]:
    """`n` varied tweets (20 to 280 characters, both languages) and `n // 10` of exactly 280;
    all different, so no cache makes a call cheaper."""
    rng = random.Random(seed)
    seen: set[str] = set()

    def unique(target: int) -> str:
        while True:
            tweet = make_tweet(rng, rng.choice(("de", "en")), target)
            if target == 280:
                tweet = (tweet + " " + "x" * 280)[:280]
            if tweet not in seen:
                seen.add(tweet)
                return tweet

    varied = [unique(rng.randint(20, 280)) for _ in range(n)]
    full = [unique(280) for _ in range(max(1, n // 10))]
    return varied, full


def time_calls(function: Callable[[str], object], texts: Sequence[str]) -> list[float]:
    """Milliseconds per call."""
    clock = time.perf_counter
    times = []
    for text in texts:
        start = clock()
        function(text)
        times.append((clock() - start) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 4),
        "max_ms": round(ordered[-1], 4),
        "count": len(ordered),
    }


def _env(bytecode: bool, cache: str) -> dict[str, str]:
    """The environment for a fresh interpreter: with bytecode caches in `cache` (as after an
    install), or without any (PYTHONDONTWRITEBYTECODE, every module compiled from source)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = cache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def import_ms(module: str, runs: int, *, bytecode: bool = True, after: str = "") -> float | None:
    """Median cumulative import time of `module` in fresh interpreters (-X importtime),
    optionally after importing the modules `after` (what the app has loaded already)."""
    with tempfile.TemporaryDirectory() as cache:
        env = _env(bytecode, cache)
        code = f"{after}; import {module}" if after else f"import {module}"
        subprocess.run([sys.executable, "-c", code], env=env, check=False)
        return _import_ms(module, code, runs, env)


def _import_ms(module: str, code: str, runs: int, env: dict[str, str]) -> float | None:
    values = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            return None
        for line in done.stderr.splitlines():
            fields = [f.strip() for f in line.split("|")]
            if len(fields) == 3 and fields[2] == module:
                values.append(int(fields[1]) / 1000)
    return round(statistics.median(values), 1) if values else None


_FIRST_CALL = """
import json, time
start = time.perf_counter()
import twitter_tutor.analysis as analysis
imported = time.perf_counter()
analysis.analyze("Jetzt kaufen! Nur heute 20 % Rabatt 👉 https://example.de #sale @anna", lang="de")
first = time.perf_counter()
analysis.analyze("Buy now! Today only 20% off 👉 https://example.com #sale @anna", lang="en")
second = time.perf_counter()
print(json.dumps({"import_ms": (imported - start) * 1000, "first_de_ms": (first - imported) * 1000,
                  "first_en_ms": (second - first) * 1000}))
"""

_EMOJI_FIRST_CALL = """
import json, time
start = time.perf_counter()
import emoji
imported = time.perf_counter()
emoji.emoji_list("Heute 😀 👍🏽")
first = time.perf_counter()
print(json.dumps({"import_ms": (imported - start) * 1000, "first_ms": (first - imported) * 1000}))
"""


def fresh(code: str, runs: int) -> dict[str, float] | None:
    """Median of each figure that `code` prints as JSON, over fresh interpreters (with
    bytecode caches, after one run to fill them)."""
    results = []
    with tempfile.TemporaryDirectory() as cache:
        env = _env(True, cache)
        for run in range(runs + 1):
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
            )
            if done.returncode != 0:
                return None
            if run:
                results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {key: round(statistics.median(r[key] for r in results), 1) for key in results[0]}


def emoji_comparison(texts: Sequence[str], runs: int) -> dict[str, object]:
    from twitter_tutor.analysis.emoji_seq import find_emoji

    find_emoji("😀")  # compile outside the clock, like the library's first call below
    ours = summary(time_calls(find_emoji, texts))
    result: dict[str, object] = {"emoji_seq": ours}
    try:
        import emoji
    except ImportError:
        return result
    emoji.emoji_list("😀")
    result["emoji_library"] = {
        **summary(time_calls(emoji.emoji_list, texts)),
        "version": getattr(emoji, "__version__", "?"),
        "import_ms": import_ms("emoji", runs),
        "fresh": fresh(_EMOJI_FIRST_CALL, runs),
    }
    return result


def markdown(data: dict[str, object]) -> str:
    varied = data["varied"]
    full = data["tweets_280"]
    first = data["first_call"] or {}
    emoji_data = data["emoji"]
    assert isinstance(varied, dict) and isinstance(full, dict) and isinstance(emoji_data, dict)
    assert isinstance(first, dict)
    rows = [
        "| Measure | Value |",
        "| --- | --- |",
        f"| analyze(), {varied['count']} varied tweets (20-280 chars, de+en): median / p99 "
        f"| {varied['median_ms']} ms / {varied['p99_ms']} ms |",
        f"| analyze(), {full['count']} tweets of 280 chars: median / p99 "
        f"| {full['median_ms']} ms / {full['p99_ms']} ms |",
        f"| import twitter_tutor.analysis (-X importtime, cumulative; with .pyc / without) "
        f"| {data['import_ms']} ms / {data['import_ms_no_bytecode']} ms |",
        f"| of which the stdlib `dataclasses` (loaded by Textual anyway) "
        f"| {data['import_ms_stdlib_part']} ms |",
        f"| import twitter_tutor.analysis once dataclasses and re are loaded (as in the TUI) "
        f"| {data['import_ms_after_stdlib']} ms |",
        f"| first analyze() after import (lexicon load + compile), de / en "
        f"| {first.get('first_de_ms')} ms / {first.get('first_en_ms')} ms |",
    ]
    ours = emoji_data.get("emoji_seq", {})
    rows.append(
        f"| emoji_seq.find_emoji per tweet: median / p99 "
        f"| {ours.get('median_ms')} ms / {ours.get('p99_ms')} ms |"
    )
    library = emoji_data.get("emoji_library")
    if isinstance(library, dict):
        fresh_figures = library.get("fresh") or {}
        assert isinstance(fresh_figures, dict)
        rows += [
            f"| emoji {library['version']} emoji_list per tweet: median / p99 "
            f"| {library['median_ms']} ms / {library['p99_ms']} ms |",
            f"| import emoji / its first emoji_list call "
            f"| {library['import_ms']} ms / {fresh_figures.get('first_ms')} ms |",
        ]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10000, help="number of varied tweets")
    parser.add_argument("--quick", action="store_true", help="a tiny run (smoke test)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON last")
    args = parser.parse_args(argv)
    n = 200 if args.quick else args.n
    runs = 1 if args.quick else 5

    from twitter_tutor.analysis import analyze

    varied, full = make_tweets(n)
    # Warm up on other tweets: the first calls load the lexicons and compile the patterns,
    # which the "first analyze()" figure reports on its own.
    for tweet in make_tweets(100, seed=SEED + 1)[0]:
        analyze(tweet)
    data: dict[str, object] = {
        "varied": summary(time_calls(analyze, varied)),
        "tweets_280": summary(time_calls(analyze, full)),
        "import_ms": import_ms("twitter_tutor.analysis", runs),
        "import_ms_no_bytecode": import_ms("twitter_tutor.analysis", runs, bytecode=False),
        "import_ms_stdlib_part": import_ms("dataclasses", runs),
        "import_ms_after_stdlib": import_ms(
            "twitter_tutor.analysis", runs, after="import dataclasses, re"
        ),
        "first_call": fresh(_FIRST_CALL, runs),
        "first_call_note": "in a fresh interpreter with bytecode caches, after the import",
        "emoji": emoji_comparison(varied, runs),
        "python": sys.version.split()[0],
    }
    if args.json:
        print(markdown(data))
        print(json.dumps(data))
    else:
        print(json.dumps(data, indent=2))
        print()
        print(markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
