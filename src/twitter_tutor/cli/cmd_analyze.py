"""`twitter-tutor analyze`: weighted length, entities, kinds and signals of tweets.

Input is TEXT or, without it, standard input read as bytes; invalid UTF-8 (there or in argv)
arrives as lone surrogates and is analysed like any text. `--lines` makes each line a tweet.

Output never lets learner text act on the terminal or break a JSON reader:
- `--json` is UTF-8 JSON (ensure_ascii off, so text stays readable) with every lone surrogate
  replaced by U+FFFD; one character for one, so `start`/`end` still index `text`.
- The summary shows control characters, bidirectional overrides and undecodable bytes as
  escapes (\\x1b, \\u202e, \\xff); Rich markup like [bold] is plain text here anyway.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import warn
from twitter_tutor.texts import t

if TYPE_CHECKING:  # the analysis is imported only when a command runs (fast --help)
    from twitter_tutor.analysis import Analysis
    from twitter_tutor.analysis.folder_lexicon import ExtraWords

_LABELS = (
    "language",
    "length",
    "valid",
    "invalid",
    "hashtags",
    "mentions",
    "urls",
    "cashtags",
    "emoji",
    "kinds",
    "primary",
    "signals",
    "none",
)
"""The summary's words: catalogue keys `cli.analyze.<name>`."""


def labels(lang: str) -> dict[str, str]:
    return {name: t(lang, f"cli.analyze.{name}") for name in _LABELS}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text",
        nargs="?",
        metavar="TEXT",
        help="the tweet (default: standard input; one trailing newline is dropped)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (JSON Lines with --lines)")
    parser.add_argument(
        "--lines",
        action="store_true",
        help="every line is a tweet of its own (split on \\n; a trailing \\r is dropped)",
    )
    parser.epilog = (
        "--lang de|en sets the tweet language; without it each text's language is detected "
        "(English when unclear)."
    )


def read_input(args: argparse.Namespace) -> list[str]:
    """The tweets to analyse, as the command's help describes."""
    if args.text is not None:
        raw: str = args.text
    else:
        data = sys.stdin.buffer.read() if sys.stdin is not None else b""
        raw = data.decode("utf-8", errors="surrogateescape")
    if args.lines:
        lines = raw.split("\n")
        if lines[-1] == "":
            lines.pop()  # a final newline ends the last line; it starts no new one
        return [line[:-1] if line.endswith("\r") else line for line in lines]
    if args.text is None:
        # One line terminator from `echo` or an editor is not part of the tweet.
        if raw.endswith("\r\n"):
            raw = raw[:-2]
        elif raw.endswith("\n"):
            raw = raw[:-1]
    return [raw]


def run(args: argparse.Namespace, ctx: Context) -> int:
    from twitter_tutor.analysis import analyze
    from twitter_tutor.analysis.lexicon import LANGS as LEXICON_LANGS

    texts = read_input(args)
    words = labels(ctx.lang)
    extra = folder_words(ctx.lesson_dirs)
    # --lang names the tweets' language too, when the analysis has a lexicon for it.
    tweet_lang = args.lang if args.lang in LEXICON_LANGS else None
    for number, text in enumerate(texts):
        analysis = analyze(text, lang=tweet_lang, extra=extra)
        if args.json:
            _write(json.dumps(_json_safe(analysis.to_json()), ensure_ascii=False) + "\n")
        else:
            _write(("\n" if number else "") + summary(analysis, words))
    sys.stdout.flush()
    return 0


def folder_words(folders: Sequence[Path]) -> ExtraWords | None:
    """The words of every `_words.toml` beside the lessons of `folders` (--lessons and
    TWITTER_TUTOR_LESSONS), as grading those lessons uses them; their problems are warned
    about, so a word that is left out does not go unnoticed."""
    from twitter_tutor.analysis import extra_words
    from twitter_tutor.content.folder_words import read_folder_words
    from twitter_tutor.content.folders import lesson_paths, words_files

    lists: list[tuple[str, str, tuple[str, ...]]] = []
    for folder in folders:
        for path in words_files(lesson_paths(folder)):
            found = read_folder_words(path.parent)
            if found is None:
                continue
            for problem in found.problems:
                warn(str(problem))
            lists += found.lists
    return extra_words(tuple(lists)) if lists else None


def _write(text: str) -> None:
    # UTF-8 whatever the locale says: JSON is UTF-8 by definition, and the summary holds no
    # surrogates (they are escaped).
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))


def _json_safe(value: object) -> object:
    """`value` with every lone surrogate in its strings replaced by U+FFFD (one for one)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _has_surrogate(value) else value
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and any("\ud800" <= char <= "\udfff" for char in text)


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: str) -> str:
    """`text` safe for a terminal: controls, bidi marks and undecodable bytes as escapes."""
    parts: list[str] = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            parts.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF or char in _BIDI:
            parts.append(char.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            parts.append(char)
    return "".join(parts)


def summary(analysis: Analysis, labels: dict[str, str]) -> str:
    """A readable block: the text, its length and validity, entities, kinds and signals."""

    def listed(values: tuple[str, ...], sign: str = "") -> str:
        return " ".join(shown(sign + v) for v in values) or labels["none"]

    validity = labels["valid"] if analysis.valid else labels["invalid"]
    kinds = ", ".join(
        f"{kind} ({labels['primary']})" if kind == analysis.primary else kind
        for kind in analysis.kinds
    )
    rows = [
        ("language", analysis.lang),
        ("length", f"{analysis.weighted_length}/280, {validity}"),
        ("hashtags", listed(analysis.hashtags, "#")),
        ("mentions", listed(analysis.mentions, "@")),
        ("urls", listed(analysis.urls)),
        ("cashtags", listed(analysis.cashtags, "$")),
        ("emoji", listed(analysis.emoji)),
        ("kinds", kinds or labels["none"]),
    ]
    width = max(len(labels[key]) for key in [*(key for key, _ in rows), "signals"])
    lines = [f'"{shown(analysis.text)}"']
    lines += [f"  {labels[key]:<{width}}  {value}" for key, value in rows]
    if not analysis.signals:
        lines.append(f"  {labels['signals']:<{width}}  {labels['none']}")
    else:
        lines.append(f"  {labels['signals']}")
        lines += [
            f'    {s.kind:<15} {s.name:<18} "{shown(s.text)}" {s.start}-{s.end}'
            for s in analysis.signals
        ]
    return "\n".join(lines) + "\n"
