"""Round fourteen (dropped): a lone print beside a prolific group of its name (odds by prints, not people)."""

import math

from kg.ingest.resolve import clusters

_weigh = clusters.Clusters.weigh
PAPERS_PER_PERSON = 2.8
"""The field's authorships per person (81,391 / 29,029)."""
CAP = 1.5


def _weighed(self, a, b):
    decision = _weigh(self, a, b)
    if decision.reason != "same name":
        return decision
    ga, gb = self.groups[a], self.groups[b]
    small, big = (ga, gb) if len(ga.items) <= len(gb.items) else (gb, ga)
    if len(small.items) > 1 or len(big.items) <= PAPERS_PER_PERSON or not set(small.keys) <= set(big.keys):
        return decision
    if self.field._org_score(ga, gb)[0] < 0:
        return decision
    bonus = min(CAP, math.log(len(big.items) / PAPERS_PER_PERSON))
    return clusters.Decision(decision.score + bonus, decision.a, decision.b, decision.reason,
                             f"{decision.evidence}, one print beside {len(big.items)}")


def apply():
    clusters.Clusters.weigh = _weighed


def undo():
    clusters.Clusters.weigh = _weigh
