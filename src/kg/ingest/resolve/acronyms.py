"""Acronyms of institutions learned from the field: a short form is the institution whose initials it spells.

A printed form holding an acronym ("SRIBD", "OvGU Magdeburg", "Skolkovo IST", "IIIT Delhi") names
an institution when its letters are the initials of that institution's name, word after word,
with the words a form leaves out of its acronyms (of, and, de, von...) skipped or spelled by a
lower-case letter ("OvGU" = Otto von Guericke Universität), and the name's last words a place the
field prints as one ("OvGU" = Otto von Guericke University Magdeburg). Letters alone prove
little: the institution must be printed in the same affiliation as the form, or elsewhere by an
author of a paper that prints the form, for every affiliation that prints it, and be the only
such institution it spells. A form with no such institution near it, of four capitals or more, is the
one institution of the whole field whose name its letters spell as the initials of the words that are
not links ("PNNL & Duke U.": the Pacific Northwest National Laboratory, printed by others), unless an
affiliation that names a registry institution prints it other than joined by "and" or "&": there it
is as often a unit ("SIST, ShanghaiTech University" is no Skolkovo Institute of Science and
Technology). The registry reads a
learned form as that institution wherever it is printed as a whole segment
(``affiliations.Registry.add_forms``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from kg.ingest.resolve.names import fold

MAX_LETTERS = 8
"""An acronym has three to this many letters."""
MAX_TOKENS = 4
"""Forms are short: up to this many words, one of them an acronym at least."""
_SKIPPABLE = frozenset("of the and for in on at de du des la le l d di del della degli da do dos von van der "
                       "fur und et y e i".split())
"""Words of a name an acronym may leave out ("Centre National de la Recherche Scientifique" = CNRS; "i", "y",
"e", "et", "und": "and" in Catalan, Spanish, Italian, French, German)."""
_SPLIT = re.compile(r"\s+(?:and|&)\s+|[,;+(){}\[\]/]|\s[-–—]\s")


class Reader(Protocol):
    """What the learner reads affiliations with: ``affiliations.Registry``."""

    places: set[str]

    def read_names(self, raw: str) -> list[tuple[str, str]]: ...

    def known_form(self, form: str) -> bool: ...

    def own_target(self, form: str) -> str: ...


@dataclass(frozen=True)
class Learned:
    """A printed form and the institution it stands for (a registry id, or ``?key`` of a new name)."""

    form: str
    target: str
    evidence: str


def tokens(form: str) -> list[str] | None:
    """The words of a candidate form, or None when it is no form: too long, or no acronym in it."""
    words = [w for w in re.split(r"[\s-]+", form.strip(" .")) if w]
    if not 1 <= len(words) <= MAX_TOKENS or not any(is_acronym(w) for w in words):
        return None
    if not all(w[:1].isupper() for w in words):
        return None  # "the SRIBD group": prose, not a name
    return words


def is_acronym(word: str) -> bool:
    """Whether a printed word is an acronym: three to eight letters, most of them capitals ("SRIBD",
    "OvGU", "IISc"; not "McGill" nor "DeepMind")."""
    capitals = sum(c.isupper() for c in word)
    return 3 <= len(word) <= MAX_LETTERS and word.isalpha() and capitals >= 2 and 2 * capitals >= len(word)


def spells(form: Sequence[str], name: str, places: set[str]) -> bool:
    """Whether the form's words and acronyms spell the name ("Skolkovo IST" spells "Skolkovo Institute
    of Science and Technology"; "OvGU" spells "Otto-von-Guericke-Universität Magdeburg", Magdeburg being
    a place)."""
    words = fold(name).split()
    if not words:
        return False
    return _spells(list(form), 0, words, 0, places)


def _spells(form: list[str], ti: int, words: list[str], wi: int, places: set[str]) -> bool:
    if ti == len(form):
        rest = [w for w in words[wi:] if w not in _SKIPPABLE]
        return not rest or (wi > 0 and " ".join(rest) in places)
    token = form[ti]
    if is_acronym(token):
        return _letters(token, 0, form, ti, words, wi, places)
    folded = fold(token).split()
    if words[wi:wi + len(folded)] == folded:
        return _spells(form, ti + 1, words, wi + len(folded), places)
    return False


def _letters(token: str, li: int, form: list[str], ti: int, words: list[str], wi: int,
             places: set[str]) -> bool:
    """The acronym's letters from ``li`` on are the initials of the words from ``wi`` on."""
    if li == len(token):
        return _spells(form, ti + 1, words, wi, places)
    if wi == len(words):
        return False
    letter = token[li].lower()
    if words[wi][0] == letter and _letters(token, li + 1, form, ti, words, wi + 1, places):
        return True
    return words[wi] in _SKIPPABLE and _letters(token, li, form, ti, words, wi + 1, places)


class _People(Protocol):
    @property
    def authors(self) -> Sequence[str]: ...

    @property
    def affiliations(self) -> Sequence[str | None]: ...


def forms_of(raw: str) -> list[str]:
    """The pieces of an affiliation that may be an institution's short form ("SRIBD", "OvGU Magdeburg")."""
    if not _TWO_CAPITALS.search(raw):
        return []
    return [piece.strip(" .") for piece in _SPLIT.split(raw) if piece and tokens(piece) is not None]


_TWO_CAPITALS = re.compile(r"[A-Z][a-z]?[A-Z]")


def learn(papers: Iterable[_People], reader: Reader) -> list[Learned]:
    """The acronyms of the field that spell one institution printed beside them or by their authors.

    Every affiliation that prints the form must print the institution too, or be printed in a paper
    by an author who prints it elsewhere: "ISIR" of the Sorbonne is not learned when an Osaka author
    prints "ISIR" too.
    A name whose last words are a place is spelled without them only by a form printed alone
    ("OvGU" = Otto von Guericke University Magdeburg; "SUNY" beside Albany is no SUNY Buffalo).
    A form that spells no institution near it is the one the whole field spells out (``_spelled_in_field``).
    """
    printed_by: dict[str, set[str]] = defaultdict(set)  # author → targets they print
    spellings: dict[str, set[str]] = defaultdict(set)  # target → its printed names
    strings: dict[str, dict[str, set[str]]] = defaultdict(dict)  # form → affiliation → authors of its papers
    read: dict[str, set[str]] = {}
    own: dict[str, str] = {}  # form → the new name it would be on its own
    forms: dict[str, list[str]] = {}  # affiliation → its forms
    for paper in papers:
        coauthors = {fold(author) for author in paper.authors}
        for author, raw in zip(paper.authors, paper.affiliations, strict=False):
            if not raw:
                continue
            if raw not in read:
                named = reader.read_names(raw)
                read[raw] = {target for target, _ in named}
                for target, name in named:
                    spellings[target].add(name)
            printed_by[fold(author)].update(read[raw])
            if raw not in forms:  # each affiliation's forms once, the registry's names left out
                forms[raw] = [form for form in forms_of(raw) if not reader.known_form(form)]
            for form in forms[raw]:
                strings[form].setdefault(raw, set()).update(coauthors)
                if form not in own:
                    own[form] = reader.own_target(form)
    learned = []
    by_initials = _by_initials(spellings)
    for form in sorted(strings):
        words = tokens(form) or []
        alone = not any(read[raw] - {own[form]} for raw in strings[form])
        people = set().union(*strings[form].values())
        near = set().union(*(read[raw] for raw in strings[form]), *(printed_by[p] for p in people))
        near.discard(own[form])
        found = [t for t in sorted(near)
                 if any(spells(words, name, reader.places if alone else set()) for name in spellings[t])]
        if not found and not any(_a_unit_beside(form, raw, reader) for raw in strings[form]) \
                and (spelled := _spelled_in_field(words, by_initials, own[form], reader.places)) is not None:
            learned.append(Learned(form, spelled, "its name spelled out in the field"))
            continue
        if len(found) != 1:
            continue
        target = found[0]
        supported = [target in read[raw] or any(target in printed_by[p] for p in authors)
                     for raw, authors in strings[form].items()]
        if all(supported):
            beside = any(target in read[raw] for raw in strings[form])
            learned.append(Learned(form, target, "printed beside it" if beside else "printed by its authors"))
    return learned


def _a_unit_beside(form: str, raw: str, reader: Reader) -> bool:
    """Whether an affiliation names a registry institution and prints the form other than joined to a name
    by "and" or "&" ("SIST, ShanghaiTech University", "MIT Math + SDSC + CSAIL"): there an acronym is as
    often a unit of that institution ("PNNL & Duke U." is not)."""
    if all(target.startswith("?") for target, _ in reader.read_names(raw)):
        return False
    joined = re.compile(rf"(?:(?:&|\band)\s*{re.escape(form)}\b|\b{re.escape(form)}\s*(?:&|and\b))")
    return not joined.search(raw)


MIN_LETTERS_FIELD = 4
"""An acronym with no institution near it names one the field spells out only with this many letters."""


def _content_initials(name: str) -> str:
    """The initials of a name's words that are not links ("Pacific Northwest National Laboratory": pnnl)."""
    return "".join(word[0] for word in fold(name).split() if word not in _SKIPPABLE)


def _by_initials(spellings: dict[str, set[str]]) -> dict[str, set[tuple[str, str]]]:
    """The field's institutions' names (target, name) by the initials of their words that are not links."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for target, names in spellings.items():
        for name in names:
            if len(initials := _content_initials(name)) >= MIN_LETTERS_FIELD:
                found[initials].add((target, name))
    return found


def _spelled_in_field(words: Sequence[str], by_initials: dict[str, set[tuple[str, str]]], own: str,
                      places: set[str]) -> str | None:
    """The one institution of the whole field whose name an acronym printed alone (perhaps with a place the
    field prints: "PNNL" for the Pacific Northwest National Laboratory), in capitals, spells, letter by
    letter, as the initials of the name's words that are not links; None when there is none or more
    than one, or when the acronym is short (three letters spell too many names the field has never
    printed)."""
    positions = [at for at, w in enumerate(words) if is_acronym(w)]
    letters = [words[at] for at in positions]
    if len(letters) != 1 or len(letters[0]) < MIN_LETTERS_FIELD or not letters[0].isupper() or not all(
            fold(w) in places for at, w in enumerate(words) if at != positions[0]):
        return None
    candidates = by_initials.get(letters[0].lower(), set())
    targets = {target for target, name in candidates if target != own and spells(letters, name, set())}
    return targets.pop() if len(targets) == 1 else None
