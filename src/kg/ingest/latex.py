"""LaTeX in bibliographic text → plain Unicode: accents, special letters, protective braces."""

from __future__ import annotations

import re
import unicodedata

_ACCENTS = {
    "'": "\u0301",  # acute
    "`": "\u0300",  # grave
    "^": "\u0302",  # circumflex
    '"': "\u0308",  # diaeresis
    "~": "\u0303",  # tilde
    "=": "\u0304",  # macron
    ".": "\u0307",  # dot above
    "u": "\u0306",  # breve
    "v": "\u030c",  # caron
    "H": "\u030b",  # double acute
    "c": "\u0327",  # cedilla
    "k": "\u0328",  # ogonek
    "r": "\u030a",  # ring above
    "d": "\u0323",  # dot below
}
_LETTERS = {
    "l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "ss": "ß", "aa": "å", "AA": "Å",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð", "th": "þ",
}
_SYMBOL_ACCENT = r"['`^\"~=.]"
_LETTER_ACCENT = r"[uvHckrd]"
# \'{e}  \'e  {\'e}  \v{s}  \c c  and the malformed \ccon seen in real data (\c before a letter).
_ACCENT_RE = re.compile(
    r"\{?\\(?:(?P<sym>" + _SYMBOL_ACCENT + r")\s*|(?P<let>" + _LETTER_ACCENT + r")(?:\s+|(?=[{\\])|(?=c)))"
    r"(?:\{(?P<braced>\\?[A-Za-z]?)\}|(?P<bare>\\[ij](?![A-Za-z])|[A-Za-z]))\}?"
)
_LETTER_NAMES = "|".join(sorted(_LETTERS, key=len, reverse=True))
_LETTER_RE = re.compile(r"\{?\\(" + _LETTER_NAMES + r")(?![A-Za-z])(?:\{\})?\}?")
_COMMAND_ARG_RE = re.compile(r"\\(?:textsc|textbf|textit|emph|textrm|texttt|mbox|text)\s*\{([^{}]*)\}")
_SPACING_RE = re.compile(r"(?<!\\)~|\\,|\\ ")
_DASHES = (("---", "—"), ("--", "–"))
# Broken accents copied from PDFs: a spacing accent printed before (or after) its letter: "Sup´erieure".
_SPACING_ACCENTS = {"´": "\u0301", "`": "\u0300", "˙": "\u0307", "¨": "\u0308", "˜": "\u0303", "ˆ": "\u0302",
                    "ˇ": "\u030c", "¸": "\u0327"}
_BROKEN_RE = re.compile(r"(?:(?<=[A-Za-z])\s)?([´¨˜ˆˇ¸]|(?<=[A-Za-z] )`)\s?([A-Za-z])")


def decode(text: str) -> str:
    """Return ``text`` with LaTeX accents and letters as Unicode and protective braces removed.

    Math (``$...$``) is kept as written, apart from its braces.
    """
    text = _ACCENT_RE.sub(_accented, text)
    text = _LETTER_RE.sub(lambda m: _LETTERS[m.group(1)], text)
    text = _COMMAND_ARG_RE.sub(r"\1", text)
    text = text.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_").replace("\\$", "$")
    text = text.replace("\\\\", " ")
    text = _SPACING_RE.sub(" ", text)
    for dashes, dash in _DASHES:
        text = text.replace(dashes, dash)
    text = _unbraced_outside_math(text)
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())


def _unbraced_outside_math(text: str) -> str:
    """Drop protective braces, except inside ``$...$`` where they group arguments."""
    parts = re.split(r"(\$[^$]*\$)", text)
    return "".join(p if p.startswith("$") and p.endswith("$") and len(p) > 1
                   else p.replace("{", "").replace("}", "") for p in parts)


def _accented(match: re.Match[str]) -> str:
    accent = _ACCENTS[match.group("sym") or match.group("let")]
    base = match.group("braced") if match.group("braced") is not None else match.group("bare")
    base = {"\\i": "i", "\\j": "j"}.get(base, base)
    return unicodedata.normalize("NFC", base + accent) if base else accent


def repair_broken_accents(text: str) -> str:
    """Join spacing accents that PDFs print before a letter to that letter (``Sup´erieure``,
    ``Sup ´erieure``); the space before one stays when the letter is a capital followed by a lower-case
    letter, a word in mixed case starting (``CNRS ´Ecole``); a word in capitals only is joined as before."""
    def join(match: re.Match[str]) -> str:
        accented = unicodedata.normalize("NFC", match.group(2) + _SPACING_ACCENTS[match.group(1)])
        after = match.string[match.end():match.end() + 1]
        if match.group(0)[0].isspace() and match.group(2).isupper() and after.islower():
            return " " + accented  # "CNRS ´Ecole": a capital starting a word, not a word's last letter
        return accented

    return unicodedata.normalize("NFC", _BROKEN_RE.sub(join, text))
