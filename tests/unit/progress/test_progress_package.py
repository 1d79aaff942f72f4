"""The progress package names its API lazily: every name is there, from the module it lives in,
and opening a store does not import the rest of the package (start-up, issue 17)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import twitter_tutor.progress as progress


def test_every_public_name_resolves_to_its_modules_object() -> None:
    for name in progress.__all__:
        module = importlib.import_module(f"twitter_tutor.progress.{progress._WHERE[name]}")
        assert getattr(progress, name) is getattr(module, name), name
    assert set(progress.__all__) == set(progress._WHERE)
    assert set(progress.__all__) <= set(dir(progress))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        getattr(progress, "no_such_thing")  # noqa: B009


def test_opening_a_store_imports_only_the_modules_that_open_it() -> None:
    code = (
        "import sys\n"
        "from twitter_tutor.progress import open_store\n"
        "loaded = {m for m in sys.modules if m.startswith('twitter_tutor.progress.')}\n"
        "assert not loaded & {'twitter_tutor.progress.models', 'twitter_tutor.progress.export',\n"
        "    'twitter_tutor.progress.locations', 'twitter_tutor.progress.store',\n"
        "    'twitter_tutor.progress.postgres_store'}, sorted(loaded)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
