"""Small shared type aliases used by every layer."""

from typing import Literal, NewType

Lang = NewType("Lang", str)
"""An interface language: a code from `twitter_tutor.texts.languages.LANGUAGES`, the one list
of them. Not a Literal, because a new language is data (a catalogue and a line in that list),
and a type checker cannot read data: values become a Lang where they enter (`as_lang`, the
`--lang` choices, the environment) and are checked there."""
Kind = Literal["promotional", "personal", "conversational", "informative"]
