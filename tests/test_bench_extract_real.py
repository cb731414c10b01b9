"""bench/extract_real.py on the real corpus: the scorer, its fixed split, and the figures it measures.

The thresholds sit a little under the figures in BENCHMARKS.md ("Page extraction on real pages"),
so that a regression of the extractor fails here. The whole corpus takes a few seconds.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "pages" / "real"


def load_bench():
    spec = importlib.util.spec_from_file_location("extract_real", ROOT / "bench" / "extract_real.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_real"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load_bench()


@pytest.fixture(scope="module")
def figures(bench):
    whole = bench.run(CORPUS, "all")
    found = {half: bench.summary(result)
             for half, result in bench.halves(whole, bench.fresh_site_lists(CORPUS)).items()}
    programmes = whole["kinds"]["meeting_programme"]  # the pages whose gold kind is a programme
    found["programmes"] = {"talks": programmes.ratio("talks"), "datetime": programmes.ratio("datetime"),
                           "spurious": programmes.spurious_share}
    return found


def test_the_fresh_sites_are_listed_and_are_sites_of_the_corpus(bench):
    sites = {row["file"].split("/")[0] for row in bench.load_gold(CORPUS)}
    lists = bench.fresh_site_lists(CORPUS)
    assert {row: len(listed) for row, listed in lists.items()} == {"new sites": 37, "new sites 2": 30,
                                                                     "new sites 3": 35, "new sites 4": 39,
                                                                     "new sites 5": 25, "new sites 6": 27,
                                                                     "new sites 7": 29, "new sites 8": 28,
                                                                     "new sites 9": 29, "new sites 10": 27,
                                                                     "new sites 11": 29, "new sites 12": 26,
                                                                     "new sites 13": 26, "new sites 14": 27,
                                                                     "new sites 15": 27}
    assert all(listed <= sites for listed in lists.values())
    assert not lists["new sites"] & lists["new sites 2"]
    assert not lists["new sites 3"] & (lists["new sites"] | lists["new sites 2"])
    assert not lists["new sites 4"] & (lists["new sites"] | lists["new sites 2"] | lists["new sites 3"])
    assert not lists["new sites 5"] & set().union(*(lists[f"new sites{n}"] for n in ("", " 2", " 3", " 4")))
    earlier = set().union(*(lists[f"new sites{n}"] for n in ("", " 2", " 3", " 4", " 5")))
    assert not lists["new sites 6"] & earlier
    assert not lists["new sites 7"] & (earlier | lists["new sites 6"])
    assert not lists["new sites 8"] & (earlier | lists["new sites 6"] | lists["new sites 7"])
    assert not lists["new sites 9"] & (earlier | lists["new sites 6"] | lists["new sites 7"]
                                       | lists["new sites 8"])
    later = set().union(*(lists[f"new sites {n}"] for n in (6, 7, 8, 9)))
    assert not lists["new sites 10"] & (earlier | later)
    assert not lists["new sites 11"] & (earlier | later | lists["new sites 10"])
    assert not lists["new sites 12"] & (earlier | later | lists["new sites 10"] | lists["new sites 11"])
    assert not lists["new sites 13"] & (earlier | later | lists["new sites 10"] | lists["new sites 11"]
                                        | lists["new sites 12"])
    assert not lists["new sites 14"] & (earlier | later | lists["new sites 10"] | lists["new sites 11"]
                                        | lists["new sites 12"] | lists["new sites 13"])
    assert not lists["new sites 15"] & set().union(earlier, later, *(lists[f"new sites {n}"]
                                                                      for n in (10, 11, 12, 13, 14)))


def test_the_split_is_fixed_by_site_and_covers_both_halves(bench):
    sites = {row["file"].split("/")[0] for row in bench.load_gold(CORPUS)}
    halves = {site: bench.half_of(site) for site in sites}
    assert set(halves.values()) == {"dev", "check"}
    assert halves == {site: bench.half_of(site) for site in sites}  # the same every time
    assert bench.half_of("nyu-mad") == "dev"


def test_matching_folds_case_accents_and_small_differences(bench):
    assert bench.same_name("Lénaïc Chizat", "lenaic chizat")
    assert bench.same_title("Matrix Concentration for Products", "Matrix Concetration for Products")
    assert not bench.same_title("Deep RL", "Deep Reinforcement Learning at Scale")
    assert bench.same_title(None, None) and not bench.same_title("A title", None)


def test_a_page_is_scored_on_talks_times_affiliations_papers_and_spurious_rows(bench):
    gold = {"file": "x/p.md", "kind": "seminar_page", "papers": [
        {"title": "Sharpness and generalization", "authors": ["Ada Lovelace", "C. Babbage"], "line": 9}],
        "talks": [{"speakers": ["Ada Lovelace"], "title": "Engines", "date": "2024-05-06", "time": "16:00",
                   "affiliation": "University of London", "line": 3},
                  {"speakers": ["Charles Babbage"], "title": None, "date": None, "time": None,
                   "affiliation": None, "line": 4}]}
    talks = [bench.Talk(["Ada Lovelace"], "Engines", "2024-05-06", "16:00", "Imperial College", 3),
             bench.Talk(["Mary Somerville"], "Tides", None, None, None, 7)]
    papers = [bench.Paper("Sharpness and Generalization", ["A. Lovelace", "Charles Babbage"])]
    counts = bench.score_page(gold, "seminar_page", talks, papers)
    assert counts.values == {"talks": [1, 2], "datetime": [1, 1], "affiliation": [0, 1], "papers": [1, 1],
                             "unnamed": [0, 0]}
    assert (counts.spurious, counts.extracted) == (1, 3)


def test_each_spurious_row_is_listed_with_its_page_and_line(bench):
    gold = {"file": "x/p.md", "kind": "author_page", "talks": [], "papers": [
        {"title": "Sharpness and generalization", "authors": ["Ada Lovelace"], "line": 9}]}
    misses: list[str] = []
    bench.score_page(gold, "author_page", [bench.Talk(["J. Comput"], "Engines", None, None, None, 12)],
                     [bench.Paper("Sharpness and generalization", ["Ada Lovelace"], 9),
                      bench.Paper("SIAM Journal on Computing", [], 11)], misses)
    assert misses == ["x/p.md:12: spurious talk ['J. Comput'] 'Engines'",
                      "x/p.md:11: spurious paper 'SIAM Journal on Computing'"]


def test_a_talk_the_page_gives_without_a_speaker_is_matched_by_its_title(bench):
    gold = {"file": "x/talks.md", "kind": "talk_listing", "papers": [], "talks": [
        {"speakers": [], "title": "Notes on the Analytical Engine", "date": "2019-05-01", "time": None,
         "affiliation": None, "line": 3},
        {"speakers": [], "title": "Bernoulli Numbers by Machine", "date": None, "time": None,
         "affiliation": None, "line": 5}]}
    talks = [bench.Talk([], "Notes on the analytical engine", "2019-05-01", None, None, 3)]
    counts = bench.score_page(gold, "talk_listing", talks, [])
    assert counts.values["unnamed"] == [1, 2] and counts.values["talks"] == [1, 2] and counts.spurious == 0


def test_a_talk_given_twice_is_paired_with_the_entry_of_its_own_day(bench):
    gold = {"file": "x/talks.md", "kind": "talk_listing", "papers": [], "talks": [
        {"speakers": ["Ada Lovelace"], "title": "Engines", "date": "2019-06-21", "time": None,
         "affiliation": None, "line": 3},
        {"speakers": ["Ada Lovelace"], "title": "Engines", "date": "2019-09-06", "time": None,
         "affiliation": None, "line": 5}]}
    talks = [bench.Talk(["Ada Lovelace"], "Engines", day, None, None, line)
             for day, line in (("2019-09-06", 1), ("2019-06-21", 3))]
    counts = bench.score_page(gold, "talk_listing", talks, [])
    assert counts.values["talks"] == [2, 2] and counts.values["datetime"] == [2, 2]


def test_a_missed_date_time_is_told_by_its_cause(bench):
    def talk(day, clock):
        return bench.Talk(["Ada Lovelace"], "Engines", day, clock, None)

    assert bench.when_cause("2024-05-06", "16:00", None) == "talk not found"
    assert bench.when_cause("2024-05-06", "16:00", talk("2024-05-06", "16:00")) == "right"
    assert bench.when_cause("2024-05-06", "16:00", talk("2024-05-06", None)) == "no time"
    assert bench.when_cause("2024-05-06", "16:00", talk("2024-05-06", "04:00")) == "wrong time"
    assert bench.when_cause("2024-05-06", None, talk("2024", None)) == "year only"
    assert bench.when_cause("2024-05-06", None, talk("--05-06", None)) == "year missing"
    assert bench.when_cause("2024-05-06", None, talk("2023-05-06", None)) == "wrong year"
    assert bench.when_cause("2024-05-06", None, talk("2024-06-05", None)) == "day and month swapped"
    assert bench.when_cause("2024-05-06", None, talk("2024-05-13", None)) == "wrong day"
    assert bench.when_cause("2024-05-06", None, talk(None, None)) == "no date"


def test_a_found_talk_with_a_wrong_day_is_listed_with_its_cause(bench):
    gold = {"file": "x/talks.md", "kind": "talk_listing", "papers": [], "talks": [
        {"speakers": ["Ada Lovelace"], "title": "Engines", "date": "2019-06-21", "time": "16:00",
         "affiliation": None, "line": 3}]}
    misses: list[str] = []
    bench.score_page(gold, "talk_listing", [bench.Talk(["Ada Lovelace"], "Engines", "2019", None, None, 3)],
                     [], misses)
    assert misses == ["x/talks.md:3: when 2019-06-21 16:00 ~ got 2019 None (year only)"]


def test_the_confusion_matrix_counts_each_gold_kind_by_the_kind_detected(bench):
    gold = {"file": "x/p.md", "kind": "event_page", "papers": [], "talks": [
        {"speakers": ["Ada Lovelace"], "title": "Engines", "date": None, "time": None, "affiliation": None,
         "line": 3}]}
    talk = bench.Talk(["Ada Lovelace"], "Engines", None, None, None)
    read = bench.score_page(gold, "seminar_page", [talk], [])
    empty = bench.score_page(gold, "talk_listing", [], [])
    kinds = {"event_page": bench.Counts()}
    for counts in (read, empty):
        kinds["event_page"].add(counts)
    assert kinds["event_page"].detected == {"seminar_page": 1, "none": 1}
    matrix = bench.confusion({"dev": {"kinds": kinds}})
    assert "| event | 1 | 0 | 0 | 0 | 0 | 1 | 0.00 | 0.00 |" in matrix


def test_a_wrong_kind_that_files_the_talks_as_the_gold_kind_would_costs_nothing(bench):
    """A personal list of talks labelled an author's page and read as a listing is filed as a series
    and its days either way; one talk read as a seminar page is not its own day's event."""
    gold = {"file": "x/talks.md", "kind": "author_page", "papers": [], "talks": [
        {"speakers": ["Ada Lovelace"], "title": title, "date": None, "time": None, "affiliation": None,
         "line": line} for line, title in ((3, "Engines"), (5, "Looms"))]}
    talks = [bench.Talk(["Ada Lovelace"], title, None, None, None) for title in ("Engines", "Looms")]
    listing = bench.score_page(gold, "talk_listing", talks, [])
    assert (listing.kind_right, listing.same_records) == (0, 1)
    assert bench.filed_under("event_page", 3, wanted=True) == "meeting"  # a workshop's day
    assert bench.filed_under("event_page", 3) == bench.filed_under("seminar_page", 3) == "series and days"
    assert bench.filed_under("seminar_page", 1) != bench.filed_under("event_page", 1)


def test_the_extractor_keeps_its_measured_figures_on_the_real_pages(figures):
    whole, dev, check = figures["all"], figures["dev"], figures["check"]
    new, new2, new3 = figures["new sites"], figures["new sites 2"], figures["new sites 3"]
    new4, new5, new6 = figures["new sites 4"], figures["new sites 5"], figures["new sites 6"]
    new7, new8, new9 = figures["new sites 7"], figures["new sites 8"], figures["new sites 9"]
    new10, new11, new12 = figures["new sites 10"], figures["new sites 11"], figures["new sites 12"]
    new13, new14, new15 = figures["new sites 13"], figures["new sites 14"], figures["new sites 15"]
    assert whole["pages"] == 1046 and whole["sites"] == 548 and new14["sites"] == 27
    assert new15["sites"] == 27 and new15["pages"] == 34
    assert new10["sites"] == 27 and new11["sites"] == 29
    assert new12["sites"] == 26 and new13["sites"] == 26
    assert new["sites"] == 37 and new2["sites"] == 30
    assert new3["sites"] == 35 and new4["sites"] == 39 and new5["sites"] == 25 and new6["sites"] == 27
    assert new7["sites"] == 29 and new8["sites"] == 28 and new9["sites"] == 29
    # the ninth set joined after round twelve (talks 0.40, papers 0.26): whole talks 0.77 -> 0.75
    assert whole["talks"] >= 0.74 and whole["talks_sites"] >= 0.59
    assert whole["datetime"] >= 0.70 and whole["affiliation"] >= 0.73
    assert whole["papers"] >= 0.77 and whole["spurious"] <= 0.063  # round twelve's units: 0.75 -> 0.83
    # (the eleventh set joined after round fourteen: whole papers 0.78 -> 0.777; spurious 0.057)
    assert new9["talks"] >= 0.38 and new9["datetime"] >= 0.33 and new9["papers"] >= 0.24
    assert new9["spurious"] <= 0.17  # blind before round twelve: talks 0.31, date-time 0.30, spurious 0.21
    assert new9["papers"] >= 0.26 and new9["spurious"] <= 0.135  # round 13 (10u): 0.26 -> 0.27, 0.15 -> 0.12
    assert dev["talks"] >= 0.73 and check["talks"] >= 0.73 and new["talks"] >= 0.78 and new2["talks"] >= 0.64
    assert new3["talks"] >= 0.81 and new3["datetime"] >= 0.82 and whole["kinds_right"] >= 0.785
    # (kinds right 0.79 -> 0.7897 once the fifteenth set joined, blind at 0.47)
    # (0.83 -> 0.81 with the twelfth set: its collector labelled researchers' own talk lists author_page,
    # which the corpus mostly labels talk_listing, and kg reads as talk lists)
    assert new3["papers"] >= 0.91 and new3["spurious"] <= 0.08
    assert check["datetime"] >= 0.66 and new["datetime"] >= 0.76 and new2["datetime"] >= 0.52
    assert check["papers"] >= 0.75 and new["papers"] >= 0.88 and new2["papers"] >= 0.80
    assert check["spurious"] <= 0.075 and new["spurious"] <= 0.04 and new2["spurious"] <= 0.09
    assert dev["spurious"] <= 0.075  # round eleven: personal talk lists read as such (0.06 -> 0.04);
    # the eleventh set's development pages (a programme and a reading group among them): 0.05 -> 0.064
    assert new4["talks"] >= 0.65 and new4["datetime"] >= 0.55 and new4["papers"] >= 0.88
    assert new4["spurious"] <= 0.12
    assert new5["talks"] >= 0.38 and new5["datetime"] >= 0.36 and new5["papers"] >= 0.72
    assert new5["spurious"] <= 0.16
    assert new6["talks"] >= 0.40 and new6["datetime"] >= 0.39 and new6["papers"] >= 0.64
    assert new6["spurious"] <= 0.13
    assert new7["talks"] >= 0.60 and new7["datetime"] >= 0.51 and new7["papers"] >= 0.76
    assert new7["spurious"] <= 0.12  # blind before round ten: talks 0.36, papers 0.06, spurious 0.33;
    # round eleven read its personal talk lists: talks 0.63, date-time 0.54, spurious 0.09
    assert new8["talks"] >= 0.60 and new8["datetime"] >= 0.48 and new8["papers"] >= 0.80
    assert new8["spurious"] <= 0.09  # blind before and after round eleven: 0.61, 0.50, 0.42, 0.07
    assert new8["talks"] >= 0.65 and new8["datetime"] >= 0.59  # round twelve read its programmes (joined)
    programmes = figures["programmes"]  # round twelve: programme slots, 0.68/0.63 -> 0.77/0.74, 0.06;
    # with the ninth set's five programmes (blind: talks 0.21) 0.72 / 0.70 / 0.06
    assert programmes["talks"] >= 0.70 and programmes["datetime"] >= 0.68
    # round thirteen: programmes read as grids (grid.py), 0.72 / 0.70 / 0.06 -> 0.78 / 0.75 / 0.05
    assert programmes["talks"] >= 0.74 and programmes["datetime"] >= 0.72  # 0.76 / 0.73 before set 13
    # with the tenth set's five programmes 0.77 / 0.75 / 0.10: one of them (a statistics symposium) lists
    # its invited sessions as organizer / title / chair rows, 65 rows read as talks
    assert programmes["spurious"] <= 0.105
    assert new9["talks"] >= 0.66 and new9["datetime"] >= 0.62  # the same, with the ninth set joined
    # round thirteen read the talks a page gives without a speaker's name (one-talk files, sessions):
    # of the 203 such gold talks 0.12 -> 0.48; whole talks 0.75 -> 0.77; new sites 7 0.68 -> 0.85
    # (with the eleventh set joined, 226 such talks, 0.43: its 22 are not found)
    assert whole["unnamed"] >= 0.42 and whole["talks"] >= 0.76 and new7["talks"] >= 0.82
    assert new9["talks"] >= 0.41 and new9["unnamed"] >= 0.18 and new9["spurious"] <= 0.16
    # the tenth set, blind before and after round thirteen: talks 0.34, date-time 0.42, papers 0.66,
    # spurious 0.27; then Pandoc's simple tables read (a Quarto archive, 0/20 -> 19/20): talks 0.42
    assert new10["talks"] >= 0.44 and new10["datetime"] >= 0.52 and new10["papers"] >= 0.64  # "October, 10th"
    assert new10["spurious"] <= 0.27 and check["papers"] >= 0.75  # check 0.77 -> 0.76 with the tenth set
    # round fourteen (10v): an owner from the papers of the page or of its site, one speaker's units on
    # several days, a session's organizers: talks 0.775 -> 0.792 (dev 0.766 -> 0.777, check 0.784 -> 0.806),
    # the tenth set (read) 0.46 -> 0.69, date-time 0.54 -> 0.63, spurious 0.26 -> 0.10; programmes
    # 0.10 -> 0.06
    assert whole["talks"] >= 0.77 and dev["talks"] >= 0.73 and check["talks"] >= 0.78  # 0.787 with set 11
    assert new10["talks"] >= 0.66 and new10["datetime"] >= 0.60 and new10["spurious"] <= 0.12
    assert programmes["spurious"] <= 0.075
    # the eleventh set, blind before and after round fourteen: talks 0.67, date-time 0.61, papers 0.60,
    # spurious 0.17 (nothing the round built changed one of its rows)
    assert new11["talks"] >= 0.65 and new11["datetime"] >= 0.59 and new11["papers"] >= 0.58
    assert new11["spurious"] <= 0.185
    # then mends read from its misses (10x: a first name behind "presented by", a room before a marked
    # title, a title cell printed as an address): talks 0.67 -> 0.78, date-time 0.61 -> 0.67, spurious
    # 0.15; over the corpus 96 pages changed, +80 gold talks, none lost; check talks 0.787 -> 0.81
    assert new11["talks"] >= 0.76 and new11["datetime"] >= 0.65 and new11["spurious"] <= 0.16
    assert check["talks"] >= 0.80 and whole["talks"] >= 0.77 and new8["talks"] >= 0.75
    # the twelfth set, blind before and after round fifteen: talks 0.23 -> 0.24, date-time 0.22 -> 0.23,
    # papers 0.70, spurious 0.28 -> 0.27 (17 of its 32 pages are researchers' own talk lists, 0.03 found);
    # then its misses were read (10aa: lists titled as talks whose owner is never named, <dl> entries,
    # <br> blocks line by line): talks 0.71, date-time 0.47, spurious 0.13; 40 of its 345 gold talks
    # give neither a speaker nor a title and cannot be matched
    assert new12["talks"] >= 0.69 and new12["datetime"] >= 0.45 and new12["papers"] >= 0.68
    assert new12["spurious"] <= 0.15 and whole["unnamed"] >= 0.51
    # the thirteenth set joined before round sixteen was merged, blind: talks 0.20, date-time 0.17, papers
    # 0.85, spurious 0.24 (a reading group's 102 talks in hand-written HTML, four pages whose talks are only
    # in a generator's data files, 35 oral papers printed without a presenter); it takes the development
    # half's talks 0.79 -> 0.74 and the whole's 0.80 -> 0.77, the talks given without a speaker 0.57 -> 0.51
    assert new13["talks"] >= 0.18 and new13["datetime"] >= 0.15 and new13["papers"] >= 0.83
    assert new13["spurious"] <= 0.26
    # the fourteenth set joined before round seventeen was merged, blind: talks 0.51, date-time 0.39,
    # papers 0.55, spurious 0.17, kind right 0.51 (a personal talk list in Quarto of 49 talks, none found;
    # a data file of talks; reading groups listing the papers they read)
    assert new14["talks"] >= 0.49 and new14["datetime"] >= 0.37 and new14["papers"] >= 0.53
    assert new14["spurious"] <= 0.19
    # then its misses read (10ak: a Quarto site's owner, a data file's "members" that are talks, "Title
    # with Dr. Name" cells of two talks, ISO basic dates, a venue after a reading group's paper title, a
    # personal list's "DATE: Title, Venue" lines): talks 0.507 -> 0.791, date-time 0.393 -> 0.650,
    # spurious 0.166 -> 0.087, papers unchanged
    assert new14["talks"] >= 0.77 and new14["datetime"] >= 0.63 and new14["spurious"] <= 0.10
    # the fifteenth set joined before round eighteen was merged, blind: talks 0.64, date-time 0.55, papers
    # 0.62, spurious 0.16, kind right 0.47 (eight researchers' own lists, talks found 0.04 on them; a
    # data file of papers read as talks); with it the whole corpus's talks 0.83, check papers 0.77
    assert new15["talks"] >= 0.62 and new15["datetime"] >= 0.53 and new15["papers"] >= 0.60
    assert new15["spurious"] <= 0.18
    # then its misses read (10aq: a person's record holding their talks in a data file, a data file of
    # papers in a talk file's shape, reference links whose targets hold a template tag): talks 0.64 -> 0.72,
    # date-time 0.55 -> 0.61, papers 0.62 -> 0.81, spurious 0.16 -> 0.14
    assert new15["talks"] >= 0.70 and new15["datetime"] >= 0.59 and new15["papers"] >= 0.79
    assert new15["spurious"] <= 0.15
    # round sixteen: spurious rows that cite a paper or name a venue (10ae), publication lists (10af), pages
    # where nothing was found (10ad), dates of found talks (10ac); the thirteenth set, blind after the round,
    # unchanged; then its misses read (10ag: a generator's data files, a table's caption row, Pandoc's raw
    # HTML, a programme cell's session list): talks 0.91, date-time 0.85, papers 0.90, spurious 0.04
    # (with the fourteenth set joined, blind: whole talks 0.82 -> 0.809, date-time 0.756 -> 0.745, talks
    # given without a speaker 0.62 -> 0.60; dev talks 0.83 -> 0.813; check talks 0.82 -> 0.804, date-time
    # 0.74 -> 0.719, papers 0.79 -> 0.772, spurious 0.05 -> 0.055)
    assert whole["talks"] >= 0.80 and whole["datetime"] >= 0.74 and whole["papers"] >= 0.81
    assert whole["spurious"] <= 0.053 and dev["talks"] >= 0.80 and dev["papers"] >= 0.85
    assert check["talks"] >= 0.80 and check["datetime"] >= 0.715 and check["papers"] >= 0.77
    assert check["spurious"] <= 0.056 and whole["unnamed"] >= 0.59
    assert new13["talks"] >= 0.89 and new13["datetime"] >= 0.83 and new13["papers"] >= 0.88
    assert new13["spurious"] <= 0.06 and programmes["talks"] >= 0.78 and programmes["datetime"] >= 0.76
    # round seventeen (10ai): a series' time where sessions are held, a session's one When: line, a
    # thematic break ending a record, and the scorer pairing a talk given twice with its own day:
    # date-time dev 0.791 -> 0.807, check 0.736 -> 0.755, all 0.765 -> 0.782 (before the fourteenth set
    # joined; with it, blind at 0.39: dev 0.793, check 0.741, all 0.768)
    assert dev["datetime"] >= 0.785 and check["datetime"] >= 0.735 and whole["datetime"] >= 0.76
