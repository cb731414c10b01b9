"""People's names: repairing what a source prints, keys for exact matching, and name variants.

``repair`` undoes what sources break (HTML entities, mojibake, LaTeX, accents printed beside
their letter, equal-contribution stars); ``clean`` turns a printed name into "First Middle Last"
without titles; ``key`` is what two spellings of one name share (no accents, case or
punctuation); ``variant`` says how two different keys may name the same person (an initial, a
middle name one source leaves out, a short form, a typo, the order of the names swapped...) and
how likely such a variant is. A variant never merges two people by itself: the resolver weighs it
with the evidence of coauthors, places and topics (``kg.ingest.resolve.evidence``).

Libraries: ``ftfy`` repairs mojibake ("BÃ©atrice" → "Béatrice"), ``unidecode`` transliterates
to ASCII for keys (ł, ø, ß, Cyrillic...), ``nameparser`` supplies the lists of titles, suffixes
and family-name particles, ``rapidfuzz`` measures typos.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import ftfy
from nameparser.config import CONSTANTS
from rapidfuzz.distance import OSA
from unidecode import unidecode

from kg.ingest.latex import decode, repair_broken_accents

TITLES = frozenset({"prof", "professor", "dr", "mr", "mrs", "ms", "sir", "phd", "assoc", "asst"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
PARTICLES = frozenset(p for p in (unidecode(x).lower().strip("'- ") for x in CONSTANTS.prefixes)
                      if p.isalpha() and 2 <= len(p) <= 4) | {"van", "von", "der", "den", "de", "da", "di",
                                                              "le"}
"""Family-name particles ("von", "van", "de", "di"...), from nameparser's list."""
SHORT_FORMS_FILE = "short_forms.tsv"


@functools.lru_cache(maxsize=1)
def short_forms() -> dict[str, frozenset[str]]:
    """The packaged table of given-name short forms: ``ben`` → {benjamin}, ``sasha`` → {alexander...}."""
    table: dict[str, set[str]] = {}
    text = resources.files("kg.ingest.resolve").joinpath(SHORT_FORMS_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, _, full = line.partition("\t")
        for name in full.split(","):
            if name.strip():
                table.setdefault(fold(short), set()).add(fold(name))
    return {k: frozenset(v) for k, v in table.items()}


@functools.lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower-case ASCII letters, digits and spaces only (accents dropped, ``ł`` → ``l``, ``ß`` → ``ss``)."""
    ascii_text = unidecode(unicodedata.normalize("NFC", text)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", ascii_text)).strip()


_ENTITY_TAIL = re.compile(r"&#?x?[0-9a-zA-Z]*$")
_STARS = re.compile(r"\s*[*†‡§¶]+\s*$")
_LEFT_QUOTE_ACCENT = re.compile(r"(?<=[a-z])[‘`]([aeiou])\b")


@functools.lru_cache(maxsize=1 << 16)
def repair(raw: str) -> str:
    """A printed name with what sources break put right: entities, mojibake, LaTeX, stray marks."""
    text = raw
    if "&" in text:
        text = _ENTITY_TAIL.sub("", html.unescape(text))  # "d&#x27": an entity cut off mid-way
    if not text.isascii():
        text = _LEFT_QUOTE_ACCENT.sub(lambda m: m.group(1) + "\u0300", text)  # "Nicol‘o"
        text = ftfy.fix_text(text, normalization="NFC")
    elif any(ord(c) < 32 or ord(c) == 127 for c in text):
        text = "".join(c for c in text if 32 <= ord(c) != 127)
    if "\\" in text or "{" in text or not text.isascii():
        text = unicodedata.normalize("NFC", repair_broken_accents(decode(text)))
    return _STARS.sub("", text).strip()


_BRACKETS = re.compile(r"\s*(?:\(([^)]*)\)|[“\"‘`']([^”\"’']{2,})[”\"’'])\s*")


def nicknames(raw: str) -> tuple[str, ...]:
    """Given names printed in brackets or quotes: "Shixiang (Shane) Gu" → ("shane",)."""
    found = []
    for match in _BRACKETS.finditer(repair(raw)):
        inner = fold(match.group(1) or match.group(2) or "")
        if inner and len(inner.split()) == 1:
            found.append(inner)
    return tuple(found)


_GLUED = re.compile(r"^(?:.*\b(?:institute|university|department|school|college|laboratory|lab|"
                    r"center|centre|academy|computing|sciences?|technology|research|inc|ltd)\b\.?,?\s+)"
                    r"(?=\S+\s+\S+$)", re.IGNORECASE)


def clean(raw: str) -> str:
    """A printed name as "First Middle Last": repaired, titles removed, "Last, First" turned.

    Also put right: an affiliation glued before the name ("Institute of Computing Jialin
    Zhang"), stray brackets and full stops, a family name printed twice ("Arthur Choi Choi"), the
    "and" of a list of authors left before the last ("and Ada Lovelace").
    """
    name = repair(raw).strip().strip(",;")
    name = _BRACKETS.sub(" ", name)  # "Misha (Mikhail) Belkin": the bracket is an aside
    name = re.sub(r"[()\[\]{}]", " ", name)
    name = _GLUED.sub("", name)
    name = re.sub(r"(?<=\w{2})\.(?=\s)", "", name)  # "Se-Young. Yun"
    words = name.split()
    while words and fold(words[0]) in TITLES:
        words = words[1:]
    if len(words) >= 3 and words[0] in ("and", "&"):
        words = words[1:]  # "and Ada Lovelace": the last of a list of authors, split off with its "and"
    if len(words) >= 3 and words[-1] == words[-2]:
        words = words[:-1]
    name = " ".join(words)
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if first and fold(first) not in _SUFFIXES:
            name = f"{first} {last}"
    if name.isupper() or name.islower():
        name = " ".join(w.capitalize() if len(w) > 1 else w.upper() for w in name.split())
    return re.sub(r"\s+", " ", name).strip()


@functools.lru_cache(maxsize=1 << 17)
def key(name: str) -> str:
    """What every spelling of one name shares: folded words of the cleaned name.

    Hyphenated names stay one word ("Wei-Ning" is not "Wei" with a middle name "Ning").
    """
    return fold(re.sub(r"(?<=\w)-(?=\w)", "", clean(name)).replace(".", " "))


def parts(name_key: str) -> tuple[str, list[str], str]:
    """A key's first name, middle names and last name."""
    words = [w for w in name_key.split() if w not in _SUFFIXES]
    if len(words) < 2:
        return (words[0] if words else ""), [], ""
    return words[0], words[1:-1], words[-1]


@dataclass(frozen=True)
class Parsed:
    """A key split into given names and family name; particles ("von", "de") kept apart."""

    given: tuple[str, ...]
    family: str
    particles: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1 << 17)
def parse(name_key: str) -> Parsed:
    """The given names, family name and particles of a key ("ulrike von luxburg")."""
    words = [w for w in name_key.split() if w not in _SUFFIXES]
    if len(words) < 2:
        return Parsed(tuple(words), "")
    family = words[-1]
    rest = words[:-1]
    particles: list[str] = []
    while len(rest) > 1 and rest[-1] in PARTICLES:
        particles.insert(0, rest.pop())
    return Parsed(tuple(rest), family, tuple(particles))


@dataclass(frozen=True)
class Variant:
    """How two different keys may name one person, and how much that costs (log-odds, ≤ 0)."""

    reason: str
    cost: float


def same_given(a: str, b: str, extra: dict[str, frozenset[str]] | None = None,
               cut: bool = False) -> str | None:
    """How two given names may be one ("initial", "short form", "typo", and with ``cut`` "first name
    cut"), "" if equal, else ``None``."""
    if a == b:
        return ""
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else None
    table = short_forms()
    forms_a = table.get(a, frozenset()) | (extra or {}).get(a, frozenset()) | {a}
    forms_b = table.get(b, frozenset()) | (extra or {}).get(b, frozenset()) | {b}
    if forms_a & forms_b or _listed_spelling(forms_a, b) or _listed_spelling(forms_b, a):
        return "short form"
    if min(len(a), len(b)) >= 4 and a[0] == b[0] and OSA.distance(a, b) <= 1:
        return "typo"
    if cut and _cut_short(a, b):
        return "first name cut"  # "Eli" / "Elias", "Carola" / "Carola-Bibiane"
    if _diminutive(a, b, cut):
        return "diminutive"  # "Gerry" / "Gerald", "Veeru" / "Veeranjaneyulu"
    if cut and _transliterated(a, b):
        return "transliterated"  # "Nicholas" / "Nikolaos", "Mikhail" / "Michael"
    if min(len(a), len(b)) >= 6 and a[:2] == b[:2] and OSA.distance(a, b) <= 2:
        return "typo"  # "Sofiane" / "Sofien"
    return None


def _cut_short(a: str, b: str) -> bool:
    """Whether one given name is the other's start ("eli" / "elias") or, of four letters or more, its end
    ("nina" / "maria-florina"), with at least two letters left off: one letter more is often another
    name ("Daniel" / "Daniela", "Jan" / "Jana")."""
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or len(long) - len(short) < 2:
        return False
    return long.startswith(short) or (len(short) >= 4 and long.endswith(short))


def _listed_spelling(forms: frozenset[str], name: str) -> bool:
    """Whether a full name of seven letters or more is a full name the short-form table lists with one
    vowel changed ("Aleksandar" beside the table's "Aleksander" for "Alex"): the table
    holds one spelling of each, transliterations vary ("Daniela" is no spelling of "Daniel")."""
    if len(forms) < 2 or len(name) < 7:
        return False
    for form in forms:
        if len(form) == len(name) and form != name:
            changed = [(x, y) for x, y in zip(form, name, strict=True) if x != y]
            if len(changed) == 1 and changed[0][0] in "aeiou" and changed[0][1] in "aeiou":
                return True
    return False


_SOUNDS = (("sch", "sh"), ("ch", "k"), ("kh", "k"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("x", "ks"),
           ("q", "k"), ("c", "k"), ("w", "v"), ("y", "i"), ("j", "i"))
"""Spellings of one sound across the ways a given name is written in Latin letters (Greek, Russian,
German, English): "ch" and "kh" for "k", "ph" for "f", "y" and "j" for "i"."""


_WRITTEN_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa", "æ": "ae", "ß": "ss",
                "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "Ø": "Oe", "Å": "Aa", "Æ": "Ae"}
"""Letters that German and the Scandinavian languages write out when they are missing from a keyboard or a
typeface: ö as "oe", å as "aa" (``fold`` drops the marks instead: "o", "a")."""
_WRITTEN_OUT_TABLE = str.maketrans(_WRITTEN_OUT)


@functools.lru_cache(maxsize=1 << 16)
def written_out(printed: str) -> str | None:
    """The key of a printed name with its umlauts and Nordic letters written out as their languages do,
    when it has any and that key differs from ``key``: "Helmut Bölcskei" → "helmut boelcskei", "Johan
    Håstad" → "johan haastad"; ``None`` for "Helmut Bolcskei" (nothing printed to write out)."""
    text = repair(printed)
    if not any(letter in text for letter in _WRITTEN_OUT):
        return None
    spelled = key(text.translate(_WRITTEN_OUT_TABLE))
    return spelled if spelled != key(printed) else None


@functools.lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> tuple[str, int]:
    """A given name's consonants with one spelling per sound, and its number of vowel groups (syllables):
    "nicholas" and "nikolaos" are both ("nkls", 3)."""
    for written, sound in _SOUNDS:
        name = name.replace(written, sound)
    consonants = re.sub(r"[aeiouh]", "", name)
    return re.sub(r"(.)\1", r"\1", consonants), len(re.findall(r"[aeiou]+", name))


def _transliterated(a: str, b: str) -> bool:
    """Whether two given names are one name written in two languages' letters: same first sound, the same
    three consonants or more and as many syllables ("Nicholas" / "Nikolaos", "Mikhail" / "Michael";
    not "Christian" / "Kristina", one syllable more, nor "Mark" / "Marco")."""
    (ka, syllables_a), (kb, syllables_b) = skeleton(a), skeleton(b)
    return ka == kb and len(ka) >= 3 and syllables_a == syllables_b and ka[0] == kb[0]


_DIMINUTIVE_ENDINGS = ("y", "ie")
"""Endings of English pet names ("Gerry", "Denny", "Freddie"): no name of a dense name culture (pinyin,
Korean, Vietnamese) ends so, so they count there too."""
_OTHER_ENDINGS = ("i", "u", "o")
"""Pet-name endings also common at the end of whole names ("Veeru", "Raju", "Shubho" for Shubhabrata):
outside dense cultures only."""


def _diminutive(a: str, b: str, cut: bool) -> bool:
    """Whether the shorter given name is a pet name of the longer: its first three letters with the last
    doubled, or its first four or more, and a pet-name ending ("ger" + "r" + "y": Gerry / Gerald;
    "veer" + "u": Veeru / Veeranjaneyulu; not "Mary" / "Marcus")."""
    short, long = sorted((a, b), key=len)
    if len(short) < 4 or len(long) <= len(short) - 1 or long.startswith(short):
        return False
    endings = _DIMINUTIVE_ENDINGS + (_OTHER_ENDINGS if cut else ())
    for ending in endings:
        if not short.endswith(ending) or len(short) - len(ending) < 3:
            continue
        stem = short[: -len(ending)]
        doubled = len(stem) >= 4 and stem[-1] == stem[-2]
        for start in (stem, stem[:-1]) if doubled else (stem,):
            if ((doubled or len(start) >= 4) and len(long) > len(start) and long.startswith(start)
                    and not long[len(start):].startswith(ending)):
                return True
    return False


_COSTS = {"": 0.0, "initial": -1.0, "short form": -1.0, "first name cut": -3.0, "typo": -2.5,
          "diminutive": -3.0, "transliterated": -2.5}


def variant(a: str, b: str, extra: dict[str, frozenset[str]] | None = None,
            cut: bool = False) -> Variant | None:
    """Why two different keys may be one person, with the cost of that explanation, or ``None``.

    ``extra`` holds more short forms (from ``data/aliases.yaml`` and names printed in brackets);
    ``cut`` lets a given name be another's start ("Eli" / "Elias"), which the caller allows outside
    dense name cultures only ("Wei" / "Wei-Ning" are two names).
    """
    if a == b:
        return Variant("same name", 0.0)
    if a.replace(" ", "") == b.replace(" ", ""):
        return Variant("spacing", -0.3)
    if "dj" in a + b and _plain_dj(a) == _plain_dj(b):
        return Variant("transliteration", -0.3)  # "Djordje" / "Đorđe" (folded "Dorde")
    pa, pb = parse(a), parse(b)
    if not pa.family or not pb.family:
        single, other = (pa, pb) if not pa.family else (pb, pa)
        if single.given and other.family and single.given[0] in (other.given[:1] + (other.family,)) \
                and len(single.given[0]) > 1:
            return Variant("one name only", -3.0)
        return None
    if (pa.family == pb.family and pa.particles == pb.particles and sorted(pa.given) == sorted(pb.given)
            and 1 in (len(pa.given[0]), len(pb.given[0]))):
        return Variant("initial moved", -0.5)  # "J. Edward Hu" / "Edward J. Hu"
    if sorted(a.split()) == sorted(b.split()):
        return Variant("names swapped", -1.5)
    if pa.family != pb.family and (turned := _swapped_middle(a, b, extra)) is not None:
        return turned
    if pa.family != pb.family:
        if plain_vowels(pa.family) == plain_vowels(pb.family):
            given = _given_variant(pa.given, pb.given, extra, cut)
            return Variant("umlaut written out", given.cost - 0.2) if given else None
        if russian_ending(pa.family) == russian_ending(pb.family):
            given = _given_variant(pa.given, pb.given, extra, cut)
            return Variant("ending transliterated", given.cost - 0.3) if given else None
        return _family_variant(a, b, pa, pb, extra)
    given = _given_variant(pa.given, pb.given, extra, cut)
    if given is None and pa.particles != pb.particles:
        # "Andrew An Bian" / "An Bian": a word that reads as a particle ("an", "do", "san") is a given name
        # when the other spelling prints it as one.
        given = _given_variant(pa.given + pa.particles, pb.given + pb.particles, extra, cut)
        return given if given is not None and given.reason != "same given names" else None
    if given is None:
        return None
    if pa.particles != pb.particles:
        return Variant("particle", given.cost - 0.3) if given.reason == "same given names" else None
    return given


def _swapped_middle(a: str, b: str, extra: dict[str, frozenset[str]] | None) -> Variant | None:
    """Two keys one of which, its first and last words swapped, is the other with a middle name or initial
    more or less ("Nguyen Viet Cuong" / "Cuong V. Nguyen": family name first, then printed last)."""
    for x, y in ((a, b), (b, a)):
        words = x.split()
        turned = parse(" ".join([words[-1], *words[1:-1], words[0]]))
        other = parse(y)
        if len(words) < 2 or turned.family != other.family or turned.particles != other.particles:
            continue
        given = _given_variant(turned.given, other.given, extra)
        if given is not None and given.reason in ("middle name", "middle initial"):
            return Variant(f"names swapped, {given.reason}", -1.5 + given.cost)
    return None


def _plain_dj(name_key: str) -> str:
    """A key with "dj" as "d": Serbian and Croatian "đ" is written either way in ASCII, and folds to "d"."""
    return name_key.replace("dj", "d")


def plain_vowels(word: str) -> str:
    """A German family name with its umlauts as plain vowels: "schoelkopf" → "scholkopf"."""
    return re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])([aou])e", r"\1", word)


_RUSSIAN_ENDING = re.compile(r"(?<=[sc]k)(?:ii|iy|ij|yi|y|i)$")
"""The masculine ending "-ский" after "sk" or "ck", as each transliteration writes it ("-skii", "-sky")."""
_RUSSIAN_FEMININE = re.compile(r"(?<=[sc]k)(?:aya|aia|aja|ya)$")
"""The feminine ending "-ская" after "sk" or "ck" ("-skaya", "-skaia", "-skaja", "-skya")."""


def russian_ending(family: str) -> str:
    """A family name with the Russian ending "-ский" ("-ская") written one way: "dvurechenskii",
    "dvurechenskiy", "dvurechenskij" (the Library of Congress's, BGN/PCGN's and German transliterations) and
    "dvurechensky" (English usage) are all "dvurechensky"; other family names unchanged."""
    return _RUSSIAN_FEMININE.sub("aya", _RUSSIAN_ENDING.sub("y", family))


def _family_variant(a: str, b: str, pa: Parsed, pb: Parsed,
                    extra: dict[str, frozenset[str]] | None) -> Variant | None:
    fa, fb = pa.family, pb.family
    short_family, long_family = sorted((fa, fb), key=len)
    if (len(short_family) >= 4 and long_family.endswith(short_family)
            and len(long_family) - len(short_family) >= 3
            and (given := _given_variant(pa.given, pb.given, extra)) is not None and given.cost > -1.5):
        return Variant("double family name", given.cost - 1.0)  # "Jonathan Weed" / "Jonathan Niles-Weed"
    if (min(len(fa), len(fb)) >= 5 and OSA.distance(fa, fb) <= 1
            and (given := _given_variant(pa.given, pb.given, extra)) is not None and given.cost > -1.5):
        return Variant("typo in the last name", given.cost - 2.5)
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if (len(short) >= 3 and len(short[-1]) <= 2 and long[:len(short) - 1] == short[:-1]
            and long[len(short) - 1].startswith(short[-1])):
        return Variant("name cut short", -2.0)
    if len(wa) == len(wb) and OSA.distance(a, b) <= 2 and sorted(wa[::-1]) != sorted(wb):
        swapped = " ".join([wa[-1], *wa[1:-1], wa[0]])
        if OSA.distance(swapped, b) <= 1 and min(len(fa), len(fb)) >= 4:
            return Variant("names swapped, with a typo", -3.5)
    return None


def _given_variant(ga: tuple[str, ...], gb: tuple[str, ...],
                   extra: dict[str, frozenset[str]] | None, cut: bool = False) -> Variant | None:
    """How two lists of given names (first and middle) may be one person's."""
    if not ga or not gb:
        return None
    first = same_given(ga[0], gb[0], extra, cut)
    if first is None and _first_name_typo(ga, gb):
        first = "typo"  # "Ill Memming Park" / "Il Memming Park": the middle names vouch for the rest
    if first is None:
        # "H. Brendan McMahan" / "Brendan McMahan": a leading name or initial left out.
        for longer, shorter in ((ga, gb), (gb, ga)):
            if len(longer) >= 2 and same_given(longer[1], shorter[0], extra) == "" and len(longer[1]) > 1:
                rest = _middles(longer[2:], shorter[1:], extra)
                if rest is not None:
                    left_out = "first initial left out" if len(longer[0]) == 1 else "first name left out"
                    return Variant(left_out, -1.2 + rest.cost)
        return None
    rest = _middles(ga[1:], gb[1:], extra)
    if rest is None:
        return None
    cost = _COSTS[first] + rest.cost
    if first == "initial" and rest.reason.startswith("middle name"):
        initialled = ga if len(ga[0]) == 1 else gb
        if any(len(m) > 1 for m in initialled[1:]):
            cost -= 2.0  # "N. Raj Rao" goes by Raj: not "Nikhil Rao" on an initial alone
    if first == "" and rest.reason == "":
        return Variant("same given names", 0.0)
    reason = first or rest.reason
    if first and rest.reason:
        reason = f"{first}, {rest.reason}"
    return Variant(reason if reason != "typo" else "typo in the first name", cost)


def full_middles_agree(ga: Sequence[str], gb: Sequence[str]) -> bool:
    """Whether two lists of given names have the same middle names after the first, written in full
    ("Memming" in "Il Memming" and "Ill Memming"): then they vouch for the whole name."""
    return len(ga) >= 2 and tuple(ga[1:]) == tuple(gb[1:]) and all(len(m) > 1 for m in ga[1:])


def _first_name_typo(ga: tuple[str, ...], gb: tuple[str, ...]) -> bool:
    """Whether two first names two letters apart are one, as the full middle names after them agree
    ("Shyam Sundar" / "Syama Sundar"); short first names included ("Il" / "Ill")."""
    a, b = ga[0], gb[0]
    return (full_middles_agree(ga, gb) and min(len(a), len(b)) >= 2 and a[0] == b[0]
            and OSA.distance(a, b) <= 2)


def _middles(ma: tuple[str, ...], mb: tuple[str, ...],
             extra: dict[str, frozenset[str]] | None) -> Variant | None:
    """Two lists of middle names: one the other with some left out or shortened to initials."""
    if ma == mb:
        return Variant("", 0.0)
    short, long = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
    position = 0
    shortened = False
    for name in short:
        while position < len(long) and same_given(name, long[position], extra) not in ("", "initial"):
            position += 1
        if position == len(long):
            return None
        shortened |= same_given(name, long[position], extra) == "initial"
        position += 1
    if len(short) == len(long):
        return Variant("middle initial", -0.2)
    return Variant("middle name", -0.4 if not shortened else -0.5)


@functools.lru_cache(maxsize=1 << 18)
def conflict(a: str, b: str) -> bool:
    """Whether two keys name two people outright: one family and first name, middle names that differ."""
    pa, pb = parse(a), parse(b)
    if not pa.family or pa.family != pb.family or not pa.given or not pb.given:
        return False
    return same_given(pa.given[0], pb.given[0]) is not None and variant(a, b) is None


def compatible(a: str, b: str) -> str | None:
    """Why two different name keys may be one person ("initial", "middle name"...), or ``None``."""
    found = variant(a, b)
    return None if found is None or a == b else found.reason


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter changed, added, removed or two swapped."""
    return OSA.distance(a, b) <= 1
