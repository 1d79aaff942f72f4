"""`twitter-tutor list [--json]`: every lesson of every source, its status and progress."""

from __future__ import annotations

import argparse

from twitter_tutor.cli.context import Context
from twitter_tutor.cli.output import escape, print_json, warn
from twitter_tutor.texts import said_in, say, t


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
    from twitter_tutor.progress import StoreError, has_store_url, open_store_url

    try:
        if not has_store_url(ctx.store_url, data_dir=ctx.data_dir):
            return {}  # listing must not create a SQLite store (a PostgreSQL one is asked)
        opened = open_store_url(ctx.store_url, data_dir=ctx.data_dir)
    except StoreError as error:
        warn(str(said_in(ctx.lang, error)))
        return None
    for warning in opened.warnings:
        warn(say(ctx.lang, warning))
    store = opened.store
    try:
        found: dict[str, dict[str, object]] = {
            lesson_id: {"state": p.state, "step": p.step, "best_score": p.best_score}
            for lesson_id, p in store.lessons(ctx.profile).items()
        }
        for line in store.damaged:
            warn(t(ctx.lang, "cli.warning", message=line))
        return found
    finally:
        store.close()


def run(args: argparse.Namespace, ctx: Context) -> int:
    data = rows(ctx)
    if args.json:
        print_json(data)
        return 0
    lang = ctx.lang
    if not data:
        print(t(lang, "cli.list.no_lessons"))
        return 0
    for row in data:
        progress = row.get("progress")
        state = ""
        if isinstance(progress, dict):
            words = [t(lang, f"cli.list.state_{progress.get('state')}")]
            if progress.get("best_score") is not None:
                words.append(t(lang, "cli.list.best", score=progress.get("best_score")))
            state = f"  [{', '.join(words)}]"
        status = t(lang, "cli.list.ok")
        if row["status"] != "ok":
            status = t(lang, "cli.list.broken", problem=row["problem"])
        note = f"  {t(lang, 'cli.list.replaces', path=row['replaces'])}" if row["replaces"] else ""
        note += f"  {t(lang, 'cli.list.replaced')}" if row["replaced_by"] else ""
        print(
            escape(
                f"{row['order'] if row['order'] is not None else '-':>3}  {row['lang'] or '--'}  "
                f"{row['id'] or '?':<18} {row['title'] or row['path']}{state}  {status}{note}"
            )
        )
    return 0
