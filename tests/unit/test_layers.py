"""The architecture holds: layers import in one direction, and only the UI imports Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "twitter_tutor"

# What each layer may import from the package (besides itself and the small shared modules).
ALLOWED: dict[str, set[str]] = {
    "content": set(),
    "analysis": set(),
    "grading": {"content", "analysis"},
    "progress": set(),
    "cli": {"content", "analysis", "grading", "progress"},
    "tui": {"content", "analysis", "grading", "progress"},
}
SHARED = {"types", "settings", "__init__"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_point_one_way(layer: str) -> None:
    bad: list[str] = []
    for path in (SRC / layer).rglob("*.py"):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] == "textual" and layer != "tui":
                bad.append(f"{path.relative_to(SRC)} imports {name}")
            if parts[0] != "twitter_tutor" or len(parts) < 2:
                continue
            target = parts[1]
            if target not in (layer, *ALLOWED[layer], *SHARED):
                if layer == "cli" and target == "tui":
                    continue  # the launcher starts the UI
                bad.append(f"{path.relative_to(SRC)} imports {name}")
    assert bad == []


def test_core_does_not_load_textual() -> None:
    code = (
        "import sys\n"
        "import twitter_tutor.content.course, twitter_tutor.grading, twitter_tutor.progress\n"
        "import twitter_tutor.analysis\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
