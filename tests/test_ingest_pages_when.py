"""A talk's day and time taken from its context (``pages.when``): hand-written edge cases of the
patterns real pages use; bench/extract_real.py --causes measures them on real pages."""

from __future__ import annotations

from kg.ingest.pages.blocks import Block
from kg.ingest.pages.extracted import SpeakerText, TalkText
from kg.ingest.pages.pipeline import extract_file
from kg.ingest.pages.when import inherit_when


def whens(tmp_path, name: str, text: str) -> list[tuple[str, str | None, str | None]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [(t.speakers[0].name, t.day, t.clock.strftime("%H:%M") if t.clock else None)
            for t in extract_file(path).talks]


def test_a_talk_takes_the_time_written_beside_its_dated_heading(tmp_path):
    assert whens(tmp_path, "s.md", "# Seminar\n\n#### Tuesday, May 12, 2026 (11h-12h)\n\n"
                 "- **Ada Lovelace:** Notes on the analytical engine\n\n"
                 "#### Thursday, April 16, 2026 (2:00-3:00pm)\n\n"
                 "- **Charles Babbage:** Difference engines and their tables\n") == [
        ("Ada Lovelace", "2026-05-12", "11:00"), ("Charles Babbage", "2026-04-16", "14:00")]


def test_a_days_heading_over_timed_talks_keeps_their_own_times(tmp_path):
    found = whens(tmp_path, "p.md", "# Workshop programme\n\n## Monday, March 2, 2026 (9:00-17:00)\n\n"
                  "- 10:30 Ada Lovelace: Notes on the analytical engine\n"
                  "- 11:30 Charles Babbage: Difference engines and their tables\n")
    assert [clock for _, _, clock in found] == ["10:30", "11:30"]


def test_a_one_day_workshops_timed_talks_take_the_day_its_page_names(tmp_path):
    found = whens(tmp_path, "w.md", "# Engines Workshop 2026\n\n"
                  "* Talks: Friday, February 20, 2026\n* Hackathon: Saturday, February 21, 2026\n"
                  "* Submission deadline: January 5, 2026\n\n## Schedule\n\n"
                  "| Time | Talk |\n|---|---|\n"
                  "| 9:30 AM | **Notes on the analytical engine** — Ada Lovelace |\n"
                  "| 10:00 AM | **Difference engines and their tables** — Charles Babbage |\n"
                  "| 10:30 AM | **On the connexion of the physical sciences** — Mary Somerville |\n")
    assert [(day, clock) for _, day, clock in found] == [("2026-02-20", "09:30"), ("2026-02-20", "10:00"),
                                                         ("2026-02-20", "10:30")]


def test_a_list_of_talks_given_over_a_year_keeps_its_year():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes on the analytical engine", day="2021", line=4),
             TalkText([SpeakerText("Ada Lovelace")], "Difference engines", day="2021", line=5)]
    blocks = [Block("Talks", 1, "h1", level=1), Block("2021", 3, "h2", level=2),
              Block("Notes on the analytical engine, Cambridge seminar", 4, "li"),
              Block("Difference engines, Oxford colloquium", 5, "li"),
              Block("Held on March 3, 2021 in Cambridge", 7, "p")]
    inherit_when(talks, blocks, kind="talk_listing")
    assert [t.day for t in talks] == ["2021", "2021"]  # talks of no meeting: no day of theirs
    inherit_when(talks, blocks, kind="meeting_programme")
    assert [t.day for t in talks] == ["2021-03-03", "2021-03-03"]  # a programme's talks: its one day


def test_a_series_stated_time_goes_to_its_talks_on_the_weekday_it_names():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", day="2024-02-01", line=5),  # a Thursday
             TalkText([SpeakerText("Charles Babbage")], "Tables", day="2024-02-06", line=6),  # a Tuesday
             TalkText([SpeakerText("Mary Somerville")], "Tides", day="--02-08", line=7)]  # no year
    blocks = [Block("Engines Seminar", 1, "h1", level=1),
              Block("We meet on Thursdays, 3:30-4:30pm, in Room 101.", 3, "p"),
              Block("Feb 1, 2024 Ada Lovelace Notes", 5, "td"),
              Block("Feb 6, 2024 Charles Babbage Tables", 6, "td"),
              Block("Feb 8 Mary Somerville Tides", 7, "td")]
    inherit_when(talks, blocks)
    assert [t.clock.strftime("%H:%M") if t.clock else None for t in talks] == ["15:30", None, None]
    blocks[1] = Block("Talks are held every week at 16:00 unless noted.", 3, "p")
    inherit_when(talks, blocks)  # no weekday named: every talk with a day and no time
    assert [t.clock.strftime("%H:%M") if t.clock else None for t in talks] == ["15:30", "16:00", "16:00"]


def test_a_series_time_written_in_korean_japanese_or_chinese_goes_to_its_talks():
    def clocks(line: str, weak: bool = True) -> list[str | None]:
        talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", day="2026-03-18", line=5),  # Wednesday
                 TalkText([SpeakerText("Charles Babbage")], "Tables", day="2026-03-23", line=6)]  # a Monday
        reading = TalkText([SpeakerText("Room")], line[:10], line=3)
        reading.weak = weak  # the series' line itself read, weakly, as a talk
        blocks = [Block("Engines Study", 1, "h1", level=1), Block(line, 3, "p"),
                  Block("2026-03-18 Ada Lovelace Notes", 5, "td"),
                  Block("2026-03-23 Charles Babbage Tables", 6, "td")]
        inherit_when([*talks, reading], blocks)
        return [t.clock.strftime("%H:%M") if t.clock else None for t in talks]

    assert clocks("참여 방법: 매주 수요일 오후 9시, Discord 로 입장!") == ["21:00", None]
    line = "매주 **월요일 6시**에 시작하여, 발표 당 시간은 **30분 이내**로 진행한다."
    assert clocks(line) == [None, "18:00"]  # "6시", no half written: a meeting at 6 p.m.
    assert clocks("毎週水曜日 午後3時半から") == ["15:30", None]
    assert clocks("每周三下午3点") == ["15:00", None]
    assert clocks("参加方法: 3時") == [None, None]  # a time with no word of recurrence: no series' time
    assert clocks("참여 방법: 매주 수요일 오후 9시", weak=False) == [None, None]  # a talk's own line


def test_the_first_talk_after_a_sessions_time_row_starts_then(tmp_path):
    found = whens(tmp_path, "w.md", "# Engines Workshop, 29th of July 2023\n\n"
                  "| | Topic | Speaker |\n|---|---|---|\n"
                  "| 9:00am | **Session I: Engines** | |\n"
                  "| | Notes on the analytical engine | Ada Lovelace <br> *(Cambridge)* |\n"
                  "| | Difference engines and their tables | Charles Babbage <br> *(London)* |\n"
                  "| 10:10am | *Coffee break* | |\n"
                  "| 10:25am | **Contributed talk** | |\n"
                  "| | On the connexion of the physical sciences | Mary Somerville <br> *(Edinburgh)* |\n")
    assert [clock for _, _, clock in found] == ["09:00", None, "10:25"]  # the second talk's time is not given


def test_talks_under_a_date_and_time_line_take_both():
    talks = [TalkText([SpeakerText(name)], title, line=line)
             for name, title, line in (("Ada Lovelace", "Notes", 6), ("Charles Babbage", "Tables", 7))]
    blocks = [Block("Upcoming talks", 1, "h2", level=2),
              Block("15 March 2019, 13:00-13:50 in Room 303", 3, "p"),
              Block("This week we will have two talks:", 5, "p"),
              Block("Ada Lovelace - Notes", 6, "li"), Block("Charles Babbage - Tables", 7, "li")]
    inherit_when(talks, blocks)
    assert [(t.day, t.clock.strftime("%H:%M") if t.clock else None) for t in talks] == [
        ("2019-03-15", "13:00"), ("2019-03-15", "13:00")]
    assert talks[0].guessed == ["date", "time"]  # taken from the context: shown for review


def test_a_day_without_its_year_takes_the_year_of_the_stated_days_that_cover_it():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", day="--09-11", line=5),
             TalkText([SpeakerText("Charles Babbage")], "Tables", day="--10-02", line=6)]
    blocks = [Block("This is the summer school program for September 11–15, 2023.", 2, "p"),
              Block("Monday 11 Sep: Ada Lovelace, Notes", 5, "td"),
              Block("Monday 2 Oct: Charles Babbage, Tables", 6, "td")]
    inherit_when(talks, blocks)
    assert [t.day for t in talks] == ["2023-09-11", "--10-02"]  # October 2 is not a stated day: no year


def test_talks_under_a_date_line_take_its_day_beside_a_talk_that_already_has_it():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes on the engine", line=3, day="--12-14"),
             TalkText([SpeakerText("Charles Babbage")], "Tables of logarithms", line=9)]
    inherit_when(talks, [Block("Programme for Thursday 14th of December", 1, "h1", level=1)],
                 kind="meeting_programme")
    assert [t.day for t in talks] == ["--12-14", "--12-14"]
    assert "date" in talks[1].guessed and "date" not in talks[0].guessed


def test_a_talk_on_another_day_keeps_the_others_from_a_date_line_above():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes on the engine", line=3, day="--12-15"),
             TalkText([SpeakerText("Charles Babbage")], "Tables of logarithms", line=9)]
    inherit_when(talks, [Block("Programme for Thursday 14th of December", 1, "h1", level=1)])
    assert talks[1].day != "--12-14"


def test_the_next_day_of_a_meeting_takes_the_year_of_its_first():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", day="2015-12-19", line=4),
             TalkText([SpeakerText("Charles Babbage")], "Engines", day="--12-20", line=8),
             TalkText([SpeakerText("Mary Somerville")], "Tides", day="--03-02", line=9)]
    inherit_when(talks, [Block("Winter meeting", 1, "h1", level=1)], kind="meeting_programme")
    assert [t.day for t in talks] == ["2015-12-19", "2015-12-20", "--03-02"]  # March: too far to tell
    assert "date" in talks[1].guessed and "date" not in talks[2].guessed


def test_a_day_heading_in_month_and_day_characters_dates_the_talks_under_it(tmp_path):
    found = whens(tmp_path, "j.html", "<html><body><h1>冬の談話会2015</h1><p>2015年12月19日（土）</p>"
                  "<p><b>1日目（12月19日（土））</b></p><table>"
                  "<tr><td>13:00～14:00</td><td><b>Notes on the analytical engine</b><br>Ada Lovelace"
                  "</td></tr>"
                  "</table><p><b>2日目（12月 20日（日））</b></p><table>"
                  "<tr><td>10:30～11:30</td><td><b>Difference engines</b><br>Charles Babbage</td></tr>"
                  "</table></body></html>")
    assert found == [("Ada Lovelace", "2015-12-19", "13:00"), ("Charles Babbage", "2015-12-20", "10:30")]


def test_days_in_brackets_take_the_one_year_the_pages_prose_writes(tmp_path):
    found = whens(tmp_path, "r.md", "# Seminars\n\nThe seminars of the course held in Term 3, 2020.\n\n"
                  "* SEMINAR 1 (04.02): Ada Lovelace - Notes on the analytical engine\n"
                  "* SEMINAR 2 (13.02): Charles Babbage - Difference engines and their tables\n")
    assert [day for _, day, _ in found] == ["2020-02-04", "2020-02-13"]


def test_brackets_that_hold_times_give_no_day():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", line=3),
             TalkText([SpeakerText("Charles Babbage")], "Tables", line=4)]
    inherit_when(talks, [Block("Ada Lovelace (10.05): Notes", 3, "li"),
                         Block("Charles Babbage (10.45): Tables", 4, "li")])
    assert [t.day for t in talks] == [None, None]


def test_a_weekdays_dotted_day_over_a_meetings_programme_gives_its_talks_the_day_and_the_pages_year():
    talks = [TalkText([SpeakerText("Ada Lovelace")], "Notes", line=4, day="2019"),
             TalkText([SpeakerText("Charles Babbage")], "Tables", line=5, day="2019")]
    inherit_when(talks, [Block("Engines 2019 programme", 1, "h1"), Block("Sunday 29.09", 3, "td"),
                         Block("09:00 Ada Lovelace", 4, "td"), Block("10:00 Charles Babbage", 5, "td")],
                 kind="meeting_programme")
    assert [t.day for t in talks] == ["2019-09-29", "2019-09-29"]
