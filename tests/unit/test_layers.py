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
    "cli": {"content", "analysis", "grading", "progress", "tutor"},
    "tutor": {"content", "analysis", "grading", "progress"},
    "tui": {"content", "analysis", "grading", "progress", "tutor"},
    "texts": set(),  # the string catalogue, below every layer
}
SHARED = {"types", "settings", "texts", "__init__"}


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
        "import twitter_tutor.tutor.session, twitter_tutor.tutor.course_index\n"
        "import twitter_tutor.tutor.watcher, twitter_tutor.tutor.i18n, twitter_tutor.texts\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """Every package module `path` imports anywhere: top level, in functions, for type checking.

    `from package import submodule` counts as importing the submodule only, as Python runs it;
    `importlib.import_module(f"pkg.cmd_{name}")` as importing every module it could name.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("import_module"):
            name = node.args[0] if node.args else None
            if isinstance(name, ast.JoinedStr) and isinstance(name.values[0], ast.Constant):
                prefix = str(name.values[0].value)
                found.update(module for module in modules if module.startswith(prefix))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            found.update(submodules if submodules <= modules else {node.module})
    return found & modules


def test_no_module_imports_itself_through_others() -> None:
    paths = {_module_name(path): path for path in SRC.rglob("*.py")}
    graph = {name: _module_imports(path, set(paths)) for name, path in paths.items()}
    circles: list[list[str]] = []
    for start in graph:
        # Depth-first from each module back to itself: a few hundred edges, fast enough.
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            name, trail = stack.pop()
            for target in graph[name]:
                if target == start:
                    circles.append(trail)
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, [*trail, target]))
    assert circles == []
