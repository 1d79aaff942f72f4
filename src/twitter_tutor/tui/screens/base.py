"""What every screen of the tutor shares: the session and footer keys in the learner's language."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from twitter_tutor.tutor.i18n import binding_description, t
from twitter_tutor.tutor.session import Session


class Translated:
    """Mixin: binding descriptions are i18n keys, translated when the footer asks for them.

    Textual reads descriptions from class-level BINDINGS, which cannot know the language
    chosen at run time; translating on the way out keeps one BINDINGS list per screen.
    """

    session: Session

    def translate_bindings(self, bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
        lang = self.session.lang
        return {
            key: active._replace(
                binding=replace(
                    active.binding,
                    description=binding_description(lang, active.binding.description),
                    tooltip=binding_description(lang, active.binding.tooltip),
                ),
                tooltip=binding_description(lang, active.tooltip),
            )
            for key, active in bindings.items()
        }

    def t(self, key: str, **values: object) -> str:
        return t(self.session.lang, key, **values)


class TutorScreen(Translated, Screen[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return self.translate_bindings(super().active_bindings)

    def course_changed(self) -> None:
        """The course was (re)loaded; screens that show lessons override this."""


class TutorModal(Translated, ModalScreen[str]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return self.translate_bindings(super().active_bindings)
