"""Who is who at field scale: people and institutions resolved on COLT + ml-venues, scored on a gold set.

Imports the COLT and ml-venues authorship tables (paths on the command line) into a scratch data
folder holding the project's registries (``data/people.yaml``, ``data/organizations.yaml``,
the record files) and the alias file's institution and short-form entries, but none of its
decisions about people: the figures measure the resolver, not hand-written aliases. Then scores

- people: pairwise precision and recall on the labelled authorship pairs of
  ``tests/data/identity/pairs.tsv`` (same person / different people),
- institutions: the share of printed affiliation strings of ``affiliations.jsonl`` whose
  institutions (top level: a department counts as its university) are exactly the gold ones,
  and the wrong merges (two gold institutions given one id),

each on the tuning half and on the check half of the gold (``split_of``: a fixed hash split;
the check half was never looked at while tuning), and on the later gold sets in ``fresh/`` and
``fresh3/`` (each drawn and labelled during a round of work on the resolver by someone who did not
see it, and measured blind once when the round ended), plus the
time and peak memory of importing and resolving the whole field. Writes its section of
BENCHMARKS.md between markers.

Run from the repository root::

    PYTHONPATH=src python bench/identity.py --colt data/colt/colt-2011-2024-authorships.csv \\
        --ml-venues ../shared/data/ml-venues/ml-venues-2013-2021-authorships.csv.gz --output BENCHMARKS.md
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.ingest.bulk.imports import ImportResult, run_imports
from kg.ingest.resolve import institutions
from kg.ingest.resolve.organizations import top_level
from kg.ingest.resolve.resolution import Resolution
from kg.records.aliases import Aliases, load_aliases
from kg.records.files import write_atomically
from kg.records.folder import read_data_folder

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "identity"
START, END = "<!-- bench/identity.py:start -->", "<!-- bench/identity.py:end -->"
SPLITS = ("tune", "check")
FRESH = "fresh"
"""The part of the figures scored on the second gold set (``<gold>/fresh/``), whole."""
FRESH_SETS = {FRESH: "fresh", "fresh3": "fresh3", "fresh4": "fresh4", "fresh5": "fresh5",
              "fresh6": "fresh6", "fresh7": "fresh7",
              "fresh8": "fresh8", "fresh9": "fresh9", "fresh10": "fresh10", "fresh11": "fresh11",
              "fresh12": "fresh12", "fresh13": "fresh13", "fresh14": "fresh14",
              "fresh15": "fresh15"}
"""The later gold sets, each drawn blind during one round of the resolver: part name -> folder of the gold."""


def split_of(label: str) -> str:
    """The fixed half of the gold an item belongs to: ``tune`` or ``check`` (by a hash of its id)."""
    return "check" if int(hashlib.sha1(label.encode("utf-8")).hexdigest(), 16) % 2 else "tune"


@dataclass(frozen=True)
class Pair:
    """Two authorships ("colt:key#2") and whether they are one person."""

    id: str
    a: str
    b: str
    same: bool
    kind: str


@dataclass(frozen=True)
class Printed:
    """A printed affiliation string and the names of the institutions it names."""

    string: str
    gold: frozenset[str]
    kind: str


def read_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of ``pairs.tsv``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    pairs = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        pairs.append(Pair(row["id"], row["a"], row["b"], row["label"] == "same", row["class"]))
    return pairs


def read_affiliations(path: Path) -> list[Printed]:
    """The labelled strings of ``affiliations.jsonl``."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        found.append(Printed(entry["string"], frozenset(i["name"] for i in entry["institutions"]),
                             entry["class"]))
    return found


def scratch_folder(work: Path, tables: dict[str, Path], data: Path = ROOT / "data") -> Path:
    """A data folder with the project's registries and records, the given tables registered, no decisions."""
    folder = work / "data"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(data / "records", folder / "records")
    for name in ("people.yaml", "organizations.yaml"):
        shutil.copyfile(data / name, folder / name)
    aliases = load_aliases(data)
    kept = Aliases(organizations=aliases.organizations, short_forms=aliases.short_forms)
    write_atomically(folder / "aliases.yaml", json.dumps(kept.model_dump(exclude_defaults=True)))
    entries = []
    for import_id, table in tables.items():
        target = folder / "imports" / table.name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(table, target)
        entries.append({"id": import_id, "kind": "authorships", "file": f"imports/{table.name}"})
    write_atomically(folder / "imports.yaml", json.dumps(entries))
    return folder


@dataclass
class Run:
    """One import and resolution of the field: its result, time and memory."""

    result: ImportResult
    seconds: float
    cpu_seconds: float
    peak_mb: float
    authorships: int


def resolve_field(tables: dict[str, Path], work: Path) -> Run:
    """Import and resolve the tables in a scratch folder; time it and read the peak memory."""
    folder = read_data_folder(scratch_folder(work, tables))
    start, cpu = time.perf_counter(), time.process_time()
    result = run_imports(folder)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    authorships = sum(len(p.authors) for _, p in result.papers.values())
    return Run(result, seconds, cpu_seconds, peak, authorships)


@dataclass
class Score:
    """Counts of one part of the gold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    missing: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _where(ref: str) -> tuple[str, int]:
    key = ref.split(":", 1)[1]
    paper, position = key.rsplit("#", 1)
    return paper, int(position) - 1


def score_people(resolution: Resolution, pairs: Iterable[Pair]) -> dict[str, Score]:
    """Pairwise precision and recall per split (``tune``, ``check``, ``all``) and per class."""
    scores: dict[str, Score] = defaultdict(Score)
    for pair in pairs:
        a, b = resolution.namesake_ids.get(_where(pair.a)), resolution.namesake_ids.get(_where(pair.b))
        for part in (split_of(pair.id), "all", f"class:{pair.kind}"):
            score = scores[part]
            if a is None or b is None:
                score.missing += 1
                continue
            same = a == b
            if same and pair.same:
                score.tp += 1
            elif same:
                score.fp += 1
                score.errors.append(f"{pair.id} merged, different: {pair.a} {pair.b} ({a})")
            elif pair.same:
                score.fn += 1
                score.errors.append(f"{pair.id} apart, same: {pair.a} {pair.b} ({a} / {b})")
            else:
                score.tn += 1
    return scores


@dataclass
class InstitutionScore:
    """Strings whose institutions are exactly the gold ones, and the wrong merges."""

    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)
    wrong_merges: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def institution_index(result: ImportResult, organizations: Iterable[object]) -> dict[str, str]:
    """Folded names and other names of every known institution → its id."""
    index: dict[str, str] = {}
    for org in [*organizations, *result.resolution.new_organizations]:
        for name in (org.name, *org.alt_names):  # type: ignore[attr-defined]
            index.setdefault(institutions.fold(name), org.id)  # type: ignore[attr-defined]
    return index


def score_institutions(result: ImportResult, organizations: list[object],
                       printed: Iterable[Printed]) -> dict[str, InstitutionScore]:
    """Institution matching per split (``tune``, ``check``, ``all``)."""
    resolution = result.resolution
    parents = {o.id: o.part_of for o in [*organizations, *resolution.new_organizations]  # type: ignore
               if o.part_of}  # type: ignore[attr-defined]
    index = institution_index(result, organizations)
    scores: dict[str, InstitutionScore] = defaultdict(InstitutionScore)
    named: dict[str, set[str]] = defaultdict(set)
    for entry in printed:
        predicted = frozenset(top_level(o, parents) for o in resolution.organizations(entry.string))
        gold = frozenset(_gold_id(name, index, resolution, parents) for name in entry.gold)
        right = predicted == gold
        for part in (split_of(entry.string), "all", f"class:{entry.kind}"):
            scores[part].total += 1
            scores[part].right += right
            if not right:
                scores[part].errors.append(f"{entry.string!r}: {sorted(predicted)} != {sorted(gold)}")
        if len(predicted) == 1 and len(entry.gold) == 1:
            named[next(iter(predicted))].add(next(iter(entry.gold)))
    for org_id, gold_names in sorted(named.items()):
        if len(gold_names) > 1:
            message = f"{org_id}: {' / '.join(sorted(gold_names))}"
            for part in ("all", *SPLITS):
                scores[part].wrong_merges.append(message)
    return scores


def _gold_id(name: str, index: dict[str, str], resolution: Resolution, parents: dict[str, str]) -> str:
    """The id of a gold institution: by its name in the registry, else as the resolver reads the name."""
    folded = institutions.fold(name)
    if folded in index:
        return top_level(index[folded], parents)
    found = resolution.organizations(name)
    return top_level(found[0], parents) if len(found) == 1 else f"?{name}"


def add_fresh(run: Run, organizations: list[object], folder: Path,
              people: dict[str, Score], places: dict[str, InstitutionScore], part: str = FRESH) -> None:
    """Score a later gold set of ``folder`` (when there is one), whole, as the part ``part``."""
    if (folder / "pairs.tsv").exists():
        people[part] = score_people(run.result.resolution, read_pairs(folder / "pairs.tsv"))["all"]
    if (folder / "affiliations.jsonl").exists():
        gold = read_affiliations(folder / "affiliations.jsonl")
        places[part] = score_institutions(run.result, organizations, gold)["all"]


def section(run: Run, people: dict[str, Score], places: dict[str, InstitutionScore], command: str) -> str:
    """The BENCHMARKS.md section: figures per split, classes, time and memory."""
    resolution = run.result.resolution
    lines = [START, "## Who is who: people and institutions (`bench/identity.py`)", "",
             f"{datetime.date.today().isoformat()}, `{command}`", "",
             f"The field: {len(run.result.papers):,} papers, {run.authorships:,} authorships, "
             f"{len({*resolution.namesake_ids.values()}):,} people and "
             f"{len(resolution.new_organizations):,} new institutions beside the registry; "
             f"imported and resolved in {run.seconds:.1f} s ({run.cpu_seconds:.1f} s of CPU, one process "
             f"on a shared two-core machine), peak memory {run.peak_mb:,.0f} MB.", "",
             "Gold: `tests/data/identity/` (pairs of authorships and printed affiliations, labelled by hand; "
             "`check` is the half never looked at while tuning; `fresh` is the second set, in `fresh/`, "
             "`fresh3` the third, in `fresh3/`, and so on to `fresh15`, each labelled by someone who never "
             "saw the resolver and scored blind once; `fresh5` holds affiliation strings only, and `fresh6` "
             "to `fresh15` draw about half their pairs at random among authorships printed alike).", "",
             "| gold half | people precision | people recall | pairs (same / different) "
             "| institutions correct | strings | wrong merges |",
             "|---|---|---|---|---|---|---|"]
    later = [part for part in FRESH_SETS if part in places]
    for part in (*SPLITS, "all", *later):
        i = places[part]
        if part in people:
            p = people[part]
            pairs = f"{p.precision:.3f} | {p.recall:.3f} | {p.tp + p.fn} / {p.fp + p.tn}"
        else:  # a set of affiliation strings only
            pairs = "– | – | –"
        lines.append(f"| {part} | {pairs} | {i.accuracy:.3f} | {i.total} | {len(i.wrong_merges)} |")
    check, places_check = people["check"], places["check"]
    met = {"people precision ≥ 0.995": check.precision >= 0.995, "people recall ≥ 0.97": check.recall >= 0.97,
           "institutions ≥ 0.97": places_check.accuracy >= 0.97,
           "no wrong merge of institutions": not places_check.wrong_merges,
           "under 60 s of CPU": run.cpu_seconds < 60, "under 2 GB": run.peak_mb < 2048}
    lines += ["", "Goals of issue 11 on the check half: " + "; ".join(
        f"{goal}: {'met' if ok else 'not met'}" for goal, ok in met.items()) + "."]
    counts = Counter(c.status for c in resolution.cases)
    lines += ["", f"`kg resolve` on this field: {counts['merged']:,} names merged into another, "
              f"{counts['split']:,} names split into several people, {counts['open']:,} open cases.", ""]
    lines += ["| class of pair (both halves) | precision | recall | same apart | different merged |",
              "|---|---|---|---|---|"]
    for part in sorted(k for k in people if k.startswith("class:")):
        p = people[part]
        lines.append(f"| {part[6:]} | {p.precision:.3f} | {p.recall:.3f} | {p.fn} | {p.fp} |")
    lines += ["", "| class of affiliation (both halves) | correct | strings |", "|---|---|---|"]
    for part in sorted(k for k in places if k.startswith("class:")):
        lines.append(f"| {part[6:]} | {places[part].accuracy:.3f} | {places[part].total} |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_section(path: Path, text: str) -> None:
    """Put ``text`` between this benchmark's markers in ``path`` (appended the first time)."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in old and END in old:
        before, rest = old.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        new = before + text + ("\n" + after if after else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    write_atomically(path, new)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print the figures and the errors; write BENCHMARKS.md if asked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--colt", type=Path, required=True, help="COLT authorships CSV")
    parser.add_argument("--ml-venues", type=Path, help="ml-venues authorships CSV (.csv or .csv.gz)")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--work", type=Path, help="scratch folder (a temporary one by default)")
    parser.add_argument("--output", type=Path, help="BENCHMARKS.md to write the section into")
    parser.add_argument("--errors", choices=("none", "tune", "check", "all", *FRESH_SETS),
                        default="tune", help="which part's errors to print (default: the tuning half only)")
    args = parser.parse_args(argv)
    tables = {"colt": args.colt, **({"ml-venues": args.ml_venues} if args.ml_venues else {})}
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-identity-"))
    run = resolve_field(tables, work)
    organizations = list(read_data_folder(work / "data").dataset.organizations)
    people = score_people(run.result.resolution, read_pairs(args.gold / "pairs.tsv"))
    gold = read_affiliations(args.gold / "affiliations.jsonl")
    places = score_institutions(run.result, organizations, gold)
    for part, folder in FRESH_SETS.items():
        add_fresh(run, organizations, args.gold / folder, people, places, part)
    command = "PYTHONPATH=src python bench/identity.py " + " ".join(sys.argv[1:] if argv is None else argv)
    text = section(run, people, places, command)
    print(text)
    if args.errors != "none":
        found = people.get(args.errors, Score()).errors + places.get(args.errors, InstitutionScore()).errors
        for line in found + places["all"].wrong_merges:
            print(line, file=sys.stderr)
    if args.output:
        write_section(args.output, text)
    counts = Counter(c.status for c in run.result.resolution.cases)
    print(f"cases: {dict(sorted(counts.items()))}", file=sys.stderr)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
