"""A NetworkX graph → one self-contained interactive HTML page (vis-network through pyvis).

The page needs nothing but itself: vis-network's script and style sheet are copied into it,
so it opens offline and makes no network request. Every text that comes from the data (names,
titles, places) reaches the browser as JSON inside a ``<script type="application/json">``
block, escaped so that it cannot close the block, and the page's script puts it into the
document only as text (``textContent``; vis-network shows string tooltips with ``innerText``):
a title like ``<img src=x onerror=...>`` is shown, never run.

Nodes are drawn by ``kind`` (person, organization, talk, paper, event, candidate) with a colour and a
shape, sized by their ``importance`` (0–1); edges by ``kind`` with a colour, a dash pattern
and, on small pages, a label. The same graph gives the same HTML, byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network


@dataclass(frozen=True)
class Page:
    """One view to draw: the graph, what it shows, what was cut, how to lay it out."""

    name: str
    """The file stem (``coauthors``, ``person-sanjeev-arora``)."""
    title: str
    summary: str
    graph: nx.Graph
    cut: str | None = None
    """A sentence saying what was left out to keep the page readable, if anything was."""
    hierarchical: bool = False
    """Lay the graph out top-down by each node's ``generation`` (for lineages)."""
    focus: str | None = None
    """The node the page is about, drawn with a thick border."""


@dataclass(frozen=True)
class Style:
    """How one kind of node or link is drawn, and what the legend calls it."""

    name: str
    color: str
    shape: str = "dot"
    dashes: bool = False
    arrows: bool = False


NODE_STYLES = {
    "person": Style("person", "#4e79a7", "dot"),
    "organization": Style("institution", "#59a14f", "square"),
    "talk": Style("talk", "#f28e2b", "triangle"),
    "paper": Style("paper", "#e15759", "diamond"),
    "event": Style("event", "#9c6ade", "star"),
    "candidate": Style("suggested speaker", "#edc948", "hexagon"),
}
OTHER_NODE = Style("other", "#9d9d9d", "dot")

EDGE_STYLES = {
    "coauthor": Style("coauthors", "#8a9bb0"),
    "author": Style("author of", "#e15759"),
    "speaker": Style("speaker of", "#f28e2b"),
    "collaborator": Style("collaborator on", "#f5b97a", dashes=True),
    "partOf": Style("part of", "#9c6ade", dashes=True, arrows=True),
    "organizer": Style("organizer of", "#b9a0e0", arrows=True),
    "host": Style("host of", "#59a14f", dashes=True, arrows=True),
    "affiliatedWith": Style("affiliated with", "#59a14f", dashes=True),
    "educatedAt": Style("educated at", "#8cd17d", dashes=True),
    "subOrganizationOf": Style("part of", "#59a14f", arrows=True),
    "doctoralAdvisor": Style("PhD advisor of", "#4e79a7", arrows=True),
    "postdocMentor": Style("postdoc mentor of", "#4e79a7", dashes=True, arrows=True),
    "phd": Style("PhD advisor of", "#4e79a7", arrows=True),
    "postdoc": Style("postdoc mentor of", "#4e79a7", dashes=True, arrows=True),
    "spoke at": Style("spoke at", "#f28e2b"),
    "affiliated with": Style("affiliated with", "#59a14f", dashes=True),
    "joint paper": Style("joint paper", "#e15759"),
    "shared talk": Style("shared talk", "#f28e2b", dashes=True),
}
OTHER_EDGE = Style("linked to", "#bbbbbb")

# Links whose RDF direction reads backwards in the legend's words: drawn from object to subject.
_REVERSED = {"author", "speaker", "collaborator", "organizer", "host", "doctoralAdvisor",
             "postdocMentor"}

EDGE_LABELS_UP_TO = 80
"""Pages with more links than this label them only on hover, or the labels hide the graph."""
LABEL_LENGTH = 40
MIN_SIZE, MAX_SIZE = 10.0, 40.0
CAREFUL_LAYOUT_UP_TO = 100
"""Pages with more nodes than this skip vis-network's improved initial layout and take half the
layout iterations: together twice as fast on a 150-node page, and as readable (BENCHMARKS.md)."""
LAYOUT_SEED = 7


def render_page(page: Page) -> str:
    """The page as one HTML document that works offline."""
    network = _network(page)
    nodes, edges, _, _, _, options = network.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "focus": page.focus,
        "hierarchical": page.hierarchical,
    }
    return _template("page.html").render(
        page=page,
        data=data,
        node_count=page.graph.number_of_nodes(),
        edge_count=page.graph.number_of_edges(),
        node_legend=_node_legend(page.graph),
        edge_legend=_edge_legend(page.graph),
        vis_js=_vis_asset("vis-network.min.js"),
        vis_css=_vis_asset("vis-network.css"),
        page_js=_asset("page.js"),
        page_css=_asset("page.css"),
    )


@dataclass(frozen=True)
class IndexEntry:
    """One page as the index lists it."""

    file: str
    title: str
    summary: str
    nodes: int
    edges: int


def render_index(entries: list[IndexEntry], title: str = "kg: graph views") -> str:
    """A self-contained page linking every view, in the order given."""
    return _template("index.html").render(title=title, entries=entries, page_css=_asset("page.css"))


def read_entry(path: Path) -> IndexEntry | None:
    """What the index says about a page written by ``render_page``; ``None`` for other files."""
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    meta = reader.meta
    if "kg-nodes" not in meta:
        return None
    return IndexEntry(
        file=path.name,
        title=reader.title.strip(),
        summary=meta.get("description", ""),
        nodes=int(meta["kg-nodes"]),
        edges=int(meta.get("kg-edges", "0")),
    )


def node_style(kind: str) -> Style:
    """How nodes of ``kind`` are drawn."""
    return NODE_STYLES.get(kind, OTHER_NODE)


def edge_style(kind: str) -> Style:
    """How links of ``kind`` are drawn."""
    return EDGE_STYLES.get(kind, OTHER_EDGE)


def _network(page: Page) -> Network:
    graph = page.graph
    network = Network(directed=graph.is_directed(), cdn_resources="in_line")
    for node in sorted(graph):
        network.add_node(node, **_node_options(node, graph.nodes[node], page))
    label_edges = graph.number_of_edges() <= EDGE_LABELS_UP_TO
    for number, (a, b) in enumerate(_edge_pairs(graph)):
        data = graph.edges[a, b]
        kind = data.get("kind", "")
        source, target = (b, a) if kind in _REVERSED else (a, b)
        network.add_edge(source, target, **_edge_options(number, data, graph, label_edges))
    network.options = _options(page)  # a dict: pyvis passes it to vis-network as JSON
    return network


def _edge_pairs(graph: nx.Graph) -> list[tuple[str, str]]:
    if graph.is_directed():
        return sorted(graph.edges())
    return sorted((a, b) if a <= b else (b, a) for a, b in graph.edges())


def _node_options(node: str, data: dict[str, Any], page: Page) -> dict[str, Any]:
    kind = data.get("kind") or "other"
    style = node_style(kind)
    label = _label(data, kind)
    facts = [[field, "; ".join(values)] for field, values in sorted(data.get("facts", {}).items())
             if field != "kind" and values]
    options: dict[str, Any] = {
        "label": _short(label),
        "fullLabel": label,
        "kind": kind,
        "kindName": style.name,
        "shape": style.shape,
        "color": style.color,
        "size": round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * float(data.get("importance", 0.0)), 1),
        "title": "\n".join([label, style.name, *(f"{f}: {v}" for f, v in facts)]),
        "facts": facts,
        "iri": node,
    }
    if node == page.focus:
        options.update(borderWidth=5, font={"size": 18, "strokeWidth": 4})
    if page.hierarchical:
        options["level"] = int(data.get("generation", 0)) - _top_generation(page.graph)
    return options


def _edge_options(number: int, data: dict[str, Any], graph: nx.Graph, label: bool) -> dict[str, Any]:
    kind = data.get("kind", "")
    style = edge_style(kind)
    words = style.name
    detail = _edge_detail(data)
    options: dict[str, Any] = {
        "id": f"e{number}",
        "kind": kind,
        "kindName": style.name,
        "color": style.color,
        "dashes": style.dashes,
        "title": f"{words}{': ' + detail if detail else ''}",
        "width": min(1 + int(data.get("weight", 1)), 8) if kind == "coauthor" else 1.5,
    }
    options["arrows"] = "to" if style.arrows else ""
    if label and kind != "coauthor":
        options["label"] = words
    return options


def _edge_detail(data: dict[str, Any]) -> str:
    if data.get("kind") == "coauthor":
        weight = int(data.get("weight", 1))
        years = ", ".join(str(y) for y in data.get("years", []))
        return f"{weight} joint paper{'s' if weight != 1 else ''} ({years})"
    return str(data.get("detail", ""))


def _options(page: Page) -> dict[str, Any]:
    careful = page.graph.number_of_nodes() <= CAREFUL_LAYOUT_UP_TO
    options: dict[str, Any] = {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": careful},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "font": {"size": 11, "align": "middle", "strokeWidth": 3},
                  "color": {"inherit": False}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400 if careful else 200, "updateInterval": 50,
                              "fit": True},
        },
    }
    if page.hierarchical:
        options["layout"]["hierarchical"] = {
            "enabled": True, "direction": "UD", "sortMethod": "directed",
            "levelSeparation": 130, "nodeSpacing": 170, "shakeTowards": "roots",
        }
        options["physics"] = {"enabled": False}
    return options


def _label(data: dict[str, Any], kind: str) -> str:
    label = str(data.get("label") or "").strip()
    return label or f"untitled {node_style(kind).name}"


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1].rstrip() + "…"


def _top_generation(graph: nx.Graph) -> int:
    return min((int(g) for _, g in graph.nodes(data="generation", default=0)), default=0)


def _node_legend(graph: nx.Graph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, kind in graph.nodes(data="kind", default="other"):
        counts[kind or "other"] = counts.get(kind or "other", 0) + 1
    order = [*NODE_STYLES, *sorted(set(counts) - set(NODE_STYLES))]
    return [
        {"kind": kind, "style": node_style(kind), "count": counts[kind]}
        for kind in order if kind in counts
    ]


def _edge_legend(graph: nx.Graph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for *_, kind in graph.edges(data="kind", default=""):
        name = edge_style(kind or "").name
        counts[name] = counts.get(name, 0) + 1
    styles = {edge_style(k or "").name: edge_style(k or "") for *_, k in graph.edges(data="kind")}
    return [{"style": styles[name], "count": counts[name]} for name in sorted(counts)]


def _template(name: str) -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(_asset),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template(name)


def _asset(name: str) -> str:
    return (files("kg.views") / "assets" / name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    """vis-network as pyvis ships it, less the source-map comment a browser could fetch."""
    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name
    text = path.read_text(encoding="utf-8")
    return re.sub(r"/[/*]# sourceMappingURL=\S*", "", text)


class _PageReader(HTMLParser):
    """Reads the title and ``<meta name=... content=...>`` pairs of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.meta[values["name"] or ""] = values.get("content") or ""
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
