"""Where a trainer's `--watch` preview records its attempts: beside the trainer's own profile.

A trainer who tries out lessons while writing them must not mix test answers into their own
progress, nor into a class's report (`report` and the trainer's view leave these out)."""

from __future__ import annotations

SUFFIX = "-preview"


def preview_profile(profile: str) -> str:
    return f"{profile}{SUFFIX}"


def is_preview(profile: str) -> bool:
    return profile.endswith(SUFFIX) and profile != SUFFIX
