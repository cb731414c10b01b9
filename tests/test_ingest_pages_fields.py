"""What a piece of page text is: dates at the precision given, names told from title words."""

from datetime import time

from kg.ingest.pages.fields import (
    PartialDate,
    find_dates,
    find_times,
    is_given_name,
    is_name,
    is_organization,
    is_placeholder,
    word_leaning,
)


def dates(text: str) -> list[str | None]:
    return [f.value.iso() for f in find_dates(text)]


def test_dates_keep_the_precision_the_page_gives():
    assert dates("12/2025: NeurIPS 2025, San Diego") == ["2025-12"]
    assert dates("Wed 1 March 2023") == ["2023-03-01"] and dates("June 11th") == ["--06-11"]
    assert dates("Singapore (online), May 2022") == ["2022-05"]
    assert PartialDate(2024, None, None).iso() == "2024"


def test_the_minutes_of_a_clock_are_no_day():
    assert dates("15:15 - 15:30 Jan Krause. Pooling with recipes") == []
    assert dates("15:30, 30 Jan 2024") == ["2024-01-30"]


def test_name_words_and_title_words_come_from_the_fields_bibliographies():
    assert word_leaning("Felix") == "name" and word_leaning("Chen") == "name"
    assert word_leaning("Principal") == "title" and word_leaning("Practices") == "title"
    assert word_leaning("Zzyzxq") is None


def test_a_run_of_title_words_is_no_name_but_unknown_names_pass():
    assert is_name("Felix Binder") and is_name("Max Welling") and is_name("Diarra Fall")
    assert is_name("Xiuzhu YE")  # a surname in capitals
    assert not is_name("Best Practices") and not is_name("Principal Component")
    assert not is_name("Winnipeg MB")  # a city and its province
    assert not is_name("INFORMS Annual Meeting San Francisco")  # a meeting and its city


def test_organizations_are_not_titles():
    assert is_organization("Google Brain") and is_organization("Toyota Technological Institute at Chicago")
    assert not is_organization("Informing elective patient inter-hospital transfer using optimization")


def test_a_dotted_clock_time_is_a_time_of_day_but_a_day_and_month_is_not():
    def clocks(text):
        return [f.value[0].strftime("%H:%M") for f in find_times(text)]

    assert clocks("Wednesdays, 10.15 - 11.45 am") == ["10:15"]
    assert clocks("at 14.30") == ["14:30"]
    assert clocks("4.12") == [] and clocks("10.11") == []


def test_an_ordinal_set_apart_from_its_day():
    assert [f.value for f in find_dates("Workshop, 16 th March 2021")] == [PartialDate(2021, 3, 16)]
    assert [f.value for f in find_dates("March 3 then")] == [PartialDate(None, 3, 3)]


def test_french_hour_times_and_afternoon_hours_of_an_agenda():
    assert [f.value for f in find_times("18h-20h, salle U205")] == [(time(18), time(20))]
    assert [f.value for f in find_times("à 14h")] == [(time(14), None)]
    assert find_times("a 2h tutorial") == []  # a length of time
    assert [f.value for f in find_times("1.00 - 1.20")] == [(time(13), time(13, 20))]


def test_names_in_capitals_and_in_east_asian_scripts():
    assert is_name("GEOFFREY HINTON") and is_name("JOHN SMITH")
    assert not is_name("DEEP LEARNING") and not is_name("COFFEE BREAK") and not is_name("UC BERKELEY")
    assert is_name("山田 太郎") and is_name("김웅희") and is_name("Wang Xiaoming 王小明")


def test_positions_schools_and_pauses_are_no_names():
    assert not is_name("Associate Professor") and not is_name("Morning Tea") and not is_name("Site Tour")
    assert not is_name("Ecole Normale Supérieure") and not is_name("ETH Zürich")


def test_a_first_name_alone_is_a_given_name_but_a_title_word_is_not():
    assert is_given_name("Zach") and is_given_name("Jesús")
    assert not is_given_name("Learning") and not is_given_name("TBA") and not is_given_name("Zach Smith")


def test_placeholders_in_the_words_pages_use():
    for text in ("Title and abstract TBA", "TBA soon", "Topic: TBA", "Title to be announced soon",
                 "Stay tuned", "Title forthcoming", "Title/Abstract: TBA", "To be updated"):
        assert is_placeholder(text), text
    assert not is_placeholder("Notes on TBA processes") and not is_placeholder("To be or not to be")


def test_dates_in_other_languages_and_scripts():
    assert dates("3. März 2024, 16:00") == ["2024-03-03"]
    assert dates("12 de marzo de 2024") == ["2024-03-12"]
    assert dates("Mardi 12 novembre 2019") == ["2019-11-12"]
    assert dates("3 mars 2024") == ["2024-03-03"] and dates("the Mars rover") == []
    assert dates("📅 Outubro 13, 2025 — São Carlos, SP") == ["2025-10-13"]  # Portuguese
    assert dates("28 de março de 2025") == ["2025-03-28"] and dates("Marco Cuturi, 2024") == []
    assert dates("2024年3月3日 16:00") == ["2024-03-03"] and dates("2024년 3월 3일") == ["2024-03-03"]


def test_east_asian_institutions_are_no_names():
    assert not is_name("統計数理研究所") and not is_name("東京大学") and not is_name("서울대학교")
    assert is_name("王小明") and is_name("김웅희")


def test_a_year_abbreviated_after_an_apostrophe():
    assert dates("(Jun 7, '19) Augmented Neural ODEs") == ["2019-06-07"]
    assert dates("Dec 20, ’98") == ["1998-12-20"] and dates("May ’21") == ["2021-05"]
    assert dates("Room 21, May 3") == ["--05-03"]


def test_words_of_a_programme_and_nouns_of_titles_are_no_names():
    for text in ("Office Hours", "Bartos Theater", "Short Presentations", "Developer Meetup",
                 "Time-Point Intervention", "Light-tail Assumptions", "Discord Community"):
        assert not is_name(text), text
    for text in ("Charity Law", "Elaine Short", "Mark Rich", "Clifford Stein", "Chris Wild"):
        assert is_name(text), text


def test_a_date_with_dashes_day_first():
    assert dates("31-10-2020, 22:15 IST") == ["2020-10-31"] and dates("pages 12-15") == []


def test_a_verbs_ing_is_no_name():
    assert not is_name("Investigating Influencer VPN Ads") and not is_name("PIN Threat Modeling")
    assert is_name("John Skilling") and is_name("Leah Keating") and is_name("Alan Turing")


def test_two_digits_after_a_day_and_a_month_are_its_year_not_an_hour():
    assert dates("24 Jan 19") == ["2019-01-24"] and dates("8 Nov 18 | Ellen Hamaker") == ["2018-11-08"]
    assert dates("24 Jan 19:00") == ["--01-24"] and dates("3 May 10am") == ["--05-03"]
    assert dates("3 May 10-11") == ["--05-03"]


def test_a_weekday_before_a_numeric_date_tells_its_order():
    assert dates("Friday, 05/03/2021") == ["2021-03-05"]
    assert dates("Monday, 05/03/2021") == ["2021-05-03"]
    assert dates("05/03/2021") == ["2021-05-03"]  # no weekday: month first


def test_a_date_with_its_year_first_and_the_month_named():
    assert [f.value for f in find_dates("2024 Dec.09 , Speaker: Ada Lovelace")] == [PartialDate(2024, 12, 9)]
    assert [f.value for f in find_dates("2024, December 9")] == [PartialDate(2024, 12, 9)]


def test_a_comma_after_the_month_named_before_its_day_and_year():
    assert [f.value for f in find_dates("• October, 10th 2022 - Ada Lovelace")] == [PartialDate(2022, 10, 10)]
    assert [f.value for f in find_dates("November, 21st 2022")] == [PartialDate(2022, 11, 21)]
    assert find_dates("In October, 12 papers were accepted") == []  # no year: a count, not a day


def test_the_greeting_and_closing_of_an_email_are_no_names():
    assert not is_name("Hallo Martin") and not is_name("Viele Grüße") and not is_name("Dear Ada")
    assert is_name("Martin Weber")


def test_a_clock_time_with_its_seconds_is_read_whole():
    from kg.ingest.pages.fields import find_times
    found = find_times("09:30:00 Phil O'Neill, The University of Nottingham")
    assert [(f.start, f.value[0].strftime("%H:%M")) for f in found] == [(0, "09:30")]
    assert "09:30:00 Phil O'Neill"[found[0].end:].strip() == "Phil O'Neill"
    assert [f.value for f in find_times("09:30:00 - 10:15:00")][0][1].strftime("%H:%M") == "10:15"


def test_a_country_of_two_words_is_no_name():
    assert not is_name("United Kingdom") and not is_name("Saudi Arabia") and not is_name("United States.")
    assert is_name("Georgia Smith") and is_name("Jordan Peterson")  # a given name that is also a country


def test_a_long_month_misspelt_by_one_letter_with_its_day():
    assert dates("| Febrary 15 | Yuyang Li | Optimal Treatment Allocation |") == ["--02-15"]
    assert dates("1 Feburary 2024") == ["2024-02-01"] and dates("Septmber 9th, 2021") == ["2021-09-09"]
    assert dates("Januari 14") == ["--01-14"]  # the Dutch spelling
    assert dates("Seminar 12") == [] and dates("Augustin 3") == [] and dates("Session 3, 2020") == []


def test_noon_glued_to_its_twelve_is_a_clock_time():
    def clocks(text):
        return [f.value[0].strftime("%H:%M") for f in find_times(text)]

    assert clocks("12noon") == ["12:00"] and clocks("12 noon - 1pm") == ["12:00"]
    assert clocks("2pm") == ["14:00"] and clocks("noon") == ["12:00"]


def test_a_run_of_days_with_its_year_is_read_as_its_month_when_asked():
    # a meeting of several days in a personal list: the day the talk was given is not printed
    def runs(text: str) -> list[str | None]:
        return [f.value.iso() for f in find_dates(text, runs=True)]

    assert runs("DA2PL Conference, Belgium, April 16-17, 2026.") == ["2026-04"]
    assert runs("NeurIPS (Virtual, Dec 11–13, 2023): tutorial") == ["2023-12"]
    assert runs("Workshop, 16-17 April 2026") == ["2026-04"]
    assert runs("June 3rd - 5th 2022") == ["2022-06"]
    assert runs("May 3-4, then") == ["--05-03"]  # no year: the first day
    assert runs("Jan 12 - 14:00, 2020") == ["--01-12"]  # a day and an hour, no run of days
    assert dates("DA2PL Conference, Belgium, April 16-17, 2026.") == ["--04-16"]  # unasked: the first day


def test_a_day_and_a_named_month_joined_by_slashes_or_hyphens():
    assert [f.value.iso() for f in find_dates("25/Nov/2021, 9-May-2021")] == ["2021-11-25", "2021-05-09"]
    assert [f.value.iso() for f in find_dates("25/11/2021")] == ["2021-11-25"]


def test_days_joined_to_a_day_with_its_year_share_it():
    assert dates("Thursday, October 13th and 27th, 2022 - Causality") == ["2022-10-13"]
    assert dates("June 2nd and June 23rd, 2022") == ["2022-06-02", "2022-06-23"]
    assert dates("March 3, 10 and 17, 2021") == ["2021-03-03"]
    assert dates("Dec 3 and Jan 5, 2021") == ["--12-03", "2021-01-05"]  # the year may have turned


def test_a_day_past_the_nineteenth_before_a_month_of_two_digits():
    assert dates("20/02") == ["--02-20"] and dates("31/12") == ["--12-31"]
    assert dates("3/14") == ["--03-14"]
    assert dates("open 24/7") == [] and dates("score 25/13") == []


def test_month_and_day_in_cjk_characters_without_a_year():
    assert dates("2日目（12月\t20日（日））") == ["--12-20"] and dates("3월 5일") == ["--03-05"]
    assert dates("2015年12月19日") == ["2015-12-19"]


def test_uhr_is_a_clock():
    assert [f.value[0] for f in find_times("12. März 2021, 16 Uhr")] == [time(16, 0)]
    assert find_times("Ada Uhrig") == [] and find_times("2 Uhr Dauer") == []


def test_a_programmes_items_in_cjk_script_are_no_names():
    assert is_name("山田 太郎") and is_name("김웅희")
    assert not is_name("閉会式") and not is_name("链接") and not is_name("統計数理研究所")


def test_a_date_in_iso_basic_form_eight_digits_alone():
    from kg.ingest.pages.fields import PartialDate, find_dates

    assert [d.value for d in find_dates("- 20190604: [Attention is all you need](x.pdf)")] == \
        [PartialDate(2019, 6, 4)]
    assert find_dates("see /abs/20190604 or 201906041, call 20191301, file_20190604.pdf") == []


def test_a_bracket_after_a_name_holds_a_title_or_an_affiliation_by_its_content():
    from kg.ingest.pages.fields import bracket_holds_title
    assert bracket_holds_title("Lie algebra cohomology")
    assert bracket_holds_title("What is homology")
    assert not bracket_holds_title("grad student at NCSU")
    assert not bracket_holds_title("Stanford University")
    assert not bracket_holds_title("MIT")
    assert not bracket_holds_title("Google Research")
    assert not bracket_holds_title("Statistics, UCLA")
    assert not bracket_holds_title("Chicago")
    assert not bracket_holds_title("team member")
    assert not bracket_holds_title("Slides; Examples")
    assert not bracket_holds_title("presented by Marie Elster")
