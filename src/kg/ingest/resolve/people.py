"""Name resolution: the people behind the names printed in imported papers and talks.

Each authorship (a name printed at one position of one paper or talk) is resolved on its own:
authorships of one name may be one person or several (namesakes), and authorships of different
names may be one person (an initial, a middle name, a short form, a typo, swapped names...).
``clusters`` groups them by scored evidence (coauthors, institutions in time, topics, how rare
the name is), never by the name alone. The alias file (``data/aliases.yaml``) settles by hand
what the evidence cannot: its decisions are applied before any scoring and always kept.

Institutions are resolved first (``organizations``), so that authorships can be compared by the
institutions they print.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.ingest.resolve import clusters as clustering
from kg.ingest.resolve import names
from kg.ingest.resolve.evidence import Group, field_of, title_words
from kg.ingest.resolve.organizations import resolve_organizations, top_level
from kg.ingest.resolve.resolution import (
    Ambiguity,
    Case,
    Merge,
    PrintedPeople,
    Resolution,
    Side,
    most_common,
    unique_id,
)
from kg.records.aliases import Aliases
from kg.records.ids import slugify
from kg.records.models import Organization, Person, SourceDocument

ROUNDS = 2
"""Rounds of merging: the second compares coauthors as the people the first found, not as names."""

COMMON_NAME = 1.0
"""People of the field expected to carry a name from which one shared coauthor no longer joins two of its
authorships printed at different institutions in the same years: the scores weigh them instead."""

PLACE_YEARS = 1
"""Years from a paper within which a coauthor's printed institution tells where the paper was written."""
PLACE_SHARE = 0.5
"""The share of a paper's coauthors placed somewhere near its year that must print an institution for the
paper to be placed there."""

__all__ = ["Ambiguity", "Case", "Merge", "PrintedPeople", "Resolution", "resolve"]


@dataclass(frozen=True)
class _Mention:
    """One printed name: where, as what key, when, beside whom and at which institutions."""

    where: tuple[str, int]
    key: str
    spelling: str
    year: int | None
    item: int
    orgs: frozenset[str]
    registry_id: str | None = None


def resolve(
    papers: Iterable[PrintedPeople],
    people: list[Person],
    organizations: list[Organization],
    aliases: Aliases,
    documents: Iterable[SourceDocument] = (),
) -> Resolution:
    """Resolve every author and affiliation of ``papers`` against the registry and each other.

    ``documents`` (the record files) tell what is known of registry people: their coauthors and
    organizations count as evidence like the papers'.
    """
    papers = list(papers)
    resolution = Resolution()
    resolve_organizations(papers, organizations, aliases, resolution)
    _People(papers, people, organizations, aliases, list(documents), resolution).run()
    return resolution


class _People:
    """One run of people's resolution over a list of papers and talks."""

    def __init__(self, papers: list[PrintedPeople], people: list[Person], organizations: list[Organization],
                 aliases: Aliases, documents: list[SourceDocument], resolution: Resolution) -> None:
        # In one order whatever the input's: authorships are numbered by it, and ties are broken by number.
        self.papers = sorted(papers, key=_item_order)
        self.people = people
        self.aliases = aliases
        self.resolution = resolution
        self.parents = {o.id: o.part_of for o in organizations if o.part_of}
        self.parents.update({o.id: o.part_of for o in resolution.new_organizations if o.part_of})
        self.alias_of = _person_aliases(aliases)
        self.registry_key: dict[str, str] = {}
        for person in people:
            main = self.alias_of.get(names.key(person.name), names.key(person.name))
            self.registry_key[person.id] = main
            for spelling in person.alt_names:
                self.alias_of.setdefault(names.key(spelling), main)
        self.extra = _extra_forms(aliases)
        self.mentions: list[_Mention] = []
        self.item_mentions: list[list[int]] = []
        self.item_words: list[frozenset[str]] = []
        self.item_names: list[str] = []
        self.documents = documents
        self.spelled_out: set[frozenset[str]] = set()
        """Pairs of keys of one printed name, as folded and with its umlauts written out ("bolcskei" /
        "boelcskei")."""

    def key_of(self, printed: str) -> str:
        """The key a printed name resolves to, through the alias file and registry spellings."""
        name_key = names.key(printed)
        return self.alias_of.get(name_key, name_key)

    # --- reading -------------------------------------------------------------------------

    def read(self) -> None:
        """Every authorship of the papers, and one for each registry person (with record facts)."""
        swapped = _swapped_items(self.papers, self.key_of)
        for paper in self.papers:
            item = len(self.item_mentions)
            label = _item_key(paper)
            self.item_names.append(label)
            self.item_words.append(title_words(str(getattr(paper, "title", "") or "")))
            year = _year_of(paper)
            members = []
            for position, author in enumerate(paper.authors):
                stated = paper.affiliations[position] if position < len(paper.affiliations) else None
                orgs = frozenset(top_level(o, self.parents) for o in self.resolution.organizations(stated)) \
                    if stated else frozenset()
                members.append(len(self.mentions))
                spelling = names.clean(author)
                if item in swapped and len(spelling.split()) >= 2:
                    words = spelling.split()
                    spelling = " ".join(words[1:] + words[:1])
                self.mentions.append(_Mention((label, position), self.key_of(spelling), spelling,
                                              year, item, orgs))
                if (spelled := names.written_out(spelling)) is not None:
                    self.spelled_out.add(frozenset((self.key_of(spelling), self.key_of(spelled))))
                for nick in names.nicknames(author):
                    given = names.parse(self.key_of(author)).given
                    if given and nick != given[0]:
                        self.extra.setdefault(nick, frozenset())
                        self.extra[nick] |= {given[0]}
                        self.extra[given[0]] = self.extra.get(given[0], frozenset()) | {nick}
            self.item_mentions.append(members)
        self._read_registry()

    def _read_registry(self) -> None:
        """Registry people as authorships of their own, with the coauthors and places records give."""
        facts: dict[str, set[str]] = defaultdict(set)
        coauthors: dict[str, set[str]] = defaultdict(set)
        for document in self.documents:
            for paper in document.papers:
                for author in paper.authors:
                    coauthors[author].update(a for a in paper.authors if a != author)
            for affiliation in document.affiliations:
                facts[affiliation.person].update(affiliation.organizations)
            for talk in document.talks:
                for speaker in talk.speakers:
                    facts[speaker.person].update(speaker.organizations)
        first = len(self.mentions)
        index = {p.id: first + i for i, p in enumerate(self.people)}
        for person in self.people:
            item = len(self.item_mentions)
            self.item_names.append(f"registry:{person.id}")
            self.item_words.append(frozenset())
            self.item_mentions.append([index[person.id]])
            orgs = frozenset(top_level(o, self.parents) for o in facts[person.id])
            self.mentions.append(_Mention(("registry", index[person.id]), self.registry_key[person.id],
                                          person.name, None, item, orgs, registry_id=person.id))
        self.registry_coauthors = {index[p]: {index[c] for c in cs if c in index}
                                   for p, cs in coauthors.items() if p in index}

    # --- grouping ------------------------------------------------------------------------

    def run(self) -> None:
        """Read, group, weigh and merge; then give every authorship its person id."""
        self.read()
        org_counts: Counter[str] = Counter()
        names_at: set[tuple[str, str]] = set()
        for mention in self.mentions:
            org_counts.update(mention.orgs)
            names_at.update((mention.key, org) for org in mention.orgs)
        # Names, not authorships: one prolific Tong Zhang at Rutgers makes no Zhang common there.
        family_orgs = Counter((names.parse(name_key).family, org) for name_key, org in names_at)
        field = field_of((m.key for m in self.mentions), org_counts,
                         [w for w in self.item_words if w], family_orgs)
        self.field = field
        for entry in self.aliases.namesakes:  # a name the alias file knows several people by is common
            field.common[self.key_of(entry.name)] = float(max(len(entry.people), 2) + 1)
        groups = self._initial_groups()
        self.clusters = clustering.Clusters(groups, field, _distinct_pairs(self.aliases), self.extra,
                                            {pair for pair in self.spelled_out if len(pair) == 2})
        self.clusters.parent = list(self.early_root)
        self.joined: list[clustering.Decision] = []
        open_cases: list[clustering.Decision] = []
        for round_number in range(ROUNDS):
            self._set_coauthors(by_group=round_number > 0)
            pairs = self._candidate_pairs()
            open_cases = clustering.agglomerate(self.clusters, pairs, self.joined.append)
        self._assign(open_cases)

    def _initial_groups(self) -> list[Group]:
        """One group per authorship, then authorships of one name that share a coauthor joined."""
        groups = [self._group(i) for i in range(len(self.mentions))]
        self._pre_parent = list(range(len(groups)))
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, mention in enumerate(self.mentions):
            by_key[mention.key].append(i)
        one_person = {self.key_of(n) for n in self.aliases.one_person}
        fixed = self._namesake_ids(by_key)
        for first, again in self._printed_twice():
            self._pre_parent[again] = first  # one author whose row the source repeated
            groups[first].absorb(groups[again])
        for name_key, members in by_key.items():
            if name_key in one_person:
                for other in members[1:]:
                    self._pre_union(groups, members[0], other)
                continue
            seen: dict[str, int] = {}
            common = self.field.expected_people(name_key) > COMMON_NAME
            for i in members:
                if fixed.get(i):
                    continue
                for coauthor in self._coauthor_keys(i):
                    if self.field.expected_people(coauthor) > 1.0:
                        continue  # a coauthor of a common name may be two people
                    if coauthor not in seen:
                        seen[coauthor] = i
                    elif not (common and _elsewhere_then(groups[self._pre_find(seen[coauthor])],
                                                         groups[self._pre_find(i)])):
                        self._pre_union(groups, seen[coauthor], i)
        for i, person_id in fixed.items():
            groups[i].fixed_id = person_id
        by_fixed: dict[str, int] = {}
        for i, person_id in sorted(fixed.items()):
            if person_id in by_fixed:
                self._pre_union(groups, by_fixed[person_id], i)
            else:
                by_fixed[person_id] = i
        self._flatten(groups)
        return groups

    def _printed_twice(self) -> list[tuple[int, int]]:
        """Authorships of one name on one paper, each with the first of its name there: one author whose row
        the source repeated ("Brenden M Lake" second and third of five), unless they print different
        institutions (two namesakes who wrote together)."""
        found = []
        for members in self.item_mentions:
            first: dict[str, int] = {}
            for i in members:
                mention = self.mentions[i]
                if mention.registry_id is not None:
                    continue
                j = first.setdefault(mention.key, i)
                other = self.mentions[j]
                if j != i and not (mention.orgs and other.orgs and not mention.orgs & other.orgs):
                    found.append((j, i))
        return found

    def _pre_union(self, groups: list[Group], a: int, b: int) -> None:
        ra, rb = self._pre_find(a), self._pre_find(b)
        if ra == rb or groups[ra].items & groups[rb].items:
            return
        if groups[ra].registry_id and groups[rb].registry_id:
            return
        if groups[ra].fixed_id and groups[rb].fixed_id and groups[ra].fixed_id != groups[rb].fixed_id:
            return
        self._pre_parent[rb] = ra
        groups[ra].absorb(groups[rb])

    def _pre_find(self, i: int) -> int:
        while self._pre_parent[i] != i:
            self._pre_parent[i] = self._pre_parent[self._pre_parent[i]]
            i = self._pre_parent[i]
        return i

    def _flatten(self, groups: list[Group]) -> None:
        """Empty the groups joined before clustering: their roots hold them now."""
        for i in range(len(groups)):
            root = self._pre_find(i)
            if root != i:
                groups[i] = Group([])
        self.early_root = [self._pre_find(i) for i in range(len(groups))]

    def _group(self, i: int) -> Group:
        mention = self.mentions[i]
        group = Group([i], registry_id=mention.registry_id)
        group.keys[mention.key] += 1
        group.items.add(self.item_names[mention.item])
        for org in mention.orgs:
            group.orgs.setdefault(org, set()).add(mention.year or 0)
        group.words.update(self.item_words[mention.item])
        if mention.year:
            group.years.add(mention.year)
        return group

    def _coauthor_keys(self, i: int) -> list[str]:
        mention = self.mentions[i]
        if mention.registry_id is not None:
            return [self.mentions[j].key for j in self.registry_coauthors.get(i, ())]
        return [self.mentions[j].key for j in self.item_mentions[mention.item]
                if j != i and self.mentions[j].key != mention.key]

    def _coauthor_mentions(self, i: int) -> Iterable[int]:
        mention = self.mentions[i]
        if mention.registry_id is not None:
            return self.registry_coauthors.get(i, ())
        return (j for j in self.item_mentions[mention.item] if j != i and self.mentions[j].key != mention.key)

    def _set_coauthors(self, by_group: bool) -> None:
        """Each group's coauthors as tokens: their name keys first, their groups once groups exist."""
        find = self.clusters.find
        neighbours: dict[str, set[str]] = defaultdict(set)
        for root in self.clusters.roots():
            group = self.clusters.groups[root]
            group.coauthors = Counter()
            group.forms = None
            group.community = None
            group.places = None
            if not group.mentions:
                continue
            own = set(group.keys)
            for i in group.mentions:
                for j in self._coauthor_mentions(i):
                    token = f"#{find(j)}" if by_group else self.mentions[j].key
                    if not by_group and token in own:
                        continue
                    group.coauthors[token] += 1
        self.field.token_keys = {}
        for root in self.clusters.roots():
            group = self.clusters.groups[root]
            token = f"#{root}"
            if by_group and group.keys:
                self.field.token_keys[token] = group.keys.most_common(1)[0][0]
            tokens = set(group.coauthors)
            if by_group:
                neighbours[token] = tokens
            else:
                for name_key in group.keys:
                    neighbours[name_key] |= tokens
        self.field.neighbours = neighbours
        self._snapshot(by_group)
        self.field.community_of = self._community if by_group else None
        self.field.places_of = self._places if by_group else None

    def _snapshot(self, by_group: bool) -> None:
        """The coauthor groups as the round starts: their places and words, read by every pair of the round.

        Read live, a group's places and community would hold the coauthor groups as they stood when it was
        first weighed, and merges later in the round would reach only groups weighed after them: the result
        would depend on the order pairs are weighed in. Held still for the round, they do not.
        """
        self.round_root: list[int] = []
        self.round_orgs: dict[int, dict[str, frozenset[int]]] = {}
        self.round_words: dict[int, frozenset[str]] = {}
        if not by_group:
            return
        find, groups = self.clusters.find, self.clusters.groups
        self.round_root = [find(j) for j in range(len(self.mentions))]
        for root in set(self.round_root):
            self.round_orgs[root] = {org: frozenset(years) for org, years in groups[root].orgs.items()}
            self.round_words[root] = frozenset(groups[root].words)

    def _community(self, group: Group) -> Counter[str]:
        """The title words of a group's coauthors, each coauthor group's words counted once (as the round
        started)."""
        if group.community is None:
            words: Counter[str] = Counter()
            for token in group.coauthors:
                if token.startswith("#"):
                    words.update(self.round_words.get(int(token[1:]), frozenset()))
            group.community = words
        return group.community

    def _places(self, group: Group) -> dict[str, set[int]]:
        """A group's institutions with the years it prints them, and where its papers were written by their
        coauthors: an institution at least ``PLACE_SHARE`` of a paper's placed coauthors print within
        ``PLACE_YEARS`` of it (a paper of twenty authors from ten places is placed nowhere)."""
        if group.places is None:
            places = {org: set(years) for org, years in group.orgs.items()}
            for i in group.mentions:
                year = self.mentions[i].year
                if year is None:
                    continue
                placed, found = 0, Counter[str]()
                for j in self._coauthor_mentions(i):
                    near = {org for org, years in self.round_orgs[self.round_root[j]].items()
                            if any(abs(y - year) <= PLACE_YEARS for y in years)}
                    placed += bool(near)
                    found.update(near)
                for org, n in found.items():
                    if n >= PLACE_SHARE * placed:
                        places.setdefault(org, set()).add(year)
            group.places = places
        return group.places

    def _candidate_pairs(self) -> list[tuple[int, int]]:
        """Pairs of groups to weigh: those of one name, and those of two names that may be one person."""
        by_key: dict[str, list[int]] = defaultdict(list)
        for root in self.clusters.roots():
            if not self.clusters.groups[root].mentions:
                continue
            for name_key in self.clusters.groups[root].keys:
                by_key[name_key].append(root)
        pairs: set[tuple[int, int]] = set()
        for roots in by_key.values():
            for i, a in enumerate(roots):
                for b in roots[i + 1:]:
                    pairs.add((min(a, b), max(a, b)))
        spelled = {tuple(sorted(pair)) for pair in self.clusters.spelled_out if pair <= by_key.keys()}
        for ka, kb in clustering.candidate_key_pairs(by_key, self.extra) | spelled:
            for a in by_key[ka]:
                for b in by_key[kb]:
                    if a != b:
                        pairs.add((min(a, b), max(a, b)))
        return sorted(pairs)

    def _namesake_ids(self, by_key: dict[str, list[int]]) -> dict[int, str]:
        """Authorships the alias file's namesakes entries place: the id of the namesake each fits."""
        fixed: dict[int, str] = {}
        for entry in self.aliases.namesakes:
            name_key = self.key_of(entry.name)
            wanted = [(n.id, {top_level(o, self.parents) for p in n.organizations
                              for o in self.resolution.organizations(p)} | set(n.organizations),
                       {self.key_of(c) for c in n.coauthors}) for n in entry.people]
            for i in by_key.get(name_key, []):
                mention = self.mentions[i]
                coauthors = set(self._coauthor_keys(i))
                scores = sorted(((2 * len(mention.orgs & orgs) + len(coauthors & wanted_coauthors), person_id)
                                 for person_id, orgs, wanted_coauthors in wanted), reverse=True)
                if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                    fixed[i] = scores[0][1]
                else:
                    self.resolution.ambiguities.append(Ambiguity(
                        "person", entry.name, f"{mention.where[0]} #{mention.where[1] + 1}",
                        "a namesake use that fits none of the people listed in aliases.yaml, or several"))
        return fixed

    # --- ids and reports ------------------------------------------------------------------

    def _assign(self, open_cases: list[clustering.Decision]) -> None:
        """Person ids for every group, and the merges, splits and open cases to report."""
        resolution = self.resolution
        roots = [r for r in self.clusters.roots() if self.clusters.groups[r].mentions]
        display = {r: self._display(r) for r in roots}
        taken = {p.id for p in self.people}
        person_of: dict[int, str] = {}
        registry_names = {p.id: p for p in self.people}
        order = sorted(roots, key=lambda r: (display[r], -len(self.clusters.groups[r].mentions),
                                             self._anchor(r)))
        for root in order:
            group = self.clusters.groups[root]
            if group.registry_id:
                person_of[root] = group.registry_id
                continue
            base = group.fixed_id or slugify(display[root])
            person_id = unique_id(base, taken)
            person_of[root] = person_id
            spellings = self._spellings(root)
            resolution.new_people.append(Person(id=person_id, name=display[root],
                                                alt_names=sorted(s for s in spellings if s != display[root])))
        resolution.new_people.sort(key=lambda p: p.id)
        sizes: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for root in roots:
            for i in self.clusters.groups[root].mentions:
                mention = self.mentions[i]
                if mention.registry_id is None:
                    resolution.namesake_ids[mention.where] = person_of[root]
            for name_key, count in self.clusters.groups[root].keys.items():
                sizes[name_key].append((count, root))
        for name_key, counted in sizes.items():
            resolution.person_ids[name_key] = person_of[max(counted, key=lambda c: (c[0], -c[1]))[1]]
        for alias_key, target_key in self.alias_of.items():
            if target_key in resolution.person_ids:
                resolution.person_ids.setdefault(alias_key, resolution.person_ids[target_key])
        self._report_merges(roots, display, registry_names)
        self._report_splits(sizes, person_of)
        self._report_open(open_cases, person_of)
        resolution.cases.sort(key=lambda c: (c.status, c.name.casefold(), c.other.casefold(), c.id))

    def _display(self, root: int) -> str:
        group = self.clusters.groups[root]
        if group.registry_id:
            return next(p.name for p in self.people if p.id == group.registry_id)
        spellings = self._spellings(root)
        # A full first name beats an initial ("Alistair Stewart" over "A. Stewart"), then frequency.
        return min(spellings, key=lambda s: (_initial_only(s), -spellings[s], -len(s), s))

    def _spellings(self, root: int) -> Counter[str]:
        spellings: Counter[str] = Counter()
        for i in self.clusters.groups[root].mentions:
            if self.mentions[i].registry_id is None:
                spellings[self.mentions[i].spelling] += 1
        return spellings

    def _anchor(self, root: int) -> str:
        """The first authorship of a group, "paper-key #position", to name it in stable IDs."""
        first = min(self.mentions[i].where for i in self.clusters.groups[root].mentions)
        return f"{first[0]} #{first[1] + 1}"

    def _side(self, root: int, person_id: str) -> Side:
        group = self.clusters.groups[root]
        orgs = tuple(o for o, _ in sorted(group.orgs.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3])
        coauthors = Counter[str]()
        for i in group.mentions:
            for j in self._coauthor_mentions(i):
                coauthors[self.mentions[j].spelling] += 1
        top = tuple(c for c, _ in sorted(coauthors.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        return Side(self._anchor(root), orgs, top, person_id)

    def _report_merges(self, roots: list[int], display: dict[int, str], registry: dict[str, Person]) -> None:
        resolution = self.resolution
        joined_by: dict[frozenset[str], clustering.Decision] = {}
        for decision in self.joined:
            for x in self.clusters.groups[decision.a].keys:
                for y in self.clusters.groups[decision.b].keys:
                    if x != y:
                        joined_by.setdefault(frozenset((x, y)), decision)
        for root in roots:
            group = self.clusters.groups[root]
            name = display[root]
            main_key = names.key(name) if not group.registry_id else self.registry_key[group.registry_id]
            spellings = self._spellings(root)
            known = ({registry[group.registry_id].name, *registry[group.registry_id].alt_names}
                     if group.registry_id else {name})
            for spelling in sorted(spellings):
                if spelling in known:
                    continue
                spelled_key = self.key_of(spelling)
                if spelled_key == main_key:
                    reason = "registry name written differently" if group.registry_id else \
                        "same name written differently"
                    resolution.merges.append(Merge("person", name, spelling, reason))
                    continue
                joined = joined_by.get(frozenset((main_key, spelled_key)))
                found = self.clusters.variant(main_key, spelled_key)
                reason = found.reason if found else (joined.reason if joined else "alias file")
                evidence = joined.evidence if joined else "settled in aliases.yaml"
                score = round(joined.score, 2) if joined else None
                resolution.merges.append(Merge("person", name, spelling, reason, evidence, score))
                resolution.cases.append(Case("merged", "person", name, spelling, reason, evidence,
                                             score if score is not None else 0.0, (main_key, spelled_key)))

    def _report_splits(self, sizes: dict[str, list[tuple[int, int]]], person_of: dict[int, str]) -> None:
        for name_key, counted in sorted(sizes.items()):
            groups = self.clusters.groups
            roots = sorted({r for _, r in counted}, key=lambda r: (-groups[r].keys[name_key], r))
            if len(roots) < 2:
                continue
            main = roots[0]
            for other in roots[1:]:
                decision = self.clusters.weigh(main, other)
                label = self._label(name_key, main)
                sides = (self._side(main, person_of[main]), self._side(other, person_of[other]))
                score = decision.score if decision.score != float("-inf") else -99.0
                self.resolution.cases.append(Case(
                    "split", "person", label, label, f"one name, two people ({sides[0].anchor} / "
                    f"{sides[1].anchor})", decision.evidence or "two authors of one paper",
                    round(score, 2), (name_key, name_key), sides))

    def _report_open(self, open_cases: list[clustering.Decision], person_of: dict[int, str]) -> None:
        find = self.clusters.find
        seen: set[tuple[str, str]] = set()
        for decision in open_cases:
            a, b = find(decision.a), find(decision.b)
            if a == b:
                continue
            ga, gb = self.clusters.groups[a], self.clusters.groups[b]
            ka, kb = ga.keys.most_common(1)[0][0], gb.keys.most_common(1)[0][0]
            if ka == kb:
                continue  # one name in two groups: reported as a split
            pair = (min(ka, kb), max(ka, kb))
            if pair in seen:
                continue
            seen.add(pair)
            name_a, name_b = self._label(ka, a), self._label(kb, b)
            first, second = sorted((name_a, name_b))
            reason = f"{decision.reason}, but the evidence is short of one person"
            self.resolution.ambiguities.append(Ambiguity("person", first, second, reason, decision.evidence,
                                                         round(decision.score, 2)))
            self.resolution.cases.append(Case("open", "person", first, second, decision.reason,
                                              decision.evidence, round(decision.score, 2),
                                              (names.key(first), names.key(second))))

    def _label(self, name_key: str, root: int) -> str:
        spellings = Counter({s: n for s, n in self._spellings(root).items() if self.key_of(s) == name_key})
        if spellings:
            return most_common(spellings)
        group = self.clusters.groups[root]
        if group.registry_id:
            return next(p.name for p in self.people if p.id == group.registry_id)
        return name_key


def _swapped_items(papers: list[PrintedPeople], key_of: Callable[[str], str]) -> set[int]:
    """Papers that print every author family name first, told by the other papers' uses of the names.

    An author votes "swapped" when the field prints the name the other way round more often, or
    (a name printed once) when its first word is a family name elsewhere and its last a given
    name; "as printed" in the opposite cases. A paper with at least two "swapped" votes and more
    of them than "as printed" votes is read family name last.
    """
    printed: list[list[str]] = [[key_of(a) for a in paper.authors] for paper in papers]
    count: Counter[str] = Counter(k for keys in printed for k in set(keys))
    first_word: Counter[str] = Counter()
    last_word: Counter[str] = Counter()
    for name_key in count:
        words = name_key.split()
        if len(words) >= 2:
            first_word[words[0]] += count[name_key]
            last_word[words[-1]] += count[name_key]
    swapped: set[int] = set()
    for item, keys in enumerate(printed):
        votes = 0
        against = 0
        for name_key in keys:
            words = name_key.split()
            if len(words) < 2:
                continue
            other = " ".join(words[1:] + words[:1])
            if count[other] > count[name_key] - 1 and count[other] > 0:
                votes += 1
            elif count[name_key] > 1 and count[name_key] - 1 > count[other]:
                against += 1
            elif last_word[words[0]] > first_word[words[0]] and first_word[words[-1]] > last_word[words[-1]]:
                votes += 1
            elif first_word[words[0]] > last_word[words[0]] and last_word[words[-1]] > first_word[words[-1]]:
                against += 1
        if votes >= 2 and votes > against:
            swapped.add(item)
    return swapped


def _elsewhere_then(a: Group, b: Group) -> bool:
    """Whether two groups print institutions, none in common, in years at most one apart.

    Two Tong Zhangs with one coauthor in common, one at ANU and one at Tencent in 2018, may be
    two people: the coauthor alone does not say which.
    """
    if not a.orgs or not b.orgs or a.orgs.keys() & b.orgs.keys():
        return False
    years_a = {y for ys in a.orgs.values() for y in ys if y}
    years_b = {y for ys in b.orgs.values() for y in ys if y}
    return any(abs(x - y) <= 1 for x in years_a for y in years_b)


def _initial_only(spelling: str) -> bool:
    given = names.parse(names.key(spelling)).given
    return not given or len(given[0]) <= 1


def _item_key(item: PrintedPeople) -> str:
    """What names a paper or talk in ``Resolution.namesake_ids``: its key or its UID."""
    return str(getattr(item, "key", None) or getattr(item, "uid", ""))


def _item_order(item: PrintedPeople) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A paper's place in the order papers are read in: by its key, then its authors and affiliations."""
    return _item_key(item), tuple(item.authors), tuple(a or "" for a in item.affiliations)


def _year_of(item: PrintedPeople) -> int | None:
    year = getattr(item, "year", None)
    if isinstance(year, int):
        return year
    start = getattr(item, "start", None)
    return getattr(start, "year", None)


def _person_aliases(aliases: Aliases) -> dict[str, str]:
    alias_of: dict[str, str] = {}
    for entry in aliases.people:
        for alias in entry.aliases:
            alias_of[names.key(alias)] = names.key(entry.name)
    return alias_of


def _distinct_pairs(aliases: Aliases) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for group in aliases.distinct_people:
        keys = [names.key(n) for n in group]
        pairs.update(frozenset((a, b)) for a in keys for b in keys if a != b)
    return pairs


def _extra_forms(aliases: Aliases) -> dict[str, frozenset[str]]:
    """Short forms the alias file adds: ``short_forms: {nati: [nathan]}``."""
    extra: dict[str, set[str]] = defaultdict(set)
    for short, fulls in aliases.short_forms.items():
        for full in fulls:
            extra[names.fold(short)].add(names.fold(full))
            extra[names.fold(full)].add(names.fold(short))
    return {k: frozenset(v) for k, v in extra.items()}
