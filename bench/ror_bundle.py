"""Write the bundled ROR file (src/kg/ingest/resolve/ror.tsv.gz) from a mirror of ror-community/ror-records.

Not run at build time. The mirror holds one folder per ROR release (``v1.0`` ... ``v2.9``) with the JSON
records that release added or changed; the latest release's version of each record is kept. Only the
fields the institution resolver reads are written, one record a line, tab-separated:

    id  name  kind  country  parent  other names (``|``)  acronyms (``|``)  city

Example:
    python bench/ror_bundle.py --mirror /work/.mirror/ror-community+ror-records/repo \
        --output src/kg/ingest/resolve/ror.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

KEPT_TYPES = ("education", "company", "facility", "government", "nonprofit", "healthcare", "other", "archive")
"""ROR types kept (funder-only records are left out: they name grants, not places of work)."""
_KIND = {"education": "university", "company": "company", "facility": "institute", "government": "institute",
         "nonprofit": "institute", "healthcare": "institute", "archive": "institute", "other": "other",
         "funder": "foundation"}


def _release(folder: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", folder))


def _git(mirror: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(mirror), *args], check=True, capture_output=True,
                          text=True).stdout


def latest_records(mirror: Path) -> tuple[dict[str, dict], str]:
    """Each ROR id's JSON record as its latest release prints it, and the mirror's commit."""
    commit = _git(mirror, "rev-parse", "HEAD").strip()
    paths = [p for p in _git(mirror, "ls-tree", "-r", "--name-only", commit).splitlines()
             if re.fullmatch(r"v[\d.]+/[0-9a-z]{9}\.json", p)]
    newest: dict[str, str] = {}
    for path in sorted(paths, key=lambda p: _release(p.split("/")[0])):
        newest[path.split("/")[1][:-5]] = path
    batch = subprocess.run(["git", "--git-dir", str(mirror), "cat-file", "--batch"], check=True,
                           capture_output=True,
                           input="".join(f"{commit}:{p}\n" for p in newest.values()).encode()).stdout
    records: dict[str, dict] = {}
    position = 0
    for ror_id in newest:
        header_end = batch.index(b"\n", position)
        size = int(batch[position:header_end].split()[2])
        body = batch[header_end + 1:header_end + 1 + size]
        position = header_end + 1 + size + 1
        records[ror_id] = json.loads(body)
    return records, commit


def row(record: dict) -> list[str] | None:
    """One record's line (v1 or v2 schema), or None when withdrawn or of no kept type."""
    if record.get("status") == "withdrawn":
        return None
    ror_id = record["id"].rsplit("/", 1)[-1]
    types = [t.lower() for t in record.get("types", [])]
    kept = [t for t in types if t in KEPT_TYPES]
    if not kept:
        return None
    if "names" in record:  # schema 2
        name = next(n["value"] for n in record["names"] if "ror_display" in n["types"])
        others = [n["value"] for n in record["names"]
                  if "acronym" not in n["types"] and n["value"] != name]
        acronyms = [n["value"] for n in record["names"] if "acronym" in n["types"]]
        locations = record.get("locations") or [{}]
        country = (locations[0].get("geonames_details") or {}).get("country_code") or ""
        city = (locations[0].get("geonames_details") or {}).get("name") or ""
    else:
        name = record["name"]
        others = list(record.get("aliases", [])) + [label["label"] for label in record.get("labels", [])]
        acronyms = list(record.get("acronyms", []))
        country = (record.get("country") or {}).get("country_code") or ""
        city = ((record.get("addresses") or [{}])[0].get("city")) or ""
    parents = [r["id"].rsplit("/", 1)[-1] for r in record.get("relationships", [])
               if r.get("type", "").lower() == "parent"]
    clean = [re.sub(r"[\t|\n]+", " ", s).strip() for s in others]
    parent = parents[0] if len(parents) == 1 else ""
    return [ror_id, name.replace("\t", " "), _KIND[kept[0]], country, parent,
            "|".join(dict.fromkeys(s for s in clean if s)),
            "|".join(dict.fromkeys(a.strip() for a in acronyms)), re.sub(r"[\t\n]+", " ", city).strip()]


def main() -> int:
    """Read the mirror, write the bundle and its SOURCES line."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", type=Path, required=True,
                        help="bare git mirror of ror-community/ror-records")
    parser.add_argument("--output", type=Path, default=Path("src/kg/ingest/resolve/ror.tsv.gz"))
    args = parser.parse_args()
    records, commit = latest_records(args.mirror)
    rows = sorted(r for r in (row(record) for record in records.values()) if r is not None)
    with gzip.GzipFile(args.output, "wb", mtime=0) as raw:
        raw.write("".join("\t".join(r) + "\n" for r in rows).encode())
    date = _git(args.mirror, "log", "-1", "--format=%cs", commit).strip()
    print(f"{len(records)} records, {len(rows)} kept; {args.output} {args.output.stat().st_size} bytes; "
          f"ror-community/ror-records {commit} {date}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
