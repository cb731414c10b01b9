"""bench/ror_bundle.py: one ROR record's line of the bundle, in either schema, with its town."""

from __future__ import annotations

import importlib.util

from kg.ingest.resolve import ror

from .conftest import ROOT


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_ror_bundle", ROOT / "bench" / "ror_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


V2 = {"id": "https://ror.org/029brtt94", "status": "active", "types": ["education"],
      "names": [{"value": "Université Claude Bernard Lyon 1", "types": ["ror_display", "label"]},
                {"value": "UCBL", "types": ["acronym"]}],
      "locations": [{"geonames_details": {"country_code": "FR", "name": "Villeurbanne"}}],
      "relationships": [{"id": "https://ror.org/01rk35k63", "type": "parent"}]}
V1 = {"id": "https://ror.org/00f809463", "status": "active", "types": ["Nonprofit"],
      "name": "Institute for Advanced Study", "aliases": [], "labels": [], "acronyms": ["IAS"],
      "country": {"country_code": "US"}, "addresses": [{"city": "Princeton"}], "relationships": []}


def test_each_schema_gives_the_record_s_town_last_and_the_resolver_reads_it():
    bundle = load_bench()
    v2, v1 = bundle.row(V2), bundle.row(V1)
    assert v2 == ["029brtt94", "Université Claude Bernard Lyon 1", "university", "FR", "01rk35k63", "",
                  "UCBL", "Villeurbanne"]
    assert v1[-1] == "Princeton"
    [lyon, ias] = ror.parse(["\t".join(v2), "\t".join(v1)])
    assert (lyon.city, ias.city) == ("Villeurbanne", "Princeton")
