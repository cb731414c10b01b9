"""Loading a SPARQL server the way servers take it: bounded batches, new graphs first, one swap.

``StagedLoad(store).run(quads)`` writes the quads into graphs under temporary names
(``urn:kg:staging:<run>:<n>``), batch by batch, each request with its length (Virtuoso reads a
chunked body as empty, and its SPARQL compiler gives up on one ``INSERT DATA`` of a few
thousand triples). Where the endpoint has a Graph Store Protocol URL (Oxigraph's ``/store``,
``kg serve``) the batches are N-Quads posted there; elsewhere they are ``INSERT DATA`` updates.

Only when every batch is in does one update request ``MOVE`` each temporary graph onto its real
name and ``DROP`` the kg graphs the new build no longer has; if anything fails before, the
temporary graphs are dropped and kg's graphs are as they were. Blank nodes (which ``INSERT
DATA`` may not carry across requests) are written as skolem IRIs.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from typing import Protocol

KG_GRAPHS = "https://w3id.org/kg/"
"""Every named graph kg writes starts with this; a build replaces only these."""

Quad = tuple[str, str, str, str]
"""Subject, predicate, object, graph: each an N-Quads (hence SPARQL) term, as ``kg.rdf`` writes them."""


class Server(Protocol):
    """What a staged load needs of a SPARQL server (``kg.store.remote.RemoteStore`` has it)."""

    @property
    def graph_store_url(self) -> str | None:
        """The Graph Store Protocol URL, if known."""
        ...

    def update(self, sparql: str) -> None:
        """Send one SPARQL Update request."""
        ...

    def post_nquads(self, body: bytes) -> None:
        """Add N-Quads through the Graph Store Protocol."""
        ...

    def graph_names(self, graph_prefix: str) -> list[str]:
        """The named graphs starting with ``graph_prefix``."""
        ...

    def count_quads(self, graph_prefix: str) -> int:
        """The quads in the named graphs starting with ``graph_prefix``."""
        ...


STAGING = "urn:kg:staging:"
SKOLEM = "https://w3id.org/kg/.well-known/genid/"
BATCH_QUADS = 2_000
"""Quads a batch holds at most when sent as ``INSERT DATA`` (Virtuoso's compiler fails near 5,000)."""
GSP_BATCH_QUADS = 50_000
BATCH_BYTES = 4 << 20
_BLANK = re.compile(r"^_:(.+)$")


class StagedLoad:
    """One replacement of kg's graphs on a server (see the module's help)."""

    def __init__(self, store: Server) -> None:
        self.store = store
        self.run_id = uuid.uuid4().hex[:12]
        self.staged: dict[str, str] = {}
        """Real graph name (an N-Quads term) → temporary graph name (an N-Quads term)."""
        self.graph_store = store.graph_store_url is not None

    def run(self, quads: Iterable[Quad], progress: Callable[[int], None] | None = None) -> int:
        """Load ``quads`` and swap them in; the number of quads kg's graphs then hold."""
        try:
            self._send_batches(quads, progress)
            old = self.store.graph_names(KG_GRAPHS)
        except BaseException:
            self._drop_staged()
            raise
        self.store.update(swap_request(self.staged, old))
        return self.store.count_quads(KG_GRAPHS)

    def _send_batches(self, quads: Iterable[Quad], progress: Callable[[int], None] | None) -> None:
        limit = GSP_BATCH_QUADS if self.graph_store else BATCH_QUADS
        batch: list[Quad] = []
        size = sent = 0
        for quad in quads:
            line = tuple(_skolem(term) for term in quad[:3]) + (self._staging(quad[3]),)
            batch.append(line)  # type: ignore[arg-type]
            size += sum(len(t) for t in line)
            if len(batch) >= limit or size >= BATCH_BYTES:
                sent += self._send(batch)
                batch, size = [], 0
                if progress is not None:
                    progress(sent)
        if batch:
            self._send(batch)

    def _staging(self, graph: str) -> str:
        found = self.staged.get(graph)
        if found is None:
            found = self.staged[graph] = f"<{STAGING}{self.run_id}:{len(self.staged)}>"
        return found

    def _send(self, batch: list[Quad]) -> int:
        if self.graph_store:
            body = "".join(f"{s} {p} {o} {g} .\n" for s, p, o, g in batch)
            self.store.post_nquads(body.encode("utf-8"))
        else:
            self.store.update(insert_data(batch))
        return len(batch)

    def _drop_staged(self) -> None:
        if not self.staged:
            return
        try:
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in self.staged.values()))
        except Exception:  # noqa: BLE001 - the first failure is the one to report
            pass


def insert_data(quads: list[Quad]) -> str:
    """One ``INSERT DATA`` request for ``quads``, grouped by graph."""
    parts = ["INSERT DATA {\n"]
    graph: str | None = None
    for s, p, o, g in quads:
        if g != graph:
            parts.append(f"}}\nGRAPH {g} {{\n" if graph is not None else f"GRAPH {g} {{\n")
            graph = g
        parts.append(f"{s} {p} {o} .\n")
    if graph is not None:
        parts.append("}\n")
    parts.append("}\n")
    return "".join(parts)


def swap_request(staged: dict[str, str], old: Iterable[str]) -> str:
    """The update moving each temporary graph onto its real name and dropping graphs not rebuilt."""
    kept = {g[1:-1] for g in staged}
    operations = [f"DROP SILENT GRAPH <{g}>" for g in sorted(old) if g not in kept]
    operations += [f"MOVE SILENT GRAPH {temporary} TO GRAPH {graph}"
                   for graph, temporary in sorted(staged.items())]
    return " ;\n".join(operations) if operations else "CLEAR SILENT GRAPH <urn:kg:nothing>"


def _skolem(term: str) -> str:
    found = _BLANK.match(term)
    return f"<{SKOLEM}{found.group(1)}>" if found else term
