"""Topic words and TF-IDF similarity of short texts (titles, abstracts), in plain Python.

Small on purpose: titles and abstracts are short, the vocabularies small, and the explanation a
user sees ("matching words: bandit, regret") must come straight from the vectors compared.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves via using use used new towards toward based beyond within
without one two three first second show shows shown talk will work works paper papers joint
approach approaches result results problem problems study studies recent many much well given
""".split())

_WORD = re.compile(r"[a-z][a-z0-9]+")

Vector = dict[str, float]


def words(text: str) -> list[str]:
    """The content words of ``text``: ASCII-folded, lower case, no stop words, plurals folded."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return [_singular(w) for w in _WORD.findall(folded) if len(w) > 2 and w not in STOPWORDS]


@lru_cache(maxsize=1 << 17)
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def inverse_document_frequency(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed IDF of every word over ``documents`` (each a bag of words): ``ln((1+N)/(1+df)) + 1``."""
    frequency: Counter[str] = Counter()
    count = 0
    for document in documents:
        frequency.update(set(document))
        count += 1
    return {w: math.log((1 + count) / (1 + df)) + 1 for w, df in frequency.items()}


def tfidf(document: Iterable[str], idf: Mapping[str, float], unseen_idf: float) -> Vector:
    """The unit-length TF-IDF vector of a bag of words; words missing from ``idf`` get ``unseen_idf``."""
    counts = Counter(document)
    vector = {w: c * idf.get(w, unseen_idf) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {w: v / norm for w, v in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


def shared_words(a: Vector, b: Vector, limit: int = 5) -> list[str]:
    """The words that add most to the similarity of ``a`` and ``b``, strongest first, ties by word."""
    common = [(a[w] * b[w], w) for w in a if w in b]
    return [w for _, w in sorted(common, key=lambda item: (-item[0], item[1]))[:limit]]
