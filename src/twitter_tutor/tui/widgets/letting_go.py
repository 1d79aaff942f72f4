"""Letting go of widgets that are gone: Textual keeps some of them alive as long as the app.

A `Header` watches the app's title and sub-title, and Textual drops such a watcher only when
the value it watches changes. The app's title never changes, so every screen with a header
that was ever shown (a lesson screen with the whole of its last step) stayed alive, some
20,000 objects per lesson opened, each sweep of the garbage collector walking them all again
(issue 17: sweeps grew from 20 to 100 ms over a session).
"""

from __future__ import annotations

from textual.dom import DOMNode


def forget_closed_watchers(owner: DOMNode) -> None:
    """Drop the watchers on `owner` (the app) set up by widgets that have since closed.

    The same rule Textual applies when a watched value changes, applied now. Textual's
    watcher list is private: on another Textual this does nothing."""
    watchers = getattr(owner, "__watchers", None)
    if not isinstance(watchers, dict):
        return
    for entries in watchers.values():
        if isinstance(entries, list):
            entries[:] = [entry for entry in entries if not _closed(entry)]


def _closed(entry: object) -> bool:
    node = entry[0] if isinstance(entry, tuple) and entry else None
    return bool(getattr(node, "_closing", False) or getattr(node, "_closed", False))
