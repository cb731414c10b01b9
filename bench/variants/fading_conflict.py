"""Round fourteen (dropped): a conflict of institutions fades with the years between the two sides' prints."""

from kg.ingest.resolve import evidence

_score = evidence.Field._org_score
FADE = (1.0, 1.0, 0.75, 0.5, 0.25)
"""The share of the conflict kept at 0, 1, 2, 3 and 4 or more years apart."""


def _org_score(self, a, b):
    value, fact = _score(self, a, b)
    if fact != "different institutions":
        return value, fact
    years_a = {y for ys in a.orgs.values() for y in ys if y}
    years_b = {y for ys in b.orgs.values() for y in ys if y}
    if not years_a or not years_b:
        return value, fact
    gap = min(abs(x - y) for x in years_a for y in years_b)
    return value * FADE[min(gap, len(FADE) - 1)], f"{fact}, {gap} years apart"


def apply():
    evidence.Field._org_score = _org_score


def undo():
    evidence.Field._org_score = _score
