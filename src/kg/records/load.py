"""Read ``data/`` into records and check that every reference points at something that exists.

Layout::

    data/people.yaml          a list of Person records
    data/organizations.yaml   a list of Organization records
    data/records/*.yaml       one SourceDocument per source document

Every problem is reported as a ``DataError`` naming the file, the record and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from kg.errors import DataError
from kg.records.models import Dataset, Organization, Person, SourceDocument

PEOPLE_FILE = "people.yaml"
ORGANIZATIONS_FILE = "organizations.yaml"
RECORDS_DIR = "records"

ModelT = TypeVar("ModelT", bound=BaseModel)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when present (10x faster), keeping impossible dates as text.

    YAML reads ``2024-02-30`` or ``2024-01-05T25:00:00`` unquoted as a timestamp and fails with
    a bare ``ValueError``; kept as text, the value reaches the record's model, whose error names
    the file, the record and the field.
    """


class _ImpossibleDate(str):
    """The text of a date YAML could not construct, with the reason (``day is out of range for month``)."""

    reason: str


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        text = _ImpossibleDate(loader.construct_scalar(node))
        text.reason = str(exc)
        return text


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_dataset(data_dir: Path | str) -> Dataset:
    """Read and check the whole of ``data_dir``; raise ``DataError`` on the first problem found."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DataError(f"{root}: no such data directory")
    people = _load_list(root / PEOPLE_FILE, Person)
    organizations = _load_list(root / ORGANIZATIONS_FILE, Organization)
    files = record_files(root)
    documents = [_load_document(path) for path in files]
    dataset = Dataset(people=people, organizations=organizations, documents=documents)
    check_references(dataset, files, root)
    return dataset


def record_files(root: Path) -> list[Path]:
    """The record files of a data folder, in the order ``load_dataset`` reads them."""
    return sorted((root / RECORDS_DIR).glob("*.yaml"))


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax and encoding errors into a ``DataError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found{_dangling(path)}") from None
    except IsADirectoryError:
        raise DataError(f"{path}: a folder, not a file: rename it or move it out of {path.parent}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:  # a loop of symbolic links, no permission, an I/O error
        raise DataError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(f"{path}:{where}: invalid YAML: {problem}") from None


def _dangling(path: Path) -> str:
    """What a missing file is, when it is a symbolic link to nothing."""
    return f" (a symbolic link to {path.readlink()}, which does not exist)" if path.is_symlink() else ""


def _load_list(path: Path, model: type[ModelT]) -> list[ModelT]:
    content = read_yaml(path)
    if content is None:
        return []
    if not isinstance(content, list):
        raise DataError(f"{path}: expected a list of records, found {type(content).__name__}")
    return [_validate(path, f"record #{i + 1}", item, model) for i, item in enumerate(content)]


def _load_document(path: Path) -> SourceDocument:
    content = read_yaml(path)
    if not isinstance(content, dict):
        raise DataError(f"{path}: expected a mapping with 'source' and record lists")
    return _validate(path, "document", content, SourceDocument)


def _validate(path: Path, label: str, item: Any, model: type[ModelT]) -> ModelT:
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        raise DataError(_describe_validation_error(path, label, item, exc)) from None


def _describe_validation_error(path: Path, label: str, item: Any, exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = list(error["loc"])
    record_label = label
    # In a document, name the record inside its list: "talk #3 (t3)".
    if len(location) >= 2 and isinstance(location[0], str) and isinstance(location[1], int):
        kind, index = location[0], location[1]
        record = item.get(kind, [])[index] if isinstance(item, dict) else None
        record_label = _record_label(kind, index, record)
        location = location[2:]
    elif isinstance(item, dict) and "id" in item:
        record_label = f"{label} ({item['id']})"
    field = ".".join(str(part) for part in location if not _is_type_tag(part)) or "(record)"
    others = {_field_of(e["loc"]) for e in exc.errors()} - {_field_of(error["loc"])}
    more = f" (and {len(others)} more)" if others else ""
    value = error.get("input")
    if isinstance(value, _ImpossibleDate):
        return f"{path}: {record_label}: {field}: {value!s} is not a date: {value.reason}{more}"
    return f"{path}: {record_label}: {field}: {error['msg']}{more}"


def _field_of(location: tuple[int | str, ...]) -> tuple[int | str, ...]:
    return tuple(part for part in location if not _is_type_tag(part))


def _is_type_tag(part: object) -> bool:
    """Whether a part of an error's location names a type of a union (``function-after[...]``) or a
    constrained type (``constrained-str``) rather than a field."""
    return isinstance(part, str) and ("[" in part or part in _TYPE_TAGS)


_TYPE_TAGS = frozenset({"datetime", "date", "int", "str", "constrained-str", "none", "list"})


def _record_label(kind: str, index: int, record: Any) -> str:
    singular = {"advising": "advising", "education": "education"}.get(kind, kind.rstrip("s"))
    label = f"{singular} #{index + 1}"
    if isinstance(record, dict) and "id" in record:
        label += f" ({record['id']})"
    return label


def check_references(dataset: Dataset, record_files: list[Path], root: Path) -> None:
    """Raise ``DataError`` for duplicate ids and for references to unknown records."""
    people = _unique_ids(root / PEOPLE_FILE, "person", (p.id for p in dataset.people))
    orgs = _unique_ids(
        root / ORGANIZATIONS_FILE, "organization", (o.id for o in dataset.organizations)
    )
    for i, org in enumerate(dataset.organizations):
        if org.part_of is not None and org.part_of not in orgs:
            raise DataError(
                f"{root / ORGANIZATIONS_FILE}: record #{i + 1} ({org.id}): part_of: "
                f"unknown organization '{org.part_of}'"
            )
    _unique_ids(root / RECORDS_DIR, "source", (d.source.id for d in dataset.documents))
    events = _unique_ids(
        root / RECORDS_DIR, "event", (e.id for d in dataset.documents for e in d.events)
    )
    _unique_ids(root / RECORDS_DIR, "talk", (t.id for d in dataset.documents for t in d.talks))
    _unique_ids(root / RECORDS_DIR, "paper", (p.id for d in dataset.documents for p in d.papers))
    known = {"person": people, "organization": orgs, "event": events}
    for path, document in zip(record_files, dataset.documents, strict=True):
        for label, field, kind, value in _references(document):
            if value not in known[kind]:
                raise DataError(f"{path}: {label}: {field}: unknown {kind} '{value}'")


def _unique_ids(where: Path, kind: str, ids: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise DataError(f"{where}: {kind} id '{identifier}' is used twice")
        seen.add(identifier)
    return seen


def _references(doc: SourceDocument) -> Iterator[tuple[str, str, str, str]]:
    """Yield (record label, field, kind of target, target id) for every reference in ``doc``."""
    for i, event in enumerate(doc.events):
        label = f"event #{i + 1} ({event.id})"
        if event.part_of:
            yield label, "part_of", "event", event.part_of
        yield from ((label, "hosts", "organization", h) for h in event.hosts)
        yield from ((label, "organizers", "person", p) for p in event.organizers)
        yield from ((label, "contacts.person", "person", c.person) for c in event.contacts)
        yield from (
            (label, "attended_by_groups_of", "person", p) for p in event.attended_by_groups_of
        )
    for i, talk in enumerate(doc.talks):
        label = f"talk #{i + 1} ({talk.id})"
        if talk.event:
            yield label, "event", "event", talk.event
        for j, speaker in enumerate(talk.speakers):
            yield label, f"speakers.{j}.person", "person", speaker.person
            for org in speaker.organizations:
                yield label, f"speakers.{j}.organizations", "organization", org
        yield from ((label, "collaborators", "person", p) for p in talk.collaborators)
    for i, paper in enumerate(doc.papers):
        label = f"paper #{i + 1} ({paper.id})"
        yield from ((label, "authors", "person", a) for a in paper.authors)
    for i, aff in enumerate(doc.affiliations):
        label = f"affiliation #{i + 1}"
        yield label, "person", "person", aff.person
        yield from ((label, "organizations", "organization", o) for o in aff.organizations)
    for i, edu in enumerate(doc.education):
        label = f"education #{i + 1}"
        yield label, "person", "person", edu.person
        yield label, "institution", "organization", edu.institution
    for i, adv in enumerate(doc.advising):
        label = f"advising #{i + 1}"
        yield label, "student", "person", adv.student
        yield label, "advisor", "person", adv.advisor
        if adv.institution:
            yield label, "institution", "organization", adv.institution
    for i, award in enumerate(doc.awards):
        yield f"award #{i + 1}", "person", "person", award.person
