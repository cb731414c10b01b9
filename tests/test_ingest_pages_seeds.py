"""Ingesting the five seed documents from scratch reproduces the hand-curated records.

The registries (people, organizations, aliases) are kept; the record files start empty. Every
talk, paper, advising and education fact of the curated files is compared with what the
extractors produce; the differences the extractors cannot avoid are listed here, explicitly.
"""

from pathlib import Path

import pytest

from kg.ingest.documents import ingest_page
from kg.records.load import load_dataset
from kg.records.models import Dataset, SourceDocument

from .conftest import SEED_DATA
from .pages_helpers import SEED_FILES, registry_only

# Facts the curators added from their reading of the biographies, which the extractors do not
# attempt: events mentioned in passing, committees and editorial boards, departments of a
# university named apart from it, a place not printed on the page.
EVENTS_NOT_EXTRACTED = {
    "iclr-2024", "iclr-2024-workshop-mathematical-empirical-understanding-foundation-models",
    "neurips-2024", "neurips-2024-workshop-m3l",
    "simons-institute-fall-2013-program-foundations-of-data-science",
    "simons-institute-fall-2018-program-foundations-of-data-science",
    "pcmi-2016-summer-session-mathematics-of-data", "mmds-workshops",
}
EVENT_FIELDS_NOT_EXTRACTED = {("modl-annual-meeting-2024", "place")}  # "Simons Foundation, New York"
AFFILIATIONS_NOT_EXTRACTED = {
    ("adam-tauman-kalai", "project-ceti"), ("jason-lee", "university-of-southern-california"),
    ("jason-lee", "usc-data-science-and-operations"), ("max-welling", "ellis"),
    ("max-welling", "qualcomm-technologies"), ("michael-w-mahoney", "amazon"),
    ("michael-w-mahoney", "foda-institute"),
    ("michael-w-mahoney", "lbnl-machine-learning-and-analytics-group"),
    ("michael-w-mahoney", "national-research-council"), ("michael-w-mahoney", "samsi"),
    ("michael-w-mahoney", "stanford-mathematics"), ("michael-w-mahoney", "stanford-university"),
    ("michael-w-mahoney", "uc-berkeley-statistics"), ("michael-w-mahoney", "yahoo-research"),
    ("michael-w-mahoney", "yale-mathematics"), ("michael-w-mahoney", "yale-university"),
    ("murat-kocaoglu", "mit-ibm-watson-ai-lab"), ("murat-kocaoglu", "purdue-ece"),
    ("ramya-korlakai-vinayak", "uw-madison-cs"), ("ramya-korlakai-vinayak", "uw-madison-ece"),
    ("ramya-korlakai-vinayak", "uw-madison-statistics"),
    ("rebecca-willett", "afrl-university-center-of-excellence-machine-learning"),
    ("rebecca-willett", "nsf-institute-foundations-of-data-science"),
    ("rebecca-willett", "schmidt-ai-in-science-postdoctoral-fellowship"),
    ("rebecca-willett", "skai"), ("rebecca-willett", "ttic"), ("rebecca-willett", "uw-madison-ece"),
    ("rebecca-willett", "wisconsin-institutes-for-discovery"), ("robert-nowak", "ieee-jsait"),
    ("robert-nowak", "siam-journal-on-mathematics-of-data-science"), ("robert-nowak", "uw-madison-ece"),
    ("roy-fox", "intelligent-dynamics-lab"), ("xiang-cheng", "tilos"),
}
# Facts the extractors read that the curators left out: "the MIT-IBM Watson AI Lab in IBM Research"
# names a lab of two parents, read as both (as the identity gold labels joint labs) rather than as the
# lab itself, which the curators named with its parent in the registry, IBM Research.
AFFILIATIONS_NOT_CURATED = {("murat-kocaoglu", "mit")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Dataset:
    data = registry_only(tmp_path_factory.mktemp("seeds"))
    for path in SEED_FILES.values():
        ingest_page(data, path)
    return load_dataset(data)


@pytest.fixture(scope="module")
def curated() -> Dataset:
    return load_dataset(SEED_DATA)


def by_file(dataset: Dataset) -> dict[str, SourceDocument]:
    return {Path(d.source.file or "").name: d for d in dataset.documents}


def event_names(dataset: Dataset) -> dict[str, str]:
    return {e.id: e.name for d in dataset.documents for e in d.events}


def talk_facts(dataset: Dataset, document: SourceDocument) -> dict[tuple[str, ...], tuple]:
    names = event_names(dataset)
    norm = " ".join
    return {tuple(s.person for s in t.speakers): (
        t.title, [a.text for a in t.alt_titles], t.start, t.end, t.place,
        names.get(t.event or ""), [(s.affiliation, s.organizations, s.role) for s in t.speakers],
        t.collaborators, t.keywords, t.recording_offset, norm((t.abstract or "").split()),
        norm((t.biography or "").split())) for t in document.talks}


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_talks_match_the_curated_ones(seed, extracted, curated):
    name = SEED_FILES[seed].name
    mine, theirs = by_file(extracted)[name], by_file(curated)[name]
    assert talk_facts(extracted, mine) == talk_facts(curated, theirs)


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_papers_advisors_and_degrees_match_the_curated_ones(seed, extracted, curated):
    name = SEED_FILES[seed].name
    mine, theirs = by_file(extracted)[name], by_file(curated)[name]
    papers = [{(p.year, p.title, tuple(p.authors), tuple(p.kinds)) for p in d.papers} for d in (mine, theirs)]
    assert papers[0] == papers[1]
    advising = [{(a.student, a.advisor, a.kind, a.institution) for a in d.advising} for d in (mine, theirs)]
    assert advising[0] == advising[1]
    education = [{(e.person, e.institution, e.degree, e.year) for e in d.education} for d in (mine, theirs)]
    assert education[0] == education[1]


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_events_and_affiliations_match_but_for_the_listed_differences(seed, extracted, curated):
    name = SEED_FILES[seed].name
    mine, theirs = by_file(extracted)[name], by_file(curated)[name]
    by_name = {e.name: e for e in mine.events}
    for event in theirs.events:
        if event.id in EVENTS_NOT_EXTRACTED:
            assert event.name not in by_name
            continue
        found = by_name[event.name]
        for field in ("kind", "start", "end", "place", "address", "timezone", "organizers",
                      "attended_by_groups_of"):
            if (event.id, field) not in EVENT_FIELDS_NOT_EXTRACTED:
                assert getattr(found, field) == getattr(event, field), (event.id, field)
    pairs = [{(a.person, o) for a in d.affiliations for o in a.organizations} for d in (mine, theirs)]
    assert pairs[0] - pairs[1] == {p for p in AFFILIATIONS_NOT_CURATED if p in pairs[0]}  # nothing else added
    assert pairs[1] - pairs[0] == {p for p in AFFILIATIONS_NOT_EXTRACTED if p in pairs[1]}


def test_relations_keep_their_evidence_sentence(extracted):
    advising = {(a.student, a.advisor): a for d in extracted.documents for a in d.advising}
    assert advising[("sadhika-malladi", "sanjeev-arora")].evidence == (
        "Sadhika Malladi is a final-year PhD student in Computer Science at Princeton University "
        "advised by Sanjeev Arora.")
    assert advising[("jason-lee", "michael-i-jordan")].kind == "postdoc"


def test_ingesting_the_seeds_adds_nobody_to_the_registries(extracted, curated):
    assert {p.id for p in extracted.people} == {p.id for p in curated.people}
    assert {o.id for o in extracted.organizations} == {o.id for o in curated.organizations}
