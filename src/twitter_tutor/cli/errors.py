"""Errors every command may raise; in a module of their own so the command modules and
`cli/main.py` share one class even when `main` runs as `python -m twitter_tutor.cli.main`."""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments: reported in one line, exit code 2."""
