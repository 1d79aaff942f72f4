"""The progress store is UI-free: the CLI must not pay for (or depend on) Textual."""

from __future__ import annotations

import subprocess
import sys


def test_importing_progress_does_not_import_textual() -> None:
    code = (
        "import sys, twitter_tutor.progress, twitter_tutor.progress.export; "
        "print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
