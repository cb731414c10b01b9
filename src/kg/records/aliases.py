"""``data/aliases.yaml``: decisions people made about names, which every resolution keeps."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError

from kg.errors import DataError
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
