"""Institutions as printed in affiliations: splitting, keys, abbreviations, departments.

An affiliation string may hold several institutions ("UC Berkeley + Google DeepMind",
"CNRS & Sorbonne Universités & ENS"), departments inside a university ("Department of
Statistics, Harvard University"), a campus ("University of California, San Diego" or "... at San
Diego") and a postal address ("La Jolla, CA 92093"). ``institutions`` returns the institutions
alone; departments are folded into their university, addresses dropped.
"""

from __future__ import annotations

import functools
import re

from kg.ingest.latex import repair_broken_accents
from kg.ingest.resolve.names import fold
from kg.records.models import OrganizationKind

# Abbreviations and short names → the key of the full name. People extend this in data/aliases.yaml.
ABBREVIATIONS = {
    "mit": "massachusetts institute of technology",
    "usc": "university of southern california",
    "ucsd": "university of california san diego",
    "uc san diego": "university of california san diego",
    "ucla": "university of california los angeles",
    "uc berkeley": "university of california berkeley",
    "berkeley": "university of california berkeley",
    "ucb": "university of california berkeley",
    "uc davis": "university of california davis",
    "uc irvine": "university of california irvine",
    "uci": "university of california irvine",
    "ucsb": "university of california santa barbara",
    "uc santa barbara": "university of california santa barbara",
    "upenn": "university of pennsylvania",
    "penn": "university of pennsylvania",
    "lmu": "ludwig maximilians universitat munchen",
    "lmu munich": "ludwig maximilians universitat munchen",
    "lmu munchen": "ludwig maximilians universitat munchen",
    "cmu": "carnegie mellon university",
    "nyu": "new york university",
    "ut austin": "university of texas austin",
    "uiuc": "university of illinois urbana champaign",
    "ttic": "toyota technological institute chicago",
    "tti chicago": "toyota technological institute chicago",
    "epfl": "ecole polytechnique federale de lausanne",
    "eth": "eth zurich",
    "eth zuerich": "eth zurich",
    "caltech": "california institute of technology",
    "georgia tech": "georgia institute of technology",
    "gatech": "georgia institute of technology",
    "uw": "university of washington",
    "uw madison": "university of wisconsin madison",
    "ucl": "university college london",
    "inria": "inria",
    "ens": "ecole normale superieure",
    "kaist": "korea advanced institute of science and technology",
    "iisc": "indian institute of science",
    "ist austria": "institute of science and technology austria",
    "u c berkeley": "university of california berkeley",
    "uc santa cruz": "university of california santa cruz",
    "ucsc": "university of california santa cruz",
    "cu boulder": "university of colorado boulder",
    "stanford": "stanford university",
    "harvard": "harvard university",
    "princeton": "princeton university",
    "ias": "institute for advanced study",
    "tifr": "tata institute of fundamental research",
    "iisc bangalore": "indian institute of science",
    "technion israel institute of technology": "technion",
    "hebrew university": "hebrew university of jerusalem",
    "centrum wiskunde": "cwi",
    "centrum wiskunde informatica": "cwi",
    "google brain": "google",
    "google research": "google",
    "microsoft research new england": "microsoft research",
    "msr": "microsoft research",
    "facebook ai research": "meta",
    "fair": "meta",
    "meta ai": "meta",
    "facebook": "meta",
}
# Systems whose campuses are separate institutions: the campus after the comma belongs to the name.
_SYSTEMS = ("university of california", "university of texas", "university of illinois",
            "university of wisconsin", "university of massachusetts", "university of maryland",
            "university of north carolina", "university of colorado", "university of michigan",
            "university of minnesota", "university of nebraska", "university of missouri",
            "university of tennessee", "university of alabama",
            "university of hawaii", "university of houston", "university of pittsburgh",
            "university of paris", "universite paris", "university of london")
INSTITUTION_WORDS = re.compile(
    r"univ|unvers|college|institut|polytechni|politecnico|ecole|school|academy|hochschule|"
    r"research|labs?\b|laborator|inria|cnrs|google|microsoft|ibm|amazon|meta\b|facebook|deepmind|"
    r"openai|yahoo|apple|nvidia|adobe|intel\b|baidu|tencent|alibaba|huawei|samsung|technion|"
    r"eth\b|epfl|cwi|centrum|cent(?:er|re)s?\b|foundation|inc\b|corp|ltd|gmbh|llc|company|"
    r"weizmann|max planck|simons|ttic|mit\b|bell\b|riken|csail|nec\b|sony|uber|twitter|salesforce|"
    r"telecom|mines|sorbonne|psl\b|kaust|kaist|caltech|hospital|council|agency|observatory|academia\b|"
    r"conservatoire"
)
_UNIT = re.compile(
    r"^(dep(ar)?t\.?|department|division|faculty|fakult|school of|laboratoire|laboratory of|lab of|"
    r"lab for|group|program|programme|graduate|chair|section|unit|eecs|csail|ee\b|cs\b|"
    r"electrical|computer science|statistics|mathematics|industrial|operations research)"
)
SYSTEM_END = re.compile("(?:" + "|".join(_SYSTEMS) + ")$")
SYSTEM_START = re.compile("^(?:" + "|".join(_SYSTEMS) + ")")
_INNER_UNIT = re.compile(r"school of|department|faculty of|\bdept\b|college of")
_NON_INSTITUTION = re.compile(r"^(\d|[a-z]{2} \d|usa$|u ?s ?a$|uk$|united states|united kingdom)")
_STOP_WORDS = ("the ",)


def split_parts(raw: str) -> list[str]:
    """The separate institutions' strings in one affiliation (split on ``+``, ``&``, ``;``, " and ")."""
    text = repair_broken_accents(raw)
    pieces = re.split(r"\s*(?:\+|;|\s&\s|\band\b(?=\s+(?:the\s+)?[A-Z]))\s*", text)
    return [p.strip(" ,") for p in pieces if p and p.strip(" ,")]


@functools.lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """What spellings of one institution share: folded, ``Univ.`` → university, ``at`` dropped."""
    name = re.sub(r"\s*\([^)]*\)", "", name)  # "(EPFL)": an abbreviation in brackets
    text = fold(re.sub(r"\bUniv\b\.?", "University", name, flags=re.IGNORECASE))
    text = re.sub(r"\b(?:at|in|the|of the)\b", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    for stop in _STOP_WORDS:
        text = text.removeprefix(stop)
    return ABBREVIATIONS.get(text, text)


def is_unit(segment: str) -> bool:
    """Whether a segment names a department, school or lab inside a larger institution."""
    return bool(_UNIT.match(fold(segment)))


def is_institution(segment: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether a segment names an institution (by a telling word, an abbreviation or a known key)."""
    folded = fold(segment)
    return bool(INSTITUTION_WORDS.search(folded)) or key(segment) in known or folded in ABBREVIATIONS


@functools.lru_cache(maxsize=1 << 14)
def institutions(raw: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The institutions named in one affiliation string, as printed, departments and places left out.

    ``known`` holds institution keys already known (registry, aliases), so that "Yandex" or
    "Criteo" count as institutions once someone has recorded them.
    """
    found: list[str] = []
    for part in split_parts(raw):
        segments = [s.strip() for s in part.split(",") if s.strip()]
        names: list[str] = []
        units: list[str] = []
        for segment in segments:
            folded = fold(segment)
            if names and SYSTEM_END.search(re.sub(r"\buniv\b", "university", fold(names[-1]))) \
                    and not INSTITUTION_WORDS.search(folded) and not _NON_INSTITUTION.match(folded):
                names[-1] = f"{names[-1]}, {segment}"  # the campus of a university system
            elif (inner := _inner_institution(segment, known)) is not None:
                names.append(inner)
            elif is_unit(segment) and not _names_university(folded):
                units.append(segment)
            elif is_institution(segment, known):
                names.append(segment)
        if any(_names_university(fold(n)) for n in names):
            names = [n for n in names if _names_university(fold(n)) or not _INNER_UNIT.search(fold(n))]
        found.extend(names)
    unique: dict[str, str] = {}
    for name in found:
        if key(name):
            unique.setdefault(key(name), name)
    return tuple(unique.values())


_AT_INSTITUTION = re.compile(r"\s(?:at|@)\s+(?:the\s+)?(?P<inst>\S.*)$", re.IGNORECASE)
_ENDS_WITH_UNIVERSITY = re.compile(r"(?:\b[A-Z][\w'’.&-]*\s+)?(?:University|Universit[éeà]|Institute)\b.*$")


def _inner_institution(segment: str, known: frozenset[str]) -> str | None:
    """The institution a department's name holds ("Dept. of CS at Princeton University" → Princeton)."""
    if not is_unit(segment):
        return None
    at = _AT_INSTITUTION.search(segment)
    if at and is_institution(at.group("inst"), known):
        return at.group("inst").strip()
    words = segment.split()
    folded_words = fold(segment).split()
    for size in range(min(4, len(folded_words) - 1), 0, -1):
        if " ".join(folded_words[-size:]) in ABBREVIATIONS and len(words) == len(folded_words):
            return " ".join(words[-size:])
    tail = _ENDS_WITH_UNIVERSITY.search(segment)
    if tail and tail.start() > 0:
        return tail.group(0).strip()
    return None


def _names_university(folded: str) -> bool:
    return bool(re.search(r"\buniversit|\binstitute of technology\b", folded))


def guess_kind(name: str) -> OrganizationKind:
    """The organization kind a name suggests: university, company (by a company's word, a legal form or
    a company's name ending, "Argo AI", "Akamai Technologies"), foundation, lab, institute or other."""
    folded = fold(name)
    if re.search(r"univ|college|polytechni|politecnico|ecole|eth\b|epfl|technion|hochschule|"
                 r"institute of technology|school of economics|kaist|kaust|caltech", folded):
        return "university"
    if re.search(r"google|microsoft|ibm|amazon|meta\b|facebook|deepmind|openai|yahoo|apple|nvidia|"
                 r"adobe|intel\b|baidu|tencent|alibaba|huawei|samsung|inc\b|corp|ltd|gmbh|llc|sony|"
                 r"uber|twitter|salesforce|criteo|yandex", folded):
        return "company"
    if _COMPANY_NAME.search(name) and not re.search(r"institut|school|hospital|centre|center", folded):
        return "company"
    if re.search(r"\bfoundation\b|\bfondation\b|\bfundacion\b|\bstiftung\b", folded):
        return "foundation"
    if re.search(r"lab", folded):
        return "lab"
    if re.search(r"institut|inria|cnrs|max planck|centrum|center|centre|academy|academia|riken|agency|"
                 r"council|hospital|service", folded):
        return "institute"
    return "other"


_COMPANY_NAME = re.compile(r"(?:\b(?:AI|Technologies|Capital|Limited|Systems|Health|Therapeutics|Robotics|"
                           r"SA|AG|NV|BV|SAS|SpA|PLC|Co\.)|\.(?:ai|com|io))$")
"""How a company's name ends ("Argo AI", "Akamai Technologies", "Helm.ai", "Hellebore Capital Limited")."""
