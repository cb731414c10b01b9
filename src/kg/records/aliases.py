"""``data/aliases.yaml``: decisions people made about names, which every resolution keeps.

``same_person``, ``distinct_people``, ``one_person`` and ``namesakes`` write one decision into
the file (``kg resolve --accept/--reject``): it is read with ruamel.yaml's round trip, so the
comments and order people wrote stay as they were, checked, and written whole through a
temporary file and one rename.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from pydantic import Field, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from kg.errors import DataError
from kg.records.files import write_atomically
from kg.records.load import read_yaml
from kg.records.models import Id, Record, Text

ALIASES_FILE = "aliases.yaml"


class AliasEntry(Record):
    """One person or institution and the other spellings that name it."""

    name: Text
    aliases: list[Text] = []


class Namesake(Record):
    """One of several people printed under the same name, told apart by places or coauthors."""

    id: Id
    organizations: list[Text] = []
    coauthors: list[Text] = []


class NamesakeEntry(Record):
    """A name that several people share, and what tells each of them apart."""

    name: Text
    people: list[Namesake] = Field(min_length=2)


class Aliases(Record):
    """The content of ``data/aliases.yaml``."""

    people: list[AliasEntry] = []
    distinct_people: list[list[Text]] = []
    one_person: list[Text] = []
    """Names checked to be one person although their papers share nothing: not reported again."""
    namesakes: list[NamesakeEntry] = []
    """Names printed identically for different people: each use goes to the person it fits."""
    organizations: list[AliasEntry] = []
    short_forms: dict[Text, list[Text]] = {}
    """Given-name short forms for this data folder, beside the packaged table: ``nati: [nathan]``."""


def load_aliases(data_dir: Path) -> Aliases:
    """Read ``data_dir/aliases.yaml`` (an empty alias list when the file does not exist)."""
    path = data_dir / ALIASES_FILE
    if not path.exists():
        return Aliases()
    try:
        return Aliases.model_validate(read_yaml(path) or {})
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise DataError(f"{path}: {where}: {error['msg']}") from None


def _yaml() -> YAML:
    yaml = YAML()  # round trip: the comments and order people wrote are kept
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = 110
    return yaml


def _edit(data_dir: Path, change: Callable[[CommentedMap], None]) -> None:
    """Apply ``change`` to ``data_dir/aliases.yaml`` and write it whole (checked, then one rename)."""
    path = data_dir / ALIASES_FILE
    yaml = _yaml()
    content = yaml.load(path.read_text(encoding="utf-8")) if path.exists() else None
    if content is None:
        content = CommentedMap()
    if not isinstance(content, CommentedMap):
        raise DataError(f"{path}: expected a mapping of sections (people, distinct_people...)")
    change(content)
    stream = io.StringIO()
    yaml.dump(content, stream)
    try:
        Aliases.model_validate(YAML(typ="safe").load(stream.getvalue()) or {})
    except ValidationError as exc:
        message = exc.errors()[0]["msg"]
        raise DataError(f"{path}: the decision would make the file invalid: {message}") from None
    write_atomically(path, stream.getvalue())


def _section(content: CommentedMap, name: str) -> CommentedSeq:
    if content.get(name) is None:
        content[name] = CommentedSeq()
    section = content[name]
    if not isinstance(section, CommentedSeq):
        raise DataError(f"{ALIASES_FILE}: {name}: expected a list")
    return section


def same_person(data_dir: Path, name: str, other: str) -> None:
    """Record that ``other`` is another spelling of the person called ``name``."""
    def change(content: CommentedMap) -> None:
        distinct = _section(content, "distinct_people")
        for group in list(distinct):
            if name in group and other in group:
                distinct.remove(group)
        people = _section(content, "people")
        for entry in people:
            spellings = [entry.get("name"), *(entry.get("aliases") or [])]
            if name in spellings or other in spellings:
                entry.setdefault("aliases", CommentedSeq())
                for spelling in (name, other):
                    if spelling not in spellings:
                        entry["aliases"].append(spelling)
                return
        people.append(CommentedMap(name=name, aliases=CommentedSeq([other])))
    _edit(data_dir, change)


def distinct_people(data_dir: Path, name: str, other: str) -> None:
    """Record that ``name`` and ``other`` are two people, never to be merged."""
    def change(content: CommentedMap) -> None:
        for entry in _section(content, "people"):
            aliases = entry.get("aliases") or []
            for a, b in ((name, other), (other, name)):
                if entry.get("name") == a and b in aliases:
                    aliases.remove(b)
        distinct = _section(content, "distinct_people")
        if not any(name in group and other in group for group in distinct):
            pair = CommentedSeq([name, other])
            pair.fa.set_flow_style()
            distinct.append(pair)
    _edit(data_dir, change)


def one_person(data_dir: Path, name: str) -> None:
    """Record that every use of ``name`` is one person (the uses had looked like two)."""
    def change(content: CommentedMap) -> None:
        section = _section(content, "one_person")
        if name not in section:
            section.append(name)
        section_namesakes = _section(content, "namesakes")
        for entry in list(section_namesakes):
            if entry.get("name") == name:
                section_namesakes.remove(entry)
    _edit(data_dir, change)


def namesakes(data_dir: Path, name: str, people: list[Namesake]) -> None:
    """Record that ``name`` is printed for several people, told apart by places and coauthors."""
    def change(content: CommentedMap) -> None:
        section = _section(content, "one_person")
        if name in section:
            section.remove(name)
        entries = _section(content, "namesakes")
        entry = next((e for e in entries if e.get("name") == name), None)
        if entry is None:
            entry = CommentedMap(name=name, people=CommentedSeq())
            entries.append(entry)
        known = {p.get("id") for p in entry["people"]}
        for person in people:
            if person.id not in known:
                row = CommentedMap(id=person.id)
                if person.organizations:
                    row["organizations"] = CommentedSeq(person.organizations)
                if person.coauthors:
                    row["coauthors"] = CommentedSeq(person.coauthors)
                entry["people"].append(row)
    _edit(data_dir, change)
