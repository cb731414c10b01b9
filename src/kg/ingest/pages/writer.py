"""Merging a page's records into ``data/``: plan the changes, check them, write them atomically.

Where the records go: the record file whose ``source.file`` names the same page (or whose
source id is the page's), else a new ``records/<source-id>.yaml``. A file written by ``kg
ingest`` (its first line says so) is replaced by the new extraction: re-ingesting a page, or a
newer version of it, updates its records in place. A hand-curated file is never overwritten: its
records stay as they are, and only extracted records it does not already hold (matched by
speaker and title, by authors and title, by person and institution) are appended.

A plan holds the data folder as it will be; it is checked as a whole (every id known, none
twice) before any file is written, and every file is written through a temporary file and a
rename: a page that would make the data invalid changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataError
from kg.ingest.pages.records import Extraction, day, same_title
from kg.records.files import copy_atomically, write_atomically
from kg.records.folder import DataFolder
from kg.records.load import ORGANIZATIONS_FILE, PEOPLE_FILE, RECORDS_DIR, check_references
from kg.records.models import Organization, Person, SourceDocument

MARKER = "# Extracted by kg ingest"
SOURCES_DIR = "sources"
RECORD_LISTS = ("events", "talks", "papers", "affiliations", "education", "advising", "awards")


@dataclass(frozen=True)
class Change:
    """One line of the plan: what happens to which record."""

    action: str
    record: str
    id: str
    summary: str


@dataclass
class Plan:
    """What ingesting one page would write, the changes it makes, and the data folder after it."""

    page: Path
    record_file: Path
    folder: DataFolder
    changes: list[Change] = field(default_factory=list)
    texts: dict[Path, str] = field(default_factory=dict)
    copy_page_to: Path | None = None

    @property
    def changed(self) -> bool:
        """Whether anything would be written."""
        return bool(self.texts) or self.copy_page_to is not None


def stored_path(data_dir: Path, page: Path) -> tuple[str, Path | None]:
    """How records name the page (``data/sources/x.html``) and where its copy goes (if needed)."""
    data_dir = data_dir.resolve()
    source = page.resolve()
    if source.is_relative_to(data_dir):
        return f"{data_dir.name}/{source.relative_to(data_dir).as_posix()}", None
    target = data_dir / SOURCES_DIR / source.name
    return f"{data_dir.name}/{SOURCES_DIR}/{source.name}", target


def existing_record_file(folder: DataFolder, stored: str,
                         source_id: str) -> tuple[Path, SourceDocument] | None:
    """The record file that already holds this page (same ``source.file``, else same source id)."""
    documents = list(zip(folder.record_files, folder.dataset.documents, strict=True))
    for path, document in documents:
        if document.source.file == stored:
            return path, document
    for path, document in documents:
        if document.source.id == source_id:
            return path, document
    return None


def is_extracted(path: Path) -> bool:
    """Whether a record file was written by ``kg ingest`` (and may be replaced by it)."""
    with path.open(encoding="utf-8") as stream:
        return stream.readline().startswith(MARKER)


def plan(folder: DataFolder, page: Path, extraction: Extraction,
         existing: tuple[Path, SourceDocument] | None, copy_to: Path | None) -> Plan:
    """The files to write, the changes they make and the data folder after them; nothing is written."""
    new = extraction.document
    if existing is None:
        record_file = folder.root / RECORDS_DIR / f"{new.source.id}.yaml"
        changes = _diff(None, new)
        merged, curated = new, False
    else:
        record_file, old = existing
        curated = not is_extracted(record_file)
        merged = _merge_curated(old, new) if curated else _with_history(old, new)
        changes = _diff(old, merged, curated=curated)
    result = Plan(page, record_file, _with_document(folder, record_file, merged), changes)
    if any(c.action in ("added", "updated", "removed") for c in result.changes):
        if curated and existing is not None:
            result.texts[record_file] = _append_records(record_file, existing[1], merged)
        else:
            result.texts[record_file] = (
                f"{MARKER} from {new.source.file} ({new.source.kind}).\n"
                f"# Ingesting the page again replaces this file: edit the page, not this file.\n"
                + dump_document(merged))
    _plan_registries(extraction, result)
    if copy_to is not None and (not copy_to.exists() or copy_to.read_bytes() != page.read_bytes()):
        result.copy_page_to = copy_to
        result.changes.append(Change("added" if not copy_to.exists() else "updated", "page",
                                     str(copy_to), f"copy of {page}"))
    return result


def _with_document(folder: DataFolder, record_file: Path, document: SourceDocument) -> DataFolder:
    """``folder`` with ``document`` in ``record_file`` (replaced, or added in file-name order)."""
    pairs = dict(zip(folder.record_files, folder.dataset.documents, strict=True))
    pairs[record_file] = document
    files = sorted(pairs)
    dataset = folder.dataset.model_copy(update={"documents": [pairs[f] for f in files]})
    return replace(folder, dataset=dataset, record_files=files)


def apply(plan_: Plan) -> DataFolder:
    """Check the planned data folder as a whole, then write every file atomically; the new folder."""
    if not plan_.changed:
        return plan_.folder
    folder = plan_.folder
    try:
        check_references(folder.dataset, folder.record_files, folder.root)
    except DataError as exc:
        raise DataError(f"{plan_.page}: the extracted records do not fit the data, nothing "
                        f"written: {exc}") from None
    if plan_.copy_page_to is not None:
        copy_atomically(plan_.page, plan_.copy_page_to)
    ordered = sorted(plan_.texts, key=lambda p: p.parent.name == RECORDS_DIR)
    for path in ordered:  # registries first, so the records never name an unknown id
        write_atomically(path, plan_.texts[path])
    return folder


# --- registries ---------------------------------------------------------------------------

def _plan_registries(extraction: Extraction, result: Plan) -> None:
    folder = result.folder
    by_id = {p.id: p for p in folder.dataset.people}
    touched = False
    for person in extraction.new_people:
        if person.id not in by_id:
            by_id[person.id] = person
            touched = True
            result.changes.append(Change("added", "person", person.id, person.name))
    for person_id, spellings in sorted(extraction.alt_names.items()):
        person = by_id[person_id]
        extra = [s for s in spellings if s not in person.alt_names and s != person.name]
        if extra:
            by_id[person_id] = person.model_copy(update={"alt_names": [*person.alt_names, *extra]})
            touched = True
            result.changes.append(Change("updated", "person", person_id,
                                         "alt_names + " + ", ".join(extra)))
    people = sorted(by_id.values(), key=lambda p: p.id)
    if touched:
        path = folder.root / PEOPLE_FILE
        result.texts[path] = _header(path) + _dump_list(people)
    org_ids = {o.id for o in folder.dataset.organizations}
    added = [o for o in extraction.new_organizations if o.id not in org_ids]
    for org in added:
        result.changes.append(Change("added", "organization", org.id, f"{org.name} ({org.kind})"))
    organizations = sorted([*folder.dataset.organizations, *added], key=lambda o: o.id)
    if added:
        path = folder.root / ORGANIZATIONS_FILE
        result.texts[path] = _header(path) + _dump_list(organizations)
    if touched or added:
        update = {"people": people if touched else folder.dataset.people,
                  "organizations": organizations if added else folder.dataset.organizations}
        result.folder = replace(folder, dataset=folder.dataset.model_copy(update=update))


def _header(path: Path) -> str:
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line + "\n")
    return "".join(lines)


def _append_records(path: Path, old: SourceDocument, merged: SourceDocument) -> str:
    """The curated file's own text with the new records appended to their lists, so that its
    comments and layout stay as people wrote them."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for kind in RECORD_LISTS:
        added = getattr(merged, kind)[len(getattr(old, kind)):]
        if not added:
            continue
        items = [r.model_dump(mode="json", exclude_defaults=True) for r in added]
        block = yaml.dump(items, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{kind}:")), None)
        if start is None:
            lines.append(f"{kind}:\n")
            lines.extend(block.splitlines(keepends=True))
            continue
        end = next((i for i in range(start + 1, len(lines))
                    if lines[i][:1].isalpha() and ":" in lines[i]), len(lines))
        lines[end:end] = block.splitlines(keepends=True)
    return "".join(lines)


# --- merging and diffs ----------------------------------------------------------------------

def _identity(kind: str, record: Any) -> tuple[Any, ...]:
    """What makes two records of one kind the same fact, whatever their ids."""
    if kind == "talks":
        return ("talk", tuple(s.person for s in record.speakers))
    if kind == "papers":
        return ("paper", record.year, tuple(record.authors))
    if kind == "events":
        return ("event", record.id)
    if kind == "affiliations":
        return ("affiliation", record.person, tuple(sorted(record.organizations)), record.role,
                record.current)
    if kind == "education":
        return ("education", record.person, record.institution, record.degree)
    if kind == "advising":
        return ("advising", record.student, record.advisor, record.kind)
    return (kind, record.model_dump_json())


def _same(kind: str, a: Any, b: Any) -> bool:
    if _identity(kind, a) != _identity(kind, b):
        return False
    if kind == "talks":
        return (same_title(a.title, b.title) or any(same_title(t.text, b.title) for t in a.alt_titles)
                or (a.start is not None and day(a.start) == day(b.start))
                or (a.event is not None and a.event == b.event and _is_day_event(a.event)))
    if kind == "papers":
        return same_title(a.title, b.title)
    return True


def _known_to_curator(kind: str, existing: Any, record: Any) -> bool:
    """Whether a curated record already states an extracted one (affiliations: same person and
    an organization in common, whatever the role)."""
    if kind == "affiliations":
        return existing.person == record.person and bool(
            set(existing.organizations) & set(record.organizations))
    return _same(kind, existing, record)


def _with_history(old: SourceDocument, new: SourceDocument) -> SourceDocument:
    """A newer version of a page, with the talks of the older versions that it no longer lists
    because they are past: those dated before the first talk it lists stay, as the series'
    history (with their events); a talk dropped from the period the new version covers is
    removed (cancelled). Talks listed again are the same talks, updated by the new version."""
    days = [d for d in (_talk_day(t, new) for t in new.talks) if d is not None]
    if not days:
        return new
    first = min(days)
    kept = [t for t in old.talks if not any(_same("talks", t, n) for n in new.talks)
            and (day := _talk_day(t, old)) is not None and day < first]
    if not kept:
        return new
    event_ids = {e.id for e in new.events}
    needed = {t.event for t in kept if t.event}
    events = [*new.events, *(e for e in old.events if e.id in needed and e.id not in event_ids)]
    talk_ids = {t.id for t in new.talks}
    history = [t for t in kept if t.id not in talk_ids]
    return new.model_copy(update={"talks": sorted(history, key=lambda t: t.id) + list(new.talks),
                                  "events": events})


def _is_day_event(event_id: str) -> bool:
    """Whether an event id names one day of a series ("...-2024-05-06"): same speaker, same day."""
    return bool(re.search(r"-\d{4}-\d{2}-\d{2}$", event_id))


def _talk_day(talk: Any, document: SourceDocument) -> Any:
    """The day of a talk: its start, else the start of its event."""
    if talk.start is not None:
        return talk.start.date()
    event = next((e for e in document.events if e.id == talk.event), None)
    return day(event.start) if event is not None and event.start is not None else None


def _merge_curated(old: SourceDocument, new: SourceDocument) -> SourceDocument:
    """The curated document with the extracted records it lacks appended."""
    update: dict[str, list[Any]] = {}
    for kind in RECORD_LISTS:
        kept = list(getattr(old, kind))
        for record in getattr(new, kind):
            if not any(_known_to_curator(kind, existing, record) for existing in kept):
                kept.append(record)
        update[kind] = kept
    return old.model_copy(update=update)


def _record_id(kind: str, record: Any) -> str:
    if hasattr(record, "id"):
        return str(record.id)
    if kind == "affiliations":
        return f"{record.person} @ {', '.join(record.organizations)}"
    if kind == "education":
        return f"{record.person}: {record.degree} {record.institution}"
    if kind == "advising":
        return f"{record.student} ← {record.advisor} ({record.kind})"
    return getattr(record, "person", "?")


def _summary(kind: str, record: Any) -> str:
    if kind == "talks":
        when = record.start.isoformat() if record.start else ""
        who = ", ".join(s.person for s in record.speakers)
        return f"{who}: {record.title or '(untitled)'} {when}".strip()
    if kind == "papers":
        return f"{record.year} {record.title} [{', '.join(record.kinds)}] ({len(record.authors)} authors)"
    if kind == "events":
        return f"{record.name} ({record.kind})"
    if kind == "affiliations":
        return f"{record.role + ', ' if record.role else ''}{record.as_stated}" + \
            ("" if record.current else " (past)")
    if kind == "education":
        return f"{record.degree} {record.year or ''}".strip()
    if kind == "advising":
        return record.institution or ""
    return ""


def _diff(old: SourceDocument | None, new: SourceDocument, curated: bool = False) -> list[Change]:
    changes = []
    if old is None:
        changes.append(Change("added", "source", new.source.id, new.source.title))
    for kind in RECORD_LISTS:
        before = list(getattr(old, kind)) if old is not None else []
        after = list(getattr(new, kind))
        singular = {"advising": "advising", "education": "education"}.get(kind, kind.rstrip("s"))
        for record in after:
            match = next((b for b in before if (_known_to_curator if curated else _same)(
                kind, b, record)), None)
            if match is None:
                action = "added"
            elif match == record:
                action = "kept" if curated else "unchanged"
            else:
                action = "kept" if curated else "updated"
            if match is not None:
                before.remove(match)
            changes.append(Change(action, singular, _record_id(kind, record), _summary(kind, record)))
        if not curated:
            changes.extend(Change("removed", singular, _record_id(kind, r), _summary(kind, r))
                           for r in before)
    return changes


# --- YAML ---------------------------------------------------------------------------------

class _Dumper(yaml.SafeDumper):
    """Block style for text with line breaks, as people write record files."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value or len(value) > 100 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump_document(document: SourceDocument) -> str:
    """A document as YAML in the shape of ``data/records/*.yaml`` (empty lists left out)."""
    data = document.model_dump(mode="json", exclude_defaults=True)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _dump_list(records: list[Person] | list[Organization]) -> str:
    data = [r.model_dump(mode="json", exclude_defaults=True) for r in records]
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
