"""Talks kept as data: the data files a site generator renders into a seminar's pages.

Many Jekyll, Hugo and Astro sites keep their talks out of the page, as a list of records in a data
file (Jekyll's ``_data/talks.yml``, Hugo's ``data/seminars.yaml``, an Astro content collection's
``talk-16.json``), each record a mapping with keys such as ``speaker``, ``title`` and ``date``,
and the page itself is a template that holds no fact. Such a file is read here as data: every
mapping of the file (inside lists, inside lists of sessions of a year, or the file's one mapping)
with the line it starts on and the line of each key, its keys read by what they mean rather than by
how one site spells them (``talk_title``, ``datePrague``, ``speakerName``, ``fecha``, ``palestrante``,
``Afiliação``). ``talk_items`` keeps the mappings that are talks: a person named under a speaker's
key, and a title or a day.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from kg.ingest.pages.document import ClockLoader, Document

DATA_SUFFIXES = (".yml", ".yaml", ".json")
"""The files read as data, not as a page's text."""

_ROLE_WORDS: list[tuple[str, tuple[str, ...]]] = [  # a key's role: the first role one of its words names;
    # within a role, the earlier word is the stronger: "title" beats "topic", "speaker" beats "author"
    ("affiliation", (
        "affiliation", "affiliations", "affil", "institution", "institute", "university", "organization",
        "organisation", "org", "company", "employer", "afiliacion", "afiliación", "afiliação", "afiliacao",
        "institucion", "institución", "instituição", "instituicao", "universidad", "universidade",
        "université", "universite", "universität", "universitat", "affiliazione", "università", "instituto",
        "institut", "organisme", "laboratoire", "lab")),
    ("homepage", ("homepage", "website", "webpage", "perso")),
    ("abstract", (
        "abstract", "summary", "resumo", "resumen", "résumé", "resume", "riassunto", "zusammenfassung",
        "description", "descripcion", "descripción", "descrição", "descricao")),
    ("date", (
        "date", "day", "when", "datum", "fecha", "data", "jour", "giorno", "dia", "día", "datetime",
        "startdate")),
    ("time", (
        "time", "hour", "heure", "hora", "horario", "horário", "orario", "uhrzeit", "zeit", "clock",
        "start", "begin", "starttime")),
    ("place", (
        "location", "room", "place", "venue", "sala", "salle", "lugar", "local", "ort", "raum", "luogo",
        "lieu", "aula")),
    ("slides", ("slides", "slide", "diapositivas", "transparents", "folien")),
    ("video", ("video", "recording", "youtube", "vídeo", "grabación", "gravação")),
    ("title", (
        "title", "talk", "topic", "titre", "titulo", "título", "titolo", "titel", "tema", "thema", "sujet",
        "assunto", "charla", "vortrag", "subject", "lecture", "presentation", "palestra")),
    ("speaker", (
        "speaker", "speakers", "presenter", "presenters", "lecturer", "lecturers", "author", "authors",
        "who", "orador", "oradora", "oradores", "ponente", "ponentes", "conferencista", "conferencistas",
        "palestrante", "palestrantes", "expositor", "expositora", "expositores", "apresentador",
        "apresentadora", "intervenant", "intervenante", "intervenants", "orateur", "oratrice", "orateurs",
        "conferencier", "conférencier", "conférencière", "referent", "referentin", "vortragende",
        "vortragender", "sprecher", "sprecherin", "relatore", "relatrice", "relatori", "invitado",
        "invitada", "convidado", "convidada", "guest", "guests", "instructor", "discussant")),
]
_SPEAKER_WORDS = _ROLE_WORDS[-1][1]
_NAME_KEYS = frozenset({"name", "fullname", "full_name", "nombre", "nome", "nom", "person"})
"""A key that names a person only where no key says speaker: a lecturer's entry in a school's list."""
_NOT_TALKS = frozenset({
    "organizers", "organisers", "organizer", "organiser", "organizing", "organising", "committee",
    "members", "member", "team", "staff", "contact", "contacts", "sponsors", "sponsor", "chairs",
    "hosts", "people", "alumni", "students", "authors_list", "publications", "papers", "links", "menu",
    "navigation", "nav", "social", "posts", "news", "blog", "articles"})
"""Lists whose entries are people or things of the site, never its talks (organizers: name, email)."""


@dataclass
class DataItem:
    """One mapping of a data file: its values under their roles, the line it starts on, and the
    line of each role's key."""

    roles: dict[str, Any]
    line: int
    lines: dict[str, int]
    holder: str
    """The key of the list that holds it (``sessions``, ``talks``), '' at the top of the file."""
    spoken: bool = False
    """Whether a key says plainly that its person speaks (``speaker``, ``presenter``, ``lecturer``;
    not ``author`` nor ``name``)."""
    paper: bool = False
    """Whether its keys are a publication's (see ``paper_like``)."""


def is_data_file(document: Document) -> bool:
    """Whether the document is a data file (``.yml``, ``.yaml``, ``.json``), not a page."""
    return document.path.suffix.lower() in DATA_SUFFIXES


def talk_items(document: Document) -> list[DataItem]:
    """The mappings of a data file that are talks, in the file's order: each names a person under a
    speaker's key (or under ``name`` where no key says speaker) and gives a title or a day. A page's
    front matter is not read here (its own reader reads it)."""
    if not is_data_file(document):
        return []
    return [item for item in _items(document) if _is_talk(item)]


def key_role(key: str) -> str | None:
    """What a key of a record means (``speaker``, ``title``, ``date``, ``time``, ``affiliation``,
    ``homepage``, ``abstract``, ``place``, ``slides``, ``video``), from its words in several
    languages: ``talk_title`` a title, ``datePrague`` a date, ``speaker_affiliation`` an affiliation,
    ``Fecha`` a date; None for a key that says none of these, or a speaker's key and a title's at once
    (``speaker_title``: a person's post)."""
    placed = key_strength(key)
    return placed[0] if placed else None


def key_strength(key: str) -> tuple[str, int] | None:
    """A key's role and how plainly its words say it (0 the plainest: ``title`` before ``topic``)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key))]
    found = [(role, min(vocabulary.index(w) for w in words if w in vocabulary))
             for role, vocabulary in _ROLE_WORDS if any(w in vocabulary for w in words)]
    if not found or {"speaker", "title"} <= {role for role, _ in found}:
        return None
    return found[0]


_PAPER_WORDS = frozenset({"paper", "pdf", "journal", "doi", "booktitle", "arxiv", "publication", "publisher",
                          "volume", "pages", "proceedings", "bibtex", "citation"})
"""Words of the keys a publication's record has (``paper: x.pdf``, ``journal``, ``paper_url``, ``doi``)."""


def paper_like(mapping: dict[Any, Any]) -> bool:
    """Whether a data file's mapping is a publication's record by its keys: its authors, a key of a
    paper (the paper's file or link, its journal, its DOI) and none of a talk's (slides, a recording,
    a time; a venue is either's). A personal site keeps its ``talks.yml`` and ``papers.yml`` in the
    same shape (title, date, venue, authors): only such keys tell them apart. A reading group's
    ``name: ..., paper: ...`` names its presenter, not an author."""
    words = {w.lower() for k in mapping for w in re.findall(r"[^\W\d_]+", str(k))}
    roles = {key_role(str(k)) for k in mapping}
    return bool(words & _PAPER_WORDS) and bool(words & {"author", "authors"}) \
        and not roles & {"slides", "video", "time"}


def _is_talk(item: DataItem) -> bool:
    if item.holder.lower() in _NOT_TALKS and not _spoken_talk(item):
        return False
    if item.paper and not item.spoken:
        return False  # authors of a publication, not speakers
    person = item.roles.get("speaker")
    return bool(person) and bool(item.roles.get("title") or item.roles.get("date"))


def _spoken_talk(item: DataItem) -> bool:
    """Whether a mapping gives a speaker under a speaker's own key, a title and a day: a talk even in
    a list named for people or things ("members" of a group of "Upcoming Talks")."""
    return item.spoken and bool(item.roles.get("title")) and bool(item.roles.get("date"))


_TITLE_KEYS = ("title", "name")
"""The keys that give a data file's own name ("title: Optimization Seminar" beside its talks)."""
_GENERATOR_FOLDERS = frozenset({"data", "content", "src", "assets", "static", "collections"})
"""Folders where a site generator keeps its data, named for the generator rather than the site
(as are those whose name starts with "_": Jekyll's ``_data``, a collection's ``_talks``)."""


def file_title(document: Document) -> str:
    """The name a data file's talks are filed under: the title (or name) the file gives itself
    beside its lists, at its top or in a mapping there that names no speaker ("meta: {title: ...}");
    else the folder of its site (``seminar`` of ``seminar/_data/talks.yml``) in the path as given, never
    the folders above it (the directory it was read from); else its stem."""
    trees = _trees(document)
    top = trees[0] if trees else None
    if isinstance(top, dict) and any(isinstance(v, list) for v in top.values()):
        for holder in [top, *(v for v in top.values() if isinstance(v, dict))]:
            if any(key_role(str(k)) == "speaker" for k in holder):
                continue  # a talk's own title
            named = next((str(holder[k]).strip() for k in _TITLE_KEYS
                          if isinstance(holder.get(k), str) and str(holder[k]).strip()), None)
            if named:
                return named
    folder = document.path.parent  # as given: the same file read from any directory has one title
    while folder.name and (folder.name.startswith("_") or folder.name.lower() in _GENERATOR_FOLDERS):
        folder = folder.parent
    return folder.name if folder.name not in ("", "..") else document.path.stem


def data_trees(document: Document) -> list[Any]:
    """The documents of a data file as YAML (or JSON) values; none for a page."""
    return _trees(document) if is_data_file(document) else []


def _items(document: Document) -> list[DataItem]:
    """Every mapping of the file with its lines."""
    loader = _LineLoader(document.source)
    trees = _trees(document, loader)
    found: list[DataItem] = []
    seen: set[int] = set()
    for tree in trees:
        _walk(tree, "", loader.positions, document, found, seen)
    return found


def _trees(document: Document, loader: _LineLoader | None = None) -> list[Any]:
    """The documents of the file, as read by ``loader`` (a JSON file YAML cannot read: as JSON)."""
    loader = loader or _LineLoader(document.source)
    trees: list[Any] = []
    try:
        while loader.check_data():
            trees.append(loader.get_data())
    except (yaml.YAMLError, ValueError):  # a later document that does not parse: the earlier ones stand
        if document.path.suffix.lower() == ".json":
            try:
                trees = [json.loads(document.source)]
            except ValueError:
                return []
    finally:
        loader.dispose()
    return trees


def _walk(value: Any, holder: str, positions: dict[int, tuple[int, dict[str, int]]], document: Document,
          found: list[DataItem], seen: set[int], depth: int = 0) -> None:
    """The mappings under ``value``, each once: a YAML alias (``*a``) to a list or mapping already
    walked is the same entry, not another (nor a way to make a small file hold millions)."""
    if depth > 8 or not isinstance(value, (list, dict)) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, list):
        for item in value:
            _walk(item, holder, positions, document, found, seen, depth + 1)
        return
    start, key_lines = positions.get(id(value), (0, {}))
    roles: dict[str, Any] = {}
    lines: dict[str, int] = {}
    strengths: dict[str, int] = {}
    named = any(key_role(str(k)) == "speaker" for k in value)
    for key, item in value.items():
        placed = key_strength(str(key))
        if placed is None and not named and str(key).lower() in _NAME_KEYS:
            placed = ("speaker", 99)
        if placed is None or item in (None, "", [], {}) \
                or (placed[0] != "speaker" and isinstance(item, (list, dict))):
            continue
        role, strength = placed
        if strengths.get(role, 100) <= strength:
            continue  # a plainer key of the same role was read: "title" over "topic"
        roles[role], strengths[role] = item, strength
        lines[role] = key_lines.get(str(key)) or _line_of(document, item) or start
    own = DataItem(roles, start or min(lines.values(), default=1), lines, holder,
                   strengths.get("speaker", 100) < _SPEAKER_WORDS.index("author"), paper_like(value))
    found.append(own)
    for key, item in value.items():
        if isinstance(item, (list, dict)):
            first = len(found)
            _walk(item, str(key) if isinstance(item, list) else holder, positions, document, found, seen,
                  depth + 1)
            if isinstance(item, list):
                _lend_speaker(own, [i for i in found[first:] if i.holder == str(key)])


def _lend_speaker(person: DataItem, entries: list[DataItem]) -> None:
    """A person's record holding a list of their talks ("authors: [...], talks: [{title, date}]"):
    each talk that names no speaker of its own is the person's, and the person's record, which holds
    talks rather than being one, is no talk (its ``talk-id`` is no title)."""
    if not person.roles.get("speaker"):
        return
    talks = [e for e in entries
             if not e.roles.get("speaker") and e.roles.get("title") and e.roles.get("date")]
    if not talks:
        return
    for talk in talks:
        for role in ("speaker", "affiliation", "homepage"):
            if role in person.roles and role not in talk.roles:
                talk.roles[role] = person.roles[role]
                talk.lines[role] = person.lines.get(role, person.line)
        talk.spoken = person.spoken
    for role in ("title", "date"):
        person.roles.pop(role, None)


def _line_of(document: Document, value: Any) -> int | None:
    """The first line printing a short text value (for a file whose mappings have no positions)."""
    if not isinstance(value, str) or not value.strip():
        return None
    probe = value.strip()[:40]
    return next((n for n, text in enumerate(document.lines, start=1) if probe in text), None)


class _LineLoader(ClockLoader):
    """YAML's safe loader keeping where each mapping starts and where each of its keys stands."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.positions: dict[int, tuple[int, dict[str, int]]] = {}

    def construct_placed_map(self, node: yaml.MappingNode) -> Any:
        """A mapping as the safe loader builds it, its start line and its keys' lines kept by its id."""
        data: dict[Any, Any] = {}
        yield data
        data.update(self.construct_mapping(node))
        self.positions[id(data)] = (node.start_mark.line + 1,
                                    {str(key.value): key.start_mark.line + 1 for key, _ in node.value
                                     if isinstance(key, yaml.ScalarNode)})


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_placed_map)
