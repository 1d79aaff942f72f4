"""The package's own data files (data/, lexicons/), read by path next to this module.

importlib.resources would do the same for a zipped package, which this never is, and costs more
to import than the whole analysis.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def read_text(*parts: str) -> str:
    return _HERE.joinpath(*parts).read_text(encoding="utf-8")
