"""Workshop load: many learners writing attempts and drafts into one store at once.

Simulated learners, spread over worker processes (as `serve` runs one process per browser
tab, or several `serve` hosts share one PostgreSQL), each answer exercises and type drafts for
a bounded time. Afterwards the store is read back: every attempt a worker was told was saved
must be there exactly once (nothing lost, nothing duplicated), and every learner's last draft
must be the one they typed last. Reports write latency (median, p99) per backend, and writes
the store refused (told to the writer, as the tutor tells the learner; learners never write
this fast, so a refusal here is a margin, not a loss).

    python bench/bench_store_load.py                 # PostgreSQL: 50 learners, 2 processes;
                                                     # SQLite: 50 learners, 8 processes; 10 s
    python bench/bench_store_load.py --quick --json  # a few seconds, for the test suite

PostgreSQL is taken from TWITTER_TUTOR_TEST_PG (default: the local server, database `test`);
each run uses a schema of its own and drops it afterwards.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True)
class Plan:
    url: str
    learners: list[str]
    seconds: float
    worker: int


def _work(plan: Plan, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """One worker process: its learners take turns answering and typing until time is up."""
    from twitter_tutor.progress import open_store_url

    store = open_store_url(plan.url, data_dir=Path(tempfile.mkdtemp())).store
    saved: list[tuple[str, str]] = []
    last_draft: dict[str, str] = {}
    latencies: list[float] = []
    errors = 0
    first_error = ""
    end = time.monotonic() + plan.seconds
    n = 0
    while time.monotonic() < end:
        for learner in plan.learners:
            n += 1
            answer = f"{learner} answer {n} from worker {plan.worker}"
            draft = f"{learner} draft {n}"
            try:
                start = time.perf_counter()
                store.save_draft(learner, "load", f"ex{n % 5}", 0, draft)
                latencies.append(time.perf_counter() - start)
                last_draft[learner] = draft
                start = time.perf_counter()
                store.record_attempt(
                    learner, "load", f"ex{n % 5}", answer, n % 101, n % 2 == 0, [], "h"
                )
                latencies.append(time.perf_counter() - start)
                saved.append((learner, answer))
            except Exception as error:  # counted: a failed write is reported, not retried
                errors += 1
                first_error = first_error or f"{type(error).__name__}: {error}"
    store.close()
    results.put(
        {
            "saved": saved,
            "drafts": last_draft,
            "latencies": latencies,
            "errors": errors,
            "first_error": first_error,
        }
    )


def run(url: str, learners: int, processes: int, seconds: float) -> dict[str, object]:
    from twitter_tutor.progress import open_store_url

    names = [f"learner{i:03d}" for i in range(learners)]
    # The store is created (and migrated) once, before the workers start.
    open_store_url(url, data_dir=Path(tempfile.mkdtemp())).store.close()
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    plans = [Plan(url, names[i::processes], seconds, i) for i in range(processes)]
    workers = [multiprocessing.Process(target=_work, args=(plan, queue)) for plan in plans]
    for worker in workers:
        worker.start()
    reports = [queue.get(timeout=seconds + 120) for _ in workers]
    for worker in workers:
        worker.join()
    saved = [tuple(pair) for report in reports for pair in report["saved"]]  # type: ignore[attr-defined]
    drafts: dict[str, str] = {}
    for report in reports:
        drafts.update(report["drafts"])  # type: ignore[arg-type]
    latencies = sorted(x for report in reports for x in report["latencies"])  # type: ignore[attr-defined]
    store = open_store_url(url, data_dir=Path(tempfile.mkdtemp())).store
    stored = [(a.profile, a.answer) for name in names for a in store.attempts(name, "load")]
    stored_drafts = {
        name: store.drafts(name, "load") for name in names if name in drafts
    }
    store.close()
    lost = len(set(saved) - set(stored))
    duplicated = len(stored) - len(set(stored))
    unexpected = len(set(stored) - set(saved))
    wrong_drafts = sum(
        1 for name, text in drafts.items() if text not in stored_drafts[name].values()
    )
    return {
        "learners": learners,
        "processes": processes,
        "seconds": seconds,
        "writes": len(latencies),
        "attempts_saved": len(saved),
        "lost": lost,
        "duplicated": duplicated,
        "unexpected": unexpected,
        "wrong_drafts": wrong_drafts,
        "errors": sum(int(report["errors"]) for report in reports),  # type: ignore[call-overload]
        "first_error": next((r["first_error"] for r in reports if r["first_error"]), ""),
        "median_ms": statistics.median(latencies) * 1000 if latencies else 0.0,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0.0,
        "writes_per_s": len(latencies) / seconds,
    }


def postgres_schema_url() -> tuple[str, str]:
    base = os.environ.get("TWITTER_TUTOR_TEST_PG") or DEFAULT_PG
    schema = f"tt_load_{uuid.uuid4().hex[:12]}"
    options = quote(f"-csearch_path={schema}", safe="")
    return base, f"{base}{'&' if '?' in base else '?'}options={options}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    seconds = 2.0 if args.quick else args.seconds
    learners = 10 if args.quick else args.learners
    import psycopg

    base, url = postgres_schema_url()
    schema = url.rsplit("search_path%3D", 1)[1]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        postgres = run(url, learners, 2, seconds)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
    folder = tempfile.mkdtemp(prefix="tt-load-")
    sqlite = run(f"sqlite:///{folder}", learners, 8, seconds)
    result = {"postgresql": postgres, "sqlite": sqlite}
    if args.json:
        print(json.dumps(result))
    else:
        columns = (
            "store | learners | processes | writes | lost | duplicated | refused | median | p99"
        )
        print(f"| {columns} |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, figures in result.items():
            print(
                f"| {name} | {figures['learners']} | {figures['processes']} | "
                f"{figures['writes']} | {figures['lost']} | {figures['duplicated']} | "
                f"{figures['errors']} | "
                f"{figures['median_ms']:.1f} ms | {figures['p99_ms']:.1f} ms |"
            )
    # A write the store refused (SQLite busy for 5 s under this no-pause hammering) was told to
    # its writer, as the tutor tells the learner: reported, not a failure. Losing a write the
    # writer was told was saved, or saving one twice, is.
    checks = ("lost", "duplicated", "unexpected", "wrong_drafts")
    bad = [name for name, figures in result.items() if any(figures[c] for c in checks)]
    for name in bad:
        print(f"{name}: {result[name]}", file=sys.stderr)
    sys.exit(1 if bad else 0)  # the suite runs this script: a lost write fails it


if __name__ == "__main__":
    main()
