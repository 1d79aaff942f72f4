"""One catalogue for every text a person reads: the TUI, grading feedback, the CLI's messages
and the store's errors, in every installed language.

The texts are data (`catalogues/<lang>.po`, gettext format) a translator edits without Python;
the languages are listed once, in `languages.py`. Each `.po` file ships with its compiled form
(`catalogues/<lang>.json`, for a fast start): after editing one, run
`python -m twitter_tutor.texts.compile_catalogues` (a test says when it is needed).

This package sits below every layer and imports none of them, so each may use it; it never
imports Textual.
"""

from twitter_tutor.texts.catalog import (
    Message,
    MissingText,
    TextFormatError,
    catalogue,
    said_in,
    say,
    t,
    tn,
)
from twitter_tutor.texts.formats import format_count, format_date
from twitter_tutor.texts.languages import (
    LANGUAGES,
    SOURCE,
    as_lang,
    codes,
    from_locale,
    is_installed,
    native_name,
    next_language,
)

__all__ = [
    "LANGUAGES",
    "SOURCE",
    "Message",
    "MissingText",
    "TextFormatError",
    "as_lang",
    "catalogue",
    "codes",
    "format_count",
    "format_date",
    "from_locale",
    "is_installed",
    "native_name",
    "next_language",
    "said_in",
    "say",
    "t",
    "tn",
]
