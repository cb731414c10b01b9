"""People's names: cleaning what a source prints, keys for exact matching, tests for variants.

``clean`` turns a printed name into "First Middle Last" without titles; ``key`` is what two
spellings of one name share (no accents, case or punctuation); ``compatible`` says whether two
different keys may name the same person (an initial for a name, a middle name one source
leaves out, a short form, a one-letter typo). Compatibility alone never merges two people:
the resolver also asks for a shared coauthor or organization.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from kg.ingest.latex import decode, repair_broken_accents

TITLES = frozenset({"prof", "professor", "dr", "mr", "mrs", "ms", "sir", "phd", "assoc", "asst"})
SHORT_FORMS = {
    "ben": "benjamin", "alex": "alexander", "sasha": "alexander", "misha": "mikhail",
    "mike": "michael", "dan": "daniel", "danny": "daniel", "sam": "samuel", "tom": "thomas",
    "nick": "nicholas", "rob": "robert", "bob": "robert", "bill": "william", "will": "william",
    "jim": "james", "joe": "joseph", "dave": "david", "chris": "christopher", "tony": "anthony",
    "matt": "matthew", "andy": "andrew", "steve": "steven", "greg": "gregory", "jon": "jonathan",
    "nate": "nathan", "josh": "joshua", "jeff": "jeffrey", "ed": "edward", "liz": "elizabeth",
    "kate": "katherine", "pete": "peter", "phil": "philip", "tim": "timothy", "vlad": "vladimir",
    "max": "maximilian", "gabi": "gabriel", "fred": "frederick",
}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII letters, digits and spaces only (accents dropped, ``ł`` → ``l``)."""
    text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    text = text.replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ı", "i")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", ascii_text.lower())).strip()


def clean(raw: str) -> str:
    """A printed name as "First Middle Last": LaTeX decoded, titles removed, "Last, First" turned."""
    name = repair_broken_accents(decode(raw)).strip().strip(",;")
    name = re.sub(r"\s*\([^)]*\)", "", name)  # "Misha (Mikhail) Belkin": the bracket is an aside
    words = name.split()
    while words and fold(words[0]) in TITLES:
        words = words[1:]
    name = " ".join(words)
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if first and fold(first) not in _SUFFIXES:
            name = f"{first} {last}"
    if name.isupper() or name.islower():
        name = " ".join(w.capitalize() if len(w) > 1 else w.upper() for w in name.split())
    return re.sub(r"\s+", " ", name).strip()


@functools.lru_cache(maxsize=1 << 16)
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


def _same_given(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return SHORT_FORMS.get(a, a) == SHORT_FORMS.get(b, b)


def _middles_agree(a: list[str], b: list[str]) -> bool:
    """One list of middle names is the other with some left out or shortened to initials."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    rest = iter(long)
    return all(any(_same_given(m, other) for other in rest) for m in short)


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter changed, added, removed or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def compatible(a: str, b: str) -> str | None:
    """Why two different name keys may be one person ("initial", "middle name"...), or ``None``."""
    first_a, middle_a, last_a = parts(a)
    first_b, middle_b, last_b = parts(b)
    if not last_a or not last_b:
        return None
    if last_a != last_b:
        if (first_a == first_b and middle_a == middle_b and min(len(last_a), len(last_b)) >= 5
                and edit_distance_at_most_one(last_a, last_b)):
            return "typo in the last name"
        if a.replace(" ", "") == b.replace(" ", ""):
            return "spacing"
        return None
    if first_a != first_b and not _same_given(first_a, first_b):
        if (min(len(first_a), len(first_b)) >= 4 and middle_a == middle_b
                and edit_distance_at_most_one(first_a, first_b)):
            return "typo in the first name"
        return None
    if not _middles_agree(middle_a, middle_b):
        return None
    if first_a != first_b:
        return "initial" if min(len(first_a), len(first_b)) == 1 else "short form"
    return "middle name" if len(middle_a) != len(middle_b) else "middle initial"
