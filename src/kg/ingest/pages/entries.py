"""One piece of page text → the fields it states: speakers, title, date, time, place, links.

A piece is a list item, a paragraph, a heading, a table cell or a labelled line. Labels
(``Speaker:``, ``Title:``, ``When:``...) say what a value is; otherwise the text is cut at the
separators people use between fields (" - ", ": ", "|", line breaks, a date), without cutting
inside bold, italics, links or quotes, and each part is read by its content: a date, a clock time,
a person's name (with an affiliation in brackets or after a comma), an organization, or words of a
title. The title is the marked part (bold, italics, quotes, a link) that is no name, else the
longest part left; a title found that way is marked as guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.ingest.pages.blocks import Span
from kg.ingest.pages.fields import (
    _PARTICLES,
    PartialDate,
    find_dates,
    find_times,
    fold,
    is_given_name,
    is_name,
    is_organization,
    is_placeholder,
    strip_honorifics,
    word_leaning,
)
from kg.ingest.pages.positions import is_position

LABELS = {
    "speaker": "speaker", "speakers": "speaker", "presenter": "speaker", "presenters": "speaker",
    "lecturer": "speaker", "invited speaker": "speaker", "keynote speaker": "speaker",
    "speaker name": "speaker", "who": "speaker", "guest": "speaker", "name": "speaker",
    "orateur": "speaker", "intervenant": "speaker", "presented by": "speaker", "by": "speaker",
    "title": "title", "talk title": "title", "talk": "title", "topic": "title", "titre": "title",
    "paper": "paper", "papers": "paper", "reading": "paper", "relevant papers": "paper",
    "authors": "authors", "author": "authors", "abstract": "abstract", "summary": "abstract",
    "résumé": "abstract", "description": "abstract",
    "bio": "bio", "biography": "bio", "short bio": "bio", "speaker bio": "bio", "about the speaker": "bio",
    "date": "date", "when": "date", "day": "date", "date and time": "date", "date & time": "date",
    "time": "time", "hour": "time", "heure": "time",
    "where": "place", "location": "place", "room": "place", "place": "place", "venue": "place",
    "lieu": "place", "salle": "place",
    "affiliation": "affiliation", "institution": "affiliation", "organization": "affiliation",
    "from": "affiliation", "host": "host", "hosted by": "host", "hosts": "host", "chair": "host",
    "slides": "slides", "video": "video", "recording": "video", "zoom": "online", "link": "page",
}
LABEL_WORDS: dict[str, dict[str, str]] = {
    "speaker": {
        "de": "vortragender vortragende vortragenden referent referentin referenten sprecher sprecherin",
        "fr": "orateur oratrice orateurs intervenant intervenante intervenants conférencier conférencière "
              "conférenciers",
        "es": "ponente ponentes conferenciante orador oradora expositor expositora conferencista por",
        "pt": "palestrante palestrantes apresentador apresentadora",
        "it": "relatore relatrice relatori oratore",
        "nl": "spreker sprekers", "pl": "prelegent prelegentka", "ru": "докладчик докладчица лектор спикер",
        "zh": "报告人 主讲人 主講人 演讲者 演講者 讲者 講者 分享人 讲师 講師 "
              "嘉宾 嘉賓 主讲嘉宾 演讲嘉宾 报告嘉宾 发言人 主讲",
        "ja": "講演者 発表者 登壇者 スピーカー", "ko": "발표자 연사 강연자 강사",
    },
    "title": {
        "de": "titel thema", "fr": "titre sujet", "es": "título titulo tema", "pt": "título titulo tema",
        "it": "titolo", "nl": "titel onderwerp", "ru": "название тема",
        "zh": "题目 標題 标题 題目 主题 主題 讲题 講題", "ja": "演題 タイトル 題名 テーマ", "ko": "제목 주제",
    },
    "date": {
        "de": "datum wann", "fr": "quand", "es": "fecha cuándo", "pt": "data", "it": "data", "ru": "дата",
        "zh": "日期 时间 時間", "ja": "日時 日程 日付 開催日", "ko": "일시 날짜",
    },
    "time": {
        "de": "zeit uhrzeit", "fr": "horaire", "es": "hora horario", "pt": "hora horário horario",
        "it": "orario", "ru": "время", "ko": "시간",
    },
    "place": {
        "de": "ort raum", "fr": "local", "es": "lugar sala", "pt": "local sala", "it": "luogo aula sala",
        "ru": "место", "zh": "地点 地點 场地 會場 会场 会议室", "ja": "場所 会場", "ko": "장소",
    },
    "abstract": {
        "de": "zusammenfassung kurzfassung", "es": "resumen", "pt": "resumo", "it": "riassunto sommario",
        "ru": "аннотация", "zh": "摘要 内容简介 內容簡介", "ja": "概要 アブストラクト", "ko": "요약 초록",
    },
    "bio": {
        "de": "biografie", "es": "biografía biografia", "pt": "biografia", "it": "biografia",
        "zh": "简介 簡介 个人简介 個人簡介", "ja": "略歴 経歴", "ko": "약력",
    },
    "affiliation": {
        "it": "affiliazione", "es": "afiliación afiliacion filiación institución", "zh": "单位 單位 机构",
        "ja": "所属", "ko": "소속",
    },
    "host": {"zh": "主持人 主持", "ja": "司会", "ko": "사회"},
    "paper": {"zh": "论文 論文", "ko": "논문"},
}
"""The labels of pages in other languages by field and language ("Referent:", "Ponente:", "报告人：",
"발표자:"); a CJK label may also name the occasion first ("报告题目", "발표 제목", "開催日時"), see
``label_field``."""
LABELS.update({word: name for name, languages in LABEL_WORDS.items()
               for words in languages.values() for word in words.split()})
_OCCASION = re.compile(r"^(?:报告|報告|讲座|講座|演讲|演講|讲演|講演|活动|活動|发表|発表|"
                       r"開催|举办|舉辦|会议|會議|발표|강연|세미나|행사)\s?(?=\S)")
"""The occasion a CJK label names before its field: the talk's ("报告时间", "講演タイトル", "발표 제목")."""
_ABOUT = re.compile(r"(?:简介|簡介|介绍|介紹|紹介|소개)$")
"""A CJK label's ending "about ...": "报告人简介" is the speaker's biography."""
_GENDER = re.compile(r"\s?(?:\((?:r|n|e|in|innen|a|as|os)\)|[·.](?:e|es|rice|trice|in|innen))$")
"""The marks that write a label for both genders ("Vortragende(r)", "Intervenant(e)",
"Intervenant·e"). The English plural "Speaker(s)" was tried and left out: on a page of the check half
it stands over the speaker's biography, which then replaced the name and affiliation read above."""


def label_field(label: str) -> str | None:
    """The field a label names, in any language of ``LABELS``: "Speaker", "Vortragende(r)",
    "Orateur/Oratrice", "报告题目", "발표 제목" (``None`` when it is no label)."""
    text = _GENDER.sub("", re.sub(r"\s+", " ", label.strip().lower()))
    found = LABELS.get(text)
    if found is None and "/" in text:  # "Orateur/Oratrice", "Date/Time": one field written twice
        names = {label_field(part) for part in text.split("/") if part.strip()}
        found = names.pop() if len(names) == 1 else None
    if found is None and _OCCASION.match(text):
        found = LABELS.get(_OCCASION.sub("", text))
    if found is None and _ABOUT.search(text) and label_field(_ABOUT.sub("", text)) == "speaker":
        found = "bio"
    return found


_LABEL = re.compile(r"^\W{0,3}(?P<label>[^\W\d_](?:[^\W\d_]|[ &/·]){1,25}?(?:\([^\W\d_]{1,6}\))?)"
                    r"(?P<number>\s+#?\d{1,2})?\s*[:：]\s*(?P<value>.*)$",
                    re.DOTALL)
_STRONG_SEPARATOR = re.compile(r"\s+[-–—]{1,2}\s+|\s*[|•·]\s*|\n|\s*;\s+|\s+/\s+|(?<=\w)[-–—]{2}(?=\w)|"
                               r"(?<=\w)\s*~\s+(?=[^\W\d])")  # "Date - Name ~ Title"
_COLON = re.compile(r"\s*:\s+")
QUOTED = re.compile(r"[“\"„][^“”\"„]{3,}[”\"“]|``[^']{3,}''|‘[^’]{6,}’|«[^»]{3,}»")
LINK_WORDS = re.compile(r"^\W*(?:slides?|video|recording|youtube|pdf|paper|arxiv|preprint|code|"
                         r"seminar|invited talk|keynote|tutorial|lecture|journal club|reading group|"
                         r"webinar|colloquium|presentation|contributed talk|spotlight|oral|"
                         r"abstract|bio|zoom(?: link)?|link|notes|poster|webpage|website|homepage|"
                         r"ref|references?|watch|details|more|here|register|registration|"
                         r"calendar|ics|livestream|stream|streaming|online|recorded|talk|e-?mail|"
                         r"phone|contact|map it|map)\W*$",
                         re.IGNORECASE)
MEDIA = {"slides": re.compile(r"slide|\.pptx?$|speakerdeck|slideshare", re.I),
         "video": re.compile(r"video|youtu|vimeo|recording|bilibili|panopto|watch", re.I),
         "paper": re.compile(r"arxiv|doi\.org|paper|openreview|proceedings|\.pdf$|pdf", re.I)}


@dataclass
class Person:
    """A speaker as printed, with the affiliation and homepage printed beside the name."""

    name: str
    affiliation: str | None = None
    homepage: str | None = None


@dataclass
class Fields:
    """What one piece of text (or a group of pieces) states about a talk."""

    speakers: list[Person] = field(default_factory=list)
    title: str | None = None
    date: PartialDate | None = None
    time: dt.time | None = None
    end: dt.time | None = None
    place: str | None = None
    abstract: str | None = None
    bio: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    labels: set[str] = field(default_factory=set)
    guessed: set[str] = field(default_factory=set)
    title_open: bool = False
    """The page says the title is not known yet (TBD, TBA...)."""
    papers: list[str] = field(default_factory=list)
    paper_authors: list[str] = field(default_factory=list)
    """Authors of the paper a talk presents (reading groups: "Authors: A, B")."""
    linked_papers: list[tuple[str, str, int]] = field(default_factory=list)
    """Papers listed under a talk as links to them: (title, address, line)."""

    @property
    def empty(self) -> bool:
        """Whether nothing was found."""
        return not (self.speakers or self.title or self.date or self.time or self.labels)


def label_of(text: str) -> tuple[str, str] | None:
    """``(field, value)`` when text is a labelled line ("Speaker: Ada Lovelace")."""
    match = _LABEL.match(text)
    if not match:
        return None
    name = label_field(match["label"])
    if match["number"] and name not in ("speaker", "title"):
        return None  # "Talk 2:" and "Speaker 1:" label one of a numbered series; "Day 1:" is no date
    return (name, match["value"].strip()) if name else None


_INLINE_FIELDS = ("speaker", "title", "abstract", "date", "time", "place", "affiliation", "authors")
_INLINE_LABEL = re.compile(r"(?:(?<=[.;|)\]])\s+|\s+[-–—|·•]\s+|\s*\|\s*|(?P<comma>\s*,\s+))"
                           r"(?=(?P<label>[^\W\d_][^\W\d_ ]{1,15}"
                           r"(?: [^\W\d_]{2,15})?)\s*[:：]\s+\S)")


def inline_labels_apart(text: str) -> str:
    """One line whose fields are labelled after its first words ("(Jun 7) Neural ODEs by Chen et
    al. Presenter: Ada Lovelace.", "Notes on engines | Speaker: Ada Lovelace"), each label put at
    the start of its own line, so that the labels are read as on a page of labelled lines."""
    cuts = [m.start() for m in _INLINE_LABEL.finditer(text)
            if m.start() > 0 and label_field(m["label"]) in _INLINE_FIELDS
            and m["label"].lower() not in ("by", "from", "name", "who", "talk", "day")
            and not (m["comma"] and label_field(m["label"]) not in ("speaker", "date", "time", "place"))]
    if not cuts:
        return text
    pieces, last = [], 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return "\n".join(p.strip(" |·•-–—") for p in pieces if p.strip(" |·•-–—"))


_AUTHORS_TAIL = re.compile(r"^(?P<title>.{8,}?)\s+by\s+(?P<authors>[^\W\d_].{1,150}?)"
                           r"(?:,\s*(?P<venue>[^,]*\d{2}[^,]*))?\W*$")


def authors_apart(title: str) -> tuple[str, list[str]]:
    """A presented paper's title without its authors after "by" ("Neural ODEs by Chen, Rubanova
    and Duvenaud, NeurIPS '18", "Adaptive Data Analysis by Roth et al."), where a label names the
    talk's speaker: the title, and the authors as printed (none when the tail is no list of names)."""
    match = _AUTHORS_TAIL.match(title)
    if not match:
        return title, []
    printed = re.sub(r",?\s+et\.?\s+al\b\.?", "", match["authors"]).strip(" .")
    authors = [a.strip() for a in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", printed) if a.strip()]
    for author in authors:
        words = author.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) \
                or any(word_leaning(w) == "title" and w.lower() not in _PARTICLES for w in words):
            return title, []
    return match["title"].strip(), authors


def heading_label(text: str) -> str | None:
    """The field a line holding only a label introduces ("Abstract", "**Speaker**:")."""
    return label_field(re.sub(r"[\s:：*_#]+$|^[\s*_#]+", "", text))


def read(text: str, spans: list[Span] | None = None, day_first: bool = False) -> Fields:
    """The fields one piece of text states (labels first, then its parts by content)."""
    spans = spans or []
    fields = Fields()
    if "\n" not in text and label_of(text) is None:
        text = inline_labels_apart(text)
    lines = text.split("\n")
    while len(lines) > 1 and heading_label(lines[-1]) and len(lines[-1]) < 40:
        lines.pop()  # "... Slides" at the end: a button's word with nothing after it, no label
    if len(lines) > 1 and any(label_of(line) or (heading_label(line) and len(line) < 40) for line in lines):
        pending: str | None = None
        guessed_title: str | None = None
        for line in lines:
            if len(line) < 40 and heading_label(line):
                pending = heading_label(line)  # "Speaker" on its own line: the next line is its value
                continue
            labelled = label_of(line) or ((pending, line) if pending else None)
            pending = None
            if labelled is not None:
                apply_label(fields, labelled[0], labelled[1], spans, day_first)
                continue
            more = read(line, spans, day_first)
            if more.speakers and not fields.speakers:
                fields.speakers = more.speakers
            if more.date and not fields.date:
                fields.date, fields.time = more.date, more.time or fields.time
            if not fields.title and not more.speakers and len(line) < 250 and more.title:
                fields.title = more.title
                guessed_title = more.title
        if "title" in fields.labels and fields.title_open and fields.title == guessed_title:
            fields.title = None  # "Title: TBA": an unlabelled line's words are no title
        if fields.title and fields.title == guessed_title and "speaker" in fields.labels:
            fields.title, authors = authors_apart(fields.title)
            fields.paper_authors = fields.paper_authors or authors
        return fields
    labelled = label_of(text)
    if labelled is not None:
        apply_label(fields, labelled[0], labelled[1], spans, day_first)
        return fields
    _read_parts(fields, text, spans, day_first)
    return fields


def apply_label(fields: Fields, name: str, value: str, spans: list[Span], day_first: bool) -> None:
    """Set the field a label names from its value."""
    fields.labels.add(name)
    if name == "speaker":
        people = speakers_of(value, spans)
        said = re.search(r"[\[(]([^\[\]()]{3,40})[\])]\s*$", value)  # "Ada Lovelace from X [May 12]"
        day = find_dates(said.group(1), day_first) if said and fields.date is None else []
        said_day = day[0].value if len(day) == 1 else None
        if people and isinstance(said_day, PartialDate) and said_day.month is not None:
            fields.date = said_day
        if people:
            fields.speakers = people
        elif value and not is_placeholder(value):
            inner = read(value, spans, day_first)
            fields.speakers = inner.speakers or ([Person(value.strip())] if is_given_name(value) else [])
    elif name == "title":
        bracketed = len(value) < 120 and "(" in value and not fields.speakers
        people = speakers_of(value, spans) if bracketed else []
        if is_placeholder(value):
            fields.title_open = True
        elif len(people) == 1 and fold(re.sub(r"\([^()]*\)", "", value)) == fold(people[0].name):
            fields.speakers = people  # "Talk: Ada Lovelace (Cambridge)": who gives it, not what
            fields.labels.discard("title")
        else:
            fields.title = clean_title(value)
    elif name in ("date", "time"):
        dates = find_dates(value, day_first)
        if dates:
            fields.date = dates[0].value  # type: ignore[assignment]
        times = find_times(value)
        if times:
            fields.time, fields.end = times[0].value  # type: ignore[misc]
    elif name == "place":
        fields.place = value or None
    elif name == "affiliation":
        if fields.speakers and value:
            fields.speakers[0].affiliation = value
        fields.labels.add("affiliation:" + value)
    elif name == "abstract":
        fields.abstract = value or None
    elif name == "bio":
        fields.bio = value or None
    elif name == "authors":
        fields.paper_authors = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", value)
                                if p.strip()]
    elif name == "paper":
        if value:
            fields.papers.append(value)
    elif name in ("slides", "video", "page"):
        href = next((s.href for s in spans if s.href), None)
        if href:
            fields.links[name] = href


def _protected(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Stretches of text not to be cut: marked spans and quotations."""
    found = []
    for span in spans:
        if len(span.text) < 4 or len(span.text) >= 0.9 * len(text.strip()):
            continue  # a mark around the whole entry (a link on all of it) protects nothing
        at = text.find(span.text)
        if at >= 0:
            found.append((at, at + len(span.text)))
    found.extend((m.start(), m.end()) for m in QUOTED.finditer(text))
    found.extend((m.start(), m.end()) for m in _BRACKETED.finditer(text))  # "(Inria Lille – Nord Europe)"
    return found


def _cut(text: str, pattern: re.Pattern[str], keep: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """Parts of text between separators, each with the separator before it."""
    parts: list[tuple[str, str]] = []
    last, separator = 0, ""
    for match in pattern.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in keep):
            continue
        parts.append((separator, text[last:match.start()]))
        last, separator = match.end(), match.group(0)
    parts.append((separator, text[last:]))
    return [(s, p) for s, p in parts if p.strip()]


_REMARK = re.compile(
    r"\s*\((?=[^()]*\b(?:room|this week|attempt|sponsored|online|virtual|zoom|cancell?ed|postponed|"
    r"rescheduled|moved|hybrid|in[- ]person|recorded|live|part \d|continued)\b)[^()]*\)\W*$", re.IGNORECASE)
"""A remark in brackets after a title ("(in Alice Room this week)", "(second attempt!)"), not part of it."""
_SESSION = re.compile(r"\b(?:session|seminar|keynote|invited|plenary|contributed|spotlight|tutorial|"
                      r"lecture|talks?|panel(?:ist)?|chair|opening|closing|award)\b", re.IGNORECASE)
"""Words of a programme's slot names ("Seminar for Vision:", "Invited talk:"), not of a talk's title."""
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bvs)(?<!\bal)"
                           r"(?<!\bJr)(?<!\bSr)(?<!\bProf)(?<!\bInc)\.\s+(?=[A-Z\"“])")
"""The end of a sentence inside one part ("Notes on engines. Ada Lovelace, Cambridge."), not of an
initial or an abbreviation."""
_LINK_BRACKETS = re.compile(r"(?:\s*\[(?:(?:pdf|ppt|talk|website|web|the)\s+)?(?:slides?|video|pdf|paper|"
                            r"arxiv|abstract|recording|youtube|code|notes|link|poster)\]?)+\s*$",
                            re.IGNORECASE)
_ROOM = re.compile(r"^\W*(?:room|rm\.?|hall|building|bldg\.?|auditorium|amphi(?:theater|theatre|théâtre)?|"
                   r"salle|lecture hall|seminar room|conference room|zoom|webex|teams|gather\.town)\b",
                   re.IGNORECASE)
_POSITION = re.compile(r"^\W*(?:(?:associate|assistant|full|visiting|adjunct|distinguished|senior|junior|"
                       r"research|postdoctoral|doctoral|graduate|phd|ph\.d\.|master'?s?|undergraduate)\s+)*"
                       r"(?:professor|prof\.|lecturer|post-?doc(?:toral)?(?: researcher| fellow)?|students?|"
                       r"candidate|researcher|scientist|engineer|fellow|director|"
                       r"(?:(?:team|lab|group|faculty|staff)\s+)?members?|(?:co-?)?founder|ceo|cto|intern)\b",
                       re.IGNORECASE)
PAUSE = re.compile(r"^\W*(?:(?:morning |afternoon )?(?:coffee|tea|lunch|dinner|refreshments?)"
                   r"(?:\s*(?:and|&)\s*"
                   r"(?:coffee|tea|snacks|informal discussions?|refreshments))?(?:\s*break)?|break|"
                   r"(?:announcements?\s*(?:and|&)\s*)?wrap[- ]up|announcements|q\s*&\s*a|"
                   r"(?:drinks|poster session|reception|registration)(?:\s*(?:and|&)\s*\w+)?)\W*$",
                   re.IGNORECASE)
"""A pause of a programme written beside a talk ("Expectation propagation - lunch"): no part of its title."""
_BRACKETED = re.compile(r"\([^()\n]{3,100}\)")
_MODE = re.compile(r"\W*(?:in[- ]person|online|hybrid|virtual(?:ly)?|remote(?:ly)?|on zoom|via zoom)\b",
                   re.IGNORECASE)
"""How a talk is given ("in person at Room 1 and online"), a remark, no title."""
_ZONE = re.compile(r"\W*(?:[A-Z]{1,4}(?:ST|DT|T)|GMT|UTC|CET|CEST|[ECMP]T)(?:\s*[+-]\s*\d{1,2})?\W*")
_YEAR_IN_TEXT = re.compile(r"(?<![\w/.:-])((?:19|20)\d{2})(?![\w/:-])")
_BARE_URL = re.compile(r"(?<![(\w])(?:https?://|www\.)[^\s<>\"'“”)]+")


def _read_parts(fields: Fields, text: str, spans: list[Span], day_first: bool) -> None:
    for match in _BARE_URL.finditer(text):  # a link flattened into the text: "Title - https://..."
        url = match.group(0).rstrip(".,;")
        kind = _media_kind("", url) or "page"
        fields.links.setdefault(kind, url if url.startswith("http") else f"https://{url}")
    text = _BARE_URL.sub(lambda m: " " * len(m.group(0)), text)
    dates = find_dates(text, day_first)
    times = find_times(text)
    if dates:
        fields.date = dates[0].value  # type: ignore[assignment]
    elif len(set(_YEAR_IN_TEXT.findall(text))) == 1:  # "ICML 2016", ", 2017": the year, as precise as given
        fields.date = PartialDate(int(_YEAR_IN_TEXT.search(text).group(1)), None, None)  # type: ignore[union-attr]
    if times:
        fields.time, fields.end = times[0].value  # type: ignore[misc]
    # blank out dates and times, so that what stays are names, organizations and titles
    chars = list(text)
    for found in (*dates[:1], *times[:1]):
        for i in range(found.start, found.end):
            chars[i] = "\n" if i == found.start else " "
    text = re.sub(r"^[\s,.;:()\[\]\-–—|]*(?:\s*(?:[A-Z][a-z]{2}|[a-z]{3}))?\s*[,.:)\]\-–—|]+",
                  "", "".join(chars)) if (dates or times) and "".join(chars).lstrip(" \n,.:(")[:1] in ",.)" \
        else "".join(chars)
    text = re.sub(r"\((?:\s*[,;]?\s*|[A-Z]{2,5}|GMT[+-]\d+|UTC[+-]?\d*)\)", " ", text)
    text = _marked_apart(text, spans)
    keep = _protected(text, spans)
    parts = [_trim(p) for _, p in _cut(text, _STRONG_SEPARATOR, keep)]
    parts = [p for p in parts if p and not re.fullmatch(r"[\W\d]*(?:[AaPp]\.?[Mm]\.?)?\W*", p)]
    kinds: list[tuple[str, str, str | None]] = []  # (kind, text, affiliation)
    for part in parts:
        kinds.extend(_classify(part, spans))
    _assign(fields, kinds, spans)
    for span in spans:
        if span.kind == "a" and span.href:
            media = _media_kind(span.text, span.href)
            if media is None and len(span.text) >= 0.6 * len(text.strip()) and not is_name(span.text):
                media = "page"  # a link on the whole entry: the talk's own page
            if media and media not in fields.links:
                fields.links[media] = span.href


_LAST_OF_NAMES = re.compile(r"\s+[-–—&]\s+|,\s+|\s+and\s+")


def _marked_apart(text: str, spans: list[Span]) -> str:
    """Text with a title marked in bold or italics set apart from what stands beside it without a
    separator ("Ada Lovelace (Cambridge) _Notes on engines_ (9/11/2021)")."""
    for span in spans:
        words = span.text.split()
        if span.kind not in ("b", "i") or len(words) < 3 or len(span.text) >= 0.8 * len(text.strip()) \
                or text.count(span.text) != 1 or is_name(span.text):
            continue
        at = text.index(span.text)
        before, after = text[:at].rstrip(), text[at + len(span.text):]
        last = before.split("\n")[-1].strip()  # "Ada Lovelace *Notes*", not "A. Lovelace. **Notes**"
        named = "\n" in before and last[-1:].isalpha() and is_name(strip_honorifics(last))  # after a date
        if before.endswith(")") and re.search(r"[^\W\d_]", before) or named:
            text = f"{before}\n{span.text}\n{after}"
    for span in spans:  # "**Ada Lovelace:** Notes on engines", "**Ada Lovelace, Cambridge**. Notes"
        if span.kind not in ("b", "i") or text.count(span.text) != 1:
            continue
        after = text.split(span.text, 1)[1]
        named = is_name(strip_honorifics(_LAST_OF_NAMES.split(span.text.rstrip(":"))[0].strip()))
        if named and after.strip() and (span.text.endswith(":") or text.lstrip().startswith(span.text)
                                        and re.match(r"[.:]\s+\S", after)):
            text = text.replace(span.text, span.text + "\n", 1)
    for quoted in reversed(list(QUOTED.finditer(text))):  # 'Ada Lovelace (Cambridge) "Notes on engines"'
        before = text[:quoted.start()].rstrip()
        last = before.split("\n")[-1].strip()
        named = is_name(strip_honorifics(_LAST_OF_NAMES.split(last)[-1]))  # "A - B" before the quotes
        if len(quoted.group(0).split()) >= 2 and last and not last.endswith((",", "-", "–", "—", ":", "|")) \
                and (last.endswith(")") and re.search(r"[^\W\d_]", last) or named):
            after = re.sub(r"^[,.;]?\s+(?=[^\W\d_])", "\n", text[quoted.end():])  # '", Room 4, 2 May'
            text = f"{before}\n{quoted.group(0)}{after}"
    return text


def _trim(part: str) -> str:
    """A part without the punctuation around it; brackets kept when they are balanced."""
    part = part.strip(" ,.\t-–—:;[]")
    while part.startswith("(") and part.count("(") > part.count(")"):
        part = part[1:].strip(" ,.\t-–—:;")
    while part.endswith(")") and part.count(")") > part.count("("):
        part = part[:-1].strip(" ,.\t-–—:;")
    if part.startswith("(") and part.endswith(")") and part.count("(") == 1:
        part = part[1:-1]
    return part


def paper_link(text: str, spans: list[Span]) -> tuple[str, str] | None:
    """``(title, address)`` when a piece of text is mainly a link to a paper (arXiv, DOI, a PDF,
    proceedings)."""
    for span in spans:
        if span.kind == "a" and span.href and MEDIA["paper"].search(span.href) \
                and len(span.text.split()) >= 2 \
                and len(span.text) >= 0.5 * len(text) and not is_name(span.text):
            title = clean_title(span.text)
            if title:
                return title, span.href
    return None


def _media_kind(text: str, href: str) -> str | None:
    for kind, pattern in MEDIA.items():
        if pattern.search(text) or (kind != "paper" and pattern.search(href)):
            return kind
    if MEDIA["paper"].search(href) and not is_name(text):
        return "paper"
    return None


def _classify(part: str, spans: list[Span], after_name: bool = False) -> list[tuple[str, str, str | None]]:
    """What one part is: ``name`` (with an affiliation), ``org``, ``junk`` or ``text``; the rest of
    a part after a speaker's name (``after_name``) is a title, whatever its first words look like."""
    part = re.sub(r"^(?:#\d+|\[\d+\])\s+", "", part)  # "#21 A, B and C, Title": a paper's number
    part = _without_link_words(part, spans)
    part = _LINK_BRACKETS.sub("", part) or part  # "Ada Lovelace [slides] [video]"
    mode = _MODE.match(part)  # "in person", "online": a remark; "*Online learning ...*" marked whole: a title
    set_title = mode is not None and re.search(r"\w", part[mode.end():]) is not None and any(
        s.kind in ("b", "i") and fold(s.text) == fold(part) for s in spans)
    if _ZONE.fullmatch(part) or (mode and len(part) < 80 and not set_title) or (
            _ROOM.match(part) and len(part) < 60):
        return [("junk", part, None)]  # "4pm CET": the time zone of the time before; "Room 101"
    if _POSITION.match(part) and len(part.split()) <= 12 and not is_name(part):
        return [("org", part, None)]  # "Professor of Mathematics at Stanford": where the speaker works,
        # but "Associate Professor Ada Lovelace" names the speaker after their position
    if LINK_WORDS.match(part) or is_placeholder(part) or PAUSE.match(part):
        return [("open" if is_placeholder(part) else "junk", part, None)]
    if after_name:
        return [("org", part, None)] if is_organization(part) else [("text", part, None)]
    people = speakers_of(part, spans)
    if people:
        return [("name", p.name, p.affiliation) for p in people]
    bracketed = _speakers_after_title(part, spans) if len(part) < 300 else None
    if bracketed is not None:
        return bracketed
    by = re.match(r"^(?P<pre>(?:\S+\s+){0,7}?by)\s+(?P<rest>\S.*)$", part)
    if by and not re.search(r"\b(?:work|joint|based|paper|written|supported|funded)\b", by["pre"], re.I):
        for cut in (r"\s*:\s+", r"\.\s+", r",\s+", r"\s+[-–—]\s+"):
            pieces = re.split(cut, by["rest"], maxsplit=1)
            who = speakers_of(pieces[0], spans)
            if who and (len(pieces) == 1 or pieces[1].strip()):
                tail = _classify(pieces[1], spans, True) if len(pieces) == 2 else []
                pre = by["pre"].rsplit(None, 1)[0] if len(by["pre"].split()) > 1 else ""
                return ([("text", pre, None)] if pre and len(pieces) == 1 else [("junk", pre, None)]) + [
                    ("name", p.name, p.affiliation) for p in who] + tail
    titled = _HONORED_AFTER_TITLE.match(part)  # "Notes on engines, Dr. Ada Lovelace, Cambridge"
    if titled and not speakers_of(titled["title"], spans):
        printed = ",".join(p for p in titled["who"].split(",") if not LINK_WORDS.match(p))
        who = speakers_of(printed, spans)
        if who:
            return [("text", titled["title"], None)] + [("name", p.name, p.affiliation) for p in who]
    for cut in (r"\.\s+", r"\s+[-–—]\s+"):
        pieces = re.split(cut, part, maxsplit=1)
        if len(pieces) == 2 and len(pieces[1]) > 3:
            who = speakers_of(pieces[0], spans)
            if who:
                return [("name", p.name, p.affiliation) for p in who] + _classify(pieces[1], spans, True)
    sentences = _SENTENCE_END.split(part)
    if len(sentences) >= 2 and len(part) < 300:  # "Title. Ada Lovelace, Cambridge University."
        per_sentence = [speakers_of(x, spans) for x in sentences]
        if any(per_sentence) and not all(per_sentence):
            found: list[tuple[str, str, str | None]] = []
            for sentence, people in zip(sentences, per_sentence, strict=True):
                found += [("name", p.name, p.affiliation) for p in people] if people else \
                    _classify(sentence, spans, after_name=bool(found))
            return found
    colon = [p for _, p in _cut(part, _COLON, _protected(part, spans))]
    if len(colon) >= 2:
        first = speakers_of(colon[0], spans)
        if first:
            after = ": ".join(colon[1:])
            return [("name", p.name, p.affiliation) for p in first] + _classify(after, spans, True)
        session = bool(_SESSION.search(colon[0]))  # "Seminar for Vision: Kristen Grauman"
        if heading_label(colon[0]) is None and (len(colon[0].split()) <= 4 or session) and speakers_of(
                ": ".join(colon[1:]), spans):
            kind = "junk" if LINK_WORDS.match(colon[0]) or session else "text"
            return [(kind, colon[0], None)] + _classify(": ".join(colon[1:]), spans)
    authors = _names_then_title(part)
    if authors is not None:
        named: list[tuple[str, str, str | None]] = [("name", n, None) for n in authors[0]]
        return [*named, ("text", authors[1], None)]
    if "," in part:
        head, rest = _split_outside_brackets(part)
        first = speakers_of(head, spans)
        if first and rest.strip():
            if is_organization(rest):
                return [("name", first[0].name, rest.strip())]
            return [("name", first[0].name, first[0].affiliation), *_classify(rest.strip(" ,"), spans)]
        tail_people = speakers_of(part.rsplit(",", 1)[1], spans)
        if tail_people and not is_organization(part.rsplit(",", 1)[0]):
            return [("text", part.rsplit(",", 1)[0], None)] + [
                ("name", p.name, p.affiliation) for p in tail_people]
    slot = re.match(r"^(?P<kind>.{3,60}?)\s+(?:from|by)\s+(?P<who>[^,]+)$", part)
    if slot and _SLOT_KIND.fullmatch(slot["kind"].strip()) and speakers_of(slot["who"], spans):
        return [("name", p.name, p.affiliation)  # "Plenary Talk from Ada Lovelace": no title given
                for p in speakers_of(slot["who"], spans)]
    by = re.match(r"^(?P<title>.{8,}?),?\s+by\s+(?P<who>[^,]+)$", part)
    with_whom = _WITH_WHOM.match(part)
    if by is None and with_whom and given_with(with_whom["who"]):
        by = with_whom
    if by and speakers_of(by["who"], spans):
        return [("text", by["title"], None)] + [
            ("name", p.name, p.affiliation) for p in speakers_of(by["who"], spans)]
    if is_organization(part):
        return [("org", part, None)]
    return [("text", part, None)]


_WITH_WHOM = re.compile(r"^(?P<title>.{8,})\s+with\s+(?P<who>(?:(?:Prof|Dr|Professor)\.?\s+)?"
                        r"[A-ZÀ-Þ][^\s,]*(?:\s+[A-ZÀ-Þ][^\s,]*){1,3})$")
"""A title, then "with" and its speaker ending the part ("Quantum Machine Learning with Prof. Ada
Lovelace"): a name of two to four capitalised words, which ``speakers_of`` must read as a person's."""


def given_with(who: str) -> bool:
    """Whether the words after a title's "with" name its speaker: an honorific or a word mostly seen in
    names opens them ("with Prof. Ada Lovelace", "with Chris Harvey"; not "with Electric Buses")."""
    words = who.split()
    return bool(words) and (bool(re.match(r"(?:Prof|Dr|Professor)\.?$", words[0]))
                            or word_leaning(words[0]) == "name")


_TRAILING_BRACKET = re.compile(r"(?P<title>[^()]*[^\W\d_][^()]*?)\s*\((?P<inner>[^()]{3,160})\)\W*")
_ROLE = re.compile(r"professor|student|post-?doc|lecturer|fellow|candidate|director|chair|head|"
                   r"researcher|scientist|engineer|intern|alumn|manager|founder|member", re.IGNORECASE)
_CONNECTOR = re.compile(r"^(?P<who>.+?)\s+(?:on|presents|presenting|talks about|speaks on|will (?:present|"
                        r"speak (?:on|about)|talk (?:on|about)|discuss|give a talk (?:on|titled|entitled)))"
                        r"\s+(?P<title>\S.{6,})$")


_HONORED_AFTER_TITLE = re.compile(r"^(?P<title>[^,]{8,}?(?:,[^,]{3,})*?),\s+"
                                  r"(?P<who>(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+[^\W\d_].*)$")
"""A title, then after a comma its speaker named with an honorific (", Dr. Ada Lovelace, Cambridge")."""


def _without_link_words(part: str, spans: list[Span]) -> str:
    """A part without the links to material it ends with ("... by Ada Lovelace slides1, slides2")."""
    words = [s.text for s in spans if s.kind == "a" and LINK_WORDS.match(re.sub(r"\d+$", "", s.text))]
    changed = True
    while changed and words:
        changed = False
        stripped = part.rstrip(" ,;")
        for word in words:
            cut = len(stripped) - len(word)
            if stripped.endswith(word) and cut > 0 and not stripped[cut - 1].isalnum():
                part, changed = stripped[:cut], True
                break
    return part


_MEANS = frozenset("""skype webex telephone phone videoconference videoconferencing teleconference videolink
livestream gather slack discord mail email invitation appointment request""".split())
"""Words that follow a speaker's marker as the means of a talk ("(by Skype)", "(by invitation)"), no
first names (the words of ``fields.is_given_name``'s refusals, "Zoom", "Teams", "video", need none)."""
_BY_WHOM = re.compile(r"(?:(?:presented|given|led|talk|slides)\s+)?by\s+(?=[^\W\d])", re.IGNORECASE)


def _speakers_after_title(part: str, spans: list[Span]) -> list[tuple[str, str, str | None]] | None:
    """A title followed by its speakers in brackets ("Reinforcement learning (James Murray)",
    "Deep Learning (Lecturer: Dr. F. Fleuret)", "Neural processes (by Ada Lovelace)"),
    or a speaker who is said to talk on a title
    ("Ada Lovelace (Analytical Engines Ltd) on ``Notes''"); ``None`` when the part is neither."""
    tail = part.rsplit(")", 1)[1] if ")" in part else ""
    for span in sorted(spans, key=lambda s: -len(s.text)):  # links after the speakers ("(Ada) Slides")
        if span.kind == "a" and span.text and span.text in tail:
            tail = tail.replace(span.text, " ")
    if ")" in part and not re.search(r"\w", tail):
        part = part.rsplit(")", 1)[0] + ")"
    bracket = _TRAILING_BRACKET.fullmatch(part)
    last = re.split(r"[:,/|–—]|\s-\s|\bby\b", bracket["title"])[-1].strip(" *_") if bracket else ""
    if bracket and not speakers_of(bracket["title"], spans) and len(bracket["title"]) >= 4 \
            and not is_name(last):  # "Invited talk: Ada Lovelace (Analytical Engines)": her affiliation
        inner = bracket["inner"].strip()
        by = _BY_WHOM.match(inner)  # "Notes on engines (by Ada Lovelace)": who gave it, so said
        inner = inner[by.end():] if by else inner
        labelled = label_of(inner) or (("speaker", inner) if by else None)
        who = speakers_of(labelled[1], spans) if labelled and labelled[0] == "speaker" else (
            [] if labelled or _ROLE.search(inner) else speakers_of(inner, spans))
        given = labelled[1].strip() if labelled and labelled[0] == "speaker" else ""
        if not who and is_given_name(given) and strip_honorifics(given).lower() not in _MEANS:
            who = [Person(strip_honorifics(given))]  # "(presented by Lain)": a first name, so marked
        if who and all(labelled or " " in p.name and (p.affiliation is None or is_organization(p.affiliation))
                       for p in who):  # "(Ada Lovelace)", "(Ada Lovelace, University of Cambridge)"
            return [("text", bracket["title"], None)] + [("name", p.name, p.affiliation) for p in who]
    connector = _CONNECTOR.match(part)
    if connector:
        who = speakers_of(connector["who"], spans)
        if who and not is_organization(connector["title"]):
            return [("name", p.name, p.affiliation) for p in who] + [("text", connector["title"], None)]
    return None


def _split_outside_brackets(part: str) -> tuple[str, str]:
    """A part cut at its first comma outside brackets ("Name (Place, Country), Title")."""
    depth = 0
    for n, char in enumerate(part):
        depth += (char in "([") - (char in ")]")
        if char == "," and depth <= 0:
            return part[:n], part[n + 1:]
    head, _, rest = part.partition(",")
    return head, rest


def _names_then_title(part: str) -> tuple[list[str], str] | None:
    """"A, B and C, Title": the authors of a contributed talk before its title (two names at least)."""
    pieces = re.split(r"(,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", part)
    names: list[str] = []
    n = 0
    while n < len(pieces) and is_name(pieces[n].strip()):
        names.append(strip_honorifics(pieces[n].strip()))
        n += 2
    if len(names) < 2 or n >= len(pieces) or not pieces[n - 1].startswith(","):
        return None
    rest = "".join(pieces[n:]).strip(" ,")
    return (names, rest) if len(rest.split()) >= 3 and not is_organization(rest) else None


def speakers_of(text: str, spans: list[Span] | None = None) -> list[Person]:
    """The people of a speaker string ("A (X)", "A, X", "A and B", "A & B, X"), or [] when it is
    not one."""
    text = re.sub(r"\s+", " ", text.replace("（", " (").replace("）", ")")).strip(" ,.;:-–*_")
    text = re.sub(r"\s*\*+$|\s*\[[^\]]*\]$|,?\s+et\.?\s+al\.?$", "", text)
    if not text or len(text) > 200:
        return []
    if is_name(text):
        return [Person(strip_honorifics(text), None, _homepage(text, spans))]
    bracket = re.fullmatch(r"(?P<name>.+?\S)\s*[(\[](?P<aff>[^()\[\]]+)[)\]](?P<rest>)", text)
    if bracket is None or not is_name(bracket["name"]):
        bracket = re.fullmatch(r"(?P<name>[^()]+?)\s*[(\[](?P<aff>[^()\[\]]+)[)\]](?P<rest>.*)", text)
    if bracket and is_name(bracket["name"]) and not bracket["rest"].strip(" ,."):
        if re.search(r"remarks|break|lunch|panel|welcome|poster|discussion", bracket["aff"], re.I):
            return []  # "Judith Fan (Opening Remarks)": a slot of the programme, not a talk
        affiliation = _affiliation(bracket["aff"])
        if affiliation and re.fullmatch(r"(?i)live|recorded|virtual|remote|online|in[- ]person|video|zoom|"
                                        r"tb[acd]|confirmed|invited|keynote|slides|cancell?ed|postponed|"
                                        r"host|chair|moderator|organi[sz]er|speaker", affiliation):
            affiliation = None  # "(Live)", "(virtual)": how the talk is given, not where the speaker is
        return [Person(strip_honorifics(bracket["name"]), affiliation, _homepage(bracket["name"], spans))]
    named, *after = [p.strip() for p in text.split(",")]
    if len(after) >= 1 and is_position(after[0]) and is_name(named):  # "Ada Lovelace, Associate
        return [Person(strip_honorifics(named), _affiliation(", ".join(after[1:])),  # Professor, MIT"
                       _homepage(named, spans))]
    for splitter in (r"\s*;\s*", r",?\s+(?:and|&|et)\s+|\s*&\s*|\s*,\s*"):
        pieces = [p for p in re.split(splitter, text) if p.strip()]
        if len(pieces) < 2:
            continue
        people = [speakers_of(p, spans) for p in pieces]
        if all(len(p) == 1 for p in people):
            found = [p[0] for p in people]
            if splitter.startswith(r",?") and len(found) == 2 and found[1].affiliation is None \
                    and is_organization(pieces[1]):
                continue
            return found
        if len(pieces) >= 2 and all(len(p) == 1 for p in people[:-1]) and is_organization(pieces[-1]) \
                and splitter.startswith(r",?"):
            found = [p[0] for p in people[:-1]]
            for person in found:
                person.affiliation = person.affiliation or pieces[-1].strip()
            return found
    if is_name(text):
        return [Person(strip_honorifics(text), None, _homepage(text, spans))]
    dash = re.fullmatch(r"(?P<name>.+?)\s+(?:[-–—,]|from|of|at)\s+(?P<aff>.+)", text)
    if dash and is_name(dash["name"]) and is_organization(dash["aff"]):
        return [Person(strip_honorifics(dash["name"]), dash["aff"].strip(),
                       _homepage(dash["name"], spans))]
    shared = re.fullmatch(r"(?P<names>[^()\[\]]+?)\s*[(\[](?P<aff>[^()\[\]]+)[)\]]", text)
    names = re.split(r",?\s+(?:and|&|et)\s+|\s*,\s*", shared["names"]) if shared else []
    if len(names) >= 2 and all(is_name(n) for n in names):  # "Ada Lovelace and Mary Somerville (EPFL,
        affiliation = _affiliation(shared["aff"]) if shared else None  # Lausanne)": one place for both
        return [Person(strip_honorifics(n), affiliation, _homepage(n, spans)) for n in names]
    return []


def _affiliation(text: str) -> str | None:
    text = text.strip(" ,.")
    return None if not text or is_placeholder(text) or re.fullmatch(r"[\d\W]+", text) else text


def _homepage(name: str, spans: list[Span] | None) -> str | None:
    key = fold(strip_honorifics(name))
    for span in spans or ():
        if span.kind == "a" and span.href and fold(strip_honorifics(span.text)) == key \
                and span.href.startswith(("http://", "https://")):
            return span.href
    return None


def _assign(fields: Fields, kinds: list[tuple[str, str, str | None]], spans: list[Span]) -> None:
    """Speakers, affiliation and title from the classified parts of a text."""
    first = next((i for i, k in enumerate(kinds) if k[0] == "name"), None)
    if first is not None:  # the speakers are the first run of names; a later "name" is title words
        end = first
        while end < len(kinds) and kinds[end][0] == "name":
            end += 1
        kinds = kinds[:end] + [("text" if k == "name" else k, t, a) for k, t, a in kinds[end:]]
    names = [(text, aff) for kind, text, aff in kinds if kind == "name"]
    texts: list[str] = []
    run: list[str] = []
    marks = {fold(s.text) for s in spans if s.kind == "a" and len(s.text.split()) >= 3}
    for kind, text, _ in kinds:
        if kind == "text" and fold(text) in marks:  # "Series / [Title](url) / Speaker": the linked
            if run:  # part stands alone, not joined to the unmarked words beside it
                texts.append(_joined(run, spans))
            texts.append(text)
            run = []
        elif kind == "text":
            run.append(text)
        else:
            if run:
                texts.append(_joined(run, spans))
            run = []
        if kind == "open":
            fields.title_open = True
    if run:
        texts.append(_joined(run, spans))
    orgs = [text for kind, text, _ in kinds if kind == "org"]
    if names:
        fields.speakers = [Person(n, a, _homepage(n, spans)) for n, a in names]
        first = next(i for i, k in enumerate(kinds) if k[0] == "name")
        after = kinds[first + len(names)] if first + len(names) < len(kinds) else None
        if fields.speakers[0].affiliation is None and after and after[0] == "org":
            for person in fields.speakers:
                person.affiliation = person.affiliation or after[1]
        elif fields.speakers[0].affiliation is None and orgs and len(orgs) == 1:
            fields.speakers[0].affiliation = orgs[0]
    candidates = [t for t in texts if _title_like(t)]
    if not candidates:
        return
    marked = [t for t in candidates if any(fold(s.text) == fold(t) or (
        len(s.text) > 12 and fold(s.text) in fold(t)) for s in spans if s.kind in ("b", "i", "a"))]
    quoted = [t for t in candidates if QUOTED.fullmatch(t.strip())]
    if fields.title_open and not (quoted or marked):
        return  # "Series / [TBD](url) / Speaker": the marked title is not known yet; the rest is no title
    whole = [t for t in marked if fold(t) in marks]  # a link on all of it before a link inside it
    chosen = (quoted or whole or marked or sorted(candidates, key=len, reverse=True))[0]
    fields.title = clean_title(chosen)
    if not (quoted or marked):
        fields.guessed.add("title")


def _joined(run: list[str], spans: list[Span]) -> str:
    """The title of a run of unlabelled parts: the one part set in bold or italics as a whole, after
    shorter unmarked ones ("A54 Lecture Theatre - *Notes on engines*": a room printed before the
    title; not "Notes on engines - *ICML 2019*", a venue after it), else all of them joined."""
    marked = [part for part in run if any(s.kind in ("b", "i") and fold(s.text) == fold(part)
                                          and not s.text.lstrip().startswith("(")  # "**(Org)**": an aside
                                          for s in spans)]
    if len(run) > 1 and len(marked) == 1 and run[0] != marked[0] and all(
            len(part.split()) < len(marked[0].split()) for part in run if part != marked[0]):
        return marked[0]
    return " - ".join(run)


def _title_like(text: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= 1 and len(text) >= 4 and not LINK_WORDS.match(text)


def clean_title(text: str) -> str | None:
    """A title without quotes, trailing full stop, list numbering or a "Title:" label."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^:\s+", "", text)  # a definition list's value ("Title" then ": Notes on engines")
    text = re.sub(r"^(?:\(?\d{1,3}[.)]\s+|\(#\d+\)\s+|#\d+\s+|No\.\s?[\d-]+\s+)", "", text)
    text = re.sub(r"^(?:title|talk|(?:research |invited |contributed |keynote |plenary )?(?:talk|lecture|"
                  r"keynote|tutorial|seminar))\s*:\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r",\s*(?:[^,]{0,40}\s)?(?:19|20)\d{2}$", "", text) if re.search(
        r",\s*(?:[A-Z][\w.&-]*\s?){1,4}(?:19|20)\d{2}$", text) else text
    text = re.sub(r",\s*(?:[^,]{2,40},\s*)?(?:19|20)\d{2}\.?$", "", text)  # ", RI Seminar, 2017"
    text = re.sub(r",\s*(?:[A-Z][\w.&-]*\s){0,4}(?:seminar|workshop|conference|colloquium|symposium|"
                  r"lecture|school|summit|meeting|series)$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"([\"”»’'])\.$", r"\1", text)  # '"Title".': the full stop after the quotes
    for _ in range(2):
        text = text.strip(" \t*_,;–-")
        if len(text) >= 2 and (text[0] in "\"“„«‘'" and text[-1] in "\"”“»’'") and (
                text[0] not in "'‘" or text[-1] in "'’"):
            text = text[1:-1]  # quotes, paired or not ("Title”, “Title")
        text = re.sub(r"^``|''$", "", text)
    text = re.sub(r"\s*\((?:(?:talk|seminar|lecture)\s+)?(?:slides|video|pdf|abstract|recording|youtube|link|"
                  r"arxiv|here|paper|code|"
                  r"preprint|doi)[^)]*\)\s*$", "", text,
                  flags=re.IGNORECASE)
    text = _REMARK.sub("", text)
    text = _LINK_BRACKETS.sub("", text).rstrip(" -–—|") or text  # "Title - [pdf slides]"
    text = _TITLE_TAIL.sub("", text) or text
    text = re.sub(r"\s*[\[(]\W*$", "", text)  # "Title [" left of "[video | slides]"
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", text).strip()  # a site generator's tag, not its output
    text = text.rstrip(" .").strip()
    return None if is_placeholder(text) or not text or _SLOT_KIND.fullmatch(text) \
        or _MATERIAL_ONLY.fullmatch(text) or _CALL_TO_ACTION.fullmatch(text) \
        or _WEEKDAY_ALONE.fullmatch(fold(text)) or _MATERIAL_NOTE.fullmatch(text) else text


_TITLE_TAIL = re.compile(
    r"(?:\s*[(\[](?:(?:based on |this is )?(?:joint )?(?:work )?with (?-i:(?=[A-Z]))[^()\[\]]{3,200}|"
    r"(?:talk |slides )?in (?:english|french|german|spanish|italian|portuguese|chinese|japanese|korean))"
    r"[)\]]|"
    r"[.;]\s+(?:(?:based on )?joint work|(?:this is )?(?:joint )?work with|in collaboration with)\b.{3,200}?|"
    r"\s+[-–—]\s+(?:slides|video|pdf|recording|cancell?ed|postponed))\W*$", re.IGNORECASE)
"""What follows a title and is not of it: its coauthors ("(joint work with A)"), its language, its
material or its state ("– CANCELLED")."""
_SLOT_KIND = re.compile(r"(?:(?:invited|keynote|contributed|spotlight|plenary|oral|lightning|short|"
                        r"long|featured|guest|student|tutorial)\s+)+(?:talks?|lectures?|presentations?|"
                        r"sessions?|address|speakers?)?(?:\s*#?\d+)?|(?:keynote|tutorial)s?(?:\s*#?\d+)?",
                        re.IGNORECASE)
"""The kind of a programme's slot ("Keynote Talk", "Invited Talks", "Spotlight Talks 1"), no title."""
_WEEKDAY_ALONE = re.compile(
    r"\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
    r"(?:segunda|terca|quarta|quinta|sexta)(?: feira)?|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
    r"zondag)\W*")
"""A weekday's name alone, in the languages seminar pages are written in (accents folded): what is left
of a day's line once its date is read ("Venerdì 09/03/2018"), never a talk's title."""
_MATERIAL_NOTE = re.compile(
    r"\W*(?:(?:including|incl\.?|with|plus)\s+(?:the\s+)?(?:slides?|videos?|recording|pdf)"
    r"(?:\s*(?:and|&|\+|,)\s*(?:slides?|videos?|recording|pdf))?|"
    r"(?:slides?|videos?|recording)(?:\s*(?:and|&|\+)\s*(?:slides?|videos?|recording))?\s+"
    r"(?:available|online|included|posted)(?:\s+(?:below|here|now))?)\W*", re.IGNORECASE)
"""A note that a talk's material is given ("including video", "slides available"): a badge beside the
entry, never its title."""
_MATERIAL_ONLY = re.compile(r"(?:[\W_]*(?:slides?|video|recording|youtube|pdf|paper|arxiv|preprint|code|"
                            r"poster|abstract|link|notes|website|webpage)\d*[\W_]*){2,6}", re.IGNORECASE)
"""Two or more names of a talk's material and nothing else ("paper slides", "paper1 paper2 slides",
"Slides | Video"): the texts of its links, read where the entry prints no title."""
_CALL_TO_ACTION = re.compile(
    r"\W*(?:(?:click|see|read|learn|find out|get|view|watch|download|look)\s+)?"
    r"(?:(?:the|our|more|all|full|event|talk|seminar)\s+)*"
    r"(?:info(?:rmation)?|details?|more|here|slides?|video|recording|abstract|description|page)"
    r"(?:\s+(?:here|below|online|on youtube))?\W*", re.IGNORECASE)
"""The text of a link that sends the reader on ("More Info", "Read more", "Get the slide here",
"Watch the video", "Event details"): no talk's title, whatever entry it closes."""
