"""Record ids: lower-case ascii words joined by hyphens, made from names and titles."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Return a readable id for free text: ascii, lower case, hyphens (``René Vidal`` → ``rene-vidal``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
