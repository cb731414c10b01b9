"""A printed affiliation → the institutions it names: registry entries found in it, and new ones.

The registry (``data/organizations.yaml`` and the alias file's institutions) gives every name,
abbreviation and translation of each institution. A printed affiliation is repaired (mojibake,
ligatures, accents printed beside their letter, footnote marks), split into its parts ("+", ";",
" / "), and each part is read as words: the longest registry names found among its words are
its institutions ("Department of Statistics, Harvard University" → Harvard University; "Google
Research NYC" → Google Research, a lab of Google). What is left, comma by comma, is an
institution of its own only when it looks like one: it has an institution's word (University,
Institute, Labs, Inc...) and is not a department, school, centre or lab without its parent, a
street address, a room, a postal code or a place. A name of the registry printed with a typo
("Georgia Instiute of Technology") is found by fuzzy matching (rapidfuzz) when nothing else is, and
a registry name followed in its segment by words that spell a longer registry name with a typo is
that longer name ("École normale supérieure parisMsaclay"). Names are compared segment by segment,
with their words in English ("Università di Roma" = "University of Rome"); a company is also told by
its legal form or web domain ("NNAISENSE SA", "covariant.ai"), and "an associate of X" is no
affiliation to X.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ftfy
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from unidecode import unidecode

from kg.ingest.latex import decode, repair_broken_accents
from kg.ingest.resolve import acronyms, institutions, ror
from kg.ingest.resolve.names import fold

_MARKS = re.compile(r"[*∗†‡§¶⇤⋆♯♮♭#×]+|(?<=[a-z]{5})\d{2}\b|(?<=[a-z])\d\b|^\d{1,2}(?=[A-Z])")
"""Footnote marks: symbols, one digit after a word, two after a long word ("Data61" is a name)."""
_GLUED_MARK = re.compile(r"(?<=[a-z.])[*∗†‡§¶⋆]+(?=[A-Z])|"
                         r"(?:(?<=University)|(?<=Institute)|(?<=College))\d?(?=[A-Z])")
_FULL_WIDTH = str.maketrans({"，": ",", "；": ";", "（": "(", "）": ")", "：": ":", "、": ","})
"""Full-width punctuation of East Asian text → its ASCII form."""
_COMBINING = {"˘": "\u0306", "˚": "\u030a", "˛": "\u0328"}
_GRAVE_AFTER_LETTER = re.compile(r"(?<=[A-Za-z])\s?`\s?([aeiouAEIOU])(?=\w|\b)")
"""A grave accent printed between a word and its vowel ("Universit`a", "Universit` a", "Universit `a")."""
_ACCENT_AFTER_VOWEL = re.compile(r"([aeiouAEIOU])([´¨ˆ˜])(?=$|[\s,.;)])")
"""An accent printed after the vowel it belongs to, at a word's end ("Universite´ Paris")."""
_AFTER = {"´": "\u0301", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303"}
_CEDILLA_AFTER = re.compile(r"([cC])\s?¸\s?")
"""A cedilla printed after its c ("Telecomunicac¸ ões")."""
_MORE_ACCENTS = re.compile(r"([˘˚˛])\s?([A-Za-z])")
"""Spacing accents printed before their letter that ``repair_broken_accents`` does not know: breve, ring,
ogonek."""
_PARTS = re.compile(r"\s*(?:\+|;|\s/\s|(?<=[a-z])/(?=[A-Z])|\|)\s*")
_ADDRESS = re.compile(
    r"\d|\b(?:street|st|avenue|ave|road|rd|blvd|boulevard|drive|dr|lane|way|square|place|plaza|"
    r"building|bldg|room|suite|floor|box|campus|cedex|usa|u s a|united states|uk|united kingdom|"
    r"china|japan|germany|france|canada|israel|switzerland|italy|spain|india|korea|australia|"
    r"netherlands|singapore|sweden|finland|denmark|belgium|austria|russia|brazil|email|e mail)\b")
_UNIT_START = re.compile(
    r"^(?:the )?(?:dep(?:ar)?t|department|departement|departamento|dipartimento|division|faculty|fakultat|"
    r"school|college of|center|centre|laboratory|laboratoire|lab|labs|group|program|programme|"
    r"graduate|chair|section|unit|institute (?:of|for)|institut (?:de|fur|for)|"
    r"research (?:center|group|unit)|"
    r"key lab|key laboratory|state key|national key|national lab|national laboratory|ecole doctorale|"
    r"computer science|electrical|statistics|mathematics|machine learning|artificial intelligence|"
    r"applied|eecs|ece|csail|cs|ee|umr|inria project|project team)\b")
_GENERIC = frozenset("inc ltd llc gmbh corp corporation co company research labs lab university institute "
                     "college school center centre technology science sciences".split())
_GENERIC_UNIT = re.compile(r"^(?:dep(?:ar)?t|department|division|faculty|school of|laboratory (?:of|for)|"
                           r"lab (?:of|for)|cent(?:er|re) (?:of|for)|group|program)\b")
_STREET = re.compile(r"\b\d{1,5}[a-z]?\b.*\b(?:ring|str|strasse|street|st|road|rd|avenue|ave|drive|dr|blvd|"
                     r"way|lane|allee|platz|weg|square)\b|\b(?:ring|strasse|street|road|avenue|drive|allee|"
                     r"platz|weg)\b \d{1,5}\b")
_PLACE_ONLY = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")
_STREET_OR_NUMBER = re.compile(r"\d|\b(?:street|avenue|road|blvd|boulevard|building|room|suite|floor|box)\b")
FUZZY_AT = 92
_SKIPPED = frozenset({"the", "at", "of", "de", "du", "des", "la", "le", "d", "l", "di", "del", "della",
                      "degli", "studi", "da", "do", "dos", "zu", "zur", "van", "der", "het"})
"""Words left out when names are compared ("École Normale Supérieure de Lyon" = "... Lyon";
"Università degli Studi di Milano" = "University of Milan")."""
_TRANSLATED = {
    "universita": "university", "universitat": "university", "universite": "university",
    "universidad": "university", "universidade": "university", "universiteit": "university",
    "uniwersytet": "university", "technische": "technical", "technischen": "technical",
    "politecnico": "polytechnic", "roma": "rome", "milano": "milan", "napoli": "naples", "torino": "turin",
    "firenze": "florence", "munchen": "munich", "koln": "cologne", "wien": "vienna", "praha": "prague",
    "warszawa": "warsaw", "lisboa": "lisbon", "sevilla": "seville", "geneve": "geneva", "genova": "genoa",
    "bruxelles": "brussels", "kobenhavn": "copenhagen", "goteborg": "gothenburg",
    "republica": "republic", "nacional": "national", "nazionale": "national", "politecnica": "polytechnic",
    "catolica": "catholic", "cattolica": "catholic", "autonoma": "autonomous", "tecnica": "technical",
    "tecnologica": "technological", "technologie": "technology", "tecnologia": "technology",
    "ciencias": "sciences", "scienze": "sciences", "wissenschaften": "sciences", "hochschule": "university",
    "universitaet": "university", "universitet": "university", "instituto": "institute",
    "istituto": "institute", "institut": "institute", "centro": "centre", "zentrum": "centre",
    "center": "centre", "freie": "free",
    "federale": "federal", "estadual": "state", "statale": "state", "pontificia": "pontifical",
    "uni": "university", "natl": "national", "fur": "for", "padova": "padua", "venezia": "venice",
    "catalunya": "catalonia", "moskva": "moscow", "nurnberg": "nuremberg", "hannover": "hanover",
    "et": "and", "und": "and",
    "st": "saint", "sankt": "saint", "sint": "saint", "san": "saint",
}
_AND = re.compile(r"\s+(?:and|et|und|&)\s+")
""""And" between two names, in English, French or German (read as "and" among a name's words too)."""
_SHORT_FORMS = re.compile(
    r"\b(?:(?P<univ>Univ\b\.?|U\.?(?=\s+of\b)|U\.(?=\s*[A-Z][a-z]{3,}))|(?P<inst>Inst\b\.?)|(?P<tu>TU\b)"
    r"|(?<=\bof )(?P<tech>Tech(?:nol)?\b\.?)|(?:(?<=&)|(?<=& ))(?P<tech2>Tech\b\.?)|(?P<sci>Sci\.)"
    r"|(?<=\b(?:of|in) )(?P<ai>AI\b)|(?<=\bfor )(?P<ai2>AI\b)"
    r"|(?P<uc>UC(?=[\s,-]+[A-Z][a-z]))|(?P<ut>UT(?=[\s,-]+[A-Z][a-z]))|(?P<umass>UMass(?=[\s,-]+[A-Z][a-z]))"
    r"|(?P<natl>Nat(?:iona)?l\.)|(?P<acad>Acad\.)|(?P<res>Res\.)|(?P<intl>Int(?:erna)?l\.)|(?P<eng>Eng\.)|(?P<info>Inf(?:o|orm)?\.))",
    re.IGNORECASE)
"""Short forms of institution words: "Univ.", "U. of", "U. Cambridge", "Inst.", "TU" (Technische Universität:
"TU Wien"), "of Tech.", "& Tech.", "Sci.", "Natl.", "Acad.", "Res.", "Intl.", "Eng.", "Info." (with their full
stop), the systems of campuses ("UC Davis", "UT Dallas", "UMass Amherst"), and "AI" after "of", "in" or
"for" ("Inception Institute of AI" is "... of Artificial Intelligence"; "Xiaomi AI Lab" keeps its "AI")."""
_SPELLED_OUT = {"univ": "University", "inst": "Institute", "tu": "Technical University", "tech": "Technology",
                "tech2": "Technology", "sci": "Science", "natl": "National", "acad": "Academy",
                "res": "Research", "intl": "International", "eng": "Engineering", "info": "Information",
                "uc": "University of California", "ut": "University of Texas",
                "umass": "University of Massachusetts", "ai": "Artificial Intelligence",
                "ai2": "Artificial Intelligence"}
_POSTPOSED = frozenset("autonomous national polytechnic catholic technical technological federal free state "
                       "pontifical central metropolitan".split())
"""Adjectives that follow "university" or "institute" in Romance languages and precede them in English
("Universidad Autónoma de Madrid" = "Autonomous University of Madrid")."""
_QUALIFIERS = _POSTPOSED | frozenset("state city open medical normal agricultural free international".split())
"""Words before "University of X" that make it another institution ("City University of Hong Kong")."""
"""The words of an institution's name in its own language → English, and cities' own names → their
English ones, so that "Sapienza Università di Roma" is "Sapienza University of Rome" (the words of
both sides are read alike: registry names and printed ones). "Saint" in any language, or short, is one
word ("St. Petersburg", "Sankt Gallen", "San Sebastián")."""
_RELATION = re.compile(r"^(?:an? )?(?:associate|affiliate|member|partner|part) (?:of|with)\b|"
                       r"^an? [\w&-]+ company$|"
                       r"^(?:affiliated|associated|in association|in collaboration) with\b|"
                       r"^(?:(?:partly|partially|generously) )?(?:supported|funded|sponsored) by\b")
"""A segment that tells how the institution before it relates to another ("research center caesar,
an associate of the Max Planck Society"), or who paid for the work ("Supported by a gift from Google"):
the other is not an affiliation."""
_COMPANY_END = re.compile(r"(?:\b(?:SA|AG|NV|BV|SAS|SpA|PLC|plc|S\.A\.|Robotics|Health|Technologies|"
                          r"Therapeutics|Capital|Limited|Lda|Ltda|EOOD|Oy|Oyj|ApS|A/S|ASA|Srl|SRL|S\.r\.l|SARL|"
                          r"S\.L|S\.L\.U|Pty|Pvt|Pte|K\.K|Kft|Zrt|d\.o\.o|s\.r\.o|Bhd)|\.(?:ai|com|io))\.?$")
"""How a company's name ends when it has no institution's word: "NNAISENSE SA", "covariant.ai", and the
legal forms of companies of other countries, as they print them ("Unbabel Lda", "Saab Finland Oy")."""
_LEGAL_FORMS = (r"(?<!\s)\s*(?:[,&]\s*)?\b(?:inc|ltd|llc|gmbh|corp|corporation|sa|ag|nv|bv|sas|spa|plc|co|"
                r"limited|private limited|pvt|pte|pty|lda|ltda|eood|oy|oyj|aps|a/s|asa|srl|s\.r\.l|sarl|s\.l|"
                r"s\.l\.u|k\.k|kft|zrt|d\.o\.o|s\.r\.o|sdn bhd|bhd|kg)\.?$")
WEB_DOMAIN = re.compile(r"\.(?:ai|com|io)$", re.IGNORECASE)
"""A company's web domain at a name's end ("covariant.ai")."""
LEGAL_FORM = re.compile(rf"{_LEGAL_FORMS}|{WEB_DOMAIN.pattern}", re.IGNORECASE)
r"""A legal form (or a company's web domain) at a name's end: the name is a company's. Of any country
("Ltd", "GmbH", "Oy", "Lda", "EOOD", "S.r.l.", "Pty", "K.K."), perhaps several ("Pvt. Ltd.", "GmbH & Co.
KG": ``without_legal_forms``). Its spaces are read from the first of a run only (``(?<!\s)``), so
that a long run of spaces costs one pass, not one a space."""
_ANOTHER_LEGAL_FORM = re.compile(_LEGAL_FORMS, re.IGNORECASE)
"""A legal form at a name's end, not a web domain."""
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{2,7}")
_UNIT_AT = re.compile(r"(?:^|(?<=[,;]))[^,;]*?\b(?:Lab|Labs|Laboratory|Laboratories|Cent(?:er|re)|Group|Unit|"
                      r"Program|Programme|Initiative|Department|Dept)\b[^,;]*?\s(?:at|@)\s+(?:the\s+)?(?=[A-Z])")
"""A unit's name (a lab, centre, group, department...) up to the "at" that leads into its institution's."""
_STATE = re.compile(
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    r"NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|AB|BC|MB|NB|NL|NS|ON|PE|QC|SK)(?: \d{5})?")
"""A US state's or Canadian province's postal code, perhaps with a postcode ("NJ", "CA 94305")."""
_CAMEL = re.compile(r"\b([A-Z][a-z]{2,})(?=[A-Z])([A-Z][a-z]{2,}|[A-Z]{2,5})\b")
"""Two words printed without the space between them ("GeorgiaTech", "GrenobleINP")."""
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
"""A word printed in capitals: an acronym, not a town ("Grenoble INP")."""
_ACADEMIC_HOST = re.compile(r"(?:[\w-]+\.)+(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2})", re.IGNORECASE)
"""A bare host name of an academic domain: what an e-mail address prints after its at sign, no affiliation
(a company's web domain is its name: "covariant.ai")."""
_EMAIL = re.compile(r"[\w+-]+(?:\s?\.\s?[\w+-]+)*\s?@\s?[\w-]+(?:\s?\.\s?[\w-]+)*\s?\.\s?[A-Za-z]{2,4}")
"""An e-mail address, its dots and at sign sometimes printed apart ("COSTIS @CSAIL .MIT.EDU"): no
institution, whatever its domain spells."""


@dataclass(frozen=True)
class Named:
    """One institution an affiliation names: the registry's id, or a new name's key and spelling."""

    org_id: str | None
    key: str
    printed: str
    learned: bool = False
    """Named by a short form learned from the field (``acronyms``): not a spelling of its own."""


_KNOWN_CAPITALIZED = (
    "University Universit Department Institute Laboratory School College Center Centre Research Faculty "
    "Division Academy National State Technology Science Sciences Statistics Computer Engineering "
    "Mathematics Physics Electrical Information Systems Informatics Group").split()
_BY_TAIL: dict[str, set[str]] = defaultdict(set)
for _word in _KNOWN_CAPITALIZED:
    _BY_TAIL[_word[1:].lower()].add(_word[0])
_LOWER_START = re.compile(r"(?<![\w'’-])([a-z])([a-z]+)([A-Z]?)(?![\w'’-])")
_LOWER_WORDS = frozenset("of and the for in at on de des du di da la le et und y e i".split())
"""Words printed in lower case in any font: in a shifted affiliation they are no acronym."""
SHIFTED_WORDS = 2
"""How many words of an affiliation must agree on one shift of their capitals for it to be read shifted."""


def unshifted(text: str) -> str:
    """An affiliation printed in a font whose capitals come out as other letters, one fixed distance
    away in the code table ("qhio utate wniversityK eug fepartment": Ohio State University, ...), with
    its capitals put back: the distance is learned from words that are institution words but their
    first letter (two or more agreeing on one distance, not a lower case's own); then every word that
    starts in lower case gets its capital back, and a capital glued to a word's end is a comma."""
    shifts: Counter[int] = Counter()
    for match in _LOWER_START.finditer(text):
        for upper in _BY_TAIL.get(match[2], ()):
            shift = ord(match[1]) - ord(upper)
            if shift != ord("a") - ord("A"):
                shifts[shift] += 1
    if not shifts:
        return text
    shift, agreeing = shifts.most_common(1)[0]
    if agreeing < SHIFTED_WORDS:
        return text

    def capital(match: re.Match[str]) -> str:
        word = match[1] + match[2]
        if word in _LOWER_WORDS:  # "of", "and": lower case in the shifted font too
            return word + ("," if match[3] else "")
        capitals = "".join(chr(ord(letter) - shift) for letter in word)
        named = (capitals[0] + match[2]).lower()  # "qhio": Ohio, a word of its own, not "OFGM"
        if len(word) <= 4 and capitals.isalpha() and capitals.isupper() \
                and named not in ror.state_names() and not ror.countries_of((named,)):
            return capitals + ("," if match[3] else "")  # "ggeu": EECS, an acronym in capitals only
        first = capitals[0] if "A" <= capitals[0] <= "Z" else match[1]
        return first + match[2] + ("," if match[3] else "")

    return _LOWER_START.sub(capital, text)


def repair(raw: str) -> str:
    """An affiliation with mojibake, ligatures, accents printed apart, shifted capitals and footnote
    marks put right."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", raw)  # "Scienti\x08fiques": a lost ligature
    text = unshifted(text)
    text = re.sub(r"[\t\n\r]+", " ", text)
    text = text.translate(_FULL_WIDTH)  # "Institute of Automation， CAS": East Asian punctuation
    if "\\u" in text:  # "Universit\\u00e4t": a JSON escape printed as it is
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    if "\\" in text:
        text = decode(text)  # "KU Eichst\\"att": LaTeX's accents
    if "`" in text:
        text = _GRAVE_AFTER_LETTER.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0300"), text)
    if not text.isascii():
        text = _CEDILLA_AFTER.sub(lambda m: "ç" if m.group(1) == "c" else "Ç", text)  # "Telecomunicac¸ ões"
        text = _ACCENT_AFTER_VOWEL.sub(  # "Universite´ Paris"
            lambda m: unicodedata.normalize("NFC", m.group(1) + _AFTER[m.group(2)]), text)
        text = re.sub(r"(?<=[´`¨ˆ˜])(\s?)ı", r"\1i", text)  # "Ingenier ´ıa": an accent on a dotless i
        text = _MORE_ACCENTS.sub(lambda m: m.group(2) + _COMBINING[m.group(1)], text)  # "Bo˘gazi¸ci", "˚Abo"
        text = repair_broken_accents(re.sub(r"(?<=\s)([´`¨ˆ˜])\s+(?=[A-Za-z])", r"\1", text))
        text = ftfy.fix_text(text, normalization="NFC")
        text = re.sub(r"(?<=\w) ([´`¨ˆ˜])(?=[a-z])", r"\1", text)
    text = _GLUED_MARK.sub(", ", text)  # "Hospital†University of Wisconsin": a mark between two names
    text = re.sub(r"\bUniversit\s([eéaà])\b", r"Universit\1", text)  # "Universit e Paris": an accent lost
    text = re.sub(r"\bUniversit(?:[\ue000-\uf8ff\ufffd]|(?=\s+(?:de|di|degli|della|du|des|d)\b))",
                  "University", text)  # "Universit\uf1e0 degli studi", "Universit de Lorraine": a letter lost
    return _MARKS.sub(" ", text).strip()


def parts(raw: str) -> list[str]:
    """The separately printed affiliations of one string ("A + B", "A; B", "A / B")."""
    return list(_parts(raw))


def one_space(raw: str) -> str:
    """An affiliation with each run of spaces printed as one space: the same affiliation, and the
    patterns that read it, many of which start with ``\\s*``, take time in proportion to its length
    rather than to the square of a run's ("University" and "MIT" 16,000 spaces apart)."""
    return _SPACE_RUN.sub(" ", raw)


_SPACE_RUN = re.compile(r"\s{2,}")
"""Two spaces or more in a row (line breaks and tabs included): ``one_space`` prints them as one."""


@functools.lru_cache(maxsize=1 << 16)
def _parts(raw: str) -> tuple[str, ...]:
    listed = [p.strip(" ,.") for p in _PARTS.split(repair(one_space(raw))) if p.strip(" ,.")]
    first = _PART_NUMBER.match(raw.strip())
    return tuple(_without_footnote_numbers(listed, int(first[1]) if first else None))


_PART_NUMBER = re.compile(r"(\d{1,2})(?=[^\W\d_][^\W\d_])")
"""A footnote's number glued before a part's first word ("2Scuola universitaria", "2CNRS", "1École")."""


def _without_footnote_numbers(listed: list[str], first: int | None) -> list[str]:
    """The parts of a list whose parts a PDF printed each with its footnote's number glued before it
    ("1Facebook AI Research + 2Sorbonne Universités", "1X + 3Y"), without those numbers: two parts or
    more are numbered (the first perhaps by ``first``, the number the printed string starts with, which
    ``repair`` takes off), the numbers rising from part to part. A number before one name alone is the
    name's own ("4Paradigm")."""
    numbers = [(n, m[1]) for n, part in enumerate(listed)
               if (m := _PART_NUMBER.match(part)) and part[len(m[1])].isupper()]
    values = [int(printed) for _, printed in numbers]
    if first is not None and not (numbers and numbers[0][0] == 0):
        values = [first, *values]  # the first part's number, taken off already
    if len(listed) < 2 or not numbers or len(values) < 2 or values != sorted(set(values)):
        return listed
    stripped = list(listed)
    for n, printed in numbers:
        stripped[n] = listed[n][len(printed):]  # as printed: "02Sorbonne" loses both digits
    return stripped


_JOINED_ACRONYMS = re.compile(r"(?<![\w-])(?=[A-Z]{2,5}\s?[-–]\s?[A-Z]{2,5}\b)([A-Z]{2,5})\s?[-–]\s?")
"""A hyphen between two acronyms ("USI-SUPSI", "MSR-INRIA", "MTA-SZTE Research Group", "UNC-CH")."""


class Registry:
    """Every known name of every known institution, found by words in printed affiliations."""

    def __init__(self, names: Iterable[tuple[str, str]], borrowed: Iterable[tuple[str, str]] = ()) -> None:
        """``borrowed`` names (another registry's, ROR's) are found like the others, but teach no acronym
        printed before places (``prefixes``)."""
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.by_key: dict[str, str] = {}
        self.spelled: dict[str, list[str]] = defaultdict(list)
        """Each registry institution's names as written."""
        names = list(names)
        own: dict[str, list[str]] = defaultdict(list)
        for name, org_id in names:
            own[org_id].append(name)
        for name, org_id in [*names, *borrowed]:
            self.spelled[org_id].append(name)
            if "," not in name and _GENERIC_UNIT.match(fold(name)):
                continue  # "Department of Statistics": whose? Only with its university's name.
            words = tuple(_words(name))
            if not words or " ".join(words) in self.by_key:
                continue
            self.by_key[" ".join(words)] = org_id
            self.by_first[words[0]].append((words, org_id))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.prefixes = _prefix_forms(own)
        """Acronyms the registry prints before several institutions' places for the same words ("IIT Delhi",
        "IIT Madras": IIT = Indian Institute of Technology) → those words."""
        self._keys = sorted(k for k in self.by_key if len(k) >= 8)
        self._vocabulary = {w for k in self.by_key for w in k.split()}
        self._read: dict[str, tuple[Named, ...]] = {}
        self._parts: dict[str, list[Named]] = {}
        """Each part read, and what its reading asked that learning may change: the learned short forms
        it looked up, whether it consulted the names printed on their own."""
        self._asked: dict[str, set[str]] = {}
        self._beside: set[str] = set()
        self._asking: set[str] = set()
        self._fuzzy_found: dict[str, str | None] = {}
        self.places: set[str] = set()
        """Segments the field prints after an institution's name ("Moscow", "New York"): places, not names."""
        self.before_state: set[str] = set()
        """Segments the field prints after an institution, before a state's code ("..., College Park, MD")."""
        self.leads: Counter[str] = Counter()
        """How often the field prints each segment first in an affiliation ("Yandex, Moscow, Russia")."""
        self.towns: set[str] = set()
        """Words the field prints alone after a name that holds them ("Princeton University, Princeton"):
        towns, even when a registry name is spelled the same."""
        self.learned: dict[str, str] = {}
        """Short forms learned from the field (``add_forms``) → registry id, or ``?key`` of a new name."""
        self.elsewhere: Callable[[str, bool], bool] | None = None
        """Whether another registry (ROR) has exactly this name for one institution (printed beside a
        registry one or not): a segment printed so is an institution, though it has no institution's word
        ("Grenoble INP")."""
        self.acronym_elsewhere: Callable[[str, frozenset[str], bool], str | None] | None = None
        """The one institution of another registry (ROR: its id) whose name an acronym spells, in one of
        the countries printed beside it when there are any (printed beside a registry institution or not)."""
        self._standing_acronyms: dict[tuple[str, frozenset[str]], bool] = {}
        """Whether an acronym stands alone (``_stands``), by acronym and the countries printed with it."""
        self.name_elsewhere: Callable[[str, frozenset[str]], bool] | None = None
        """Whether another registry (ROR) names one institution so, in one of the countries printed beside
        it when there are any."""
        self.head_elsewhere: Callable[[str], bool] | None = None
        """Whether an institution of the other registry, by its id, is others' parent and no other's part."""
        self.kind_elsewhere: Callable[[str], str] | None = None
        """The kind of an institution of the other registry, by its id."""
        self.umbrella_elsewhere: Callable[[str], bool] | None = None
        """Whether another registry (ROR) names so one institution that is others' parent and no other's
        part ("Institut Mines-Télécom", printed beside its school, is no unit of it)."""
        self.town_of: Callable[[str], str | None] | None = None
        """The one town of a registry institution (folded), by its id, when another registry (ROR) has it."""
        self.spelled_in_town: Callable[[str, set[str]], str | None] | None = None
        """The name of the one institution of another registry (ROR) in one of the towns whose name an
        acronym spells ("UCB" in Lyon: Université Claude Bernard Lyon 1)."""
        self.system_elsewhere: Callable[[str], bool] | None = None
        """Whether an institution of the other registry, by its id, is a system of universities (SUNY)."""
        self.acronym_in_town: Callable[[str, str], str | None] | None = None
        """The id of the one institution of another registry (ROR) that lists an acronym (as printed) and
        is of a town (folded)."""
        self.known_towns: frozenset[str] = frozenset()
        """Every town another registry (ROR) places an institution in, folded."""
        self.country_of: Callable[[str], str | None] | None = None
        """The country of a registry institution, by its id, when the registry has it."""
        self.ror_acronyms: dict[str, set[str]] = defaultdict(set)
        """Keys of new names read as an acronym of the other registry → the institutions it was read as
        ("" where it was printed and read as none)."""
        self._near: tuple[dict[str, str], dict[str, str], list[str]] | None = None
        self._stems: dict[str, str] | None = None
        self._bags: dict[tuple[str, ...], str] | None = None
        """Registry names of three words or more by their first word and the others sorted, where those name
        one institution."""
        self._possessives: set[str] = set()
        """Segments printed in the possessive ("CSIRO's Data61"): read again once the names printed on their
        own are known, as the owner may be one of them."""
        self.standing: set[str] = set()
        """Keys of new names the field prints as institutions on their own, with no registry one beside
        them ("Zuse Institute Berlin"): beside a registry name they are still institutions."""
        self.alone: set[str] = set()
        """Keys of new names the field prints as the one institution of a part ("Zuse Institute Berlin")."""
        self._standing_known = True
        """Whether ``standing`` and ``alone`` are known (false while the field is read to learn them)."""
        self._before_new_university: set[str] = set()
        """Parts read with an institute or college printed before a new university: read again once the
        names printed on their own are known."""
        self.units_only: set[str] = set()
        """Keys of new names the field prints only as a unit: in the segments of a registry institution's
        part ("Operations Research Center, MIT") and never in an affiliation that names no registry
        institution. Printed as a part of its own ("Operations Research Center + MIT") such a name is
        still a unit, whose owner it does not name: no institution."""
        self.unit_owners: dict[str, Counter[str]] = {}
        """Keys of names the field prints as a unit in a registry institution's part (a unit's name or an
        acronym, not read as an institution: "Robotics Institute, Carnegie Mellon University", "LIDS, MIT")
        → the registry institutions of those parts, counted once per printed affiliation."""

    def learn(self, affiliations: Iterable[str]) -> None:
        """Read what a field's affiliations (each paper's once) tell of their segments: places, leads.

        A segment printed after an institution ("University of Tübingen, Tübingen") is a place
        wherever it appears; a name printed first in several affiliations, and never after an
        institution, is a name of its own ("Yandex", "Borealis AI", "TU Dresden, Germany").
        """
        self._read.clear()
        affiliations = list(affiliations)
        for raw in affiliations:
            for part in parts(raw):
                folded = [fold(segment) for segment in _segments(part)]
                if not folded:
                    continue  # "()": nothing printed
                self.leads[folded[0]] += 1
                for number, segment in enumerate(folded):
                    if " " not in segment and not institutions.INSTITUTION_WORDS.search(segment) and any(
                            segment in before.split() and segment != before for before in folded[:number]):
                        self.towns.add(segment)
                after_institution = False
                for number, segment in enumerate(folded):
                    if after_institution and number + 1 < len(folded) \
                            and _STATE.fullmatch(folded[number + 1].upper()):
                        self.before_state.add(segment)
                    if institutions.INSTITUTION_WORDS.search(segment):
                        after_institution = True
                    elif after_institution:
                        self.places.add(segment)
        self.standing.clear()
        self.alone.clear()
        self._before_new_university.clear()
        self._standing_known = False
        self._parts.clear()
        self._standing_acronyms.clear()
        for raw in affiliations:
            for part in parts(raw):
                found = self._part(part)
                if all(named.org_id is None for named in found):
                    self.standing.update(named.key for named in found if _stands_alone(named.key))
                if len(found) == 1 and found[0].org_id is None:
                    self.alone.add(found[0].key)
        possessive = {part for part in self._parts
                      if any(segment in self._possessives for segment in _segments(part))}
        for part in self._beside | self._before_new_university | possessive:
            self._parts.pop(part, None)  # read again, now that the names printed on their own are known
        self._standing_known = True
        self._read.clear()
        self.units_only = self._units_only(affiliations)

    def _units_only(self, affiliations: list[str]) -> set[str]:
        """Keys of new names with a unit's head word the field prints beside a registry institution in
        its part without reading them as an institution, and never in an affiliation that names no
        registry institution; not a whole institution's name (a university, a company: a foundation
        printed before its university may be its unit). A name the other registry holds is kept when
        an affiliation is read (``read``)."""
        as_unit: set[str] = set()
        alone: set[str] = set()
        self.unit_owners = defaultdict(Counter)
        for raw in dict.fromkeys(affiliations):  # each printed form once
            listed = parts(raw)
            read = [self._part(part) for part in listed]
            if not any(named.org_id or named.learned for found in read for named in found):
                alone.update(named.key for found in read for named in found)
                continue
            owned: set[tuple[str, str]] = set()  # (unit, owner) pairs of this printed affiliation
            for part, found in zip(listed, read, strict=True):
                if not any(named.org_id for named in found):
                    continue
                keys = {named.key for named in found}
                owners = {named.org_id for named in found if named.org_id}
                segments = _segments(part)
                for number, segment in enumerate(segments):
                    key = new_key(segment)
                    if key not in keys and not _TOP.search(key) and not self.known_form(segment) and (
                            _UNIT_OF_UNIVERSITY.intersection(key.split()) or acronyms.is_acronym(segment)):
                        owned.update((key, owner) for owner in owners)
                    if key not in keys and _UNIT_HEADS.intersection(key.split()) and not _TOP.search(key):
                        as_unit.add(key)
                    elif key in keys and _UNIT_OF_UNIVERSITY.intersection(key.split()) \
                            and not _WHOLE.search(key) and not _named_for_someone(segment) \
                            and not self._spans(_words(segment)) \
                            and any(self._spans(_words(after)) for after in segments[number + 1:]):
                        as_unit.add(key)  # "Cowles Foundation for Research in Economics, Yale University"
            for key, owner in owned:  # counted once per printed affiliation
                self.unit_owners[key][owner] += 1
        return as_unit - alone

    def read(self, raw: str) -> tuple[Named, ...]:
        """The institutions one printed affiliation names, in printed order, no repeats."""
        raw = one_space(raw)
        if raw not in self._read:
            self._read[raw] = self._read_all(raw)
        return self._read[raw]

    def read_names(self, raw: str) -> list[tuple[str, str]]:
        """The institutions an affiliation names (a registry id, or ``?key`` of a new name) and their names
        as written: all of a registry institution's, a new one's as printed here."""
        found = []
        for named in self.read(raw):
            if named.org_id is None:
                found.append((f"?{named.key}", named.printed))
            else:
                found.extend((named.org_id, name) for name in self.spelled[named.org_id])
        return found

    def known_form(self, form: str) -> bool:
        """Whether a printed form is a registry name already."""
        return " ".join(_words(form)) in self.by_key

    def own_target(self, form: str) -> str:
        """The new name a printed form would be on its own (``?key``)."""
        return f"?{new_key(form)}"

    def add_forms(self, forms: Iterable[tuple[str, str]]) -> None:
        """Short forms of institutions learned from the field (a form and its registry id, or ``?key`` of a
        new name): they name it when printed as a whole segment, or beside a registry name ("CUHK and
        SRIBD"), not inside a longer name ("PUC" learned for PUC Chile is not in "PUC-Rio")."""
        for form, target in forms:
            key = " ".join(_words(form))
            if key and key not in self.by_key:
                self.learned[key] = target
        for part, asked in self._asked.items():
            if not asked.isdisjoint(self.learned):
                self._parts.pop(part, None)
        self._read.clear()

    def _learned(self, words: list[str], printed: str) -> Named | None:
        """The institution a learned short form names, if these words are one ("and SRIBD")."""
        while words and words[0] in _LINKS:
            words = words[1:]
        self._asking.add(" ".join(words))
        target = self.learned.get(" ".join(words))
        if target is None:
            return None
        if target.startswith("?"):
            return Named(None, target[1:], printed, learned=True)
        return Named(target, " ".join(words), printed, learned=True)

    def owner_of_unit(self, key: str) -> str | None:
        """The one registry institution the field prints a unit's name in the part of, in two affiliations
        or more and beside no other ("The Robotics Institute": Carnegie Mellon's, which the field prints
        as "Robotics Institute, Carnegie Mellon University"), or None."""
        owners = self.unit_owners.get(key)
        if not owners or len(owners) != 1:
            return None
        owner, printed = next(iter(owners.items()))
        return owner if printed >= 2 else None

    def umbrella_of(self, key: str) -> str | None:
        """The registry institution a new one is named after as one of its institutes ("Max Planck
        Institute for Human Development" → the Max Planck Society, known as "Max Planck Institute")."""
        words = tuple(key.split())
        for entry, org_id in self.by_first.get(words[0], ()) if words else ():
            if 2 <= len(entry) < len(words) and words[:len(entry)] == entry and entry[-1] in _HEAD \
                    and entry[-1] not in ("university", "college"):
                return org_id  # not "Nanjing University of Information Science": no university's unit
        return None

    def stem_owner(self, stem: str) -> str | None:
        """The one registry university named "<these words> University" ("rutgers": Rutgers University;
        "yale": Yale University), or None (none, or several). Not "University of <a place>", nor words the
        field prints as a town: a town's name is all its institutions' ("Geneva School of Business
        Administration" is no unit of the University of Geneva, "Berlin Big Data Center" none of Berlin
        University)."""
        if self._stems is None:
            owners: dict[str, set[str]] = defaultdict(set)
            for key, org_id in self.by_key.items():
                words = key.split()
                if len(words) >= 2 and words[-1] == "university" and not set(words[:-1]) & _NAME_FILLER:
                    owners[" ".join(words[:-1])].add(org_id)
            self._stems = {stem: next(iter(ids)) for stem, ids in owners.items() if len(ids) == 1}
        return None if stem in self.places or stem in self.towns else self._stems.get(stem)

    def segment_keys(self, raw: str) -> list[str]:
        """The key of each comma-separated piece of an affiliation, as a new institution's name would have."""
        return [new_key(segment) for part in parts(raw) for segment in _segments(part)]

    def _read_all(self, raw: str) -> tuple[Named, ...]:
        if _ACADEMIC_HOST.fullmatch(raw.strip()):
            return ()  # "pitt.edu", "tauex.tau.ac.il": the host of an e-mail address, printed in its place
        found: list[Named] = []
        listed = self._listed(raw)
        for part in listed:
            found.extend(self._part(part))
        if len(listed) > 1 and found:
            found = self._listed_acronyms(listed)
        if len(listed) == 1 and len(found) <= 1 \
                and all(n.org_id is None and not n.learned for n in found):
            acronym = self._acronym_elsewhere(_segments(listed[0]))  # "DGIST", "Dept. of CS, IUPUI"
            if acronym is not None and (not found or found[0].key.split()[0] == acronym[0].key):
                self.ror_acronyms[acronym[0].key].add(acronym[1])
                found = [acronym[0]] if acronym[1] else found
            if not found:  # "Janelia Research Campus", "Institute of High Performance Computing, Singapore"
                found = self._ror_name_alone(_segments(listed[0]))
        found = [named for named in found if named.org_id is not None or named.learned
                 or named.key not in self.units_only or self._a_ror_name(named.printed)]
        unique: dict[str, Named] = {}
        for named in found:
            same = unique.setdefault(named.org_id or f"?{named.key}", named)
            if same.learned and not named.learned:
                unique[named.org_id or f"?{named.key}"] = named  # the name as printed, not its short form
        return tuple(unique.values())

    def _listed(self, raw: str) -> list[str]:
        """The parts of an affiliation (``parts``), two acronyms joined by a hyphen made two parts when
        each names an institution on its own ("MSR-INRIA"; "MIT-IBM Watson AI Lab": a joint lab of both, as
        "NEC-AIST" and "MTA-SZTE Research Group" are; not "UNC-CH", Chapel Hill's campus)."""
        listed: list[str] = []
        for part in parts(raw):
            pieces = [part]
            for match in _JOINED_ACRONYMS.finditer(part):
                second = re.match(r"[A-Z]{2,5}", part[match.end():])
                if second is not None and self._stands(match[1], raw) and self._stands(second[0], raw):
                    pieces = [p.strip(" ,.") for p in _JOINED_ACRONYMS.sub(
                        lambda m: f"{m[1]} / ", part).split(" / ") if p.strip(" ,.")]
                    break
            listed.extend(pieces)
        return listed

    def _stands(self, acronym: str, raw: str) -> bool:
        """Whether an acronym names an institution alone: a registry or learned name, or the one ROR
        institution it spells (in the countries the affiliation prints)."""
        countries = _printed_countries([s for part in parts(raw) for s in _segments(part)])
        key = (acronym, countries)
        if key in self._standing_acronyms:
            return self._standing_acronyms[key]
        self._standing_acronyms[key] = False  # no loop through a part that holds the acronym again
        named = any(n.org_id or n.learned for n in self._part(acronym))
        if not named and self.acronym_elsewhere is not None:
            named = self.acronym_elsewhere(acronym, countries, False) is not None
        self._standing_acronyms[key] = named
        return named

    def _listed_acronyms(self, listed: list[str]) -> list[Named]:
        """The parts of a list of institutions ("The Swiss AI Lab IDSIA / USI / SUPSI"), a part that is
        only an acronym and names nothing read as the one university of the other registry it spells, in the
        country the list prints or, when it prints none, the one country of the registry institutions the
        other parts name. A lab's or a centre's acronym stays a unit ("MIT Math + SDSC")."""
        read = [self._part(part) for part in listed]
        countries = _printed_countries([s for part in listed for s in _segments(part)]) or frozenset(
            country for found in read for named in found
            if named.org_id and self.country_of and (country := self.country_of(named.org_id)))
        found: list[Named] = []
        for part, named in zip(listed, read, strict=True):
            printed = part.strip()
            if not named and len(countries) == 1 and acronyms.is_acronym(printed) \
                    and self.acronym_elsewhere is not None and self.kind_elsewhere is not None:
                hit = self.acronym_elsewhere(printed, countries, True)
                if hit and self.kind_elsewhere(hit) == "university":
                    self.ror_acronyms[new_key(printed)].add(hit)
                    named = [Named(None, new_key(printed), printed)]
            found.extend(named)
        return found

    def _part(self, part: str) -> list[Named]:
        """One part read (``_read_part``), kept with what its reading asked."""
        if part not in self._parts:
            self._asking = set()
            self._parts[part] = self._read_part(part)
            self._asked[part] = self._asking
        return self._parts[part]

    def _read_part(self, part: str) -> list[Named]:
        """Registry names across the whole part first (they may hold commas), then segment by segment."""
        part = self._without_unit_at(part)
        segments = self._with_towns([self._written_out(segment) for segment in _segments(part)
                                     if "@" not in segment or not _EMAIL.fullmatch(segment)])
        owners = [self._owner_of_possessive(segment) for segment in segments]
        if any(named for named, _ in owners):
            rest = [segment for _, segment in owners if segment]
            owned = [named for named, _ in owners if named]
            return owned + (self._read_part(", ".join(rest)) if rest else [])
        if not segments or self._postal_place(segments):
            return []
        if fold(segments[0]) in self.before_state and _PLACE_ONLY.fullmatch(segments[0]) \
                and not self._spans(_words(segments[0])) \
                and fold(segments[0]) not in institutions.ABBREVIATIONS \
                and all(self._place(segment) for segment in segments[1:]):
            return []  # "College Park": the town the field prints between an institution and its state
        words: list[str] = []
        owner: list[int] = []
        for number, segment in enumerate(segments):
            segment_words = _words(segment)
            if _STREET.search(" ".join(segment_words)) or _RELATION.match(fold(segment)):
                continue  # "Max Planck Ring 4": an address, whatever names it holds
            words.extend(segment_words)
            owner.extend([number] * len(segment_words))
        texts = [fold(spelled_out(segment)) for segment in segments]
        spans = [(org_id, span) for org_id, span in self._spans(words, owner, texts)
                 if not _hyphened_place(words, span, segments[owner[span.start]])]
        spans = self._longer_by_typo(words, owner, spans)
        towns = {owner[s.start] for _, s in spans if self._town_after_institution(segments, owner, s)}
        spans = [(org_id, span) for org_id, span in spans if owner[span.start] not in towns]
        spans, in_town = self._of_the_towns_printed(part, words, owner, segments, spans)
        found = [Named(org_id, " ".join(words[s.start:s.stop]), part) for org_id, s in spans] + in_town
        matched = {owner[i] for _, s in spans for i in s}
        covered = {i for _, s in spans for i in s}
        for number, segment in enumerate(segments):
            if number in towns:
                continue
            if number in matched:
                for run in _runs(words, owner, covered, number):
                    if any(_NUMBER.fullmatch(w) and " ".join(run[:k]) in self.by_key
                           for k, w in enumerate(run)):
                        continue  # "UPMC Univ Paris 06 LSTA": the number of the university printed before it
                    learned = self._learned(run, segment)
                    self._beside.add(part)
                    found.extend([learned] if learned
                                 else _beside(run, self.standing, self._a_ror_name, segment)
                                 or self._acronym_joined(run, segment, segments))
                continue
            if _STREET.search(" ".join(_words(segment))) or _RELATION.match(fold(segment)):
                continue
            if (learned := self._learned(_words(segment), segment)) is not None:
                found.append(learned)
                continue
            if self._town_before_state(segments, number):
                continue  # "College Park, MD": a town, though it holds an institution's word
            fuzzy = self._fuzzy(" ".join(_words(segment))) or self._without_last_word(segment)
            if fuzzy is not None:
                found.append(Named(fuzzy, " ".join(_words(segment)), segment))
                matched.add(number)
                continue
            if spans:
                self._beside.add(part)
            head = self._head_of_pair(_LEADING_LINK.sub("", segment), _printed_countries(segments),
                                      bool(spans))
            if head is not None:  # "Skoltech, IITP RAS": the academy, the institute its unit
                self.ror_acronyms[new_key(head[0])].add(head[1])
                found.append(Named(None, new_key(head[0]), head[0]))
                continue
            new = _new_names(segment, beside_known=bool(spans), standing=self.standing,
                             after_known=any(owner[s.start] < number for _, s in spans),
                             elsewhere=self._a_ror_name)
            between = number - 1 in matched and number + 1 in matched
            if not new and self._named_elsewhere(segment, beside_known=bool(spans), between=between):
                new = [Named(None, new_key(segment), segment)]  # "Grenoble INP": ROR's name
            if not new and between:
                new = self._listed_university(segment, segments)  # "Univ Lyon, UJM-Saint-Etienne, CNRS"
            if not new and acronyms.is_acronym(segment) and self.country_of is not None \
                    and 0 < number < len(segments) - 1:  # "IDSIA - USI - SUPSI": between two of one country
                sides = [self._named_in(segments, number + side, spans, owner) for side in (-1, 1)]
                beside = {self.country_of(org_id) for org_id in sides if org_id and org_id[0] != "?"}
                if all(sides) and len(beside) == 1 and None not in beside:
                    new = self._listed_university(segment, segments, frozenset(beside))  # type: ignore[arg-type]
            if not new and spans:
                new = self._listed_head(segment, segments, spans)  # "Institut Curie, INSERM, Paris"
            if not new and spans and self.umbrella_elsewhere is not None \
                    and institutions.INSTITUTION_WORDS.search(fold(segment)) \
                    and self.umbrella_elsewhere(segment):
                new = [Named(None, new_key(segment), segment)]  # "Institut Mines-Télécom, Télécom ParisTech"
            found.extend(new)
        if not found and len(segments) >= 2 and _ACRONYM.fullmatch(segments[0]) \
                and not _ADDRESS.search(fold(segments[0])) \
                and all(_ADDRESS.search(fold(s)) or _PLACE_ONLY.fullmatch(s) for s in segments[1:]):
            found.append(Named(None, new_key(segments[0]), segments[0]))  # "IMFD, Chile": acronym and place
        elif not found and self._standalone(segments):
            near = self.near_miss(segments[0])  # "Open AI", "Googol Brain": a known one misprinted
            found.append(Named(near, " ".join(_words(segments[0])), segments[0]) if near
                         else Named(None, new_key(segments[0]), segments[0]))
        if not self._standing_known and any(n.org_id is None and "univ" in n.key for n in found[1:]):
            self._before_new_university.add(part)
        found = self._schools_of_one_beside(_units_before_new_university(
            found, self.alone if self._standing_known else None))
        return [self._in_english_order(named) for named in found]

    def _of_the_towns_printed(self, part: str, words: list[str], owner: list[int], segments: list[str],
                              spans: list[tuple[str, range]]) -> tuple[list[tuple[str, range]], list[Named]]:
        """The registry institutions of a part without those an acronym names in another town than the
        one printed: where the part prints a town as a place (a segment of its own, or beside the acronym)
        that another institution of the part is of, and the acronym's institution is of one other town that
        the part does not print ("ENS de Lyon, UCB Lyon 1, Lyon" is no UC Berkeley, "CLAS/IAS, TU Darmstadt,
        Darmstadt" no Institute for Advanced Study of Princeton). Not in a list joined by "and" or "&",
        where each institution is printed for itself ("NICTA & ANU, Canberra"). The acronym is read as the
        one institution of that town whose name it spells, when another registry (ROR) has one."""
        if self.town_of is None or len(spans) < 2 or _AND_IN_PART.search(part):
            return spans, []
        printed = ror.towns_in(words, self.known_towns)
        if not printed:
            return spans, []
        kept: list[tuple[str, range]] = []
        in_town: list[Named] = []
        for org_id, span in spans:
            town = self.town_of(org_id)
            acronym = _printed_acronym(words, span, segments[owner[span.start]])
            if town is not None and town not in printed and acronym is not None:
                places = self._towns_as_places(words, owner, spans, owner[span.start])
                beside = {found for other, at in spans if other != org_id
                          for found in (self.town_of(other),
                                        *ror.towns_in(words[at.start:at.stop], self.known_towns)) if found}
                if beside & places:
                    name = self.spelled_in_town(acronym, beside & places) if self.spelled_in_town else None
                    in_town.extend([Named(None, new_key(name), name)] if name else [])
                    continue
            kept.append((org_id, span))
        return kept, in_town

    def _towns_as_places(self, words: list[str], owner: list[int], spans: list[tuple[str, range]],
                         number: int) -> set[str]:
        """The towns a part prints as places: a segment that names no institution and is a town but for
        postcodes ("F-69342 Lyon"), and the words beside the acronym in its own segment ("UCB Lyon 1")."""
        named = {i for _, span in spans for i in span}
        found = set()
        for at in sorted(set(owner)):
            if at != number and any(owner[i] == at for i in named):
                continue  # "Mila": an institution, though a town is so named
            place = " ".join(word for i, word in enumerate(words) if owner[i] == at and i not in named
                             and word.isalpha() and len(word) > 1 and word != "cedex")
            if place in self.known_towns:
                found.add(place)
        return found

    def _without_unit_at(self, part: str) -> str:
        """A part without a unit printed "at" its institution ("Robotics Lab at Foo University", "Center for
        Data Science at the University of Bar": a unit of the university), when what follows "at" names
        an institution (a registry or ROR name, or one with an institution's word: not "Institute at
        Chicago", nor a town of the field: "Google AI Lab at Princeton" is Google's lab in the town). A unit
        named after a registry institution is that one's, and is read beside the other ("Google AI Lab at
        Foo University")."""
        match = _UNIT_AT.search(part)
        if match is None:
            return part
        rest = part[match.end():]
        first = _segments(rest)[0]
        if fold(first) in self.towns or fold(first) in self.places or not (
                institutions.INSTITUTION_WORDS.search(fold(first)) or self._spans(_words(first))
                or self._a_ror_name(first)):
            return part
        unit = re.sub(r"\s(?:at|@)\s+(?:the\s+)?$", "", match.group(0))
        return f"{part[:match.start()]}{unit}, {rest}" if self._spans(_words(unit)) \
            else part[:match.start()] + rest

    def _with_towns(self, segments: list[str]) -> list[str]:
        """Segments with a town printed after a comma joined to the name before it, when the two are one
        name the registry or ROR knows and the name alone is not ("Friedrich-Schiller-Universität, Jena":
        the university of Jena)."""
        joined: list[str] = []
        for segment in segments:
            if joined and _PLACE_ONLY.fullmatch(segment) and " " not in segment \
                    and institutions.INSTITUTION_WORDS.search(fold(joined[-1])) \
                    and not self.known_form(joined[-1]) and not self._a_ror_name(joined[-1]):
                together = f"{joined[-1]} {segment}"
                if self.known_form(together) or self._a_ror_name(together):
                    joined[-1] = together
                    continue
            joined.append(segment)
        return joined

    def _in_english_order(self, named: Named) -> Named:
        """A new "University of X" that is the known "X University" in the order English names it ("University
        of Tel Aviv" = Tel Aviv University), when no registry knows "University of X" itself."""
        match = re.fullmatch(r"university (?P<place>[a-z][a-z ]+)", named.key)
        if named.org_id is not None or named.learned or match is None \
                or self._a_ror_name(f"University of {match['place']}"):
            return named
        turned = f"{match['place']} university"
        if turned in self.by_key:
            return Named(self.by_key[turned], turned, named.printed)
        if self._a_ror_name(turned):
            return Named(None, new_key(turned), named.printed)
        return named

    def _schools_of_one_beside(self, found: list[Named]) -> list[Named]:
        """New names that are a unit of an institution printed beside them, told by its name: the words
        before the other's head word, two or more ("Georgia State" of Georgia State University), followed
        by a unit's word ("Georgia State Business School, GSU": the university's business school), unless
        the other registry knows the name as an institution ("Indian School of Mines")."""
        stems = set()
        for named in found:
            names = self.spelled.get(named.org_id, []) if named.org_id else [named.key]
            for name in names:
                words = _words(name)
                head = next((i for i, w in enumerate(words) if w in ("university", "college", "institute")),
                            0)
                if head >= 2 and not all(w in _NAME_FILLER for w in words[:head]):
                    stems.add(tuple(words[:head]))
        if not stems:
            return found
        kept = []
        for named in found:
            key = tuple(named.key.split())
            rest = next((key[len(stem):] for stem in stems if key[:len(stem)] == stem), None)
            if named.org_id is None and not named.learned and rest and not _TOP.search(" ".join(rest)) \
                    and _UNIT_HEADS.intersection(rest) and not self._a_ror_name(named.printed):
                continue
            kept.append(named)
        return kept

    def _named_elsewhere(self, segment: str, beside_known: bool, between: bool = False) -> bool:
        """A segment of two words or more with no institution's word, not a place of the field nor an
        address (unless it holds a word in capitals: "Grenoble INP" is printed after "CNRS" as places are,
        or it is printed between two registry institutions, in a list of them: "Univ. Lille, CNRS,
        Centrale Lille, Inria"), that the other registry (``elsewhere``) names. Not a name with an
        institution's word that was not read as one, nor a department: "Institute for Chemical Research"
        printed inside Kyoto University is also the English name of a Spanish institute, "Department of
        Biological Sciences" one university's in ROR."""
        folded = fold(segment)
        return self.elsewhere is not None and " " in folded \
            and (folded not in self.places or _CAPITALS.search(segment) is not None or between) \
            and not institutions.INSTITUTION_WORDS.search(folded) and not institutions.is_unit(segment) \
            and not _ADDRESS.search(folded) and not _STREET_OR_NUMBER.search(folded) \
            and self.elsewhere(segment, beside_known)

    def _acronym_elsewhere(self, segments: list[str]) -> tuple[Named, str] | None:
        """An affiliation that names no institution otherwise, read as the acronym one of its segments is
        ("DGIST", "Department of Computer Science, IUPUI, Indianapolis, IN, USA"), when the other registry
        (``acronym_elsewhere``) has one institution it spells, in the country printed when one is. The
        other segments are units, countries, states or addresses; a town only with its country ("IIIT
        Delhi" is no institute of Islamic thought): the bundle knows no towns. Beside another institution,
        even in another part, an acronym is as often its lab ("LJK, Univ. Grenoble Alpes") or another
        country's namesake ("MIT Math + SDSC": not San Diego's). The acronym as a new name, and the id of
        that institution ("" when there is none)."""
        if self.acronym_elsewhere is None:
            return None
        candidates = [n for n, s in enumerate(segments) if acronyms.is_acronym(s.split()[0])
                      and not ror.countries_of([s.split()[0]]) and not _STATE.fullmatch(s)]
        if len(candidates) != 1:
            return None
        number = candidates[0]
        first, *rest = segments[number].split()
        if not all(fold(word) in self.places for word in rest) or not all(
                other == number or institutions.is_unit(segments[other]) or self._place(segments[other])
                for other in range(len(segments))):
            return None
        countries = _printed_countries(segments)
        if rest and self.acronym_in_town is not None \
                and (in_town := self.acronym_in_town(first, fold(" ".join(rest)))) is not None:
            return Named(None, new_key(first), segments[number]), in_town  # "WIAS Berlin"
        town = rest or [s for n, s in enumerate(segments) if n != number and fold(s) in self.places
                        and not ror.countries_of([s]) and not _STATE.fullmatch(s)]
        if town and not countries:
            return None
        found = self.acronym_elsewhere(first, countries, False)
        return Named(None, new_key(first), segments[number]), found or ""

    def _acronym_joined(self, run: list[str], segment: str, segments: list[str]) -> list[Named]:
        """An acronym joined by "and" or "&" to a registry institution in one segment ("ICREA and Pompeu
        Fabra University, Barcelona, Spain"), read as the one institution of the other registry it spells,
        in the country the affiliation prints when it prints one, and no other's part (a lab's acronym
        beside its university has a parent); or two acronyms printed together, read as their head
        (``_head_of_pair``: "HSE University and IITP RAS")."""
        if self.acronym_elsewhere is None or len(run) > 3 or not {run[0], run[-1]} & {"and"}:
            return []
        bare = [word for word in run if word != "and"]
        pieces = [p.strip() for p in _AND.split(segment)]
        printed = [p for p in pieces if _words(p) == bare and acronyms.is_acronym(p)]
        countries = _printed_countries(segments)
        found = self.acronym_elsewhere(printed[0], countries, True) if len(printed) == 1 else None
        if found is None:
            heads = [head for p in pieces if _words(p) == bare
                     and (head := self._head_of_pair(p, countries, True)) is not None]
            if len(heads) != 1:
                return []
            printed, found = [heads[0][0]], heads[0][1]
        self.ror_acronyms[new_key(printed[0])].add(found)
        return [Named(None, new_key(printed[0]), printed[0])]

    def _named_in(self, segments: list[str], number: int, spans: list[tuple[str, range]],
                  owner: list[int]) -> str | None:
        """The institution a segment names: a registry one by its name, or one a short form learned from the
        field names ("SUPSI": a registry id, or ``?key`` of a new name)."""
        for org_id, span in spans:
            if owner[span.start] == number:
                return org_id
        learned = self._learned(_words(segments[number]), segments[number])
        return None if learned is None else learned.org_id or f"?{learned.key}"

    def _head_of_pair(self, printed: str, countries: frozenset[str], beside_known: bool
                      ) -> tuple[str, str] | None:
        """Of two acronyms printed together as one name ("IITP RAS", "ICT CAS", "CNR IMATI"), the one the
        other registry spells (in a printed country) as others' parent and no other's part, and its id:
        the institution, an academy or a national council; the other acronym is its institute or lab,
        whichever order they are printed in."""
        words = printed.split()
        if len(words) != 2 or not all(acronyms.is_acronym(w) for w in words) \
                or self.acronym_elsewhere is None or self.head_elsewhere is None:
            return None
        heads = [(word, found) for word in words
                 if (found := self.acronym_elsewhere(word, countries, beside_known)) is not None
                 and self.head_elsewhere(found)]
        return heads[0] if len(heads) == 1 else None

    def _listed_university(self, segment: str, segments: list[str],
                           beside: frozenset[str] = frozenset()) -> list[Named]:
        """A segment printed between two registry institutions that is a university's acronym, perhaps with
        its town ("Univ Lyon, UJM-Saint-Etienne, CNRS"): the one university of the other registry it spells,
        in the printed country when there is one, and no other's part. Labs and institutes printed in such
        lists ("Inria, CNRS, LIP, ENS de Lyon") are units of the institutions beside them. Printed alone
        between two institutions (registry ones, or learned short forms) whose registry ones are of one
        country (``beside``), an acronym is such a university of that country when the affiliation prints no
        country ("IDSIA - USI - SUPSI"; not "LCSL - IIT & MIT", where one country beside a joint lab does not
        tell Illinois from Italy)."""
        first, *rest = re.split(r"[\s-]+", segment)
        if self.acronym_elsewhere is None or self.kind_elsewhere is None or not acronyms.is_acronym(first) \
                or (rest and fold(" ".join(rest)) not in self.places) or ror.countries_of([first]):
            return []
        if beside and (rest or _printed_countries(segments)):
            return []
        found = self.acronym_elsewhere(first, _printed_countries(segments) or beside, True)
        if found is None or self.kind_elsewhere(found) != "university":
            return []
        self.ror_acronyms[new_key(first)].add(found)
        return [Named(None, new_key(first), segment)]

    def _listed_head(self, segment: str, segments: list[str], spans: list[tuple[str, range]]) -> list[Named]:
        """An acronym printed as a segment of its own beside a registry institution, read as the one
        institution of the other registry it spells that heads others and is no other's part (a national
        institute or an academy with institutes of its own: "..., Institut Curie, INSERM, U900, Paris"), in
        the country the affiliation prints or, when it prints none, the one country of the registry
        institutions beside it. A lab's acronym beside its university spells no such head, or one of
        another country ("LIP, ENS de Lyon"); a system of universities is its campus's address."""
        printed = segment.strip()
        if self.acronym_elsewhere is None or self.head_elsewhere is None or not acronyms.is_acronym(printed) \
                or ror.countries_of([printed]) or _STATE.fullmatch(printed):
            return []
        countries = _printed_countries(segments) or frozenset(
            country for org_id, _ in spans if self.country_of and (country := self.country_of(org_id)))
        if len(countries) != 1:
            return []
        found = self.acronym_elsewhere(printed, countries, True)
        if found is None or not self.head_elsewhere(found) \
                or (self.system_elsewhere is not None and self.system_elsewhere(found)):
            return []  # "University at Buffalo, SUNY": a campus and its system, printed as its address
        self.ror_acronyms[new_key(printed)].add(found)
        return [Named(None, new_key(printed), printed)]

    def _a_ror_name(self, name: str) -> bool:
        """Whether the other registry names one institution so, whatever its parent: joined to another name
        by "and", a name is an institution of its own ("Inria and ENSTA ParisTech")."""
        return self.elsewhere is not None and " " in fold(name) and self.elsewhere(name, False)

    def _ror_name_alone(self, segments: list[str]) -> list[Named]:
        """An affiliation that names nothing otherwise, read as the one segment that is a ROR name (of one
        record, in the country printed when one is), the others units, places or an address. Not a
        department ("Department of Mathematical Sciences" is a Russian institute's name in ROR), a place of
        the field, nor a name of a field's words alone without its country ("Artificial Intelligence
        Research Institute": whose?). Beside another institution a ROR name with an institution's word is
        as often another's unit ("Institute for Chemical Research, Kyoto University")."""
        if self.name_elsewhere is None:
            return []
        countries = _printed_countries(segments)
        named = [n for n, segment in enumerate(segments) if not self._place(segment)
                 and not institutions.is_unit(segment) and self.name_elsewhere(segment, countries)]
        if len(named) != 1 or not all(n == named[0] or institutions.is_unit(s) or self._place(s)
                                      for n, s in enumerate(segments)):
            return []
        segment = segments[named[0]]
        words = fold(segment).split()
        if not countries and all(w in _NAME_FILLER or w in _NOBODYS for w in words):
            return []
        return [Named(None, new_key(segment), segment)]

    def _place(self, segment: str) -> bool:
        """Whether a segment is a place: one the field prints after institutions, a state's code, a country,
        or an address."""
        folded = fold(segment)
        return folded in self.places or bool(_STATE.fullmatch(segment)) or bool(ror.countries_of([segment])) \
            or _bare_address(folded)

    def _written_out(self, segment: str) -> str:
        """A segment with an acronym the registry prints before several places written out ("IIT
        Kharagpur" → "Indian Institute of Technology Kharagpur"), unless it is a registry name as printed
        ("IIT Genova" is the Istituto Italiano di Tecnologia)."""
        segment = self._in_registry_order(self._camel_parted(segment))
        first, _, rest = segment.partition(" ")
        if not rest or first not in self.prefixes or " ".join(_words(segment)) in self.by_key:
            return segment
        return f"{self.prefixes[first]} {rest}"

    def _owner_of_possessive(self, segment: str) -> tuple[Named | None, str]:
        """The institution a segment prints in the possessive before its unit ("CSIRO's Data61 and UNSW":
        CSIRO, when the registry knows it or the field prints it on its own), and what the segment prints
        after the unit ("UNSW"); no institution and the segment unchanged otherwise ("King's College")."""
        match = _POSSESSIVE.match(segment)
        if match is None:
            return None, segment
        self._possessives.add(segment)
        words = _words(match["owner"])
        rest = _LEADING_LINK.sub("", (match["after"] or "").strip())
        if " ".join(words) in self.by_key:
            return Named(self.by_key[" ".join(words)], " ".join(words), segment), rest
        if (learned := self._learned(words, segment)) is not None:
            return learned, rest
        if new_key(match["owner"]) in self.alone | self.standing:
            return Named(None, new_key(match["owner"]), match["owner"]), rest
        return None, segment

    def _in_registry_order(self, segment: str) -> str:
        """A segment printed with the words of one registry name of three words or more in another order
        after the same first word, as the registry writes it ("École Fédérale Polytechnique de Lausanne",
        "Broad Institute of Harvard and MIT"); any other unchanged ("Florida State University" is no "State
        University of Florida", "Institute of Data Science" no "Data Science Institute")."""
        words = _words(segment)
        if len(words) < ORDER_FREE_WORDS or " ".join(words) in self.by_key:
            return segment
        if self._bags is None:
            bags: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for key in self.by_key:
                if len(key.split()) >= ORDER_FREE_WORDS and _words(key) == key.split():
                    bags[(key.split()[0], *sorted(key.split()[1:]))].add(key)
            self._bags = {bag: min(keys) for bag, keys in bags.items()  # one spelling, whatever the hash
                          if len({self.by_key[k] for k in keys}) == 1}
        return self._bags.get((words[0], *sorted(words[1:])), segment)

    def _camel_parted(self, segment: str) -> str:
        """A segment with two words printed without the space between them parted again where a registry
        name then holds both ("GeorgiaTech-CNRS", "Univ. GrenobleAlpes"; not "MetaMind", "InriaRennes")."""
        for match in reversed(list(_CAMEL.finditer(segment))):
            pair = _words(f"{match[1]} {match[2]}")
            parted = f"{segment[:match.start()]}{match[1]} {match[2]}{segment[match.end():]}"
            words = _words(parted)
            if len(pair) == 2 and any(pair == words[i:i + 2] for _, span in self._spans(words)
                                      for i in range(span.start, span.stop - 1)):
                segment = parted
        return segment

    def _town_before_state(self, segments: list[str], number: int) -> bool:
        """Whether a segment is a town: printed between institutions and a state's code and never first
        in an affiliation, not ending in an institution's word, and followed by a state's code ("University
        Park, PA", "College Park, MD 20742")."""
        folded = fold(segments[number])
        return number + 1 < len(segments) and bool(_STATE.fullmatch(segments[number + 1])) \
            and folded in self.before_state and not self.leads[folded] \
            and bool(_PLACE_ONLY.fullmatch(segments[number])) and folded.split()[-1] not in _HEAD

    def _without_last_word(self, segment: str) -> str | None:
        """The registry university a name prints without its last word ("Texas A&M" = Texas A&M
        University), when the name is no place and only one registry name reads so."""
        words = " ".join(_words(segment))
        folded = fold(segment)
        if not words or folded in self.places or folded in self.towns or _ADDRESS.search(folded):
            return None
        return self.by_key.get(f"{words} university")

    def _postal_place(self, segments: list[str]) -> bool:
        """Whether an affiliation is only a town and its state or country ("Summit, NJ", "Princeton, NJ"):
        a town the field prints after a name that holds it, or a name no registry knows before a state's
        code; then only states' codes, countries or postcodes."""
        first = fold(segments[0])
        return len(segments) >= 2 and bool(_PLACE_ONLY.fullmatch(segments[0])) \
            and (first in self.towns
                 or (_a_state(segments[1]) and not self.known_form(segments[0]))) \
            and all(_a_state(s) or _bare_address(fold(s)) for s in segments[1:])

    def _town_after_institution(self, segments: list[str], owner: list[int], span: range) -> bool:
        """Whether a registry name is only the town of an institution printed before it: a whole segment
        the field prints as a place, after a segment that names an institution, not a unit ("Perimeter
        Institute for Theoretical Physics, Waterloo" is no University of Waterloo; "Department of
        Statistics, Stanford" is Stanford)."""
        number = owner[span.start]
        if number == 0 or not _whole_segments(owner, span) or not _PLACE_ONLY.fullmatch(segments[number]):
            return False
        if fold(segments[number]) not in self.towns and not _before_region(segments, number):
            return False
        for before in segments[:number]:
            folded = fold(before)
            if institutions.SYSTEM_START.search(re.sub(r"\buniv\b", "university", folded)):
                return False  # "University of California, 642 Sutardja Dai Hall, Berkeley": the campus
            if _UNIT_START.match(folded) or _ADDRESS.search(folded):
                continue
            if institutions.INSTITUTION_WORDS.search(folded) or self._fuzzy(" ".join(_words(before))):
                return True  # "Institue for Advanced Study, Princeton": a registry name misprinted, its town
        return False

    def _standalone(self, segments: list[str]) -> bool:
        """Whether an affiliation is a name of its own and places ("Yandex, Moscow, Russia"): a name in
        capitals, printed first in affiliations of the field (``STANDALONE_LEADS``) and never after an
        institution, that is no department, field of study, address or place."""
        name, folded = segments[0], fold(segments[0])
        words = name.split()
        if not 1 <= len(words) <= 4 or self.leads[folded] < STANDALONE_LEADS or folded in self.places:
            return False
        if not all(w[:1].isupper() or w == "&" for w in words) or _ADDRESS.search(folded) \
                or _KEY_LAB.search(folded) or _UNIT_START.match(folded) or _UNIT_WORD.search(folded) \
                or _RELATION.match(folded):
            return False
        if all(w in FIELD_OF_STUDY or w in _GENERIC or w in _NO_PLACE for w in folded.split()):
            return False  # "Biomedical Data Science", "Pediatrics": a department's subject; "Independent"
        if not self._looks_like_one(name):
            return False
        return all(fold(s) in self.places or _ADDRESS.search(fold(s)) or _PLACE_ONLY.fullmatch(s)
                   for s in segments[1:])

    def _looks_like_one(self, name: str) -> bool:
        """Whether a name printed alone may be an institution: not a place (a country or one of its
        states or provinces, "New Jersey"), nor an e-mail host ("Gmail"), nor a unit's name (a lab,
        group or team: "Embodied Vision Group", "ISPGroup"), unless a company's form says it is one. A group
        or team is a unit when its name holds a subject ("Vision"): "BMW Group", "The Voleon Group" are
        companies."""
        folded = fold(name)
        if folded in ror.subdivision_names() or ror.countries_of([name]):
            return False
        if _MAIL_HOST.fullmatch(folded):
            return False
        if not _UNIT_END.search(folded) or _a_company(name):
            return True
        *rest, last = folded.split()
        return last in ("group", "team") and bool(rest) and not any(
            w in FIELD_OF_STUDY or (w in _NOBODYS and w != "the") for w in rest)  # not "BMW Group"

    def near_miss(self, name: str) -> str | None:
        """The registry institution a name printed alone misprints, if it names one only: its name with
        spaces put in or left out ("Open AI"), a footnote's letter after an acronym ("CMUa"), a typo
        ("Googol Brain", ``NEAR_MISS_AT``; "Tecent", one letter in a long word) or a university's name
        without its institution's words ("Colorado Boulder" = University of Colorado Boulder). Not a town
        of the field ("Princeton")."""
        words = _words(name)
        folded = " ".join(words)
        if not words or folded in self.towns or folded in self.places:
            return None
        index = self._near_index()
        squashed = folded.replace(" ", "")
        if (found := index[0].get(squashed)) is not None:
            return found or None
        if _FOOTNOTE_LETTER.fullmatch(name) and (found := index[0].get(squashed[:-1])):
            return found
        if len(words) >= 2 and (found := index[1].get(folded)):
            return found
        if len(words) == 1 and len(squashed) > SHORT_WORD:
            close = {self.by_key[key] for key in index[2] if OSA.distance(squashed, key) <= 1}
            if len(close) == 1:  # "Tecent": one letter left out of one institution's one-word name
                return close.pop()
        if len(squashed) >= 10:  # a typo, as ``_fuzzy`` reads one, a little further off, word for word
            key = self._closest(folded, NEAR_MISS_AT)
            if key is not None and len(key.split()) == len(words):
                return self.by_key[key]
        return None

    def _near_index(self) -> tuple[dict[str, str], dict[str, str], list[str]]:
        """The registry's names without spaces, and without their institution's words and links ("colorado
        boulder"), each → its institution, or "" when two institutions share it; its one-word names."""
        if self._near is None:
            squashed: dict[str, str] = {}
            bare: dict[str, str] = {}
            for key, org_id in self.by_key.items():
                named = " ".join(w for w in key.split() if w not in _HEAD and w not in _LINKS)
                for index, text in ((squashed, key.replace(" ", "")), (bare, named)):
                    if text and index.setdefault(text, org_id) != org_id:
                        index[text] = ""
            self._near = (squashed, bare, [key for key in self.by_key if " " not in key])
        return self._near

    def _longer_by_typo(self, words: list[str], owner: list[int],
                        spans: list[tuple[str, range]]) -> list[tuple[str, range]]:
        """Spans that stop short of their segment's end, replaced by a longer registry name the rest of
        the segment spells with a typo or a broken character ("École normale supérieure parisMsaclay" is
        ENS Paris-Saclay, not ENS)."""
        result = []
        for org_id, span in spans:
            segment = owner[span.start]
            end = span.stop
            while end < len(words) and owner[end] == segment:
                end += 1
            best = None
            if end > span.stop and end - span.start <= 8:
                text = " ".join(words[span.start:end])
                for entry, other_id in self.by_first.get(words[span.start], ()):
                    if len(entry) > len(span) and other_id != org_id and \
                            fuzz.ratio(text, " ".join(entry)) >= FUZZY_AT:
                        best = other_id
                        break
            result.append((best, range(span.start, end)) if best else (org_id, span))
        return result

    def _spans(self, words: list[str], owner: list[int] | None = None,
               texts: list[str] | None = None) -> list[tuple[str, range]]:
        """Registry names among ``words``: longest first, not overlapping.

        ``owner`` gives each word's comma-separated segment: a name across segments must hold them
        whole ("University of California, Berkeley"), and what decides whether a name is part of a
        longer one is read in its own segment only; ``texts`` are the segments folded, to see the
        words the comparison leaves out ("Nanjing University of Information Science" is not Nanjing
        University)."""
        spans: list[tuple[str, range]] = []
        taken: set[int] = set()
        candidates: list[tuple[int, int, str]] = []
        for i, word in enumerate(words):
            for entry, org_id in self.by_first.get(word, ()):
                if tuple(words[i:i + len(entry)]) == entry:
                    candidates.append((len(entry), i, org_id))
        for size, start, org_id in sorted(candidates, key=lambda c: (-c[0], c[1])):
            span = range(start, start + size)
            if owner is not None:
                if owner[span.start] != owner[span.stop - 1] and not _whole_segments(owner, span):
                    continue
                inside = [w if owner[i] == owner[span.start] else "," for i, w in enumerate(words)]
            else:
                inside = words
            if (_inside_longer_name(inside, span) and not _joint(inside, span, candidates)) \
                    or _named_before(inside, span, candidates):
                continue
            if texts is not None and owner is not None and words[span.stop - 1] in ("university", "college") \
                    and re.search(rf"\b{re.escape(' '.join(words[span.start:span.stop]))} (?:of|for) \w",
                                  texts[owner[span.start]]):
                continue  # "X University of Y" is another university than X University
            if owner is not None and _numbered(words, owner, span):
                continue  # "Université Paris 13", "Université Paris 7" are not "Université de Paris"
            if taken.isdisjoint(span):
                taken.update(span)
                spans.append((org_id, span))
        return sorted(spans, key=lambda s: s[1].start)

    def _matches(self, words: list[str]) -> list[tuple[str, list[str]]]:
        return [(org_id, words[span.start:span.stop]) for org_id, span in self._spans(words)]

    def _fuzzy(self, text: str) -> str | None:
        """A registry name one or two typos from ``text`` (long names only)."""
        if len(text) < 10 or not self._keys:
            return None
        if text not in self._fuzzy_found:
            key = self._closest(text)
            self._fuzzy_found[text] = self.by_key[key] if key is not None else None
        return self._fuzzy_found[text]

    def _closest(self, text: str, at: float = FUZZY_AT) -> str | None:
        """The registry name (key) ``text`` misspells, at least ``at`` alike, or None."""
        best = process.extractOne(text, self._keys, scorer=fuzz.ratio, score_cutoff=at)
        if best is None:
            return None
        key = best[0]
        if key.split()[0][:3] != text.split()[0][:3]:
            return None
        printed, known = set(text.split()) - _LINKS, set(key.split()) - _LINKS
        if printed < known or known < printed:
            return None  # words left out or added are no typo: "Département d'informatique" is no ENS
        if any(len(w) >= 4 and w in self._vocabulary and not any(k.startswith(w) or w.startswith(k)
                                                                 for k in known - printed)
               for w in printed - known):
            return None  # a word of other names is no typo: "University of South Carolina" is not North
        if not _words_near([w for w in text.split() if w not in known and w not in _LINKS],
                           [w for w in key.split() if w not in printed and w not in _LINKS]):
            return None  # another word, not a misspelled one: "... Technology Kharagpur" is not Kanpur
        return key


_POSSESSIVE = re.compile(r"^(?P<owner>[^'’,]+?)['’]s\s+(?P<unit>.+?)(?P<after>(?<!\s)\s+(?:and|&)\s+.*)?$")
r"""A name in the possessive before what it owns, up to a name joined by "and" ("CSIRO's Data61 and UNSW").
The "and" is looked for from the first space of a run only (``(?<!\s)``): a long run costs one pass."""
ORDER_FREE_WORDS = 3
"""How many words a printed name has at least to be read as a registry name whose words it prints in
another order (two words swapped, "Tech Georgia", could be anything)."""


WORD_TYPO_AT = 75
"""How alike (``fuzz.ratio``) a misspelled word and its registry word are at least ("instiute" /
"institute" 94, "pennsylvnia" / "pennsylvania" 96; "kharagpur" / "kanpur" 67 is another word)."""


SHORT_WORD = 5
"""A word this short or shorter is misspelled by one edit ("plank" / "planck", "deigo" / "diego"), not two
("ensta" / "ensae" is another school)."""


def _words_near(printed: list[str], known: list[str]) -> bool:
    """Whether the words a fuzzy match changes are misspellings of the registry's words: each printed
    word near one known word or its start ("Lab" / "Laboratory"), or a known word split or glued
    ("Tech nology", "Universityof")."""
    if not printed or not known:
        return True
    glued_printed, glued_known = "".join(printed), "".join(known)
    if fuzz.ratio(glued_printed, glued_known) >= FUZZY_AT:
        return True
    return all(any(_misspelled(p, k) or k.startswith(p) for k in known) for p in printed)


def _misspelled(printed: str, known: str) -> bool:
    """Whether a word is a misspelling of another: near it, or for a short word one letter added, left out,
    changed or two swapped."""
    if len(printed) <= SHORT_WORD:
        return OSA.distance(printed, known) <= 1
    return fuzz.ratio(printed, known) >= WORD_TYPO_AT


_LINKS = frozenset({"and", "for", "of", "in", "on"})
_NO_PLACE = frozenset("independent researcher unaffiliated none retired freelance consultant student "
                      "visitor visiting self employed private home".split())
"""Words of an affiliation that says there is none ("Independent researcher")."""
_UNIT_WORD = re.compile(r"\b(?:department|dept|program|programme|phd|graduate|faculty|division)\b")
"""A unit's word anywhere in a name ("Neurobiology Department", "Neurosciences PhD Program")."""
_MAIL_HOST = re.compile(r"[a-z]*mail(?: ?\. ?[a-z]{2,4})*")
"""An e-mail host printed as an affiliation ("Gmail", "hotmail.com")."""
_UNIT_END = re.compile(r"(?:\b(?:team|lab|labs|laboratory|unit)|group)$")
"""The end of a unit's name, glued or not ("Embodied Vision Group", "ISPGroup", "AI Labs")."""
_FOOTNOTE_LETTER = re.compile(r"[A-Z]{2,}[a-z]")
"""An acronym with a footnote's letter glued to it ("CMUa")."""
NEAR_MISS_AT = 90
"""How alike (``fuzz.ratio``) a name printed alone and a registry name are at least to be that one misprinted
("googol brain" / "google brain" 92)."""
STANDALONE_LEADS = 1
"""How many affiliations of the field must print a name first for it to stand as an institution alone: one
(a company printed alone once, "Graphcore, Bristol, UK", is as much an institution as one printed often)."""
_SUBJECT_WORDS = "technology technologies arts design innovation humanities society"
FIELD_OF_STUDY = frozenset(
    "data science sciences engineering computing computer computational information biomedical medicine "
    "medical pediatrics psychology psychiatry neuroscience neurology biology biological physics chemistry "
    "mathematics mathematical statistics statistical economics business management informatics radiology "
    "surgery genetics genomics bioengineering bioinformatics linguistics philosophy education law finance "
    "electrical mechanical civil industrial systems software applied artificial intelligence machine "
    "learning cognitive brain vision robotics and of".split())
"""Words of a subject of study: a segment of them alone names a department, not an institution."""
_SUBJECT = (FIELD_OF_STUDY | frozenset(_SUBJECT_WORDS.split())) - {"and", "of"}
"""Words that start the second half of a name joined by "and" ("... of Science and Technology"), not a
second institution."""
_HEAD = frozenset("institute institut center centre foundation school laboratory laboratories lab labs "
                  "college academy university".split())


def _stands_alone(key: str) -> bool:
    """Whether a new name printed on its own is an institution wherever it is printed: it has an
    institution's word, a word that is not a subject's ("Zuse Institute Berlin", not "Information
    Sciences Institute"), and is no school or college (those are a university's)."""
    words = set(key.split())
    if words & {"school", "college", "faculty"} and not words & {"institute", "university"}:
        return False
    return bool(institutions.INSTITUTION_WORDS.search(key)) and not words <= _NAME_FILLER


_NOBODYS = frozenset("ai ml corporate us u s uk the".split())
"""Words that with subjects and institution words still name no one ("AI Research", "UK Ltd")."""
_NOBODYS_HEADS = _NOBODYS | frozenset(
    "school lab labs laboratory laboratories group inc ltd llc gmbh".split())
"""Words of a unit's or a company's name: with subjects alone they name no one ("Software School")."""
_NAME_FILLER = FIELD_OF_STUDY | _GENERIC | _HEAD | _LINKS
"""Words that alone make no name of their own: subjects, generic and institution words, links."""
_BEFORE_A_PARENT = _NAME_FILLER | frozenset(
    "and at with department dept division faculty group program programme unit chair team the "
    "cs cse ee ece eecs cis ise ieor orie bcs lids diro csail work done while now also formerly visiting "
    "joint".split())
"""Words that may stand before an institution's name in its segment without making it another name
("Department of Statistics University of X", "ECE The University of Texas")."""


def _named_before(words: list[str], span: range, candidates: list[tuple[int, int, str]]) -> bool:
    """Whether a name that starts with an institution's or a subject's word has a name of its own
    before it in its segment, making another institution ("IT University of Copenhagen", "Korea
    Institute for Advanced Study", "Halıcıoğlu Data Science Institute"), unless that word is itself a
    registry name ("Mila Université de Montréal", "CNRS University Paris Sud")."""
    if span.start == 0 or (words[span.start] not in _HEAD and words[span.start] not in FIELD_OF_STUDY):
        return False
    before = words[span.start - 1]
    if before == "," or before in _BEFORE_A_PARENT or before.isdigit():
        return False
    return not any(start + size == span.start for size, start, _ in candidates)


PREFIX_INSTITUTIONS = 2
"""How many registry institutions must print an acronym before their place for it to be written out."""


_AND_IN_PART = re.compile(r"\s(?:and|&)\s|&", re.IGNORECASE)
"""Institutions joined by "and" or "&": a list, each printed for itself."""


def _printed_acronym(words: list[str], span: range, segment: str) -> str | None:
    """The acronym a registry name found in a segment is printed as, when it is one ("UCB", "IAS")."""
    if len(span) != 1:
        return None
    return next((token for token in re.findall(r"\w+", segment)
                 if acronyms.is_acronym(token) and fold(token) == words[span.start]), None)


def _a_state(segment: str) -> bool:
    """Whether a segment is a US state or a Canadian province, by its postal code or its name
    (pycountry): "NJ", "CA 94305", "New Jersey"."""
    return bool(_STATE.fullmatch(segment)) or fold(segment) in ror.state_names()


def _before_region(segments: list[str], number: int) -> bool:
    """Whether a segment with no institution's word is printed just before a state, province or country
    ("..., Columbia, South Carolina, USA"): where an address prints its town."""
    if number + 1 >= len(segments) or institutions.INSTITUTION_WORDS.search(fold(segments[number])):
        return False
    after = segments[number + 1]
    return _a_state(after) or bool(ror.countries_of([after]))


def _bare_address(folded: str) -> bool:
    """Whether a segment is a country, postcode or street, with no institution's word ("NJ 08544")."""
    return bool(_ADDRESS.search(folded)) and not institutions.INSTITUTION_WORDS.search(folded)


def _prefix_forms(spelled: dict[str, list[str]]) -> dict[str, str]:
    """Acronyms printed, in several registry institutions' names, before the words that end their full
    name ("IIT Bombay" / "Indian Institute of Technology Bombay"), and spelling the initials of the
    words they stand for: acronym → those words, when all agree."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for org_id, names in spelled.items():
        for short in names:
            first, _, rest = short.partition(" ")
            if not rest or not _ACRONYM.fullmatch(first) or not first.isalpha():
                continue
            for long in names:
                if long.endswith(f" {rest}") and len(long) > len(short):
                    head = long[:-len(rest) - 1].strip(" ,")
                    initials = "".join(w[0] for w in fold(head).split()
                                       if w not in _SKIPPED and w not in _LINKS)
                    if initials == first.lower():
                        seen[first][head].add(org_id)
    found = {}
    for acronym, heads in seen.items():
        keys = {" ".join(_words(head)) for head in heads}
        institutions_of = set().union(*heads.values())
        if len(keys) == 1 and len(institutions_of) >= PREFIX_INSTITUTIONS:
            found[acronym] = max(heads, key=lambda h: (len(heads[h]), h))
    return found


def _joint(words: list[str], span: range, candidates: list[tuple[int, int, str]]) -> bool:
    """Whether a registry name comes right after another at its segment's start, the two naming a joint
    lab or institute of both ("Max Planck ETH Center for Learning Systems", "Alibaba-Zhejiang University
    Joint Institute"): then it names its institution though a longer name holds it."""
    return any(start + size == span.start and (start == 0 or words[start - 1] == ",")
               for size, start, _ in candidates)


_NUMBER = re.compile(r"0?[1-9]|1[0-9]|20|i{1,3}|iv|vi{0,3}|ix|xi{0,3}")
"""The number of one of a city's numbered universities ("Paris 13", "Lyon 1", "Paris VI")."""


def _numbered(words: list[str], owner: list[int], span: range) -> bool:
    """Whether a name is followed in its segment by a number, not an address's: one of the numbered
    universities of a city ("Université Paris 13", "Université Paris 7", "UPMC Univ Paris 06") is not the
    university the name is. The numbered ones are distinct institutions or the predecessors of a merged one
    (Paris 7 of Université Paris Cité, Lille 1 of the University of Lille): read as the registry or ROR
    name the number makes ("Paris 7"), the institution beside it, or a name of their own."""
    after = span.stop
    if after >= len(words) or owner[after] != owner[span.start] or not _NUMBER.fullmatch(words[after]) \
            or words[span.stop - 1] in _HEAD:
        return False
    rest = [w for i, w in enumerate(words) if i > after and owner[i] == owner[span.start]]
    return not _ADDRESS.search(" ".join(rest))


def _hyphened_place(words: list[str], span: range, segment: str) -> bool:
    """Whether a university's name that ends in its town is printed with another place joined to that town
    by a hyphen: a longer name, another university ("Université Paris-Nanterre" is not "Université de
    Paris")."""
    last = words[span.stop - 1]
    if last in _HEAD or not {"university", "universities"} & set(words[span.start:span.stop - 1]):
        return False
    return re.search(rf"(?i:\b{re.escape(last)})-[A-Z][a-z]", unidecode(segment)) is not None


def _whole_segments(owner: list[int], span: range) -> bool:
    """Whether a span starts where its first segment starts and ends where its last one ends."""
    starts = span.start == 0 or owner[span.start - 1] != owner[span.start]
    ends = span.stop == len(owner) or owner[span.stop] != owner[span.stop - 1]
    return starts and ends


def _inside_longer_name(words: list[str], span: range) -> bool:
    """Whether a registry name is only part of a longer name ("NSF-Simons Foundation National Institute",
    "Simons Institute for AI in the Sky", "Technical University of Vienna" is not the University of
    Vienna): then it does not name its institution."""
    if span.start > 0 and words[span.start] in ("university", "institute") \
            and words[span.start - 1] in _QUALIFIERS:
        return True
    after = words[span.stop:span.stop + 3]
    if words[span.stop - 1] in _HEAD and after[:1] and after[0] in ("for", "in", "on") and len(after) > 1:
        return True
    if words[span.start - 1: span.start] == [","] and _HEAD.intersection(words[span.start:span.stop]):
        return False  # a whole name at its segment's start ("Hong Kong University of ... University")
    return span.start > 0 and any(w in _HEAD for w in after[:2]) and words[span.start - 1] not in _HEAD \
        and after[0] != "and"  # "RIKEN and The University of Tokyo": two names


def spelled_out(text: str) -> str:
    """A name with institution words' short forms written out ("TU Wien" → "Technical University Wien")."""
    if not _SHORT_FORMS.search(text):
        return text
    def written_out(match: re.Match[str]) -> str:
        group = match.lastgroup or "univ"
        if group in _CAPITALS_ONLY and match.group(0) != _CAPITALS_ONLY[group]:
            return match.group(0)
        return _SPELLED_OUT[group]

    return _SHORT_FORMS.sub(written_out, text)


_CAPITALS_ONLY = {"tu": "TU", "uc": "UC", "ut": "UT", "umass": "UMass", "ai": "AI", "ai2": "AI"}
"""Short forms written out only when printed so ("TU Wien", not "Tu Wien")."""


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name as the registry compares them: folded, in English, short forms written out, links
    left out ("Université de Saint-Étienne": university, saint, etienne)."""
    return _compared(text)


def _words(text: str) -> list[str]:
    """The words of a name as compared: folded, in English, short forms written out, in English order."""
    return list(_compared(text))


_DOTTED_CAPITALS = re.compile(r"\b(?:[A-Z]\.){2,}")
"""Capitals each with its full stop: an acronym printed with dots ("I.I.T Delhi", "U.C. San Diego")."""
_AMPERSAND = re.compile(r"(?<=[a-z]{2})\s*&\s*(?=[A-Z][a-z])")
"""An ampersand between two words, read as "and" ("Science & Technology", "Sci.&Tech."), not inside a
name of letters ("Texas A&M", "AT&T")."""


@functools.lru_cache(maxsize=1 << 17)
def _compared(text: str) -> tuple[str, ...]:
    text = _DOTTED_CAPITALS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _AMPERSAND.sub(" and ", spelled_out(text))
    words = [_TRANSLATED.get(w, w) for w in fold(text).split() if w not in _SKIPPED]
    for i in range(len(words) - 1):
        if words[i] in ("university", "institute") and words[i + 1] in _POSTPOSED:
            end = i + 1
            while end < len(words) and words[end] in _POSTPOSED:
                end += 1
            words[i:end] = [*words[i + 1:end], words[i]]  # "university autonomous" → "autonomous university"
            break
    return tuple(words)


_SEGMENT_BREAK = re.compile(r"\s*,\s*|\s+[-–—]\s+(?=[A-Z])|(?<=[A-Z]{2})\s+&\s+(?=[A-Z])"
                            r"|\s+&\s+(?=[A-Z]{2,}\b|Univ)|\s*\(\s*|\s*\)\s*")


_STATE_OR_FORM = frozenset({"sa", "ag", "co", "nv"})
"""A company's legal form that is also a state's code (South Australia, Aargau, Colorado, Nevada)."""


_UNIT_CODE = re.compile(r"(?<=[A-Za-z])\s+(?:UMR|UPR|UMI|UMS|USR|FRE|EA|UR)[\s-]?\d{3,4}$")
"""A unit's number printed after its lab's or its institution's name ("LIP6 UMR 7606", "CNRS UMR 8550"):
the unit's, not part of the name."""
_HOSTS_UNIT = re.compile(r"([A-Z][A-Z&-]{2,7})\s+U[\s-]?\d{3,4}")
"""An acronym with a unit's number "U" after it ("INSERM U900"): the institution that numbers its units so,
not a lab of the institution printed beside it."""


def _segments(part: str) -> list[str]:
    """Comma-separated pieces of one affiliation (a dash between two names also separates)."""
    pieces: list[str] = []
    # an ampersand between spaces separates when an acronym stands beside it or a university follows
    # ("ENS & CNRS & PSL University"), not inside a unit's name ("Electrical & Computer Engineering")
    split = [_UNIT_CODE.sub("", piece.strip(" .-–—")) for piece in _SEGMENT_BREAK.split(part)]
    for number, piece in enumerate(split):
        if not piece:
            continue
        folded = fold(piece)
        if folded in _STATE_OR_FORM and piece.isupper() \
                and ror.countries_of([next((p for p in split[number + 1:] if p), "")]):
            pieces.append(piece)  # "Kent Town, SA, Australia": a state's code before its country
            continue
        if pieces and (folded in ("inc", "ltd", "llc", "gmbh", "corp", "sa", "ag", "co")
                       or (folded not in _STATE_OR_FORM and not without_legal_forms(piece))):
            pieces[-1] = f"{pieces[-1]} {piece}"  # "Cadence Design Systems, Inc.": one company
            continue
        if (pieces and (institutions.SYSTEM_END.search(fold(re.sub(r"\bUniv\b\.?", "University", pieces[-1])))
                        or pieces[-1] in ("UC", "UT", "UMass"))
                and not institutions.INSTITUTION_WORDS.search(folded) and not _ADDRESS.search(folded)):
            pieces[-1] = f"{pieces[-1]} {piece}"  # "University of California, San Diego": a campus
        else:
            pieces.append(piece)
    return pieces or [part]


_TOP = re.compile(r"\buniv|\bpolytechn|\bpolitecnico|\binc\b|\bcorp|\bltd\b|\bgmbh\b|\bllc\b|\bcompany\b|"
                  r"\bhospital\b|\bfoundation\b|\bacademy of sciences\b")
"""Words of a whole institution (not of a department, centre or lab inside one)."""


def _runs(words: list[str], owner: list[int], covered: set[int], number: int) -> list[list[str]]:
    """The runs of words of one segment that no registry name covers."""
    runs: list[list[str]] = [[]]
    for i, word in enumerate(words):
        if owner[i] != number:
            continue
        if i in covered:
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def _beside(run: list[str], standing: frozenset[str] | set[str] = frozenset(),
            elsewhere: Callable[[str], bool] | None = None, segment: str = "") -> list[Named]:
    """A whole institution printed in the same segment as a registry one ("U. of Twente & PUC Chile",
    "Zuse Institute Berlin and Technische Universität Berlin"): a university, or a name the field
    prints as an institution on its own, the other registry knows (``elsewhere``: "Inria and ENSTA
    ParisTech", as printed in ``segment``) or a company's ("Sorbonne Universités & LightOn Inc.") joined to
    the registry one by "and"."""
    postcode = next((i for i, word in enumerate(run) if _POSTCODE.fullmatch(word)), None)
    if postcode is not None:  # "Université de Nice Sophia-Antipolis - 06108 Nice Cedex 2": an address follows
        run = run[:postcode]
    if not run:
        return []
    joined = run[0] == "and" or run[-1] == "and"
    while run and run[0] in ("and", "of", "for", "in"):
        run = run[1:]
    while run and run[-1] in ("and", "of", "for", "in"):
        run = run[:-1]
    text = " ".join(run)
    if len(run) < 2 or _UNIT_START.match(text):
        return []
    if (_TOP.search(text) and re.search(r"\buniv", text)) or (joined and new_key(text) in standing):
        return [Named(None, new_key(text), text)]
    pieces = _AND.split(segment)  # the run joined to the registry name by "and"
    return [Named(None, new_key(piece), piece) for piece in pieces[1:] if _words(piece) == run
            and ((elsewhere is not None and elsewhere(piece)) or _a_company(piece))][:1]


def _a_company(piece: str) -> bool:
    """Whether a name is a company's by its legal form or its name's end ("LightOn Inc.", "Bayesian
    Health")."""
    return piece[:1].isupper() and (bool(LEGAL_FORM.search(piece)) or bool(_COMPANY_END.search(piece)))


def _new_names(segment: str, beside_known: bool, standing: frozenset[str] | set[str] = frozenset(),
               after_known: bool = False, elsewhere: Callable[[str], bool] | None = None) -> list[Named]:
    """A segment that names an institution the registry does not know, if it looks like one.

    Beside a registry institution, only a whole institution (a university, a company) counts, or a
    name the field prints as an institution on its own (``standing``) when it comes after the
    registry one (``after_known``) or is joined to another by "and": a centre or school printed
    before its university is part of it ("Booth School of Business, University of Chicago").
    """
    found = []
    segment = _LEADING_LINK.sub("", segment)  # "and IDG/McGovern Institute", "work done at Lancaster"
    if (hosts := _HOSTS_UNIT.fullmatch(segment)) is not None:
        return [Named(None, new_key(hosts[1]), hosts[1])]
    pieces = re.split(r"\s+(?:and|et|und|&)\s+(?:the\s+)?(?=[A-Z])", segment)
    named = [len(pieces) > 1 and elsewhere is not None and elsewhere(p) for p in pieces]
    by_ror = all(named)
    if len(pieces) > 1 and not by_ror and not all(  # by_ror: "University of Turin and Collegio Carlo Alberto"
            (institutions.INSTITUTION_WORDS.search(fold(p)) or _ACRONYM.fullmatch(p) or named[n])
            and (n == 0 or fold(p).split()[:1] != [] and fold(p).split()[0] not in _SUBJECT)
            for n, p in enumerate(pieces)):
        pieces, named = [segment], [False]  # "Institute of Science and Technology Graduate University"
    for piece, by_name in zip(pieces, named, strict=True):
        piece = _before_postcode(piece)
        folded = fold(spelled_out(piece))
        if not folded or len(folded) < 3:
            continue
        headed = _TOP.search(folded) or _HEAD.intersection(folded.split()) \
            or (piece[:1].isupper() and LEGAL_FORM.search(piece))  # "Saab Finland Oy": its country no address
        unnumbered = re.sub(r"\buniversit(?:y|e|a|at|aet|et|eit|ad|ade)\b.* (?:1?[0-9]|20)$",  # "Université
                            lambda m: m.group(0).rsplit(" ", 1)[0], folded)  # Paris 13": no address
        if _UNIT_START.match(folded) or (_STREET_OR_NUMBER.search(unnumbered) if headed
                                          else _ADDRESS.search(folded)):
            continue
        if _KEY_LAB.search(folded):
            continue  # "MIIT Key Laboratory of ...": a unit of the university or institute that hosts it
        if not institutions.INSTITUTION_WORDS.search(folded) and folded not in institutions.ABBREVIATIONS \
                and not ((piece[:1].isupper() or "." in piece) and _COMPANY_END.search(piece)) \
                and not by_name:
            continue
        words = folded.split()
        if all(w in _GENERIC or w in _NO_PLACE for w in words):
            continue  # "Research Labs", "Independent researcher"
        if _NOBODYS_HEADS.intersection(words) and all(w in _NAME_FILLER or w in _NOBODYS for w in words):
            continue  # "AI Lab", "Corporate Research", "Business School": whose? (not "Information Sciences
            # Institute", "Machine Intelligence Research Institute": institutes are named so)
        if words[0] in ("inc", "ltd", "llc", "gmbh", "corp"):
            continue  # "Inc. Pittsburgh": a company's legal form and its town
        key = new_key(piece)
        if beside_known and not _TOP.search(folded) and not _named_for_someone(piece) and (
                key not in standing or not (after_known or len(pieces) > 1)):
            continue  # a centre, school or lab of the institution printed beside it
        if key:
            found.append(Named(None, key, piece))
    return found


_KEY_LAB = re.compile(r"\bkey lab(?:s|oratory|oratories)?\b")
"""A key laboratory (a state's, a ministry's, a city's): a unit hosted by a university or an institute,
never an institution of its own."""
_POSTCODE = re.compile(r"\d{4,6}")
"""A word of digits only, four to six of them: a postal code (a university's number has one or two)."""


def _before_postcode(piece: str) -> str:
    """A name printed with its address in one segment, without the address: what comes before a postal
    code, when that is an institution's name of two words or more ("Université de Nice Sophia-Antipolis -
    06108 Nice Cedex 2")."""
    match = re.search(rf"[\s,–—-]+(?:F-)?{_POSTCODE.pattern}\b", piece)
    if match is None:
        return piece
    before = piece[:match.start()].strip(" ,-–—")
    folded = fold(spelled_out(before))
    if len(folded.split()) >= 2 and institutions.INSTITUTION_WORDS.search(folded) \
            and not _STREET.search(folded):
        return before
    return piece


_LEADING_LINK = re.compile(r"^(?:(?:and|at|with|&)\s+|(?:work )?(?:done|performed)?\s*(?:while )?(?:at|@)\s+|"
                           r"(?:now|also|currently|formerly|previously) (?:at|with)\s+)+(?=[A-Z])",
                           re.IGNORECASE)
"""Words that lead into an institution's name ("and X", "work done at X", "now at X")."""
_NAMED_FOR = re.compile(r"(?:The )?(?:Institut|Institute|Fondation|Foundation|Fundación) "
                        r"(?P<name>[A-Z][a-z]+)")


_SUBJECT_OR_GENERIC = FIELD_OF_STUDY | _GENERIC


def _units_before_new_university(found: list[Named], alone: frozenset[str] | set[str] | None = None
                                 ) -> list[Named]:
    """New names printed before a new university or company (by its legal form) in one part, left out when
    they are no whole institution themselves: its lab, centre or school ("B-DAT Lab, Nanjing University of
    Information Science and Technology", "Seattle AI Lab, FeDA Lab, Kwai Inc."), and, as before a registry
    university, its institute or college when the field never prints that as the one institution of a part
    (``alone``, when it is known: "Heinz Nixdorf Institute, Paderborn University"; not "Zuse Institute Berlin
    and Technische Universität")."""
    new = [n.org_id is None and not n.learned for n in found]
    first = next((i for i, n in enumerate(found) if new[i] and (
        (_TOP.search(n.key) and "univ" in n.key) or (LEGAL_FORM.search(n.printed) and not _UNIT_HEADS & set(
            n.key.split())))), None)
    if first is None:
        return found
    return [n for i, n in enumerate(found)
            if i >= first or not new[i] or _TOP.search(fold(n.printed)) or _named_for_someone(n.printed)
            or not (_UNIT_HEADS.intersection(n.key.split()) or (
                alone is not None and _UNIT_OF_UNIVERSITY.intersection(n.key.split())
                and n.key not in alone))]


_UNIT_OF_UNIVERSITY = frozenset("lab labs laboratory laboratories centre center school group institute "
                                 "foundation college programme program unit".split())
"""Head words of a name printed before its institution's in one part, which may be a unit of it."""
_WHOLE = re.compile(r"\buniv|\bpolytechn|\bpolitecnico|\binc\b|\bcorp|\bltd\b|\bgmbh\b|\bllc\b|\bcompany\b|"
                    r"\bhospital\b|\bacademy\b|\bagency\b|\bcouncil\b")
"""Words of a whole institution, not of one of a university's units (a foundation may be either)."""
_UNIT_HEADS = frozenset("lab labs laboratory laboratories centre center school group".split())
"""Words of a unit's name: a lab, centre, school or group."""


def _named_for_someone(piece: str) -> bool:
    """Whether a name is an institute or foundation named for a person ("Institut Curie", "Institut
    Pasteur"): an institution of its own, not a university's unit, wherever it is printed."""
    match = _NAMED_FOR.fullmatch(piece.strip())
    return match is not None and fold(match["name"]) not in _SUBJECT_OR_GENERIC


def new_key(name: str) -> str:
    """What spellings of an institution the registry does not know share: its words, abbreviations
    written out ("UCSD" and "University of California, San Diego" alike), without a legal form or a
    web domain ("Netflix Inc." and "Netflix", "covariant.ai" and "Covariant" alike)."""
    bare = _AMPERSAND.sub(" and ", without_legal_forms(spelled_out(name).strip()) or name)
    return " ".join(_words(institutions.key(bare)))


def without_legal_forms(name: str) -> str:
    """A company's name without the legal forms that end it, all of them ("Flipkart Internet Pvt. Ltd."
    and "Flipkart Internet Private Limited": Flipkart Internet; "Avira Operations GmbH & Co. KG")."""
    name = LEGAL_FORM.sub("", name).rstrip(" ,&")
    for _ in range(2):  # then legal forms only: "Whisper.ai, Inc." is Whisper.ai, as "Whisper AI" is
        bare = _ANOTHER_LEGAL_FORM.sub("", name).rstrip(" ,&")
        if bare == name:
            break
        name = bare
    return name


def _printed_countries(segments: list[str]) -> frozenset[str]:
    """The countries an affiliation's segments print (ISO codes); a state's code alone means the US or
    Canada."""
    states = any(_STATE.fullmatch(segment) for segment in segments)
    return ror.countries_of(segments) or (frozenset({"US", "CA"}) if states else frozenset())
