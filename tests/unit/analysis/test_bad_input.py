"""Any text gives a result, never an exception, and long text stays fast."""

from __future__ import annotations

import time

import pytest

from twitter_tutor.analysis import KINDS, Analysis, analyze, detect_lang, weighted_length

HUGE = 100_000


def _consistent(analysis: Analysis) -> None:
    for signal in analysis.signals:
        assert analysis.text[signal.start : signal.end] == signal.text
        assert signal.kind in KINDS
    assert set(analysis.kinds) <= set(KINDS)
    assert analysis.weighted_length >= 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t\r ",
        "\udcff\udcfe invalid UTF-8 \ud800",
        "\u202eevil\u202c \u200f\u200e\u2066x\u2069 \u200b\u200c\u200d\ufeff",
        "e\u0301\u0302\u0303 a\u0308 \u0301 starts with a mark",
        "[bold]Jetzt kaufen[/] [link=https://x.y]hier[/link] [/]",
        "\x1b[31mRED\x1b[0m \x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\ \x07\x00",
        "\U000e0067\U000e007f lone tags \U0001f3fb lone skin tone \u200d",
        "#" * 50 + "@" * 50 + "$" * 50 + "http://" * 20,
        "\ufffe\uffff\U0010ffff",
    ],
)
def test_odd_text_gives_a_result(text: str) -> None:
    analysis = analyze(text)
    _consistent(analysis)
    assert analysis.text == text
    detect_lang(text)
    weighted_length(text)


def test_markup_and_escapes_are_plain_text() -> None:
    analysis = analyze("[bold]Jetzt kaufen[/] \x1b[31m!!\x1b[0m", lang="de")
    assert any(s.text == "Jetzt kaufen" for s in analysis.signals)
    assert analysis.text.startswith("[bold]")


@pytest.mark.parametrize(
    "text",
    [
        "a" * HUGE,
        "ä." * (HUGE // 2),  # one long chain of labels without a TLD
        "日本." * (HUGE // 3),
        "a-b_c." * (HUGE // 6) + "com",
        "http://example.com/" + "." * HUGE,  # trailing periods: twitter-text's runaway case
        "http://example.com/" + "((a)" * (HUGE // 4),
        "#a " * (HUGE // 3),
        "@a" * (HUGE // 2),
        "€1" * (HUGE // 2),
        "1.2." * (HUGE // 4),
        "😀" * HUGE,
        "\udcff" * HUGE,
        ("Ich bin jetzt hier! 20% Rabatt 👉 example.de/x #sale @anna $TSLA 12.03.2025 " * 2000)[
            :HUGE
        ],
    ],
    ids=lambda text: repr(text[:12]),
)
def test_100_kb_stays_fast(text: str) -> None:
    start = time.process_time()  # CPU time: other processes on the machine do not count
    analysis = analyze(text)
    elapsed = time.process_time() - start
    _consistent(analysis)
    assert elapsed < 1.0, f"{elapsed:.2f} s"
