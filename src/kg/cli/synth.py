"""Generate synthetic data at any size, for benchmarks and scale tests."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.base import Count, main, note, progress_bar


@main.command()
@click.option("--triples", "-n", type=Count(), required=True, metavar="COUNT",
              help="About how many triples to write (250k, 1M, 10M...).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the N-Quads file and its summary into.")
@click.option("--seed", default=1, show_default=True, help="Random seed; same seed, same bytes.")
@click.option("--gzip", "compress", is_flag=True, help="Write .nq.gz instead of .nq.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def synth(triples: int, out_dir: Path, seed: int, compress: bool, quiet: bool) -> None:
    """Write a realistic synthetic graph of about COUNT triples as N-Quads.

    People coauthor papers by preferential attachment (a power-law coauthor graph with hubs),
    give talks at seminar series and conferences, advise students and state affiliations,
    all with kg's own ontology terms and IRIs, so every named query and 'kg suggest' run on
    it. The output is OUT/synthetic-<COUNT>-s<SEED>.nq (or .nq.gz) and a .json summary with
    sample entities to ask about. Load it with 'kg build --nquads FILE'.

    \b
    Example:
      kg synth --triples 1M --out bench/data
      kg --store /tmp/big build --nquads bench/data/synthetic-1000000-s1.nq
    """
    from kg.rdf.synthetic import write_synthetic  # the record models load only when generating

    with progress_bar("Generating", triples, quiet) as advance:
        path, summary = write_synthetic(out_dir, triples, seed, compress, advance)
    click.echo(str(path))
    if not quiet:
        note(f"Wrote {summary.quads:,} quads: {summary.people:,} people, {summary.papers:,} papers, "
             f"{summary.talks:,} talks, {summary.events:,} events, {summary.advising:,} advising "
             f"relations.")
