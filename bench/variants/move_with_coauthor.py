"""Round fourteen (measured, not kept): a move traced by a coauthor. Two sides printed at different
institutions, one side's years all before the other's, with a coauthor on one side's papers printed at the
other side's institution: the conflict of institutions is not counted."""

from kg.ingest.resolve import evidence, people

_score, _initial = evidence.Field._org_score, people._People._initial_groups
RUN = {}

def _initial_groups(self):
    RUN["run"], RUN["cache"] = self, {}
    return _initial(self)

def _coorgs(group):
    run, cache = RUN["run"], RUN["cache"]
    key = (id(group), len(group.mentions))
    if key not in cache:
        found = set()
        for i in group.mentions:
            for j in run.item_mentions[run.mentions[i].item]:
                if j != i:
                    found |= run.mentions[j].orgs
        cache[key] = found
    return cache[key]

def _org_score(self, a, b):
    value, fact = _score(self, a, b)
    if fact != "different institutions" or "run" not in RUN:
        return value, fact
    ya = sorted({y for ys in a.orgs.values() for y in ys if y})
    yb = sorted({y for ys in b.orgs.values() for y in ys if y})
    if not ya or not yb or not (ya[-1] < yb[0] or yb[-1] < ya[0]):
        return value, fact
    if _coorgs(b) & set(a.orgs) or _coorgs(a) & set(b.orgs):
        return 0.0, "different institutions one after the other, a coauthor at the other's"
    return value, fact

def apply():
    people._People._initial_groups = _initial_groups
    evidence.Field._org_score = _org_score

def undo():
    people._People._initial_groups = _initial
    evidence.Field._org_score = _score
    RUN.clear()
