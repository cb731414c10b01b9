"""``kg site``: the static site for viewers, written to a folder that opens from disk."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import click

from kg.cli.base import Context, main, note, progress, read_only_store

DEFAULT_OUT = Path("site")


@main.command("site")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
              show_default=True, help="Folder to write the site into (replaced whole when done).")
@click.option("--max-nodes", type=click.IntRange(min=2), default=60, show_default=True,
              help="Most nodes a page's graph panel draws; the page says what it left out.")
@click.option("--max-links", type=click.IntRange(min=1), default=180, show_default=True,
              help="Most links a page's graph panel draws.")
@click.pass_obj
def site(ctx: Context, out: Path, max_nodes: int, max_links: int) -> None:
    """Write the site for viewers: a page per person, event, institution, paper, talk and source.

    The site opens from disk with no network: start at OUT/index.html. Every page links to
    what it mentions, lists first and its graph below; search.html finds anyone by any name
    or title, without accents or case. The page of the entity
    https://w3id.org/kg/id/<kind>/<id> is OUT/<kind>/<id>.html. The new site is written
    beside OUT and swapped in when complete.

    \b
    Example:
      kg build && kg site --out site/ && xdg-open site/index.html
    """
    from kg.views.site.build import plan_site
    from kg.views.site.pages import Limits

    started = time.perf_counter()
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        with read_only_store(ctx) as store:
            plan = plan_site(store, Limits(max_nodes, max_links))
            size = 0
            for path, make in progress(plan.jobs, "Writing pages"):
                target = partial / path
                target.parent.mkdir(parents=True, exist_ok=True)
                data = make()
                target.write_bytes(data)
                size += len(data)
        _swap(partial, out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    note(f"Wrote {out}/: {len(plan.jobs):,} files, {size / 1e6:,.1f} MB in "
         f"{time.perf_counter() - started:,.1f} s. Open {out / 'index.html'}")


def _swap(new: Path, out: Path) -> None:
    """Put the complete site ``new`` where ``out`` was; the old one is removed only afterwards."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.replace(out, old)
    os.replace(new, out)
    shutil.rmtree(old, ignore_errors=True)
