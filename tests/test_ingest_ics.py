"""Seminar calendars: events in as talks at the time the page states, talks out with their zone."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import icalendar
from click.testing import CliRunner

from kg.cli import main
from kg.ingest.bulk import ics
from kg.ingest.bulk.ics import ImportedCalendar, ImportedTalk
from kg.ingest.printed import Problem
from kg.views import calendar
from kg.views.calendar import CalendarTalk

SEMINAR = Path(__file__).parent / "data" / "ingest" / "seminar.ics"
CENTRAL_WINTER = timezone(timedelta(hours=-6))


def items():
    return list(ics.parse(SEMINAR.read_text(encoding="utf-8"), "seminar.ics"))


def talks():
    return [i for i in items() if isinstance(i, ImportedTalk)]


def test_the_calendar_becomes_a_series_in_its_stated_zone():
    calendar = items()[0]
    assert calendar == ImportedCalendar("Theory Seminar", "America/Chicago", "seminar.ics")


def test_a_talk_stated_at_4pm_central_starts_at_4pm_central():
    first = talks()[0]
    assert first.start.isoformat() == "2025-02-21T16:00:00-06:00"
    assert first.start == datetime(2025, 2, 21, 16, 0, tzinfo=CENTRAL_WINTER)
    assert (first.title, first.speakers, first.affiliations) == (
        "Engines that think", ["Ada Lovelace"], ["Analytical University"])


def test_utc_times_show_in_the_calendars_zone_and_keep_their_instant():
    second = talks()[1]
    assert second.start.isoformat() == "2025-03-14T16:00:00-05:00"  # daylight time from March 9
    assert second.start == datetime(2025, 3, 14, 21, 0, tzinfo=UTC)
    assert second.end is not None and second.end - second.start == timedelta(hours=1)


def test_speakers_come_from_the_description_or_the_summary():
    second, third = talks()[1:3]
    assert second.speakers == ["Prof. Grace M. Hopper"] and second.affiliations == ["Harvard University"]
    assert second.abstract == "How a compiler learns to write the next one."
    assert second.url == "https://theory.example.edu/talks/2025-03-14"
    assert (third.speakers, third.title) == (["Kurt Godel"], "Undecidable questions")


def test_floating_times_are_read_in_the_calendars_zone():
    assert talks()[2].start.isoformat() == "2025-04-04T16:00:00-05:00"


def test_bad_events_are_listed_and_the_rest_imported():
    problems = [str(i) for i in items() if isinstance(i, Problem)]
    assert len(talks()) == 3
    assert [p.split(":")[0] for p in problems] == [
        "event #4 (broken-date@theory.example.edu)",
        "event #5 (faculty-meeting@theory.example.edu)",
        "event #6 (holiday@theory.example.edu)",
    ]
    assert "DTSTART" in problems[0] and "no speaker found" in problems[1] and "all-day" in problems[2]


def test_a_floating_time_without_any_zone_is_an_error_naming_the_event():
    text = SEMINAR.read_bytes().decode().replace("X-WR-TIMEZONE:America/Chicago\r\n", "")
    text = text.replace("DTSTART;TZID=America/Chicago:", "DTSTART:")
    problems = [str(i) for i in ics.parse(text, "s.ics") if isinstance(i, Problem)]
    assert any(p.startswith("event #1 (talk-2025-02-21@theory.example.edu): DTSTART: a floating time")
               for p in problems)


def test_a_file_that_is_not_a_calendar_is_one_problem():
    assert [str(p) for p in ics.parse("hello, world\n", "x.ics")][0].startswith("calendar: ")


def test_written_talks_carry_their_zone_and_a_vtimezone():
    talk = CalendarTalk("t1@kg", "Engines that think", datetime(2025, 2, 21, 22, 0, tzinfo=UTC),
                        speakers=["Ada Lovelace"], timezone="America/Chicago")
    text = calendar.to_ics([talk], "Theory Seminar", "America/Chicago").decode()
    assert "DTSTART;TZID=America/Chicago:20250221T160000" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:America/Chicago" in text
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime(2025, 2, 21, 22, 0, tzinfo=UTC)


def test_talks_of_an_event_without_a_zone_are_written_in_utc():
    talk = CalendarTalk("t1@kg", "T", datetime(2025, 2, 21, 16, 0, tzinfo=CENTRAL_WINTER))
    assert "DTSTART:20250221T220000Z" in calendar.to_ics([talk], "x").decode()


def test_writing_then_reading_keeps_start_instants_and_titles():
    written = calendar.to_ics([CalendarTalk(t.uid, t.title or "", t.start, t.end, t.speakers,
                                       timezone="America/Chicago") for t in talks()], "Theory Seminar")
    again = [i for i in ics.parse(written.decode(), "again.ics") if isinstance(i, ImportedTalk)]
    assert [(t.start, t.title, t.speakers) for t in again] == [
        (t.start, t.title, t.speakers) for t in talks()]


def test_ingest_build_export_import_round_trip(mini_data, tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    ingested = runner.invoke(main, ["--store", str(store), "ingest", str(SEMINAR), "--data", str(mini_data),
                                    "--format", "csv"])
    assert ingested.exit_code == 0, ingested.output
    assert ingested.stdout.splitlines()[1].endswith(",calendar,added,data/imports/seminar.ics,3,3")
    exported = runner.invoke(main, ["--store", str(store), "export", "--format", "ics",
                                    "--event", "Theory Seminar"])
    assert exported.exit_code == 0, exported.output
    assert "DTSTART;TZID=America/Chicago:20250221T160000" in exported.stdout
    again = [i for i in ics.parse(exported.stdout, "exported.ics") if isinstance(i, ImportedTalk)]
    assert sorted((t.start, t.title) for t in again) == sorted((t.start, t.title) for t in talks())
    names = {name for t in again for name in t.speakers}
    assert names == {"Ada Lovelace", "Grace Hopper", "Kurt Gödel"}  # resolved to the registry people


def test_exported_seed_seminar_shows_the_time_the_page_states(seed_store_path):
    result = CliRunner().invoke(main, ["--store", str(seed_store_path), "export", "--format", "ics",
                                       "--event", "CS Seminar"])
    assert result.exit_code == 0, result.output
    assert "DTSTART;TZID=America/Chicago:20250221T120000" in result.stdout  # noon, as the page says
    assert "SUMMARY:Deep Learning Theory in the Age of Generative AI" in result.stdout


def test_exporting_an_unknown_event_is_an_error(seed_store_path):
    result = CliRunner().invoke(main, ["--store", str(seed_store_path), "export", "--format", "ics",
                                       "--event", "No Such Seminar"])
    assert result.exit_code == 1 and "Error: no event is named 'No Such Seminar'" in result.stderr


def test_a_calendar_named_after_a_recorded_series_adds_its_talks_to_it(mini_data, tmp_path):
    store = tmp_path / "store"
    calendar = tmp_path / "mini-series.ics"
    calendar.write_bytes(SEMINAR.read_bytes())
    runner = CliRunner()
    assert runner.invoke(main, ["--store", str(store), "ingest", str(calendar), "--data", str(mini_data)]
                         ).exit_code == 0
    exported = runner.invoke(main, ["--store", str(store), "export", "--format", "ics",
                                    "--event", "Mini Seminar"])
    assert exported.exit_code == 0, exported.output
    # 4pm in Chicago, written in the series' own zone: 10pm in London, the same instant.
    assert "DTSTART;TZID=Europe/London:20250221T220000" in exported.stdout
    assert exported.stdout.count("BEGIN:VEVENT") == 5  # the two recorded talks and the calendar's three
    validated = runner.invoke(main, ["--store", str(store), "validate"])
    assert validated.exit_code == 0, validated.output


def test_several_speakers_with_affiliations_that_hold_and():
    text = SEMINAR.read_bytes().decode().replace(
        "DESCRIPTION:Speaker: Prof. Grace M. Hopper (Harvard University)",
        "DESCRIPTION:Speakers: Grace Hopper (Lab of Art and Science) and Alan Turing")
    talk = [i for i in ics.parse(text, "s.ics") if isinstance(i, ImportedTalk)][1]
    assert talk.speakers == ["Grace Hopper", "Alan Turing"]
    assert talk.affiliations == ["Lab of Art and Science", None]


def test_a_calendar_cut_short_keeps_its_whole_events():
    text = SEMINAR.read_bytes().decode()
    cut = text[:text.index("SUMMARY:Programs that compile themselves")]  # inside event #2
    found = list(ics.parse(cut, "cut.ics"))
    assert str(found[0]) == ("end of file: the calendar is cut short (no END:VCALENDAR); its last, "
                             "unfinished event (talk-2025-03-14@theory.example.edu) was skipped")
    assert [t.title for t in found if isinstance(t, ImportedTalk)] == ["Engines that think"]


def test_a_line_that_cannot_be_read_is_named_in_its_event():
    text = SEMINAR.read_bytes().decode().replace("SUMMARY:Programs", "SUMMARY Programs")
    problems = [str(i) for i in ics.parse(text, "s.ics") if isinstance(i, Problem)]
    assert problems[0].startswith("event #2 (talk-2025-03-14@theory.example.edu): Content line could not be")
    assert "SUMMARY Programs that compile themselves" in problems[0]


def test_an_outlook_zone_defined_in_the_calendar_keeps_4pm_central_and_names_the_iana_zone():
    outlook = SEMINAR.with_name("outlook.ics").read_text(encoding="utf-8")
    found = list(ics.parse(outlook, "outlook.ics"))
    assert found[0].timezone == "America/Chicago"
    assert [t.start.isoformat() for t in found[1:]] == ["2025-02-21T16:00:00-06:00",
                                                         "2025-03-14T16:00:00-05:00"]


def test_an_affiliation_with_brackets_of_its_own_stays_whole():
    text = SEMINAR.read_bytes().decode().replace(
        "DESCRIPTION:Speaker: Prof. Grace M. Hopper (Harvard University)",
        "DESCRIPTION:Speaker: Julien Monteil (Amazon Machine Learning (Australia))")
    talk = [i for i in ics.parse(text, "s.ics") if isinstance(i, ImportedTalk)][1]
    assert talk.speakers == ["Julien Monteil"]
    assert talk.affiliations == ["Amazon Machine Learning (Australia)"]


def with_organizers(text: str) -> str:
    """The test calendar with an ORGANIZER on each of its first three events: a person twice, the
    calendar itself, and an address alone."""
    organizers = ['ORGANIZER;CN="Charles Babbage":mailto:babbage@theory.example.edu',
                  'ORGANIZER;CN=Theory Seminar:mailto:seminar@theory.example.edu',
                  "ORGANIZER:mailto:office@theory.example.edu"]
    for organizer in organizers:
        text = text.replace("DTSTAMP:20250101T000000Z", f"{organizer}\nDTSTAMP:20250101T000000Z", 1)
    return text.replace("SUMMARY:Ada Lovelace", 'ORGANIZER;CN="Charles Babbage":mailto:cb@x.org\nSUMMARY:Ada '
                        "Lovelace", 1)


def test_the_people_the_events_name_as_organizer_organize_the_series():
    text = with_organizers(SEMINAR.read_text(encoding="utf-8"))
    calendar = next(ics.parse(text, "seminar.ics"))
    assert isinstance(calendar, ImportedCalendar)
    assert calendar.organizers == ("Charles Babbage",)  # not the calendar itself, not an address


def test_an_ingested_calendars_organizers_are_its_series_organizers(mini_data, tmp_path):
    store, calendar = tmp_path / "store", tmp_path / "seminar.ics"
    calendar.write_text(with_organizers(SEMINAR.read_text(encoding="utf-8")), encoding="utf-8")
    runner = CliRunner()
    ingested = runner.invoke(main, ["--store", str(store), "ingest", str(calendar), "--data", str(mini_data)])
    assert ingested.exit_code == 0, ingested.output
    events = runner.invoke(main, ["--store", str(store), "query", "events", "--format", "csv"])
    rows = [row for row in events.stdout.splitlines() if "Theory Seminar" in row]
    assert len(rows) == 1 and rows[0].endswith(",Charles Babbage"), events.stdout
