"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys (a dozen widgets, each styled anew) whenever the
screen's bindings may have changed: at every focus change, and several times while a lesson
step opens, though mostly the same keys come out. This one waits for the burst to end and
rebuilds only when what it would show differs (issue 17: no block of the UI over 50 ms).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, Binding, str, bool, str], ...]


class KeysFooter(Footer):
    _pending = False
    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys(self) -> Shown:
        """What `compose` would show: each key's binding, label, state and tooltip."""
        app = self.app
        return tuple(
            (key, binding, app.get_key_display(binding), enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
