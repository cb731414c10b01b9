"""Where each entity's page is in the site, and relative links between pages.

The page of ``https://w3id.org/kg/id/<kind>/<id>`` is ``<kind>/<id>.html`` under the site's root,
for the kinds that have pages; ``kg serve --site DIR`` serves the same files for the same IRIs.
"""

from __future__ import annotations

import posixpath
import re

ID = "https://w3id.org/kg/id/"
PAGE_KINDS = ("person", "org", "event", "talk", "paper", "source")
"""The kinds of entity that have a page, by the IRI segment that names them."""
_LOCAL = re.compile(r"([a-z]+)/([A-Za-z0-9][A-Za-z0-9._-]{0,199})")


def page_of(iri: str) -> str | None:
    """The path of an entity's page under the site root (``person/ada.html``); ``None`` if it has none."""
    if not iri.startswith(ID):
        return None
    match = _LOCAL.fullmatch(iri[len(ID):])
    if match is None or match.group(1) not in PAGE_KINDS:
        return None
    return f"{match.group(1)}/{match.group(2)}.html"


def href(here: str, there: str) -> str:
    """A relative link from the page ``here`` to the page ``there`` (both paths under the root)."""
    folder = here.rpartition("/")[0]
    if not folder:
        return there
    if "/" not in folder and there.startswith(folder + "/") and "/" not in there[len(folder) + 1:]:
        return there[len(folder) + 1:]
    if "/" not in folder:
        return "../" + there
    return posixpath.relpath(there, folder)
