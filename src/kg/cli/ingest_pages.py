"""``kg ingest`` for pages: plan every page first, then write them one by one."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import note
from kg.ingest.pages.pipeline import extract_page, ingest_page, plan_page
from kg.views.tables import render

COLUMNS = ["file", "action", "record", "id", "summary"]


def ingest_pages(pages: list[Path], kinds: dict[Path, str], data_dir: Path, dry_run: bool,
                 fmt: str) -> bool:
    """Ingest (or, with ``dry_run``, plan) pages and print the table of changes.

    Every page is read and extracted before anything is written, so a bad page stops the
    command with data/ untouched. Returns whether anything was (or would be) written.
    """
    for path in pages:
        extract_page(path, kinds[path])
    rows: list[tuple[str, str, str, str, str]] = []
    changed = False
    for path in pages:
        plan = plan_page(data_dir, path, kinds[path]) if dry_run else \
            ingest_page(data_dir, path, kinds[path])
        changed = changed or plan.changed
        rows.extend((str(path), c.action, c.record, c.id, c.summary) for c in plan.changes)
        counts: dict[str, int] = {}
        for change in plan.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        summary = ", ".join(f"{n} {a}" for a, n in sorted(counts.items())) or "nothing to do"
        verb = "would change" if dry_run else "wrote"
        note(f"{path}: {kinds[path]} → {plan.record_file}: {summary}"
             + (f" ({verb} {len(plan.texts)} files)" if plan.changed else ""))
    click.echo(render(COLUMNS, rows, fmt), nl=False)
    return changed
