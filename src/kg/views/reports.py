"""Report tables of the analyses, as the command line prints them: columns and rows of plain values."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from typing import Any, TypeVar

import networkx as nx

from kg.network import analysis
from kg.network.analysis import Relative, Step
from kg.network.evaluate import Result, summary
from kg.network.suggest import Suggestions
from kg.views.tables import render

Rows = tuple[list[str], list[tuple[Any, ...]]]
"""Column names and rows."""
ANALYZE_REPORTS = ("summary", "central", "communities", "bridges")
T = TypeVar("T")


def suggestions_text(result: Suggestions, fmt: str) -> str:
    """The candidates as a table, CSV/TSV (reasons joined with ' | ') or JSON (reasons as lists)."""
    if fmt == "json":
        payload = {
            "event": result.event,
            "eventName": result.event_name,
            "asOf": result.as_of.isoformat() if result.as_of else None,
            "speakers": result.speakers,
            "organizers": result.organizers,
            "considered": result.considered,
            "taste": result.taste,
            "tasteFitted": result.fitted,
            "candidates": [
                {"rank": rank, **asdict(c)} for rank, c in enumerate(result.candidates, start=1)
            ],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    columns = ["rank", "name", "score", "reasons", "path", "topic_words", "conflicts", "relations",
               "closeness", "topic", "recency", "person"]
    rows = [
        (rank, c.name, f"{c.score:.3f}", " | ".join(c.reasons),
         " ; ".join(step.describe() for step in c.path), ", ".join(c.topic_words),
         " | ".join(c.conflicts), " | ".join(c.relations), f"{c.closeness:.3f}", f"{c.topic:.3f}",
         f"{c.recency:.3f}", c.person)
        for rank, c in enumerate(result.candidates, start=1)
    ]
    return render(columns, rows, fmt)


def evaluation_table(results: Sequence[Result], ks: Sequence[int]) -> Rows:
    """One row per series and method, then the average of each method over the series."""
    columns = ["series", "cutoff", "method", "past_speakers", "later_speakers", "known",
               *(f"recall@{k}" for k in ks), "MRR"]
    rows: list[tuple[Any, ...]] = [
        (r.name, r.cutoff.isoformat(), r.method, r.past_speakers, r.later_speakers, r.known,
         *(f"{r.recall[k]:.3f}" for k in ks), f"{r.mrr:.4f}") for r in results]
    count = len({r.series for r in results})
    for method, row in summary(results, ks).items():
        rows.append((f"average of {count} series", "", method, "", "", "",
                     *(f"{row[f'recall@{k}']:.3f}" for k in ks), f"{row['MRR']:.4f}"))
    return columns, rows


def evaluation_json(results: Sequence[Result], ks: Sequence[int]) -> str:
    """The evaluation as JSON: every result, and the averages per method."""
    payload = {
        "results": [{"series": r.series, "name": r.name, "cutoff": r.cutoff.isoformat(),
                     "method": r.method, "pastSpeakers": r.past_speakers,
                     "laterSpeakers": r.later_speakers, "known": r.known,
                     "recall": {str(k): r.recall[k] for k in ks}, "mrr": r.mrr} for r in results],
        "average": summary(results, ks),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def analysis_tables(graph: nx.Graph, top: int,
                    progress: Callable[[Sequence[str], str], Iterable[str]] | None = None) -> dict[str, Rows]:
    """The coauthor graph's summary, central people, communities and bridges, as tables.

    ``progress`` wraps the list of steps (``kg analyze`` shows a bar on a terminal).
    """
    steps: Sequence[str] = ("betweenness", "communities", "centrality", "bridges")
    results: dict[str, Any] = {}
    for step in (progress(steps, "Analyzing") if progress else steps):
        if step == "betweenness":
            between = analysis.betweenness(graph)
        elif step == "communities":
            groups = analysis.communities(graph)
        elif step == "centrality":
            results["central"] = analysis.centrality(graph, groups, between, top)
        else:
            results["bridges"] = analysis.bridges(graph, groups, between, top)
    return {
        "summary": (["measure", "value"], list(analysis.summary(graph).items())),
        "central": (["rank", "name", "papers", "degree", "pagerank", "betweenness", "community",
                     "person"],
                    [(i, c.name, c.papers, c.degree, c.pagerank, c.betweenness, c.community, c.person)
                     for i, c in enumerate(results["central"], start=1)]),
        "communities": (["community", "size", "best connected"],
                        [(c.number, c.size, ", ".join(c.leaders))
                         for c in analysis.describe_communities(graph, groups, top)[:top]]),
        "bridges": (["rank", "name", "community", "communities_reached", "participation",
                     "betweenness", "person"],
                    [(i, b.name, b.community, b.communities_reached, b.participation,
                      b.betweenness, b.person) for i, b in enumerate(results["bridges"], start=1)]),
    }


def path_table(steps: Sequence[Step]) -> Rows:
    """A chain of collaboration, one step a row."""
    return (["step", "from", "relation", "title", "year", "to", "via"],
            [(i, s.name, s.relation, s.title or "", s.year, s.to_name, s.via)
             for i, s in enumerate(steps, start=1)])


def lineage_table(relatives: Sequence[Relative]) -> Rows:
    """Academic ancestors and descendants, one a row."""
    return (["generation", "name", "relation", "of", "person"],
            [(r.generation, r.name, r.relation, r.of_name, r.person) for r in relatives])
