"""Where the stylesheets are: absolute paths, so a subclass in another module still finds them."""

from __future__ import annotations

from pathlib import Path, PurePath

TUI = Path(__file__).parent


def tcss(*names: str) -> list[str | PurePath]:
    """Stylesheets by their path below `tui/`, e.g. "screens/home.tcss"."""
    return [TUI / name for name in names]
