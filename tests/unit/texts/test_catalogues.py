"""The shipped catalogues are complete and fit the code: every key the code uses exists, every
language has every key with the same placeholders, and a slip raises under test."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from twitter_tutor.texts import LANGUAGES, SOURCE, audit, catalog, codes, t

SRC = Path(__file__).resolve().parents[3] / "src" / "twitter_tutor"
KEYS = set(catalog.catalogue(SOURCE).texts)
NAMESPACES = {key.split(".")[0] for key in KEYS}
GRADING = {key.removeprefix("grading.").split(".")[0] for key in KEYS if key.startswith("grading.")}

# Functions whose argument at this position is a catalogue key; grading's `message` adds a prefix.
KEY_ARGUMENT = {"t": (1, ""), "tn": (1, ""), "Message": (0, ""), "message": (1, "grading.")}
DOTTED = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")


@pytest.mark.parametrize("lang", codes())
def test_every_language_has_every_key_with_the_same_placeholders(lang: str) -> None:
    assert audit.problems(lang) == []


def test_every_installed_language_has_a_catalogue_and_every_catalogue_is_installed() -> None:
    files = {path.stem for path in catalog.FOLDER.glob("*.po")}
    assert files == {code for code, _ in LANGUAGES}
    assert SOURCE in files


def _keys_in(node: ast.expr) -> Iterator[ast.expr]:
    """The key expressions an argument may evaluate to (both sides of `a if c else b`)."""
    if isinstance(node, ast.IfExp):
        yield from _keys_in(node.body)
        yield from _keys_in(node.orelse)
    elif isinstance(node, ast.Constant | ast.JoinedStr):
        yield node


def _pattern(node: ast.expr, prefix: str) -> re.Pattern[str] | str:
    """A constant key as it is; an f-string key as a regex with a word per `{...}`."""
    if isinstance(node, ast.Constant):
        return prefix + str(node.value)
    assert isinstance(node, ast.JoinedStr)
    parts = [
        re.escape(str(v.value)) if isinstance(v, ast.Constant) else "[a-z0-9_]+"
        for v in node.values
    ]
    return re.compile(re.escape(prefix) + "".join(parts))


def _keys_named(code: str, *, grading: bool) -> Iterator[tuple[int, re.Pattern[str] | str]]:
    """(line, key or key pattern) for every key a module's source names."""
    tree = ast.parse(code)
    # Parts of f-strings and call arguments are looked at whole, never as loose constants.
    seen = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called in KEY_ARGUMENT:
                index, prefix = KEY_ARGUMENT[called]
                if called == "t" and isinstance(func, ast.Attribute):
                    index = 0  # a screen's or widget's self.t(key)
                if len(node.args) > index:
                    for key in _keys_in(node.args[index]):
                        seen.add(id(key))
                        yield node.lineno, _pattern(key, prefix)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in seen
            and DOTTED.fullmatch(node.value)
        ):
            # A key kept in a variable or a table (`icon = "ex.right"`, `Binding(...,
            # "key.next")`): any dotted word in a key's namespace. Textual's own dotted words
            # ("app.home", "app.tcss") share the "app" namespace, so it is left to the calls.
            first = node.value.split(".")[0]
            if grading and first in GRADING:
                yield node.lineno, f"grading.{node.value}"
            elif first in NAMESPACES - {"app"} and not grading:
                yield node.lineno, node.value


def _missing(code: str, *, grading: bool = False) -> list[str]:
    return [
        f"{line}: {key if isinstance(key, str) else key.pattern}"
        for line, key in sorted(_keys_named(code, grading=grading), key=lambda found: found[0])
        if (key not in KEYS if isinstance(key, str) else not any(map(key.fullmatch, KEYS)))
    ]


def test_every_key_the_source_uses_exists() -> None:
    missing: list[str] = []
    named = 0
    for path in sorted(SRC.rglob("*.py")):
        if not path.is_relative_to(SRC / "texts"):
            code, grading = path.read_text("utf-8"), path.is_relative_to(SRC / "grading")
            named += len(list(_keys_named(code, grading=grading)))
            missing += [f"{path.relative_to(SRC)}:{m}" for m in _missing(code, grading=grading)]
    assert named > 200  # the walk finds the keys (a broken walk would pass vacuously)
    assert missing == []


def test_the_source_walk_sees_a_misspelt_key_however_it_is_named() -> None:
    code = (
        "t(lang, 'home.welcom')\n"
        "self.t('ex.right' if ok else 'ex.wrnog')\n"
        "t(lang, f'review.cols_{k}')\n"
        "icon = 'key.nxet'\n"
        "Binding('escape', 'app.home', 'key.back')\n"
    )
    assert _missing(code) == [
        "1: home.welcom",
        "2: ex.wrnog",
        "3: review\\.cols_[a-z0-9_]+",
        "4: key.nxet",
    ]
    assert _missing("message(lang, 'max_length.pas')\nkey = 'min_length.fial'", grading=True) == [
        "1: grading.max_length.pas",
        "2: grading.min_length.fial",
    ]


def test_a_missing_key_raises_under_test_and_falls_back_for_learners(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(catalog.MissingText):
        t("de", "no.such.key")
    monkeypatch.delenv(catalog.STRICT_ENV)
    assert t("de", "no.such.key") == "no.such.key"
    assert t("de", "key.next") == "Weiter"


def test_a_translation_missing_in_one_language_raises_under_test_and_shows_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = (catalog.FOLDER / "en.po").read_text("utf-8")
    (tmp_path / "en.po").write_text(english, "utf-8")
    (tmp_path / "de.po").write_text('msgctxt "key.next"\nmsgid "Next"\nmsgstr "Weiter"\n', "utf-8")
    monkeypatch.setattr(catalog, "FOLDER", tmp_path)
    catalog.forget()
    try:
        assert audit.problems("de")[0] == "de: missing 'app.title'"
        with pytest.raises(catalog.MissingText):
            t("de", "app.title")
        monkeypatch.delenv(catalog.STRICT_ENV)
        assert (t("de", "key.next"), t("de", "app.title")) == ("Weiter", "Twitter Tutor")
    finally:
        catalog.forget()


def test_a_placeholder_mismatch_fails_the_audit_raises_under_test_and_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "en.po").write_text(
        'msgctxt "home.start"\nmsgid "▶ Start: {title}"\nmsgstr ""\n', "utf-8"
    )
    (tmp_path / "de.po").write_text(
        'msgctxt "home.start"\nmsgid "▶ Start: {title}"\nmsgstr "▶ Starten: {titel}"\n', "utf-8"
    )
    monkeypatch.setattr(catalog, "FOLDER", tmp_path)
    catalog.forget()
    try:
        assert audit.problems("de") == [
            "de: 'home.start': placeholders ['titel'] instead of ['title']"
        ]
        with pytest.raises(catalog.TextFormatError):
            t("de", "home.start", title="Basics")
        monkeypatch.delenv(catalog.STRICT_ENV)
        assert t("de", "home.start", title="Basics") == "▶ Start: Basics"  # English, not a crash
    finally:
        catalog.forget()


def test_a_stale_or_fuzzy_translation_fails_the_audit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "en.po").write_text(
        'msgctxt "a.b"\nmsgid "New English"\nmsgstr ""\n\nmsgctxt "a.c"\nmsgid "C"\nmsgstr ""\n',
        "utf-8",
    )
    (tmp_path / "de.po").write_text(
        'msgctxt "a.b"\nmsgid "Old English"\nmsgstr "Deutsch"\n\n'
        '#, fuzzy\nmsgctxt "a.c"\nmsgid "C"\nmsgstr "Ce"\n',
        "utf-8",
    )
    monkeypatch.setattr(catalog, "FOLDER", tmp_path)
    assert audit.problems("de") == [
        "de: 'a.b': msgid differs from English (was the English text changed?)",
        "de: 'a.c': not translated yet (fuzzy)",
    ]


def test_the_audit_command_reports_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert audit.main([]) == 0
    assert audit.main(["xx"]) == 1
    assert "xx:" in capsys.readouterr().out
