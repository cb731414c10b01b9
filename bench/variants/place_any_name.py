"""Round sixteen (dropped): an institution shared through coauthors weighed for two different names too.

Merged "Adam Lerer" (FAIR, writing with CMU's Noam Brown) and "Adam Perer" (CMU) in fresh7."""

from kg.ingest.resolve import evidence


def apply():
    evidence.PLACE_ONE_NAME = False


def undo():
    evidence.PLACE_ONE_NAME = True
