"""What a piece of page text is: a date, a clock time, a person's name, an organization, a title.

Dates come in every form pages use ("Wed 1 March 2023", "Oct. 22, 2021", "June 11th", "3/25",
"25/09/2020", "2023-03-01", "March 2023", a bare year in a heading) and keep the precision the page
gives: a ``PartialDate`` may lack its year, or its day. Names are told from titles by their shape
(2-6 capitalised words, particles and initials allowed, no digits) and by the words titles use.
"""

from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, time
from importlib import resources

from rapidfuzz.distance import OSA

from kg.ingest.pages.positions import strip_position
from kg.ingest.resolve import institutions, names

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_FOREIGN_MONTHS = {  # German, Spanish, Italian, French and Portuguese month names, as pages in those
    # languages write them (not the Portuguese "marco" without its cedilla: also a given name)
    1: "januar janvier janv enero gennaio janeiro", 2: "februar février fevrier févr fevr febrero febbraio "
    "fevereiro", 3: "märz maerz marzo mars março", 4: "avril avr abril aprile", 5: "mai mayo maggio maio",
    6: "juni juin junio giugno junho",
    7: "juli juillet juil julio luglio julho", 8: "août aout agosto",
    9: "septembre septiembre setiembre settembre setembro",
    10: "oktober octobre octubre ottobre outubro", 11: "novembre noviembre novembro",
    12: "dezember décembre decembre déc diciembre dicembre dezembro"}
MONTHS.update({word: n for n, words in _FOREIGN_MONTHS.items() for word in words.split()})
_MONTH = (r"(?:" + "|".join(sorted((w for ws in _FOREIGN_MONTHS.values() for w in ws.split()), key=len,
                                     reverse=True))
          + r"|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
MONTH_PATTERN = _MONTH
"""A month's name as pages write it (English, German, Spanish, Italian, French, Portuguese; abbreviated)."""
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?"
_DAY = r"(?<![\d:])(?P<day>[0-3]?\d)(?:\s?(?:st|nd|rd|th)(?![a-z])|er|\.(?=\s))?"
# (not the minutes of "15:30 Jan Krause"; "16 th": an ordinal set apart, "16 <sup>th</sup>")
_YEAR = r"(?:['’‘](?=\d{2}(?!\d)))?(?P<year>(?:19|20)\d{2}|(?<=['’‘])\d{2}(?!\d))"
"""A year: "2019", or abbreviated after an apostrophe ("Jun 7, '19", "May ’21")."""
_YEAR_AFTER_DAY_MONTH = (r"(?:['’‘](?=\d{2}(?!\d)))?(?P<year>(?:19|20)\d{2}|(?<=['’‘])\d{2}(?!\d)|"
                         r"(?<=\s)\d{2}(?![\d:.h]|\s*(?:[ap]\.?m\b|[-–]\s*\d)))")
"""A year after a day and a month: also two digits after a space ("24 Jan 19", British tables), not
an hour ("24 Jan 19:00", "3 May 10 am", "3 May 10-11")."""
DATE_PATTERNS = [
    re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?![\d])"),
    re.compile(rf"(?<![\d/.-])(?P<year>(?:19|20)\d{{2}}),?\s+(?P<month>{_MONTH})(?![a-z])\s*{_DAY}(?!\d|:\d)",
               re.IGNORECASE),  # "2024 Dec.09", "2024, December 9": the year first
    re.compile(rf"(?:{_WEEKDAY},?\s+)?{_DAY}(?:\s*|[-/](?=[^\W\d]))(?:of\s+|de\s+)?(?P<month>{_MONTH})(?![a-z])"
               rf"(?:(?:,?\s*|(?<=[^\W\d])[-/](?=\d))(?:de\s+)?{_YEAR_AFTER_DAY_MONTH})?",
               re.IGNORECASE),  # also "25/Nov/2021", "25-Nov-2021"
    re.compile(rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})(?![a-z])"
               rf"(?:,\s*(?=[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)))?\s*{_DAY}(?!\d|:\d)(?:,?\s*{_YEAR})?",
               re.IGNORECASE),  # "October 10th, 2022"; "October, 10th 2022" only with its year
    re.compile(r"(?<![\d/.:-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d{2})"
               r"(?![\d/.-])"),
    re.compile(rf"(?<![\w])(?P<month>{_MONTH})(?![a-z]),?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"(?<![\d/.:$-])(?P<month>0?[1-9]|1[0-2])[/.-](?P<year>(?:19|20)\d{2})(?![\d/.])"),
    re.compile(r"(?<![\d/.:$])(?P<a>[01]?\d|[23]\d(?=/[01]\d))/(?P<b>[0-3]?\d)(?![\d/.%])"),
    # "3/14", "20/02" (a day past the 19th only before a month of two digits: "24/7" is no day)
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]?"),
    re.compile(rf"(?<![\w])(?P<month>[A-Za-z]{{6,10}})\s+{_DAY}(?!\d|:\d)(?:,?\s*{_YEAR})?"),
    re.compile(rf"{_DAY}\s+(?P<month>[A-Za-z]{{6,10}})(?![\w])(?:,?\s*{_YEAR_AFTER_DAY_MONTH})?"),
    re.compile(r"(?<!\d)(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),  # "12月20日": no year
    re.compile(r"(?<![\w./:#=-])(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
               r"(?![\w./-])"),  # "20190604": ISO 8601's basic form, eight digits alone
]
_NUMERIC_DAY_MONTH = 4
_MONTH_YEAR = 5
_NUMERIC_MONTH_YEAR = 6
_SHORT_NUMERIC = 7
_MISSPELT = (9, 10)
_ORDINAL = r"(?:\s?(?:st|nd|rd|th)(?![a-z]))?"
_DAY_RUNS = [
    re.compile(rf"(?<![\w])(?P<month>{_MONTH})(?![a-z])\s*(?P<first>[0-3]?\d){_ORDINAL}\s*[-–—]\s*"
               rf"(?P<last>[0-3]?\d){_ORDINAL},?\s*{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\d:/.-])(?P<first>[0-3]?\d){_ORDINAL}\s*[-–—]\s*(?P<last>[0-3]?\d){_ORDINAL}\s+"
               rf"(?:of\s+)?(?P<month>{_MONTH})(?![a-z]),?\s*{_YEAR}(?!\d)", re.IGNORECASE),
]
"""A run of days of one month with its year ("April 16-17, 2026", "11–13 Dec 2023"): a meeting of
several days, read as its month where a talk's day in it is unknown (``find_dates(runs=True)``)."""
_LONG_MONTHS = ("january", "february", "august", "september", "october", "november", "december")
"""The English months whose names are long enough that one letter wrong still names them alone."""
TIME = re.compile(
    r"(?<![\d:./-])(?P<hour>[012]?\d)(?:(?P<sep>[:h]|\.(?=\d{2}\s*[ap])|\.(?=[0-5]\d(?![\d.])))(?P<minute>[0-5]\d)(?::[0-5]\d(?!\d))?|"
    r"(?P<french>h|\s?uhr)(?![a-z]))?\s*"
    r"(?P<half>[ap]\.?\s?m\.?(?-i:(?![a-z])))?(?![\d/])", re.IGNORECASE)
"""A clock time: "4:00pm", "16:00", "10am", "16h30", "09:30:00" (its seconds read over), and the French
"18h" and the German "16 Uhr" (the hour alone)."""
TIME_RANGE = re.compile(
    r"(?P<start>[012]?\d(?:[:h.][0-5]\d(?::[0-5]\d)?|h(?![a-z]))?\s*(?:[ap]\.?\s?m\.?)?)\s*"
    r"(?:-|–|—|to|until)\s*"
    r"(?P<end>[012]?\d(?:[:h.][0-5]\d(?::[0-5]\d)?|h(?![a-z]))?\s*(?:[ap]\.?\s?m\.?)?)(?![\d/])",
    re.IGNORECASE)


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the page gives it (any part may be missing)."""

    year: int | None
    month: int | None
    day: int | None

    def iso(self) -> str | None:
        """``YYYY-MM-DD``, ``--MM-DD`` without a year, ``YYYY-MM`` or ``YYYY`` with less."""
        if self.month and self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else \
                f"--{self.month:02d}-{self.day:02d}"
        if self.year and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}" if self.year else None

    def as_date(self) -> date | None:
        """The calendar day, when year, month and day are all known."""
        if self.year and self.month and self.day:
            try:
                return date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def with_year(self, year: int | None) -> PartialDate:
        """The date with a year taken from its context when it has none."""
        return self if self.year or not year else PartialDate(year, self.month, self.day)


@dataclass(frozen=True)
class Found:
    """A match in a text: where it starts and ends, and its value."""

    start: int
    end: int
    value: object


def _month(text: str) -> int | None:
    folded = text.lower().rstrip(".")
    return MONTHS.get(folded) or MONTHS.get(folded[:3])


def misspelt_month(word: str) -> int | None:
    """The month a long English month's name misspelt by one letter names ("Febrary", "Feburary",
    "Septmber", and the Dutch and Swedish "Januari", "Augusti"); None for a month spelt right (the
    other patterns read it) or any other word."""
    folded = word.lower()
    if folded in MONTHS or word_leaning(word) is not None:
        return None  # a month spelt right, or a word of names or titles ("Augustin")
    close = [n for n, name in enumerate(_LONG_MONTHS) if OSA.distance(folded, name) <= 1]
    return MONTHS[_LONG_MONTHS[close[0]]] if len(close) == 1 else None


def month_number(name: str | None) -> int | None:
    """The number of a month named as pages write it ("Sept." → 9, "outubro" → 10)."""
    return _month(name) if name else None


def _valid(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is not None and not 1950 <= year <= 2100:
        return None
    return PartialDate(year, month, day)


def find_dates(text: str, day_first: bool = False, short_numeric: bool = True,
               runs: bool = False) -> list[Found]:
    """Every date written in ``text``, in order, overlapping matches dropped; with ``runs``, a run of
    days with its year ("April 16-17, 2026") is its month (a talk given at a meeting of several
    days, as a personal list writes it), else as the patterns of single days read it."""
    found: list[Found] = []
    for run in _DAY_RUNS if runs else ():
        for match in run.finditer(text):
            month, first, last = _month(match["month"]), int(match["first"]), int(match["last"])
            value = _valid(int(match["year"]), month, None) if 1 <= first < last <= 31 else None
            if value is not None and not any(f.start < match.end() and match.start() < f.end for f in found):
                found.append(Found(match.start(), match.end(), value))
    for n, pattern in enumerate(DATE_PATTERNS):
        if n == _SHORT_NUMERIC and not short_numeric:
            continue
        for match in pattern.finditer(text):
            if any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            value = _date_of(n, match, day_first)
            if value is not None:
                found.append(Found(match.start(), match.end(), value))
    return _shared_years(sorted(found, key=lambda f: f.start), text)


_JOINED_DAY = re.compile(r"(?:\s*(?:,|&|and|or|und|et|y|e)\s*(?:the\s+)?(?P<day>[0-3]?\d)"
                         r"(?:st|nd|rd|th)?(?![\d:.]))+,?\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
"""Later days of the same month and their year after a first day ("October 13th and 27th, 2022",
"March 3, 10 and 17, 2021"; a run "June 3–4, 2021" stays its first day without the year, which
``runs`` reads as the run's month and ``when.stated_run`` as the days of a meeting)."""
_JOINER = re.compile(r"\s*(?:,|&|and|or|und|et|y|e)\s*", re.IGNORECASE)


def _shared_years(found: list[Found], text: str) -> list[Found]:
    """The dates with the year of the day they are joined to: "June 2 and June 23, 2022" and
    "October 13th and 27th, 2022" write the year once for both days, so the first is of 2022 too
    (when it comes no later in the year than the day that states the year)."""
    shared = list(found)
    for n in range(len(shared) - 1, -1, -1):
        date_ = shared[n].value
        if not isinstance(date_, PartialDate) or date_.year or not (date_.month and date_.day):
            continue
        year: int | None = None
        after = shared[n + 1] if n + 1 < len(shared) else None
        later = after.value if after is not None else None
        if isinstance(later, PartialDate) and later.year and later.month \
                and _JOINER.fullmatch(text[shared[n].end:after.start]):  # type: ignore[union-attr]
            year = later.year if (later.month, later.day or 31) >= (date_.month, date_.day) else None
        else:
            joined = _JOINED_DAY.match(text, shared[n].end)
            if joined and (after is None or after.start >= joined.end()):
                year = int(joined["year"]) if int(joined["day"]) > date_.day else None
        if year is not None:
            shared[n] = Found(shared[n].start, shared[n].end, PartialDate(year, date_.month, date_.day))
    return shared


def _date_of(n: int, match: re.Match[str], day_first: bool) -> PartialDate | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if year is not None and year < 100:
        year += 2000 if year < 70 else 1900
    if n in (_NUMERIC_DAY_MONTH, _SHORT_NUMERIC):
        a, b = int(groups["a"]), int(groups["b"])
        if n == _NUMERIC_DAY_MONTH and match.group(0).count(".") and not day_first:
            day_first = True  # 25.09.2020 is European
        first_is_day = a > 12 or (day_first and b <= 12)
        told = _weekday_before(match) if a <= 12 and b <= 12 and year else None
        if told is not None:  # "Friday, 05/03/2021": the order whose day is a Friday
            fits = [order for order in ((a, b), (b, a)) if _weekday(year, order[1], order[0]) == told]
            if len(fits) == 1:
                first_is_day = fits[0] == (a, b)
        day, month = (a, b) if first_is_day else (b, a)
        return _valid(year, month, day)
    if n == _MONTH_YEAR:
        return _valid(year, _month(groups["month"]), None)
    if n == _NUMERIC_MONTH_YEAR:
        return _valid(year, int(groups["month"]), None)
    if n in _MISSPELT:  # "Febrary 1", "1 Feburary 2024"
        return _valid(year, misspelt_month(groups["month"]), int(groups["day"]))
    named: int | None = None
    if groups.get("month"):
        named = int(groups["month"]) if groups["month"].isdigit() else _month(groups["month"])
    return _valid(year, named, int(groups["day"]) if groups.get("day") else None)


_WEEKDAY_BEFORE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$", re.IGNORECASE)
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_before(match: re.Match[str]) -> int | None:
    """The weekday named just before a date ("Friday, 05/03/2021"), Monday being 0."""
    named = _WEEKDAY_BEFORE.search(match.string[max(0, match.start() - 12):match.start()])
    return _WEEKDAY_NAMES.index(named.group(1).lower()) if named else None


def _weekday(year: int | None, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday() if year else None
    except ValueError:
        return None


def find_times(text: str) -> list[Found]:
    """Clock times in ``text`` ("4:00pm", "16:00", "10am", "16h30"), ranges giving their start."""
    text = re.sub(r"(?<![\d:.])12(\s?)noon\b", r"12\1p.m.", text,
                  flags=re.IGNORECASE)  # "12noon", "12 noon": as long as "12p.m.", offsets stay true
    text = re.sub(r"\bnoon\b", "12pm", text, flags=re.IGNORECASE)  # same length: offsets stay true
    found: list[Found] = []
    for match in TIME_RANGE.finditer(text):
        end_half = re.search(r"[ap]", match["end"], re.IGNORECASE)
        start = parse_time(match["start"], end_half.group(0).lower() + "m" if end_half else None)
        end = parse_time(match["end"])
        if start is None or end is None or not re.search(r"[:h.apAP]", match["start"] + match["end"]):
            continue
        if start > end and not re.search(r"[ap]", match["start"], re.IGNORECASE):
            start = parse_time(match["start"]) or start
        found.append(Found(match.start(), match.end(), (start, end)))
    for match in TIME.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        if not (match["minute"] or match["half"] or match["french"]):
            continue
        if match["french"] and not match["half"] and int(match["hour"]) < 8:
            continue  # "a 2h tutorial": a length of time, not a clock time
        if match["sep"] == "." and not match["half"] and (
                int(match["minute"]) % 5 or not 8 <= int(match["hour"]) <= 22):
            continue  # "4.12", "10.11": a day and a month, not a clock time
        value = parse_time(match.group(0))
        if value is not None:
            found.append(Found(match.start(), match.end(), (value, None)))
    return sorted(found, key=lambda f: f.start)


def parse_time(text: str, default_half: str | None = None) -> time | None:
    """"12:30 pm", "1 PM", "13:30", "16h30" → a time; ``default_half`` for a bare "1:30"."""
    match = TIME.search(text.strip())
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or default_half or "").lower().replace(".", "").replace(" ", "")
    clock = match["sep"] or match["french"]
    if not half and 1 <= hour <= 7 and clock and not match["hour"].startswith("0"):
        half = "pm"  # "at 2:00", "1.20 - 1.40": talks are not held at two in the morning
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


# --- names ------------------------------------------------------------------------------------

HONORIFICS = re.compile(r"^(?:(?:A/Prof|Prof(?:essor)?|Drs|Dr|"
                        r"Mr|Ms|Mrs|Mme|Sir|Dame|Assoc\.? Prof|Asst\.? Prof|Ing|Dott(?:\.ssa|ssa)?|Dra|"
                        r"M\.\s?Sc|MSc|B\.\s?Sc|BSc)"
                        r"\.?\s+)+", re.IGNORECASE)
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "di", "da", "del", "della", "le", "la", "du",
                        "dos", "das", "bin", "al", "el", "y", "ten", "ter", "zu", "st", "d'", "l'",
                        "mac", "af", "av", "e"})
# Words of talk and paper titles that are nobody's name: a capitalised run holding one is a title.
TITLE_WORDS = frozenset("""
a an the of for and or in on with via to from by at as into towards toward beyond without under
over through between is are can do does how what why when where which who we our your my is it
learning learn learned deep machine neural network networks model models theory theoretical data
optimization optimal inference bayesian statistical statistics analysis algorithm algorithms
estimation regression methods method approach approaches problems problem systems system
reinforcement generative graph graphs kernel kernels gradient descent stochastic random linear
convex nonconvex sparse high dimensional dimension representation representations language
large scale sampling causal causality transformer transformers attention training adversarial
robust robustness privacy private fairness fair quantum control dynamics dynamical process
processes gaussian matrix tensor introduction tutorial lecture talk keynote seminar workshop
session panel discussion break lunch coffee poster posters opening closing remarks welcome
applications application design efficient fast scalable provable guarantees bounds complexity
information entropy geometry geometric topology distribution distributions function functions
space spaces mean field limit limits physics science scientific vision image images video
detection classification clustering prediction predictive forecasting planning search games
game policy policies value values agents agent multi self supervised unsupervised semi
transfer meta federated online offline active bandit bandits evolution evolutionary hypothesis
testing test tests new recent advances perspective perspectives understanding towards part
medical health climate brain cognitive computational computation computing computer
""".split())
_NOT_NAME = frozenset("""
hello hallo hi hey dear liebe lieber hola ciao bonjour salut grüße grüsse gruesse regards cheers
greetings saludos danke merci gracias obrigado
university institute college school department lab laboratory centre center research group
abstract speaker speakers title biography bio slides video paper papers recording zoom room
schedule program programme agenda calendar news home contact organizers organisers committee
tbd tba tbc sponsors venue location date time place registration talks upcoming past previous
youtube link links pdf code here more details semester term hall building library street avenue
drive road campus auditorium topic topics email phone participants participant students student
staff faculty manager group groups audience interest interests contact registration members
selected award awards important dates submission submissions instructions deadline deadlines
professor associate assistant adjunct emeritus visiting postdoc postdoctoral lecturer researcher
scientist engineer candidate director
morning afternoon evening tea breakfast tour breaker reception dinner drinks project final
week day monday tuesday wednesday thursday friday saturday sunday inc ltd gmbh llc corp
theater theatre office hours course courses meetup networking session sessions discussion discussions
presentation presentations hotline lecture lectures tutorial tutorials panel break lunch coffee poster
posters introduction remarks welcome opening closing equation equations dear hello thanks
""".split())
_COUNTRIES = frozenset({
    "united states", "united states of america", "united kingdom", "saudi arabia", "united arab emirates",
    "south korea", "north korea", "republic of korea", "south africa", "new zealand", "hong kong",
    "czech republic", "costa rica", "puerto rico", "sri lanka", "el salvador", "the netherlands",
    "great britain", "northern ireland", "ivory coast", "dominican republic", "bosnia and herzegovina",
})
"""Countries named in two words or more, which a talk list prints beside a city as a person's name
is printed ("Lemont, United States"); one-word countries are no names already."""
_NOUN_ENDING = re.compile(r"(?:tions?|sions?|ments?|ness|ities|ity|ology|isms?)$")
"""Endings of English nouns ("Intervention", "Assumptions"), which no surname has."""
_NICKNAME = re.compile(r"\s+\([A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?\)(?=\s)")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|[^\W\d_]\.(?:[^\W\d_]\.)*)$")
_CJK_CHARS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK = re.compile(rf"^(?:[{_CJK_CHARS}]{{2,4}}|[{_CJK_CHARS}]{{1,4}}\s[{_CJK_CHARS}]{{1,5}})$")
"""A name in Chinese, Japanese or Korean script ("王小明", "山田 太郎", "김웅희")."""
_CJK_ORGANIZATION = re.compile(r"大学|大學|研究|学院|學院|中心|协会|協会|学会|學會|公司|会社|"
                               r"[所院会會部室系]$|대학|연구|학회|센터")
"""Words of an institution's name in those scripts ("統計数理研究所")."""
_CJK_NOT_NAME = re.compile(r"開会|閉会|開幕|閉幕|休憩|昼食|懇親|茶歇|午餐|链接|鏈接|連結|リンク|"
                           r"论文|論文|介绍|紹介|内容|活动|活動|报告|報告|讲座|講座|講演|ポスター|"
                           r"セッション|휴식|점심|링크|논문|소개")
"""Words of a programme's items in those scripts, as "closing", "lunch", "link", "paper" are in English
("閉会式", the closing ceremony; "链接", a link): no person's name."""
_CJK_BESIDE = re.compile(rf"\s*[(（]?[{_CJK_CHARS}]{{2,5}}(?:\s?[{_CJK_CHARS}]{{1,4}})?[)）]?\s*$")
"""The same name in its own script after a Latin one ("Wang Xiaoming 王小明")."""


_CJK_HONORIFIC = re.compile(rf"(?<=[{_CJK_CHARS}]{{2}})\s?"
                            r"(?:先生|老师|老師|教授|博士|氏|さん|様|님|교수님|교수|박사)$")
"""The titles written after a name in Chinese, Japanese or Korean ("山田 太郎 先生", "김웅희 교수")."""


def strip_honorifics(text: str) -> str:
    """A printed name without "Prof." or "Dr." in front, the positions around it ("Associate
    Professor ...", "..., PhD": ``positions``), the titles after a name in CJK script ("先生", "氏",
    "교수") and marks around it."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:*_–-\"'“”")
    return _CJK_HONORIFIC.sub("", strip_position(HONORIFICS.sub("", text).strip())).strip()


@functools.lru_cache(maxsize=1 << 15)
def is_name(text: str) -> bool:
    """Whether ``text`` reads as one person's name ("Ada Lovelace", "J. van der Berg", "김웅희")."""
    text = _NICKNAME.sub("", strip_honorifics(text))
    if _CJK.match(text):
        return not _CJK_ORGANIZATION.search(text) and not _CJK_NOT_NAME.search(text)  # "統計数理研究所"
        # is an institute, "閉会式" a closing ceremony
    if _CJK_BESIDE.search(text) and re.search(r"[A-Za-z]", text):
        text = _CJK_BESIDE.sub("", text)
    if not text or len(text) > 50 or re.search(r"[\d@:;!?|/\\()\[\]{}<>=+#$%&*\"“”]", text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 6 or " ".join(words).lower().strip(".,") in _COUNTRIES:
        return False
    capitals = 0
    for word in words:
        folded = word.lower().strip(".,")
        if re.fullmatch(r"(?:[^\W\d_]\.-?)+|[^\W\d_]", word) and word[0].isupper():
            capitals += 1  # an initial: "A.", "J.-P."
            continue
        if folded in _NOT_NAME or folded in TITLE_WORDS and folded not in _PARTICLES:
            return False
        if folded in _PARTICLES or folded in ("d'", "o'"):
            continue
        if word.endswith(".") and len(word) > 3 and folded not in ("jr", "sr", "st", "ste"):
            return False  # "Brunskill. Careful Pessimism": a sentence ends inside
        if re.fullmatch(r"[dlDL]['’][^\W\d_][\w-]+", word):
            capitals += 1  # "d'Aspremont"
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            if not (capitals and word.isalpha() and word.islower() and len(word) > 2
                    and words[words.index(word) - 1].lower() in _PARTICLES):
                return False
        if word.isupper() and len(word) > 3 and "." not in word and "-" not in word:
            continue  # a surname in capitals ("Wang GAO")
        capitals += 1
    last = words[-1].lower().strip(".,")
    if len(last) > 6 and _NOUN_ENDING.search(last) and word_leaning(last) != "name":
        return False  # "Time-Point Intervention", "Light-tail Assumptions": a title's words
    if any(len(w) > 6 and w.lower().endswith("ing") and word_leaning(w) == "title" for w in words):
        return False  # "Investigating Influencer VPN Ads", "PIN Threat Modeling": a verb's -ing
    if re.fullmatch(r"[A-Z]{2}", words[-1]) and word_leaning(words[-1]) != "name":
        return False  # "Winnipeg MB": a city and its province, not a name
    shouted = all(w.isupper() and "." not in w for w in words)
    if (capitals == 0 and not shouted) or not _has_name_words(words) or VENUE_WORD.search(text):
        return False
    if _ORGANIZATION_WORD.search(fold(text)) or institutions.key(text) in institutions.ABBREVIATIONS:
        return False
    if shouted:  # "ADA LOVELACE": a name in capitals, when (nearly) all its words are names' words
        return sum(word_leaning(w) == "name" for w in words) >= max(1, len(words) - 1)
    return True


def is_given_name(text: str) -> bool:
    """Whether ``text`` is one word that can be a person's first name ("Zach", "Jesús"): where the
    page says a person stands (a ``Speaker:`` label, a Presenter column), a reading group's first
    name is a speaker."""
    word = strip_honorifics(text)
    if not re.fullmatch(r"[^\W\d_][^\W\d_'’-]{1,19}", word) or not word[0].isupper() or word.isupper():
        return False
    folded = word.lower()
    return folded not in _NOT_NAME and folded not in TITLE_WORDS and word_leaning(word) != "title" \
        and not is_placeholder(word) and not VENUE_WORD.search(word)


@functools.lru_cache(maxsize=1)
def _word_counts() -> dict[str, tuple[int, int]]:
    """How often each word is a word of an author's name and of a paper title, in the real
    bibliographies of the field (``bench/name_words.py`` builds the file)."""
    raw = gzip.decompress(resources.files("kg.ingest.pages").joinpath("name_words.tsv.gz").read_bytes())
    counts = {}
    for line in raw.decode("utf-8").splitlines():
        word, names, titles = line.split("\t")
        counts[word] = (int(names), int(titles))
    return counts


def word_leaning(word: str) -> str | None:
    """``name`` for a word that is mostly a word of people's names ("Felix", "Chen"), ``title``
    for one mostly found in paper titles ("Principal", "Practices"), ``None`` when unknown or
    mixed."""
    key = unicodedata.normalize("NFKD", word.strip(".,'’-")).casefold()
    key = "".join(c for c in key if not unicodedata.combining(c))
    names, titles = _word_counts().get(key, (0, 0))
    if names and names >= titles:
        return "name"
    if titles and (names == 0 or titles > 3 * names):
        return "title"
    return None


def _has_name_words(words: list[str]) -> bool:
    """Whether the words of a would-be name hold a word of people's names, or at least no word
    that only titles use ("Best Practices", "Principal Component" are titles)."""
    leanings = [word_leaning(w) for w in words if len(w.strip(".")) > 1 and w.lower() not in _PARTICLES]
    return "name" in leanings or 2 * leanings.count("title") <= len(leanings)


VENUE_WORD = re.compile(
    r"\b(?:conference|meeting|symposium|workshop|seminars?|colloquium|society|annual|international|"
    r"summit|forum|congress|webinar|lightning|lunch|keynote|plenary|orientation|retreat)\b", re.IGNORECASE)
"""Words of the names of meetings and venues, never of people's names."""

TITLE_WORDS_OF_ORGS = frozenset({"institute", "research", "science", "sciences", "technology", "national",
                                  "center", "centre", "school", "college", "laboratory", "lab", "department",
                                  "computer", "mathematics", "statistics", "engineering", "data", "applied",
                                  "artificial", "intelligence", "learning", "machine", "of", "and", "for"})


_ORGANIZATION_WORD = re.compile(
    r"\b(?:universit\w*|institut\w*|college|lab|labs|laboratory|inc|corp\w*|research|school|"
    r"cent(?:er|re)|foundation|academy|google|microsoft|meta|amazon|ibm|deepmind|openai|nvidia|"
    r"inria|cnrs|polytechni\w*|hospital|company|group|department|tech|technology|technologies|"
    r"ecole|hochschule|instituto|istituto|politecnico|normale|superieure|eth|epfl|kth|kaist|technion|"
    r"riken|csail|max planck)\b")


def is_organization(text: str) -> bool:
    """Whether ``text`` names an institution or a company ("MIT", "Google Brain", "U. Toronto"); a
    string made mostly of title words ("Informing inter-hospital transfer using ...") is none."""
    text = text.strip(" ,;()")
    if not text or len(text) > 120 or is_name(text):
        return False
    words = re.findall(r"[^\W\d_][\w'’]*", text)
    titled = sum(1 for w in words if word_leaning(w) == "title" and w.lower() not in TITLE_WORDS_OF_ORGS)
    if titled >= 3 and 2 * titled > len(words):
        return False
    if institutions.is_institution(text) or fold(text) in institutions.ABBREVIATIONS:
        return True
    words = text.split()
    return len(words) <= 3 and all(w.isupper() and w.isalpha() and len(w) >= 2 for w in words)


_ROLE_WORD = re.compile(
    r"\b(?:student|postdoc\w*|professor|prof|phd|candidate|visiting|visitor|fellow|intern|lecturer|"
    r"emerit\w*|scientist|engineer|researcher|director|faculty|alumn\w*|undergrad\w*|grad|member|"
    r"slides?|notes?|exercises?|demo|videos?|pdf|examples?|code|recording|presented|joint)\b|"
    r"\s(?:at|@|by|with)\s|[;/|]", re.IGNORECASE)
"""Words of a person's position ("grad student at NCSU", "team member") or of a talk's material
("Slides; Examples", "presented by ..."): a bracket saying them holds no title."""


def bracket_holds_title(text: str) -> bool:
    """Whether the bracket after a speaker's name holds the talk's title ("Ada Lovelace (Lie
    algebra cohomology)") rather than an affiliation ("Ada Lovelace (MIT)", "(grad student at
    NCSU)"): it names no organization, unit, position or material, it has two words or more, a
    title word among them and a word in lower case (a place or a company has none)."""
    text = text.strip(" ,;()")
    folded = fold(text)
    if not text or len(text) > 200 or _ROLE_WORD.search(text) \
            or institutions.INSTITUTION_WORDS.search(folded) or _ORGANIZATION_WORD.search(folded):
        return False
    parts = [part.strip() for part in re.split(r"[,;/]", text) if part.strip()]
    if any(is_organization(part) or institutions.is_unit(part) for part in parts):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    titled = sum(1 for w in words if word_leaning(w) == "title")
    lower = [w for w in words if w.islower() and len(w) >= 4]
    return titled >= 1 and len(words) >= 2 and bool(lower) and not is_name(text)


fold = names.fold
"""Lower case ASCII, accents and punctuation off, spaces collapsed: for comparing printed text
(the name resolver's own folding, so a page and a bibliography compare alike)."""


_UNKNOWN = (r"(?:t\.?b\.?[adc]\.?|to be (?:announced|determined|confirmed|decided|updated|posted)|"
            r"coming soon|to follow|to come|forthcoming|will be (?:announced|posted|updated)|"
            r"(?:more )?info(?:rmation)? soon|stay tuned)(?:\W+soon)?")
PLACEHOLDER = re.compile(
    rf"^\W*(?:{_UNKNOWN}|(?:(?:talk|seminar)\s+)?(?:details|title|topic|abstract|info)s?"
    rf"(?:\s*(?:and|&|/)\s*(?:title|abstract|details)s?)?\W*{_UNKNOWN}|"
    r"n/?a|none|\?+|-+|…|\.\.\.|cancell?ed|postponed)(?:\W+t\.?b\.?[adc])?\W*(?:\([^()]{0,60}\)\W*)?$",
    re.IGNORECASE)


def is_placeholder(text: str | None) -> bool:
    """Whether a field's text only says it is not known yet ("TBD", "Talk details coming soon")."""
    return text is None or not text.strip() or bool(PLACEHOLDER.match(text.strip()))
