"""`twitter-tutor list [--json]`: every lesson of every source, its status and progress."""

from __future__ import annotations

import argparse

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import escape, print_json, warn

STORE_NAME = "progress.sqlite3"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON array")


def rows(ctx: Context) -> list[dict[str, object]]:
    from twitter_tutor.content.course import load_course
    from twitter_tutor.grading.self_test import with_example_problems

    course = load_course(ctx.sources)
    files = with_example_problems(course.files)
    progress = _progress(ctx)
    replaces = {new: old for old, new in course.replaced.items()}
    out: list[dict[str, object]] = []
    for f in files:
        meta = f.meta
        row: dict[str, object] = {
            "id": meta.id if meta else None,
            "title": meta.title if meta else None,
            "lang": meta.lang if meta else None,
            "order": meta.order if meta else None,
            "source": str(f.source),
            "path": str(f.path),
            "exercises": len(f.lesson.exercises) if f.lesson else 0,
            "status": "ok" if not f.problems else "broken",
            "problem": str(f.problems[0]) if f.problems else None,
            "replaced_by": str(course.replaced[f.path]) if f.path in course.replaced else None,
            "replaces": str(replaces[f.path]) if f.path in replaces else None,
        }
        if progress is not None and meta is not None:
            row["progress"] = progress.get(meta.id)
        out.append(row)
    return sorted(out, key=_sort_key)


def _sort_key(row: dict[str, object]) -> tuple[bool, int, str, str]:
    order = row["order"]
    return (
        order is None,
        order if isinstance(order, int) else 0,
        str(row["id"] or ""),
        str(row["lang"] or ""),
    )


def _progress(ctx: Context) -> dict[str, dict[str, object]] | None:
    """The learner's progress per lesson id, or None when there is no readable store yet."""
    from twitter_tutor.progress import StoreError, open_store

    if not (ctx.data_dir / STORE_NAME).exists():
        return {}  # listing must not create a store
    try:
        opened = open_store(ctx.data_dir, allow_memory=False)
    except StoreError as error:
        warn(str(error))
        return None
    for warning in opened.warnings:
        warn(warning)
    store = opened.store
    try:
        found: dict[str, dict[str, object]] = {
            lesson_id: {"state": p.state, "step": p.step, "best_score": p.best_score}
            for lesson_id, p in store.lessons(ctx.profile).items()
        }
        for line in store.damaged:
            warn(f"warning: {line}")
        return found
    finally:
        store.close()


def run(args: argparse.Namespace, ctx: Context) -> int:
    data = rows(ctx)
    if args.json:
        print_json(data)
        return 0
    if not data:
        print("No lessons found.")
        return 0
    for row in data:
        progress = row.get("progress")
        state = ""
        if isinstance(progress, dict):
            best = progress.get("best_score")
            state = f"  [{progress.get('state')}{f', best {best}' if best is not None else ''}]"
        status = "ok" if row["status"] == "ok" else f"BROKEN: {row['problem']}"
        note = f"  (replaces {row['replaces']})" if row["replaces"] else ""
        note += "  (replaced)" if row["replaced_by"] else ""
        print(
            escape(
                f"{row['order'] if row['order'] is not None else '-':>3}  {row['lang'] or '--'}  "
                f"{row['id'] or '?':<18} {row['title'] or row['path']}{state}  {status}{note}"
            )
        )
    return 0
