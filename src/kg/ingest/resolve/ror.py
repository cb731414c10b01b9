"""The Research Organization Registry (ROR, CC0) as a second registry behind data/organizations.yaml.

``ror.tsv.gz`` beside this file is written by ``bench/ror_bundle.py`` from a mirror of
ror-community/ror-records (see SOURCES.tsv): one record a line, its id, English name, kind, country,
parent, its other names and acronyms, and its town. A name matches a record when it is one of the record's
names after folding (accents, case, punctuation, a leading "The"); a name of two records names neither.
An acronym names a record when it is one of the record's acronyms and spells one of its names, in the
country printed beside it (``countries_of``, by pycountry's names) when there is one. A record is of one
town (``town_of``) unless it is a company or its parts lie in several towns.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from importlib import resources

import pycountry

from kg.ingest.resolve import acronyms
from kg.ingest.resolve.names import fold
from kg.records.models import OrganizationKind

BUNDLE = "ror.tsv.gz"


@dataclass(frozen=True)
class RorRecord:
    """One ROR institution: id, English name, kind, country code, parent's id, other names, acronyms, town."""

    ror_id: str
    name: str
    kind: OrganizationKind
    country: str | None
    parent: str | None
    other_names: tuple[str, ...]
    acronyms: tuple[str, ...]
    city: str = ""

    @property
    def plain_name(self) -> str:
        """The English name without the country ROR adds to companies' ("Kakao Corporation (South Korea)")."""
        return re.sub(r"\s*\([^()]*\)$", "", self.name) or self.name

    @property
    def names(self) -> tuple[str, ...]:
        """The English name first, then the other names (aliases and labels in other languages)."""
        return (self.name, *self.other_names)


def name_key(name: str) -> str:
    """A name as ROR names are compared: folded to ASCII words, a leading "the" dropped."""
    return re.sub(r"^the ", "", fold(name))


class Ror:
    """ROR's records found by any of their names (exact after folding) or by an acronym."""

    def __init__(self, records: Iterable[RorRecord]) -> None:
        self.records: dict[str, RorRecord] = {}
        self._by_name: dict[str, set[str]] = defaultdict(set)
        self._by_acronym: dict[str, set[str]] = defaultdict(set)
        self.parents: set[str] = set()
        """Records that are others' parents ("Institut Mines-Télécom" of IMT Atlantique)."""
        self._part_towns: dict[str, set[str]] = defaultdict(set)
        self.towns: set[str] = set()
        """Every record's town, folded ("villeurbanne", "princeton")."""
        for record in records:
            if record.parent:
                self.parents.add(record.parent)
                if record.city:
                    self._part_towns[record.parent].add(fold(record.city))
            if record.city:
                self.towns.add(fold(record.city))
            self.records[record.ror_id] = record
            for name in record.names:
                if (folded := name_key(name)):
                    self._by_name[folded].add(record.ror_id)
            for acronym in record.acronyms:
                self._by_acronym[acronym].add(record.ror_id)

    def named(self, name: str) -> RorRecord | None:
        """The one record that has this name, or None (no record, or several)."""
        found = self._by_name.get(name_key(name), ())
        return self.records[next(iter(found))] if len(found) == 1 else None

    def umbrella(self, name: str) -> RorRecord | None:
        """The one record so named that is others' parent and no other's part, or None."""
        record = self.named(name)
        return record if record is not None and not record.parent and record.ror_id in self.parents else None

    @functools.cached_property
    def systems(self) -> frozenset[str]:
        """Records with two universities or more among their parts: systems of universities (the State
        University of New York, the Université du Québec), printed beside a campus as its address."""
        universities = Counter(record.parent for record in self.records.values()
                               if record.parent and record.kind == "university")
        return frozenset(ror_id for ror_id, count in universities.items() if count >= 2)

    def town_of(self, ror_id: str) -> str | None:
        """The one town of a record (folded), or None: none recorded, a company (its offices are
        anywhere), or an institution whose parts ROR places in three other towns or more (CNRS, Inria,
        the Max Planck Society: of no one town)."""
        record = self.records.get(ror_id)
        if record is None or not record.city or record.kind == "company":
            return None
        own = fold(record.city)
        others = {town for town in self._part_towns.get(ror_id, ()) if town != own}
        return None if len(others) >= _SEVERAL_TOWNS else own

    def spelled_in(self, acronym: str, towns: Iterable[str]) -> RorRecord | None:
        """The one record of one of the towns (its own, or one its name holds) whose name the acronym
        spells, perhaps before the town ("UCB" beside Lyon: Université Claude Bernard Lyon 1), or None."""
        found = {ror_id for town in towns for ror_id in self._towns_of_records.get(town, ())
                 if any(acronyms.spells([acronym], name, {town})
                        or acronyms.spells([acronym, town], name, set())
                        for name in (_NUMBER_AT_END.sub("", n) for n in self.records[ror_id].names))}
        return self.records[found.pop()] if len(found) == 1 else None

    @functools.cached_property
    def _towns_of_records(self) -> dict[str, set[str]]:
        """Each town → the records in it or whose English name holds it."""
        found: dict[str, set[str]] = defaultdict(set)
        for record in self.records.values():
            if record.city:
                found[fold(record.city)].add(record.ror_id)
            for town in towns_in(fold(record.name).split(), self.towns):
                found[town].add(record.ror_id)
        return found

    def ids_named(self, name: str) -> frozenset[str]:
        """Every record that has this name."""
        return frozenset(self._by_name.get(name_key(name), ()))

    def with_acronym(self, acronym: str) -> RorRecord | None:
        """The one record whose acronym this is (as printed, case kept), or None."""
        found = self._by_acronym.get(acronym, ())
        return self.records[next(iter(found))] if len(found) == 1 else None

    def listed_in(self, acronym: str, town: str) -> RorRecord | None:
        """The one record that lists this acronym (as printed, case kept) and is of this town (folded), or
        None ("WIAS" in Berlin: the Weierstrass Institute, whose letters skip a word of its name)."""
        found = [record for ror_id in sorted(self._by_acronym.get(acronym, ()))
                 if fold((record := self.records[ror_id]).city) == town]
        return found[0] if len(found) == 1 else None

    def spelled_by(self, acronym: str, countries: frozenset[str] = frozenset()) -> RorRecord | None:
        """The one record with this acronym whose name the acronym's letters spell ("DGIST": Daegu
        Gyeongbuk Institute of Science and Technology), in a country printed beside it when one is, or None.

        An acronym that is not its record's initials ("CENIA", a Chilean AI centre printed so, is a
        Czech agency's acronym in ROR) names nothing; nor one that two records spell, unless the
        printed country tells them apart ("INRA, France", not Morocco's). Records of one name in one country
        are one institution recorded twice: the one that is no other's part is taken."""
        found = [self.records[ror_id] for ror_id in sorted(self._by_acronym.get(acronym, ()))
                 if any(acronyms.spells([acronym], _NUMBER_AT_END.sub("", name), set())
                        for name in self.records[ror_id].names)]
        if countries:
            found = [record for record in found if record.country in countries]
        if len({(name_key(record.name), record.country) for record in found}) == 1:
            found = sorted(found, key=lambda record: (record.parent is not None, record.ror_id))[:1]
        return found[0] if len(found) == 1 else None


def towns_in(words: list[str], towns: Collection[str]) -> set[str]:
    """The towns among a name's words (folded), of one to three words ("lyon", "saint etienne")."""
    return {town for size in (1, 2, 3) for start in range(len(words) - size + 1)
            if (town := " ".join(words[start:start + size])) in towns}


_SEVERAL_TOWNS = 3
"""An institution whose parts lie in this many towns besides its own is of no one town."""
_NUMBER_AT_END = re.compile(r"(?:[\s-]+(?:\d+|[IVX]+))+$")
"""A number ending a name, which its acronym leaves out ("Université Claude Bernard Lyon 1": UCBL)."""


@functools.cache
def _country_names() -> dict[str, str]:
    """Country names as printed in affiliations (folded) → ISO 3166 code: pycountry's names, common and
    official names and three-letter codes, and the short forms it lacks."""
    found: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None), country.alpha_3):
            if name:
                found.setdefault(fold(name), country.alpha_2)
    for name, code in _SHORT_COUNTRY_NAMES.items():
        found.setdefault(name, code)
    return found


_SHORT_COUNTRY_NAMES = {
    "usa": "US", "u s a": "US", "us": "US", "uk": "GB", "u k": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "russia": "RU", "korea": "KR", "republic of korea": "KR", "south korea": "KR",
    "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "p r china": "CN", "pr china": "CN",
    "hong kong sar": "HK", "macau": "MO", "uae": "AE", "u a e": "AE"}
"""Short country names pycountry does not hold ("USA", "UK", "Russia", "Korea")."""


@functools.lru_cache(maxsize=1)
def state_names() -> frozenset[str]:
    """The names of the US states and Canadian provinces (pycountry; folded): "New Jersey", "Ontario"."""
    return frozenset(fold(s.name) for s in pycountry.subdivisions if s.country_code in ("US", "CA"))


@functools.lru_cache(maxsize=1)
def subdivision_names() -> frozenset[str]:
    """The names of countries' subdivisions (pycountry: states, provinces, regions; folded): places, not
    institutions ("New Jersey", "Bavaria")."""
    return frozenset(fold(s.name) for s in pycountry.subdivisions)


def countries_of(segments: Iterable[str]) -> frozenset[str]:
    """The ISO codes of the countries printed as segments of an affiliation ("..., Lyon, France": FR)."""
    names = _country_names()
    return frozenset(code for segment in segments if (code := names.get(fold(segment))))


def parse(lines: Iterable[str]) -> list[RorRecord]:
    """Records from the bundle's lines (``id name kind country parent names acronyms [town]``,
    tab-separated)."""
    records = []
    for line in lines:
        ror_id, name, kind, country, parent, others, acronyms, *town = line.rstrip("\n").split("\t")
        records.append(RorRecord(ror_id, name, kind, country or None, parent or None,  # type: ignore[arg-type]
                                 tuple(others.split("|")) if others else (),
                                 tuple(acronyms.split("|")) if acronyms else (), town[0] if town else ""))
    return records


@functools.cache
def bundled() -> Ror:
    """The bundled ROR records, read once when first asked for."""
    data = resources.files("kg.ingest.resolve").joinpath(BUNDLE).read_bytes()
    return Ror(parse(gzip.decompress(data).decode().splitlines()))
