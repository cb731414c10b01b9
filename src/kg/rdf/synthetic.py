"""Realistic synthetic data at any size, for benchmarks and scale tests.

The generator writes the same records the importers and record files produce (``kg.records.models``),
through the same mapping (``kg.rdf.mapping``), so every named query, ``kg suggest`` and the analyses run
on it unchanged. What it models:

- people who write papers with 1 to 12 authors in order; each author slot is a newcomer with a
  fixed probability, otherwise someone chosen in proportion to the papers they already have
  (preferential attachment), so the coauthor graph has a power-law degree distribution and hubs;
- universities (with a computer science department each) whose sizes also follow a power law,
  and one stated affiliation per person;
- doctoral advising and postdoc mentoring, the advisor chosen by preferential attachment at the
  time the student appears;
- seminar series hosted by universities, with organizers, sessions and talks (speaker as printed
  with their affiliation, title, abstract, time with its UTC offset), and conferences per venue
  and year with their invited talks.

Output depends only on the requested size and the seed. Facts live in the named graphs of
synthetic source documents (one bibliography per venue and year, one seminar page per series and
year, one directory page per thousand people), exactly as real facts do.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import random
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, cast

from kg.rdf import mapping as rdf
from kg.rdf import vocab
from kg.records.ids import slugify
from kg.records.models import (
    Advising,
    Affiliation,
    Award,
    Education,
    Event,
    Organization,
    Paper,
    Person,
    Source,
    Talk,
    TalkSpeaker,
)

FIRST_NAMES = (
    "Ada", "Alan", "Alice", "Amir", "Ana", "Andrei", "Anna", "Arjun", "Ayesha", "Bao", "Beatriz",
    "Ben", "Bruno", "Carla", "Chen", "Chloe", "Daniel", "Daria", "David", "Deepa", "Diego", "Elena",
    "Elif", "Emma", "Erik", "Fatima", "Felix", "Fiona", "Gabriel", "Gita", "Hana", "Hassan",
    "Helena", "Hiro", "Ian", "Ines", "Ivan", "Jakob", "James", "Jia", "Jonas", "Julia", "Kai",
    "Kavya", "Kenji", "Kim", "Lars", "Laura", "Lea", "Leon", "Li", "Lina", "Lucas", "Maya",
    "Mei", "Mihai", "Mina", "Mohammed", "Nadia", "Naveen", "Nina", "Noah", "Olga", "Omar",
    "Oscar", "Pablo", "Paula", "Pedro", "Priya", "Qing", "Rafael", "Rahul", "Rosa", "Ruth",
    "Sam", "Sara", "Sergei", "Shira", "Sofia", "Sunil", "Tariq", "Tom", "Uma", "Valeria",
    "Victor", "Wei", "Xin", "Yara", "Yuki", "Yusuf", "Zara", "Zhen",
)
LAST_NAMES = (
    "Abbott", "Adeyemi", "Agarwal", "Alvarez", "Andersen", "Bauer", "Becker", "Bianchi", "Brandt",
    "Carvalho", "Castro", "Chandra", "Chang", "Cohen", "Costa", "Dasgupta", "Dubois", "Eriksson",
    "Fischer", "Fontaine", "Fujita", "Garcia", "Ghosh", "Goldberg", "Gupta", "Haddad", "Hansen",
    "Hartmann", "Horvath", "Huang", "Ibrahim", "Ivanova", "Jansen", "Jensen", "Kapoor", "Kato",
    "Keller", "Khan", "Kim", "Klein", "Kowalski", "Kumar", "Larsen", "Lee", "Levi", "Lindqvist",
    "Liu", "Lopez", "Mahmoud", "Marino", "Martin", "Mehta", "Meyer", "Moreau", "Morozov", "Murphy",
    "Nakamura", "Nguyen", "Novak", "Nowak", "Okafor", "Olsen", "Ortiz", "Park", "Patel", "Petrov",
    "Popescu", "Rao", "Reyes", "Ricci", "Rossi", "Saito", "Santos", "Sato", "Schmidt", "Schulz",
    "Sharma", "Silva", "Singh", "Sokolov", "Suzuki", "Tanaka", "Taylor", "Thompson", "Tran",
    "Vargas", "Varga", "Vogel", "Wagner", "Walker", "Wang", "Weber", "Wong", "Wu", "Yamamoto",
    "Yang", "Yilmaz", "Young", "Zhang", "Zhou", "Zimmermann",
)
PLACES = (
    "Aurora", "Bayside", "Bellmont", "Brookfield", "Cedar Falls", "Clearwater", "Eastlake",
    "Fairhaven", "Glenwood", "Granite Bay", "Harborview", "Highland", "Ironwood", "Lakemont",
    "Maplewood", "Meadowbrook", "Northgate", "Oakridge", "Pinecrest", "Redwood", "Riverside",
    "Rockport", "Silverton", "Southport", "Springfield", "Stonebridge", "Summit", "Westbrook",
    "Willowdale", "Windermere",
)
UNIVERSITY_FORMS = (
    "University of {}", "{} Institute of Technology", "{} State University", "{} College",
)
TOPIC_WORDS = (
    "generalization", "regret", "bandits", "kernels", "overparameterization", "margins",
    "stochastic gradient descent", "sample complexity", "online learning", "boosting",
    "transformers", "in-context learning", "implicit bias", "neural tangent kernels",
    "reinforcement learning", "differential privacy", "robustness", "optimization",
    "mixture models", "PAC learning", "VC dimension", "Rademacher complexity", "sparse recovery",
    "matrix completion", "tensor decomposition", "Langevin dynamics", "diffusion models",
    "calibration", "distribution shift", "active learning", "clustering", "causal inference",
    "Gaussian processes", "benign overfitting", "feature learning", "lower bounds",
)
TITLE_FORMS = (
    "On the {} of {}", "{} for {}", "Sharp bounds for {} in {}", "A theory of {} and {}",
    "When does {} help {}?", "Provable {} via {}", "{} beyond {}", "Towards {} with {}",
)
VENUES = ("COLT", "ALT", "NeurIPS", "ICML", "STOC", "FOCS", "JMLR")
AUTHOR_COUNT_WEIGHTS = (8, 20, 24, 18, 11, 7, 4, 3, 2, 1, 1, 1)
"""Relative frequency of papers with 1, 2, ... 12 authors."""

NEWCOMER_PROBABILITY = 0.3
"""Chance that an author slot goes to a person not seen before."""
TALKS_PER_PAPER = 0.25
PHD_ADVISED = 0.45
POSTDOC_MENTORED = 0.12
EDUCATED = 0.3
AWARDED = 0.04
AWARDS = ("Best Paper Award", "Sloan Research Fellowship", "NSF CAREER Award",
          "Test of Time Award", "Young Investigator Award")
FIRST_YEAR, LAST_YEAR = 1995, 2024
SYNTH_PREFIX = "synth"


@dataclass
class SynthSummary:
    """What a synthetic dataset holds, and sample entities to ask about (IRI → name)."""

    quads: int = 0
    people: int = 0
    organizations: int = 0
    papers: int = 0
    talks: int = 0
    events: int = 0
    advising: int = 0
    samples: dict[str, str] = field(default_factory=dict)
    """Keys: hub_person, mid_person, series, seminar, conference, university, talk (IRIs)."""
    names: dict[str, str] = field(default_factory=dict)
    """The names of the sample entities that have one, by the same keys."""


def person_name(index: int) -> str:
    """The unique name of the person with this index (a middle initial once names run out)."""
    pairs = len(FIRST_NAMES) * len(LAST_NAMES)
    tier, base = divmod(index, pairs)
    first = FIRST_NAMES[base % len(FIRST_NAMES)]
    last = LAST_NAMES[(base // len(FIRST_NAMES) * 37 + base) % len(LAST_NAMES)]
    if tier == 0:
        return f"{first} {last}"
    middle = _letters(tier - 1)
    return f"{first} {'. '.join(middle)}. {last}"


def _letters(number: int) -> str:
    if number < 26:
        return chr(ord("A") + number)
    return _letters(number // 26 - 1) + chr(ord("A") + number % 26)


class SyntheticGraph:
    """A deterministic stream of synthetic quads of about ``triples`` triples.

    Iterate ``quads()`` once; ``summary`` is complete when the stream ends. Memory grows with the
    number of people (a few bytes each), not with the number of triples.
    """

    def __init__(self, triples: int, seed: int = 1) -> None:
        if triples < 1:
            raise ValueError("the number of triples must be positive")
        self.target = triples
        self.random = random.Random(seed)
        self.summary = SynthSummary()
        self._author_slots = array("l")  # one entry per authorship: preferential attachment
        self._member_slots = array("l")  # one entry per member: university sizes
        self._person_university = array("l")
        self._paper_counts = array("l")
        self._universities = max(8, min(600, triples // 20_000))
        self._series: list[_Series] = []
        self._sources: set[str] = set()
        self._talk_budget = 0.0
        self._person_ids: list[str] = []

    def quads(self) -> Iterator[rdf.Quad]:
        """Every quad, in a deterministic order."""
        self._plan_seminar_series()
        yield from self._counted(list(self._organizations()))
        number = 0
        while self.summary.quads < self.target:
            yield from self._counted(self._paper(number))
            number += 1
            self._talk_budget += TALKS_PER_PAPER
            while self._talk_budget >= 1 and self.summary.quads < self.target:
                self._talk_budget -= 1
                yield from self._counted(self._talk())
        self._choose_samples()

    def _counted(self, quads: list[rdf.Quad]) -> list[rdf.Quad]:
        self.summary.quads += len(quads)
        return quads

    def _person_id(self, index: int) -> str:
        """The record id of the person with this index (computed once)."""
        if index == len(self._person_ids):
            self._person_ids.append(slugify(person_name(index)))
        return self._person_ids[index]

    # -- progress in time ------------------------------------------------------------------

    def _year(self) -> int:
        share = min(1.0, self.summary.quads / self.target)
        return FIRST_YEAR + int(share * (LAST_YEAR - FIRST_YEAR))

    def _source(self, source_id: str, title: str, kind: str) -> Iterator[rdf.Quad]:
        """The source document's own quads the first time it is used; its graph term."""
        if source_id not in self._sources:
            self._sources.add(source_id)
            source = Source(id=source_id, title=title, kind=kind, file=None)  # type: ignore[arg-type]
            yield from rdf.source_quads(source, rdf.iri(vocab.source_graph(source_id)))

    # -- organizations ---------------------------------------------------------------------

    def _organizations(self) -> Iterator[rdf.Quad]:
        registry = rdf.iri(vocab.REGISTRY_GRAPH)
        for index in range(self._universities):
            name = university_name(index)
            uid = university_id(index)
            yield from rdf.organization_quads(
                Organization(id=uid, name=name, kind="university", location=_place(index)), registry
            )
            yield from rdf.organization_quads(
                Organization(
                    id=f"{uid}-cs",
                    name=f"Department of Computer Science, {name}",
                    kind="department",
                    part_of=uid,
                ),
                registry,
            )
            self.summary.organizations += 2
            self._member_slots.append(index)

    def _university(self) -> int:
        if self.random.random() < 0.1:
            return self.random.randrange(self._universities)
        return self._member_slots[self.random.randrange(len(self._member_slots))]

    # -- people ----------------------------------------------------------------------------

    def _new_person(self) -> tuple[int, list[rdf.Quad]]:
        index = self.summary.people
        self.summary.people += 1
        name = person_name(index)
        alt = [_initialled(name)] if self.random.random() < 0.3 else []
        pid = self._person_id(index)
        quads = list(rdf.person_quads(Person(id=pid, name=name, alt_names=alt),
                                      rdf.iri(vocab.REGISTRY_GRAPH)))
        university = self._university()
        self._person_university.append(university)
        self._paper_counts.append(0)
        self._member_slots.append(university)
        directory = f"{SYNTH_PREFIX}-directory-{index // 1000:05d}"
        graph = rdf.iri(vocab.source_graph(directory))
        quads.extend(self._source(directory, f"Synthetic people directory, page {index // 1000}",
                                  "author_page"))
        uid = university_id(university)
        quads.extend(rdf.affiliation_quads(
            Affiliation(
                person=pid,
                organizations=[f"{uid}-cs", uid],
                as_stated=university_name(university),
                role=self.random.choice(("Professor", "Assistant Professor", "PhD student",
                                         "Postdoc", "Researcher")),
                start_year=self._year(),
            ),
            graph,
        ))
        quads.extend(self._advising(index, pid, graph))
        if self.random.random() < EDUCATED:
            quads.extend(rdf.education_quads(
                Education(person=pid, institution=uid, degree="PhD", field="Computer Science",
                          year=self._year()),
                graph,
            ))
        if self.random.random() < AWARDED:
            quads.extend(rdf.award_quads(
                Award(person=pid, name=self.random.choice(AWARDS), year=self._year()), graph
            ))
        return index, quads

    def _advising(self, index: int, pid: str, graph: str) -> Iterator[rdf.Quad]:
        if not self._author_slots:
            return
        for kind, chance in (("phd", PHD_ADVISED), ("postdoc", POSTDOC_MENTORED)):
            if self.random.random() >= chance:
                continue
            advisor = self._preferred_author()
            if advisor == index:
                continue
            self.summary.advising += 1
            yield from rdf.advising_quads(
                Advising(
                    student=pid,
                    advisor=self._person_ids[advisor],
                    kind=kind,  # type: ignore[arg-type]
                    institution=university_id(self._person_university[advisor]),
                ),
                graph,
            )

    def _preferred_author(self) -> int:
        return self._author_slots[self.random.randrange(len(self._author_slots))]

    def _some_person(self, quads: list[rdf.Quad]) -> int:
        """An existing author in proportion to their papers, or a newcomer (their quads added)."""
        if not self._author_slots or self.random.random() < NEWCOMER_PROBABILITY:
            index, new_quads = self._new_person()
            quads.extend(new_quads)
            return index
        return self._preferred_author()

    # -- papers ----------------------------------------------------------------------------

    def _paper(self, number: int) -> list[rdf.Quad]:
        quads: list[rdf.Quad] = []
        size = self.random.choices(range(1, 13), weights=AUTHOR_COUNT_WEIGHTS)[0]
        authors: list[int] = []
        for _ in range(size * 3):
            if len(authors) == size:
                break
            person = self._some_person(quads)
            if person not in authors:
                authors.append(person)
        year = self._year()
        venue = VENUES[min(len(VENUES) - 1, int(self.random.paretovariate(1.2)) - 1)]
        source = f"{SYNTH_PREFIX}-{venue.lower()}-{year}"
        quads.extend(self._source(source, f"Synthetic {venue} {year} proceedings", "bibliography"))
        paper = Paper(
            id=f"{SYNTH_PREFIX}-{number:08d}",
            title=self._title(),
            year=year,
            authors=[self._person_ids[a] for a in authors],
            kinds=["oral"] if self.random.random() < 0.15 else ["poster"],
            venue=f"{venue} {year}",
        )
        quads.extend(rdf.paper_quads(paper, rdf.iri(vocab.source_graph(source))))
        for author in authors:
            self._author_slots.append(author)
            self._paper_counts[author] += 1
        self.summary.papers += 1
        return quads

    def _title(self) -> str:
        first, second = self.random.sample(TOPIC_WORDS, 2)
        title = self.random.choice(TITLE_FORMS).format(first, second)
        return title[0].upper() + title[1:]

    # -- events and talks ------------------------------------------------------------------

    def _plan_seminar_series(self) -> None:
        count = max(3, min(200, self.target // 100_000))
        for index in range(count):
            university = index % self._universities
            self._series.append(
                _Series(f"{SYNTH_PREFIX}-seminar-{index:03d}",
                        f"{_place(university)} Learning Theory Seminar {index}", university)
            )

    def _talk(self) -> list[rdf.Quad]:
        quads: list[rdf.Quad] = []
        speaker = self._some_person(quads)
        year = self._year()
        at_conference = self.random.random() < 0.3
        if at_conference:
            event_id, graph = self._conference(year, quads)
        else:
            event_id, graph = self._session(year, quads)
        self.summary.talks += 1
        university = self._person_university[speaker]
        start = self._talk_time(year)
        quads.extend(rdf.talk_quads(
            Talk(
                id=f"{SYNTH_PREFIX}-talk-{self.summary.talks:08d}",
                title=self._title(),
                speakers=[TalkSpeaker(
                    person=self._person_ids[speaker],
                    affiliation=university_name(university),
                    organizations=[university_id(university)],
                )],
                event=event_id,
                start=start,
                end=start + timedelta(hours=1),
                abstract=self._abstract(),
            ),
            graph,
        ))
        return quads

    def _talk_time(self, year: int) -> datetime:
        day = self.random.randrange(365)
        offset = timezone(timedelta(hours=self.random.choice((-8, -5, 0, 1, 8))))
        return datetime(year, 1, 1, 10 + self.random.randrange(8), 0, tzinfo=offset) + timedelta(
            days=day
        )

    def _abstract(self) -> str:
        words = self.random.sample(TOPIC_WORDS, 3)
        return (f"We study {words[0]} and its connection to {words[1]}. Our results give "
                f"new guarantees for {words[2]}.")

    def _conference(self, year: int, quads: list[rdf.Quad]) -> tuple[str, str]:
        venue = VENUES[self.random.randrange(len(VENUES))]
        source = f"{SYNTH_PREFIX}-{venue.lower()}-{year}"
        graph = rdf.iri(vocab.source_graph(source))
        quads.extend(self._source(source, f"Synthetic {venue} {year} proceedings", "bibliography"))
        event_id = f"{SYNTH_PREFIX}-{venue.lower()}-{year}-conference"
        if event_id not in self._sources:
            self._sources.add(event_id)
            self.summary.events += 1
            organizers = sorted({self._person_ids[self._preferred_author()] for _ in range(3)})
            quads.extend(rdf.event_quads(
                Event(id=event_id, name=f"{venue} {year}", kind="conference", timezone=None,
                      start=date(year, 6, 1), end=date(year, 6, 5),
                      organizers=organizers),
                graph,
            ))
        return event_id, graph

    def _session(self, year: int, quads: list[rdf.Quad]) -> tuple[str, str]:
        series = self._series[self.random.randrange(len(self._series))]
        source = f"{series.id}-{year}"
        graph = rdf.iri(vocab.source_graph(source))
        quads.extend(self._source(source, f"{series.name}, {year} programme", "seminar_page"))
        if series.id not in self._sources:
            self._sources.add(series.id)
            self.summary.events += 1
            series.organizers = sorted({self._person_ids[self._preferred_author()]
                                        for _ in range(2)})
            quads.extend(rdf.event_quads(
                Event(id=series.id, name=series.name, kind="seminar_series",
                      hosts=[university_id(series.university)], organizers=series.organizers,
                      timezone="America/New_York"),
                graph,
            ))
        if series.session_talks <= 0:
            series.sessions += 1
            series.session_talks = self.random.choice((1, 1, 2, 3))
            self.summary.events += 1
            session = f"{series.id}-{series.sessions:05d}"
            quads.extend(rdf.event_quads(
                Event(id=session, name=f"{series.name}, session {series.sessions}",
                      kind="seminar", part_of=series.id, timezone=None, organizers=series.organizers[:1]),
                graph,
            ))
        series.session_talks -= 1
        return f"{series.id}-{series.sessions:05d}", graph

    # -- samples for benchmarks ------------------------------------------------------------

    def _choose_samples(self) -> None:
        counts = self._paper_counts
        if not counts:
            return
        hub = max(range(len(counts)), key=counts.__getitem__)
        mid = min(range(len(counts)), key=lambda i: (abs(counts[i] - 10), i))
        samples = {"hub_person": ("person", hub), "mid_person": ("person", mid)}
        for key, (_, index) in samples.items():
            pid = slugify(person_name(index))
            self.summary.samples[key] = vocab.resource("person", pid)
            self.summary.names[key] = person_name(index)
        biggest = max(self._series, key=lambda s: (s.sessions, s.id))
        if biggest.sessions:
            self.summary.samples["series"] = vocab.resource("event", biggest.id)
            self.summary.names["series"] = biggest.name
            self.summary.samples["seminar"] = vocab.resource("event", f"{biggest.id}-00001")
        university = self._member_slots[0]
        self.summary.samples["university"] = vocab.resource("org", university_id(university))
        self.summary.names["university"] = university_name(university)
        if self.summary.talks:
            self.summary.samples["talk"] = vocab.resource("talk", f"{SYNTH_PREFIX}-talk-00000001")


@dataclass
class _Series:
    id: str
    name: str
    university: int
    organizers: list[str] = field(default_factory=list)
    sessions: int = 0
    session_talks: int = 0


def university_name(index: int) -> str:
    """The name of the synthetic university with this index."""
    form = UNIVERSITY_FORMS[(index // len(PLACES)) % len(UNIVERSITY_FORMS)]
    name = form.format(_place(index))
    rounds = index // (len(PLACES) * len(UNIVERSITY_FORMS))
    return name if rounds == 0 else f"{name} {rounds + 1}"


def university_id(index: int) -> str:
    """The record id of the synthetic university with this index."""
    return slugify(university_name(index))


def _place(index: int) -> str:
    return PLACES[index % len(PLACES)]


def _initialled(name: str) -> str:
    parts = name.split()
    return " ".join([p[0] + "." for p in parts[:-1]] + [parts[-1]])


def dataset_name(triples: int, seed: int) -> str:
    """The file stem of a synthetic dataset: ``synthetic-<triples>-s<seed>``."""
    return f"synthetic-{triples}-s{seed}"


def write_synthetic(
    out_dir: Path,
    triples: int,
    seed: int = 1,
    compress: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[Path, SynthSummary]:
    """Write a synthetic dataset as N-Quads (gzip with ``compress``) and its summary as JSON.

    The files are ``<out_dir>/synthetic-<triples>-s<seed>.nq[.gz]`` and ``….json``; each is
    written beside its final name and renamed when complete. ``progress`` is called with the
    number of quads written every 100,000 quads. Same arguments, same bytes.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = dataset_name(triples, seed)
    target = out_dir / (stem + (".nq.gz" if compress else ".nq"))
    partial = target.with_name(target.name + ".partial")
    graph = SyntheticGraph(triples, seed)
    with partial.open("wb") as raw:
        stream = cast(IO[bytes], (
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=1, mtime=0)
            if compress else raw
        ))
        _write_lines(stream, graph, progress)
        if compress:
            stream.close()
    partial.replace(target)
    manifest = out_dir / (stem + ".json")
    manifest.write_text(json.dumps(dataclasses.asdict(graph.summary), indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
    return target, graph.summary


def _write_lines(stream: IO[bytes], graph: SyntheticGraph, progress: Callable[[int], None] | None) -> None:
    batch: list[str] = []
    for count, line in enumerate(rdf.to_nquads(graph.quads()), start=1):
        batch.append(line)
        if count % 100_000 == 0:
            stream.write("".join(batch).encode("utf-8"))
            batch.clear()
            if progress is not None:
                progress(count)
    stream.write("".join(batch).encode("utf-8"))


def read_summary(nquads_file: Path) -> SynthSummary:
    """The summary written beside a synthetic N-Quads file by ``write_synthetic``."""
    stem = nquads_file.name.removesuffix(".gz").removesuffix(".nq")
    data = json.loads((nquads_file.with_name(stem + ".json")).read_text(encoding="utf-8"))
    return SynthSummary(**data)
