"""Authorships → people: groups merged best evidence first while the evidence says one person.

Every authorship starts in the group of the other authorships of its name that share a coauthor
with it (and of its own name printed again on the same paper: a row the source repeated). Candidate
pairs of groups are those of one name, and those of two names that may be one person
(``names.variant``: found through blocks on the family name, the letters of the name, the words in
any order, the first and last words, one-letter typos and a given name that is the end of another).
A pair's score is

    name  = the name's prior (how few people carry it) for one name, or
            min(prior, prior_cap(variant)) + the variant's cost for two names
            (for two orders of one name, the prior of the printed reading and of the other together)
    score = name + the evidence of coauthors, institutions, topics (``evidence.Field.score``)

and pairs are merged from the highest score down while it is at least ``MERGE_AT``; scores are
recomputed as groups grow. Two groups are never merged when they hold two authors of one paper,
two registry people, two namesakes fixed by the alias file, names that cannot be one person
(``John Smith`` and ``Jane Smith`` through ``J. Smith``), or names the alias file keeps apart.
Pairs that stay apart with a score not far below ``MERGE_AT`` are open cases for a person.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.ingest.resolve import names
from kg.ingest.resolve.evidence import Field, Group

MERGE_AT = 1.0
VARIANT_EVIDENCE = 0.5
"""The least evidence beyond the names that speaks for one person (coauthors, places, topics) for two
different names to be merged."""
RARE_NAME = 3.0
"""A name part of the score from which a close variant of a name ("Pedro A. Ortega" / "Pedro Ortega",
"Zhivotovskiy Nikita") counts as that name: merged, like the name itself, unless the evidence is against."""
OPEN_FROM = -1.5
PRIOR_CAPS = {"spacing": 5.0, "transliteration": 5.0, "names swapped": 5.0, "particle": 5.0,
              "same given names": 5.0,
              "middle name": 4.0, "middle initial": 4.0, "initial moved": 4.0, "first initial left out": 3.0,
              "short form": 4.0, "letters written out": 5.0, "umlaut written out": 5.0,
              "ending transliterated": 5.0, "first name left out": 2.5, "double family name": 2.5,
              "initial": 2.0, "name cut short": 2.0, "one name only": 2.5}
"""How much a rare name may vouch for a variant of it: a rare name swapped is still that person,
a rare name one letter off may be another real name. A short form the table lists ("Will" / "William C.
Dabney") is how one person writes the name, as a middle name left out is: the same cap."""
VARIANT_PRIOR_CAP = 2.0
DENSE_FAMILY = 50
"""Keys sharing a family name beyond which a one-letter difference in a name is taken as another name."""
FAMILY_FIRST_COST = -0.5
"""The cost of a name printed family name first ("Ye Jieping") when the other reading names nobody of the
field: the order of the name's own culture, far likelier than a second person."""
WRITTEN_OUT_COST = -0.3
"""The cost of a name printed with its umlauts written out ("Boelcskei") beside a print of it with them
("Bölcskei"): one spelling in two alphabets' conventions, as cheap as a name spaced differently."""
KNOWN_FAMILY = 10
"""Keys sharing a family name from which it is known as one (Ye: 41 keys in the field)."""


def prior_cap(reason: str) -> float:
    """The most a name's rarity may add to a pair of names related by ``reason``."""
    return min(PRIOR_CAPS.get(part, VARIANT_PRIOR_CAP) for part in reason.split(", "))

CLOSE = frozenset({"same name", "spacing", "transliteration", "names swapped", "particle", "middle name",
                   "middle initial", "same given names", "initial moved", "letters written out"})
"""Variants through which two keys that do not fit directly may still be one person's."""


@dataclass(frozen=True)
class Decision:
    """Two groups weighed: their score, the names' relation and the main evidence."""

    score: float
    a: int
    b: int
    reason: str
    evidence: str


class Clusters:
    """Groups of authorships under union-find, with the rules that keep groups apart."""

    def __init__(self, groups: list[Group], field: Field, distinct: set[frozenset[str]],
                 extra_forms: dict[str, frozenset[str]],
                 spelled_out: set[frozenset[str]] | None = None) -> None:
        self.groups = groups
        self.parent = list(range(len(groups)))
        self.version = [0] * len(groups)
        self.field = field
        self.distinct = distinct
        self.extra = extra_forms
        self._variants: dict[tuple[str, str], names.Variant | None] = {}
        self.spelled_out: set[frozenset[str]] = spelled_out or set()
        """Pairs of keys that one printed name reads as, folded and with its umlauts written out
        (``names.written_out``): one spelling, as close as a name printed twice."""

    def find(self, i: int) -> int:
        """The root of ``i``'s group."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def roots(self) -> list[int]:
        """Every group's root, in order."""
        return [i for i in range(len(self.groups)) if self.parent[i] == i]

    def variant(self, a: str, b: str) -> names.Variant | None:
        """``names.variant`` of two keys, remembered, with the alias file's pairs kept apart."""
        pair = (a, b) if a <= b else (b, a)
        if pair not in self._variants:
            # "Jun" / "Junyan" Zhu: in a dense name culture, a given name that starts another is another
            found = names.variant(pair[0], pair[1], self.extra, cut=not self._culture(pair))
            if frozenset(pair) in self.distinct:
                found = None
            elif (found is not None and "typo" in found.reason and self._dense(pair)
                  and not _same_middles(pair)):
                found = None  # "Yuxiang" / "Yuxiong" Wang: in a dense name culture, two names
            elif found is not None and found.reason == "names swapped" and self._family_first(pair):
                found = names.Variant(found.reason, FAMILY_FIRST_COST)
            if (frozenset(pair) in self.spelled_out and frozenset(pair) not in self.distinct
                    and (found is None or found.reason not in CLOSE)):
                found = names.Variant("letters written out", WRITTEN_OUT_COST)  # "Bölcskei" / "Boelcskei"
            self._variants[pair] = found
        return self._variants[pair]

    def can_merge(self, a: int, b: int) -> bool:
        """Whether two groups may be one person at all (no rule keeps them apart)."""
        ga, gb = self.groups[a], self.groups[b]
        if ga.items & gb.items:
            return False
        if ga.registry_id and gb.registry_id and ga.registry_id != gb.registry_id:
            return False
        if ga.fixed_id and gb.fixed_id and ga.fixed_id != gb.fixed_id:
            return False
        if len(ga.keys) == 1 and ga.keys.keys() == gb.keys.keys():
            return True  # one name on both sides
        keys = [*ga.keys, *gb.keys]
        return all(self._fits(x, y, keys) for x in ga.keys for y in gb.keys)

    def _fits(self, x: str, y: str, keys: list[str]) -> bool:
        """Whether two keys may be one person's: directly, or through a third by close variants.

        "Yee Teh" and "Yee-Whye Teh" fit through "Yee Whye Teh" (one of the two steps must be a
        close variant); "John Smith" and "Jane Smith" never fit, not even through "J. Smith" (an
        initial is not a close variant), nor do "Michael D. Dennis" and "Michael L. Dennis".
        """
        if self.variant(x, y) is not None:
            return True
        if names.conflict(x, y):
            return False
        return any((self._close(x, z) and self.variant(z, y) is not None)
                   or (self.variant(x, z) is not None and self._close(z, y)) for z in keys if z not in (x, y))

    def _dense(self, pair: tuple[str, str]) -> bool:
        """Whether either name's family name is common enough for one-letter differences to matter."""
        count = self.field.family_count
        return any(count.get(names.parse(k).family, 0) >= DENSE_FAMILY for k in pair)

    def _culture(self, pair: tuple[str, str]) -> bool:
        """Whether two names belong to a dense name culture: a common family name, or a first name
        printed with several common family names."""
        culture = self.field.culture_given
        return self._dense(pair) or any(names.parse(k).given[:1] and names.parse(k).given[0] in culture
                                        for k in pair)

    def _family_first(self, pair: tuple[str, str]) -> bool:
        """Whether two keys are one name in both orders, one reading's family name a family name of the
        field (``KNOWN_FAMILY`` keys or more) and the other's no family name but in this print ("Jieping Ye"
        / "Ye Jieping"): family name first is the order of the name's own culture, and the other reading
        names nobody."""
        a, b = (names.parse(k) for k in pair)
        if len(a.given) != 1 or len(b.given) != 1 or a.particles or b.particles:
            return False
        count = self.field.family_count
        return any(count.get(x.family, 0) >= KNOWN_FAMILY and count.get(y.family, 0) <= 1
                   for x, y in ((a, b), (b, a)))

    def _close(self, a: str, b: str) -> bool:
        found = self.variant(a, b)
        return found is not None and found.reason in CLOSE

    def name_term(self, a: int, b: int) -> tuple[float, str]:
        """The names' part of a pair's score and the relation of the names."""
        best: tuple[float, str] | None = None
        for x in self.groups[a].keys:
            for y in self.groups[b].keys:
                found = self.variant(x, y)
                if found is None:
                    continue
                prior = min(self.field.prior(x), self.field.prior(y))
                if found.reason in ("one name only", "initial moved"):
                    # the full name's rarity tells who "Satinder" or "J. Edward Hu" is
                    prior = max(self.field.prior(x), self.field.prior(y))
                elif found.reason == "names swapped":
                    prior = self._swap_prior(x, y, found.cost)
                value = prior if x == y else min(prior, prior_cap(found.reason)) + found.cost
                if best is None or value > best[0]:
                    best = (value, found.reason)
        return best if best is not None else (float("-inf"), "")

    def _swap_prior(self, x: str, y: str, cost: float) -> float:
        """The rarity of a name printed in one order as read in both: ``-ln(people(y) + swap * people(x))``
        for the print ``y`` of a person ``x`` printed the other way round, ``swap`` being ``e ** cost`` (the
        share of prints swapped), the better of the two directions.

        "Wu Wei", a name few carry, printed once beside the many Wei Wus, is likelier one of them printed
        swapped than another person: the given and family names' frequencies say so, as they say that "Xiao
        Lin" and "Lin Xiao", each a common name, are likelier two people.
        """
        swap = math.exp(cost)
        people = self.field.expected_people
        return max(-math.log(people(b) + swap * people(a)) for a, b in ((x, y), (y, x)))

    def weigh(self, a: int, b: int) -> Decision:
        """The score of two groups (roots) being one person."""
        if not self.can_merge(a, b):
            return Decision(float("-inf"), a, b, "", "")
        name, reason = self.name_term(a, b)
        evidence, positive, facts = self.field.weigh(self.groups[a], self.groups[b])
        score = name + evidence
        rare_and_close = reason in CLOSE and name >= RARE_NAME
        if reason != "same name" and positive < VARIANT_EVIDENCE and not rare_and_close:
            score = min(score, MERGE_AT - 0.5)  # two names are never merged on the names alone
        return Decision(score, a, b, reason, facts)

    def merge(self, a: int, b: int) -> int:
        """Join two groups (roots); the root kept is returned."""
        if len(self.groups[a].mentions) < len(self.groups[b].mentions):
            a, b = b, a
        self.parent[b] = a
        self.groups[a].absorb(self.groups[b])
        self.version[a] += 1
        self.version[b] += 1
        return a


def _same_middles(pair: tuple[str, str]) -> bool:
    """Whether two names share a family name and middle names ("Than Huy" / "Thanh Huy" Nguyen): a typo
    in the first name is then a typo, even in a dense name culture, as the whole name stays rare."""
    a, b = names.parse(pair[0]), names.parse(pair[1])
    return a.family == b.family and names.full_middles_agree(a.given, b.given)


def agglomerate(clusters: Clusters, pairs: Iterable[tuple[int, int]],
                on_merge: Callable[[Decision], None]) -> list[Decision]:
    """Merge pairs of groups best score first while the score reaches ``MERGE_AT``.

    Returns the pairs left apart whose last score was at least ``OPEN_FROM`` (open cases).
    """
    heap: list[tuple[float, int, int, int, int]] = []
    left: dict[tuple[int, int], Decision] = {}
    decisions = []
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            continue
        decision = clusters.weigh(ra, rb)
        decisions.append(decision)
        if decision.score >= MERGE_AT:
            partners[ra].append(rb)
            partners[rb].append(ra)
    torn = _torn(clusters, partners)
    for decision in decisions:
        ra, rb = decision.a, decision.b
        if ra in torn and rb in torn[ra] or rb in torn and ra in torn[rb]:
            left[(min(ra, rb), max(ra, rb))] = Decision(
                decision.score, ra, rb, f"{decision.reason}, but the name fits more than one person",
                decision.evidence)
            continue
        if decision.score >= OPEN_FROM:
            heapq.heappush(heap, (-decision.score, ra, rb, clusters.version[ra], clusters.version[rb]))
    while heap:
        negative, a, b, va, vb = heapq.heappop(heap)
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb:
            continue
        if (ra, rb, clusters.version[ra], clusters.version[rb]) != (a, b, va, vb):
            decision = clusters.weigh(ra, rb)
            if decision.score >= OPEN_FROM:
                heapq.heappush(heap, (-decision.score, ra, rb, clusters.version[ra], clusters.version[rb]))
            continue
        decision = clusters.weigh(ra, rb)
        if decision.score >= MERGE_AT:
            on_merge(decision)
            clusters.merge(ra, rb)
        else:
            left[(ra, rb) if ra < rb else (rb, ra)] = decision
    open_cases: list[Decision] = []
    for (a, b), decision in sorted(left.items()):
        if clusters.find(a) == a and clusters.find(b) == b and a != b:
            open_cases.append(decision)
    return open_cases


def _torn(clusters: Clusters, partners: dict[int, list[int]]) -> dict[int, set[int]]:
    """Groups that fit two groups which cannot be one person ("J. Smith": John or Jane), and those two."""
    torn: dict[int, set[int]] = {}
    for group, others in partners.items():
        if len(others) < 2 or not all(len(names.parse(k).given[:1] and names.parse(k).given[0]) == 1
                                      for k in clusters.groups[group].keys):
            continue
        clashing = {x for i, x in enumerate(others) for y in others[i + 1:]
                    if not clusters.can_merge(x, y)
                    and not clusters.groups[x].items & clusters.groups[y].items
                    for x in (x, y)}
        if clashing:
            torn[group] = clashing
    return torn


def candidate_key_pairs(keys: Iterable[str], extra: dict[str, frozenset[str]]) -> set[tuple[str, str]]:
    """Pairs of different keys that may be one person's, found through blocks (see module doc)."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    whole: dict[tuple[str, str], list[str]] = defaultdict(list)
    table = names.short_forms()
    keys = sorted(set(keys))
    families = {names.parse(k).family for k in keys}
    for name_key in keys:
        parsed = names.parse(name_key)
        words = name_key.split()
        blocks[("letters", name_key.replace(" ", ""))].append(name_key)
        blocks[("words", " ".join(sorted(words)))].append(name_key)
        if len(words) >= 2:  # "Nguyen Viet Cuong" / "Cuong V. Nguyen": swapped, a middle name left out
            blocks[("ends", " ".join(sorted((words[0], words[-1]))))].append(name_key)
        if not parsed.family or not parsed.given:
            continue
        initials = {parsed.given[0][0]}
        for form in (*table.get(parsed.given[0], ()), *extra.get(parsed.given[0], ())):
            initials.add(form[0])
        for short, forms in table.items():
            if parsed.given[0] in forms:
                initials.add(short[0])
        if len(parsed.given) > 1:
            initials.add(parsed.given[1][0])
        for initial in initials:
            blocks[("family", f"{parsed.family} {initial}")].append(name_key)
        if len(parsed.given[0]) >= 4:
            whole[(parsed.family, parsed.given[0])].append(name_key)
        if len(parsed.family) >= 5:
            blocks[("typo", f"{parsed.family} {parsed.given[0][0]}")].append(name_key)
            for i in range(len(parsed.family)):
                deleted = parsed.family[:i] + parsed.family[i + 1:]
                blocks[("typo", f"{deleted} {parsed.given[0][0]}")].append(name_key)
        # "Schoelkopf" / "Scholkopf", "Dvurechenskii" / "Dvurechensky": one family name written two ways
        for plain in sorted({names.plain_vowels(parsed.family), names.russian_ending(parsed.family)}
                            - {parsed.family}):
            blocks[("family", f"{plain} {parsed.given[0][0]}")].append(name_key)
        for size in range(4, len(parsed.family) - 2):
            if parsed.family[-size:] in families:  # "Niles-Weed" / "Weed"
                blocks[("family", f"{parsed.family[-size:]} {parsed.given[0][0]}")].append(name_key)
        if len(words) >= 3:
            blocks[("cut", " ".join(words[:2]))].append(name_key)
    pairs: set[tuple[str, str]] = set()
    for (family, given), longer in whole.items():  # "Drew" / "Andrew": a given name cut to its end
        for size in range(4, len(given) - 1):
            for name_key in whole.get((family, given[-size:]), ()):
                pairs.update((min(name_key, other), max(name_key, other)) for other in longer)
    singles = {k for k in keys if " " not in k and len(k) > 1}
    if singles:
        for name_key in keys:
            parsed = names.parse(name_key)
            for word in {*parsed.given[:1], parsed.family} & singles if parsed.family else ():
                pairs.add((min(word, name_key), max(word, name_key)))
    for block in blocks.values():
        if len(block) < 2:
            continue
        unique = sorted(set(block))
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                pairs.add((a, b))
    return pairs
