"""What a piece of page text is: dates at the precision given, names told from title words."""

from kg.ingest.pages.fields import PartialDate, find_dates, find_times, is_name, is_organization, word_leaning


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
