"""A talk's day and start time from its context, when the unit that holds the talk does not give them.

Pages often write a day or a time once for several lines: the time beside the date of a heading
("#### Tuesday, May 12, 2026 (11h-12h)" over the talk's line), or the one day of a workshop whose
programme then lists only times ("Talks: Friday, February 20, 2026" at the top, "9:30 AM" on each
row). ``inherit_when`` fills, after extraction, what the talks lack from that context (the fields it
fills are marked guessed, for review):

- the day of the date line above: talks with no day under the nearest date line above them (none
  of them with a day) take its day, on a page of dated talks or a meeting's, or when that line
  gives a time as well;
- the time of the date line above: a talk with a day and no time takes the time written beside
  the nearest date above it, when that date is the talk's day and the time is the only one there,
  and no talk under that date has a time of its own (a day's heading over a timed programme keeps
  its talks' own times);
- the session's time: the first talk after a line that gives a time and no talk ("| 10:25am |
  Contributed Talk 1 |", "9:00 Session I"), with no time of its own, starts then (the talks after it
  in the session have no time the page gives);
- the year of a stated day: a talk with a day and no year ("--09-11") takes the year of the dates
  the page states with their year that cover its day ("September 11–15, 2023"), when they agree;
- the series' time: a line that says when the series meets, with a weekday or "every", one time
  and no day of its own ("We meet on Thursdays, 3:30-4:30pm", "every week at 16:00") gives its time
  to the talks with a day and no time, those on the weekday it names when it names one;
- the year of the days around: a talk with a day and no year (a day's heading of a meeting's
  programme, "2日目（12月20日）") takes the one year of the page's other talks, when it falls
  within a week of their days;
- the day in brackets: talks with no day whose lines each write a day and month alone in brackets,
  day first and dotted ("SEMINAR 1 (04.02): Ilya Trofimov - ..."), take that day, when two talks
  of the page or more write theirs so; its year is the one year the page writes (in its prose,
  "held at Term 3, 2020"), when it writes one;
- the meeting's day: on the page of a meeting (a programme, timed talks, or talks of which some
  have the day) that names at most three days with their year, the talks with no day (at most a
  year) take the day the page names most often, a line naming the talks or the meeting weighing
  more, when one day stands out and its year (if the talks have one) is theirs.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, time

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.extracted import TalkText
from kg.ingest.pages.fields import MONTH_PATTERN, Found, PartialDate, find_dates, find_times, month_number

_EVENT_WORD = re.compile(r"\b(?:talks?|workshop|symposium|conference|meeting|seminar|colloquium|school|"
                         r"held|takes? place|date of)\b", re.IGNORECASE)
"""Words of the line that names a meeting's day ("Talks: Friday, February 20, 2026", "Date of the
workshop 14. September 2018"), weighed above a deadline's line."""
_MEETING_DAYS = 3
"""A meeting's page names a few days with their year (the meeting's, a deadline); a series' many."""
_SHORT = 160
"""A date line is short: a heading or a line, not a paragraph that mentions a date."""


def inherit_when(talks: Sequence[TalkText], blocks: Sequence[Block], day_first: bool = False,
                 kind: str | None = None) -> None:
    """Fill the missing days and times of ``talks`` from the date lines and the day of the page
    (``kind``: the page's kind, a meeting programme's talks being of one meeting)."""
    dated = _date_lines(blocks, day_first)
    _day_in_brackets(talks, blocks)
    _time_of_date_line(talks, dated, kind == "meeting_programme", _weekday_lines(blocks))
    _time_of_session(talks, blocks)
    _day_of_meeting(talks, blocks, day_first, kind == "meeting_programme")
    _time_of_series(talks, blocks, day_first)
    _year_of_stated_days(talks, blocks, day_first)
    _year_of_neighbours(talks)


@functools.lru_cache(maxsize=1 << 12)
def _dates(text: str, day_first: bool) -> tuple[Found, ...]:
    """The dates of a line, read once however many of the rules below look at it."""
    return tuple(find_dates(text, day_first, short_numeric=False))


@functools.lru_cache(maxsize=1 << 12)
def _times(text: str) -> tuple[Found, ...]:
    """The times of a line, read once however many of the rules below look at it."""
    return tuple(find_times(text))


def _date_lines(blocks: Sequence[Block], day_first: bool) -> list[tuple[int, PartialDate, list[object]]]:
    """The short blocks that name a day (month and day), with the first such day and their times; a
    weekday's dotted day with no year ("Sunday 29.09") is of the one year the page writes, if any."""
    lines = []
    page_year: list[int | None] = []
    for block in blocks:
        if len(block.text) > _SHORT or block.struck:
            continue
        days = [f.value for f in _dates(block.text, day_first)
                if isinstance(f.value, PartialDate) and f.value.month and f.value.day]
        dotted = _WEEKDAY_DOTTED.search(block.text) if not days else None
        if dotted is not None and _valid_day(int(dotted["month"]), int(dotted["day"])):
            if not page_year:
                page_year.append(_page_year(blocks))
            days = [PartialDate(page_year[0], int(dotted["month"]), int(dotted["day"]))]
        if days:
            lines.append((block.line, days[0], [f.value for f in _times(block.text)]))
    return lines


def _same_day(date: PartialDate, day: str | None) -> bool:
    """Whether ``date`` is the talk's ``day`` (``YYYY-MM-DD`` or ``--MM-DD``); a missing year agrees."""
    if not _has_day(day) or date.month is None or date.day is None:
        return False
    month_day = f"{date.month:02d}-{date.day:02d}"
    return day is not None and day[-5:] == month_day and (
        day.startswith("--") or date.year is None or day[:4] == f"{date.year:04d}")


def _guessed(talk: TalkText, name: str) -> None:
    """Mark a field taken from the context as guessed, for the review of ``kg ingest --dry-run``."""
    if name not in talk.guessed:
        talk.guessed.append(name)


def _has_day(day: str | None) -> bool:
    """Whether an extracted day names its month and day (``YYYY-MM-DD`` or ``--MM-DD``)."""
    return bool(day) and (len(day or "") == 10 or (day or "").startswith("--"))


_BRACKET_DAY = re.compile(r"\((?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.?\)")
"""A day and its month alone in brackets, European style ("(04.02)", "(13.2.)")."""
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d{2}(?![\d.,/-]?\d)")
"""A year written alone (not part of a number, a day or a version)."""


_WEEKDAY_DOTTED = re.compile(r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+"
                             r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\b\.?(?![.,]?\d)", re.IGNORECASE)
"""A weekday and its day and month, dotted, with no year ("Sunday 29.09", "Fri 4.2.")."""


def _valid_day(month: int, day: int) -> bool:
    """Whether ``day`` of ``month`` is a day of the calendar (in a leap year: the 29th of February)."""
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def _page_year(blocks: Sequence[Block]) -> int | None:
    """The one year a page writes alone (in its title, its prose), None when it writes none or several."""
    years = {int(m.group(0)) for b in blocks for m in _YEAR.finditer(b.text)}
    return next(iter(years)) if len(years) == 1 else None


def _day_in_brackets(talks: Sequence[TalkText], blocks: Sequence[Block]) -> None:
    """Talks with no day whose lines write "(DD.MM)" take that day, with the page's one year."""
    text = {b.line: b.text for b in blocks}
    days: dict[int, PartialDate] = {}
    for n, talk in enumerate(talks):
        match = _BRACKET_DAY.search(text.get(talk.line or -1, "")) if talk.day is None else None
        if match is not None:
            if not _valid_day(int(match["month"]), int(match["day"])):
                return  # "(10.30)": the brackets hold times, not days
            days[n] = PartialDate(None, int(match["month"]), int(match["day"]))
    if len(days) < 2:
        return  # one bracket is a version or a time as likely as a day
    year = _page_year(blocks)
    for n, day in days.items():
        talks[n].day = PartialDate(year, day.month, day.day).iso()
        _guessed(talks[n], "date")


def _dayless(talk: TalkText, line_day: PartialDate, weekday: bool) -> bool:
    """Whether a talk lacks the day of the date line above it (``line_day``): it has none, or, under a
    weekday's dotted day ("Sunday 29.09" heading a programme's column), only that day's year."""
    return talk.day is None or (weekday and line_day.year is not None and talk.day == f"{line_day.year:04d}")


def _weekday_lines(blocks: Sequence[Block]) -> frozenset[int]:
    """The lines of the short blocks that name a weekday and its dotted day ("Sunday 29.09")."""
    return frozenset(b.line for b in blocks if len(b.text) <= _SHORT and _WEEKDAY_DOTTED.search(b.text))


def _time_of_date_line(talks: Sequence[TalkText], dated: list[tuple[int, PartialDate, list[object]]],
                       meeting: bool = False, weekday_lines: frozenset[int] = frozenset()) -> None:
    """A talk with a day and no time takes the one time beside its date line above; the talks with
    no day under a date line all take its day, on a page of dated talks or a meeting's, or when the
    line gives a time too (an occasion, not the date a page was updated)."""
    under: dict[int, list[TalkText]] = {}
    for talk in talks:
        if talk.line is None:
            continue
        above = [d for d in dated if d[0] <= talk.line]
        if above:
            under.setdefault(above[-1][0], []).append(talk)
    by_line = {line: (date, times) for line, date, times in dated}
    dated_page = meeting or any(_has_day(t.day) for t in talks)
    for line, group in under.items():
        date, times = by_line[line]
        weekday = line in weekday_lines
        lacking = [_dayless(t, date, weekday) for t in group]  # a day with its time: an occasion
        if (dated_page or times) and any(lacking) \
                and all(n or _same_day(date, t.day) for n, t in zip(lacking, group, strict=True)):
            for talk in group:  # "**15 March 2019**, 13:00-13:50" over that week's list of talks
                if _dayless(talk, date, weekday):  # (the talks that have a day have this one)
                    talk.day = date.iso()
                    _guessed(talk, "date")
        if len(times) != 1:
            continue
        start = times[0][0]  # type: ignore[index]
        if any(t.clock is not None and t.clock != start for t in group):
            continue  # the talks under the date have times of their own
        for talk in group:
            if _same_day(date, talk.day) and talk.clock is None:
                talk.clock = start
                _guessed(talk, "time")


def _day_of_meeting(talks: Sequence[TalkText], blocks: Sequence[Block], day_first: bool,
                    meeting: bool = False) -> None:
    """The talks with no day (at most a year) of a meeting's page take the day the page names most."""
    undated = [t for t in talks if not t.day or len(t.day) == 4]  # no day, or a year only
    years = {t.day for t in undated if t.day}
    if not undated or len(years) > 1:
        return
    counts: Counter[tuple[int, int]] = Counter()
    named_years: dict[tuple[int, int], set[int]] = {}
    for block in blocks:
        event = bool(_EVENT_WORD.search(block.text))
        for found in _dates(block.text, day_first):
            date = found.value
            if isinstance(date, PartialDate) and date.month and date.day and date.year:
                counts[(date.month, date.day)] += 2 + event  # the line naming the talks or the meeting
                named_years.setdefault((date.month, date.day), set()).add(date.year)
    if not counts or len(counts) > _MEETING_DAYS:
        return  # no date with its year, or the many days of a series
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return  # no day stands out: a programme of several days, or deadlines as often as the day
    (month, day), _ = ranked[0]
    stated = named_years[(month, day)]
    year = int(next(iter(years))) if years else None
    if year is not None and year not in stated:
        return
    if year is None and len(stated) == 1:
        year = next(iter(stated))
    iso = PartialDate(year, month, day).iso()
    timed = sum(t.clock is not None for t in undated) >= max(2, 0.5 * len(undated))
    if not (meeting or timed or any(t.day == iso for t in talks)):
        return  # talks of no stated meeting: a list of talks given over a year keeps its years
    for talk in undated:
        talk.day = iso
        _guessed(talk, "date")


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RECURRING = re.compile(r"\b(?:(?P<weekday>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
                        r"(?:days?)?s?\b|every|each|weekly|fortnightly|biweekly)", re.IGNORECASE)
"""A weekday ("Thursdays", "Mon") or a word of recurrence ("every", "weekly")."""
_CJK_WEEKDAYS = "월화수목금토일"  # Korean; Japanese and Chinese below
_CJK_RECURRING = re.compile(r"매주|毎週|每[周週](?![一二三四五六日天])|(?P<ko>[월화수목금토일])요일|"
                            r"(?P<ja>[月火水木金土日])曜日?|(?:周|週|星期|礼拜|禮拜)(?P<zh>[一二三四五六日天])")
"""A weekday or "every week" in Korean ("매주 수요일"), Japanese ("毎週水曜日") or Chinese ("每周三")."""
_CJK_CLOCK = re.compile(r"(?P<half>오전|오후|午前|午後|上午|下午|晚上)?\s*(?<!\d)(?P<hour>[012]?\d)"
                        r"\s*(?:시|時|点|點)(?:\s*(?P<minute>[0-5]?\d)\s*(?:분|分)|\s*(?P<thirty>반|半))?")
"""A clock time in Korean, Japanese or Chinese: "오후 9시" (9 p.m.), "6시 30분", "午後3時", "下午3点半"."""
_AFTERNOON = 7
"""A meeting hour written without its half ("6시") up to this one is in the afternoon, as "at 4" is."""


def _cjk_weekdays(text: str) -> tuple[bool, frozenset[int]]:
    """Whether ``text`` says in a CJK script that something recurs, and the weekdays it names."""
    days: set[int] = set()
    found = False
    for match in _CJK_RECURRING.finditer(text):
        found = True
        if match["ko"]:
            days.add(_CJK_WEEKDAYS.index(match["ko"]))
        elif match["ja"]:
            days.add("月火水木金土日".index(match["ja"]))
        elif match["zh"]:
            days.add("一二三四五六日天".index(match["zh"]) if match["zh"] != "天" else 6)
    return found, frozenset(days)


def cjk_clock(text: str) -> list[time]:
    """The clock times ``text`` writes in Korean, Japanese or Chinese ("매주 수요일 오후 9시" → 21:00)."""
    clocks = []
    for match in _CJK_CLOCK.finditer(text):
        hour = int(match["hour"])
        minute = 30 if match["thirty"] else int(match["minute"] or 0)
        if hour > 23:
            continue
        if match["half"] in ("오후", "午後", "下午", "晚上") and hour < 12:
            hour += 12
        elif match["half"] is None and 1 <= hour <= _AFTERNOON:
            hour += 12
        clocks.append(time(hour, minute))
    return clocks


def _time_of_series(talks: Sequence[TalkText], blocks: Sequence[Block], day_first: bool) -> None:
    """Talks with a day and no time take the time of the line that says when the series meets."""
    if not any(_has_day(t.day) and t.clock is None for t in talks):
        return
    own = {t.line for t in talks if not t.weak}  # a weak reading of the series' line is no talk's
    stated: set[tuple[object, frozenset[int]]] = set()
    for block in blocks:
        if block.line in own or len(block.text) > 400 or block.struck:
            continue
        recurring = list(_RECURRING.finditer(block.text))
        cjk, cjk_days = _cjk_weekdays(block.text)
        if not recurring and not cjk:
            continue
        times = [f.value[0] for f in _times(block.text)] or (cjk_clock(block.text) if cjk else [])  # type: ignore[index]
        days = [f for f in _dates(block.text, day_first)
                if isinstance(f.value, PartialDate) and f.value.day]
        if len(times) != 1 or days:
            continue
        weekdays = frozenset(_WEEKDAYS.index(m["weekday"][:3].lower()) for m in recurring if m["weekday"])
        stated.add((times[0], weekdays | cjk_days))
    if len(stated) != 1:
        return  # no stated time, or several (a summer and a winter time, two series)
    start, weekdays = next(iter(stated))
    for talk in talks:
        if not _has_day(talk.day) or talk.clock is not None:
            continue
        if weekdays:
            on = _weekday_of(talk.day)
            if on is None or on not in weekdays:
                continue  # a talk on another day than the series' (or its weekday unknown)
        talk.clock = start  # type: ignore[assignment]
        _guessed(talk, "time")


def _weekday_of(day: str | None) -> int | None:
    """The weekday of a ``YYYY-MM-DD`` day (Monday 0), None without a year."""
    try:
        return date.fromisoformat(day).weekday() if day and len(day) == 10 else None
    except ValueError:
        return None


def _time_of_session(talks: Sequence[TalkText], blocks: Sequence[Block]) -> None:
    """The first talk after a short line that starts with a time and holds no talk, having no time
    itself, starts then, when that time falls between the times of the talks before and after it."""
    ordered = sorted((t for t in talks if t.line is not None), key=lambda t: t.line or 0)
    talk_lines = {t.line for t in ordered}
    previous: TalkText | None = None
    for n, talk in enumerate(ordered):
        after = (previous.line or -1) if previous is not None else -1
        if talk.clock is None:
            between = [b for b in blocks if after < b.line < (talk.line or 0) and b.line not in talk_lines
                       and len(b.text) <= _SHORT and not b.struck]
            timed = [b for b in between if _times(b.text)]
            last = _times(timed[-1].text) if timed else ()
            if len(last) == 1 and last[0].start == 0:
                start = last[0].value[0]  # type: ignore[index]
                before = [t.clock for t in ordered[:n] if t.clock is not None]
                later = [t.clock for t in ordered[n + 1:] if t.clock is not None]
                if (previous is None or previous.clock != start) \
                        and (not before or before[-1] <= start) and (not later or start <= later[0]):
                    talk.clock = start  # not the previous talk's own time, and in the programme's order
                    _guessed(talk, "time")
        previous = talk


_RANGE = re.compile(rf"(?:(?P<month>{MONTH_PATTERN})\s+(?P<first>[0-3]?\d)\s*[-–—]\s*(?P<last>[0-3]?\d)|"
                    rf"(?P<first2>[0-3]?\d)\s*[-–—]\s*(?P<last2>[0-3]?\d)\s+(?P<month2>{MONTH_PATTERN}))"
                    r",?\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
"""A run of days of one month with its year: "September 11–15, 2023", "11-15 September 2023"."""


def _year_of_stated_days(talks: Sequence[TalkText], blocks: Sequence[Block], day_first: bool) -> None:
    """Talks with a day and no year take the year of the page's dates with a year that cover that day."""
    if not any(t.day and t.day.startswith("--") for t in talks):
        return
    years: dict[tuple[int, int], set[int]] = {}
    for block in blocks:
        for found in _dates(block.text, day_first):
            date_ = found.value
            if isinstance(date_, PartialDate) and date_.year and date_.month and date_.day:
                years.setdefault((date_.month, date_.day), set()).add(date_.year)
        for match in _RANGE.finditer(block.text):
            month = month_number(match["month"] or match["month2"])
            first, last = int(match["first"] or match["first2"]), int(match["last"] or match["last2"])
            if month and 1 <= first < last <= 31:
                for day in range(first, last + 1):
                    years.setdefault((month, day), set()).add(int(match["year"]))
    for talk in talks:
        if talk.day and talk.day.startswith("--"):
            stated = years.get((int(talk.day[2:4]), int(talk.day[5:7])), set())
            if len(stated) == 1:
                talk.day = f"{next(iter(stated)):04d}{talk.day[1:]}"
                _guessed(talk, "date")


_NEAR = 7
"""How many days from the talks of a year a day with no year may fall and still be of that year
(the next day of a meeting, not a day of another year's series)."""


def _year_of_neighbours(talks: Sequence[TalkText]) -> None:
    """Talks with a day and no year take the one year of the page's talks with a full date, when
    their day falls within a week of those talks' first and last day."""
    days = [d for d in (_full(t.day) for t in talks) if d is not None]
    yearless = any(t.day and t.day.startswith("--") for t in talks)
    if not days or len({d.year for d in days}) != 1 or not yearless:
        return
    year, first, last = days[0].year, min(days), max(days)
    for talk in talks:
        if talk.day and talk.day.startswith("--"):
            day = _full(f"{year:04d}{talk.day[1:]}")
            if day is not None and (first - day).days <= _NEAR and (day - last).days <= _NEAR:
                talk.day = day.isoformat()
                _guessed(talk, "date")


def _full(day: str | None) -> date | None:
    """The calendar day of a ``YYYY-MM-DD`` day, None for less."""
    try:
        return date.fromisoformat(day) if day and len(day) == 10 and not day.startswith("-") else None
    except ValueError:
        return None


def stated_run(blocks: Sequence[Block]) -> tuple[date, date] | None:
    """The one run of days with its year a page states ("June 3–4, 2021", "11-15 September 2023"):
    the first and last day of a meeting of several days, or None when it states none or several."""
    runs: set[tuple[date, date]] = set()
    for block in blocks:
        for match in _RANGE.finditer(block.text):
            month = month_number(match["month"] or match["month2"])
            first, last = int(match["first"] or match["first2"]), int(match["last"] or match["last2"])
            if month and 1 <= first < last <= 31:
                try:
                    runs.add((date(int(match["year"]), month, first), date(int(match["year"]), month, last)))
                except ValueError:
                    continue
    return runs.pop() if len(runs) == 1 else None
