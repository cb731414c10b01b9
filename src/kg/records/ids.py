"""Record ids: lower-case ascii words joined by hyphens, made from names and titles."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode


def slugify(text: str) -> str:
    """Return a readable id for free text: ascii, lower case, hyphens (``René Vidal`` → ``rene-vidal``).

    Letters without an ASCII decomposition are transliterated, not dropped (``Holsbø`` → ``holsbo``,
    ``Łukasz`` → ``lukasz``), so two names that differ only by such a letter keep readable, distinct ids.
    """
    ascii_text = unidecode(unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
