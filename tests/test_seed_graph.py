"""The graph built from data/ answers the named queries with the facts of the five seed documents."""

import pytest

from kg.rdf.shapes import validate_graph
from kg.sparql.catalog import find_query
from kg.sparql.reads import data_graph as store_graph
from kg.sparql.resolver import bind_parameters

ID = "https://w3id.org/kg/id/"


def ask(store, name, **params):
    query = find_query(name)
    bindings = bind_parameters(store, query, list(params.items()))
    assert not bindings.notes, bindings.notes
    return store.select(query.text, bindings.terms).values()


def test_all_five_documents_are_sources(seed_store):
    graphs = {r["graph"] for r in ask(seed_store, "stats_by_source")}
    assert {ID + "source/" + s for s in [
        "alg-ml-seminar-2023-12-04", "northwestern-cs-seminar-malladi-2025", "recorded-talks-ml",
        "modl-annual-meeting-2024", "sanjeev-arora-author-page"]} <= graphs


def test_the_princeton_seminar_talk(seed_store):
    rows = [r for r in ask(seed_store, "talks") if r["speakerName"] == "Noam Razin"]
    assert len(rows) == 1
    talk = rows[0]
    assert talk["title"].startswith("Two Theoretical Analyses of Modern Deep Learning")
    assert talk["affiliationName"] == "Tel Aviv University"
    assert talk["start"] == "2023-12-04T12:30:00-05:00"
    assert talk["source"] == ID + "source/alg-ml-seminar-2023-12-04"


def test_the_northwestern_talk_keeps_central_time(seed_store):
    talk = next(r for r in ask(seed_store, "talks") if r["speakerName"] == "Sadhika Malladi")
    assert talk["title"] == "Deep Learning Theory in the Age of Generative AI"
    assert talk["start"] == "2025-02-21T12:00:00-06:00"
    assert talk["affiliationName"] == "Princeton University"


def test_a_talk_with_two_stated_affiliations(seed_store):
    talk = next(r for r in ask(seed_store, "talks") if r["speakerName"] == "Michael W. Mahoney")
    assert talk["affiliationName"] == "LBNL and UC Berkeley"
    people = {r["name"]: r for r in ask(seed_store, "people")}
    affiliations = people["Michael W. Mahoney"]["affiliations"]
    assert "Lawrence Berkeley National Laboratory" in affiliations
    assert "University of California, Berkeley" in affiliations


def test_every_recorded_talk_is_there(seed_store):
    speakers = {r["speakerName"] for r in ask(seed_store, "talks")}
    assert {"Maryam Fazel", "Madeleine Udell", "Mahdi Soltanolkotabi", "Quanquan Gu",
            "Michael W. Mahoney", "Adam Tauman Kalai", "Jason Lee", "Rebecca Willett",
            "Robert Nowak", "Xiang Cheng", "Roy Fox", "Max Welling", "Ramya Korlakai Vinayak",
            "Pengtao Xie", "Murat Kocaoglu", "Bei Yu", "Li-C. Wang", "Muhammad Shafique"} <= speakers


def test_meeting_programme_in_time_order_with_agenda_spellings_merged(seed_store):
    meeting = "2024 Mathematical and Scientific Foundations of Deep Learning Annual Meeting"
    rows = ask(seed_store, "event_programme", event=meeting)
    assert [r["speakers"] for r in rows] == [
        "Rong Ge", "Elchanan Mossel", "Jeremias Sulam", "Bin Yu", "Nikolai Matni",
        "Jingfeng Wu", "Gitta Kutyniok", "Mikhail Belkin"]
    assert rows[0]["start"] == "2024-09-26T09:30:00-04:00"
    assert rows[0]["end"] == "2024-09-26T10:30:00-04:00"
    assert rows[1]["title"].startswith("Why depth? A theoretical perspective")


def test_the_meeting_with_organizers_and_dates(seed_store):
    meeting = next(r for r in ask(seed_store, "events") if r["kind"] == "Meeting"
                   and r["name"].startswith("2024 Mathematical"))
    assert meeting["organizers"] == "Peter Bartlett; René Vidal"
    assert (meeting["start"], meeting["end"]) == ("2024-09-26", "2024-09-27")


def test_seminar_series_organizers(seed_store):
    series = next(r for r in ask(seed_store, "events") if r["name"] == "Princeton Alg-ML Seminar")
    assert series["kind"] == "SeminarSeries"
    assert series["organizers"] == "Eshaan Nichani; Jennifer Sun; Simran Kaur"


def test_speakers_of_a_series_include_its_sessions(seed_store):
    rows = ask(seed_store, "speakers_of_event", event="Princeton Alg-ML Seminar")
    assert [r["speakerName"] for r in rows] == ["Noam Razin"]
    tilos = {r["speakerName"] for r in ask(seed_store, "speakers_of_event", event="TILOS Seminar")}
    assert tilos == {"Ramya Korlakai Vinayak", "Pengtao Xie", "Murat Kocaoglu"}


def test_papers_keep_author_order_and_both_presentations(seed_store):
    papers = {r["title"]: r for r in ask(seed_store, "papers")}
    paper = papers["On the Optimization of Deep Networks: Implicit Acceleration by "
                   "Overparameterization"]
    assert paper["authors"] == "Sanjeev Arora; Nadav Cohen; Elad Hazan"
    assert paper["year"] == "2018"
    assert set(paper["kinds"].split(", ")) == {"poster", "oral"}
    contrastive = papers["Understanding Contrastive Learning Requires Incorporating Inductive "
                         "Biases"]
    assert contrastive["authors"].split("; ")[0] == "Nikunj Saunshi"
    assert contrastive["authors"].split("; ")[-1] == "Akshay Krishnamurthy"
    assert set(contrastive["kinds"].split(", ")) == {"poster", "spotlight"}


def test_the_author_page_lists_every_paper(seed_store):
    rows = ask(seed_store, "papers_by_author", person="Sanjeev Arora")
    assert len(rows) == 18
    assert rows[-1]["title"] == "Generalization and Equilibrium in Generative Adversarial Nets (GANs)"


def test_advisors_from_bios(seed_store):
    relations = {(r["studentName"], r["advisorName"], r["kind"]) for r in
                 ask(seed_store, "advisors")}
    assert {
        ("Sadhika Malladi", "Sanjeev Arora", "phd"),
        ("Jason Lee", "Trevor Hastie", "phd"),
        ("Jason Lee", "Jonathan Taylor", "phd"),
        ("Jason Lee", "Michael I. Jordan", "postdoc"),
        ("Max Welling", "Geoffrey Hinton", "postdoc"),
        ("Max Welling", "Pietro Perona", "postdoc"),
        ("Max Welling", "Gerard 't Hooft", "phd"),
        ("Murat Kocaoglu", "Alex Dimakis", "phd"),
        ("Murat Kocaoglu", "Sriram Vishwanath", "phd"),
    } <= relations


def test_name_variants_are_one_person(seed_store):
    people = {r["name"]: r for r in ask(seed_store, "people")}
    assert "Misha Belkin" in people["Mikhail Belkin"]["altNames"]
    assert "Nikunj Umesh Saunshi" in people["Nikunj Saunshi"]["altNames"]
    assert "Misha Belkin" not in people and "Nikunj Umesh Saunshi" not in people


@pytest.mark.parametrize("name", ["Misha Belkin", "mikhail belkin"])
def test_a_person_is_found_by_a_variant(seed_store, name):
    rows = ask(seed_store, "talks_by_speaker", speaker=name)
    assert [r["title"] for r in rows] == ["Emergence and Grokking in “Simple” Architectures"]


def test_coauthors_of_sanjeev_arora(seed_store):
    rows = {r["coauthorName"]: int(r["jointPapers"]) for r in
            ask(seed_store, "coauthors", person="Sanjeev Arora")}
    assert rows["Nikunj Saunshi"] == 5  # 2023, 2022, 2020 twice, 2019
    assert rows["Zhiyuan Li"] == 3
    assert rows["Rong Ge"] == 2
    assert rows["Elad Hazan"] == 1


def test_people_linked_to_a_person(seed_store):
    links = {(r["otherName"], r["relation"]) for r in
             ask(seed_store, "linked_to_person", person="Sadhika Malladi")}
    assert ("Sanjeev Arora", "doctoral advisor") in links
    assert ("Sanjeev Arora", "coauthor") in links
    razin = {(r["otherName"], r["relation"]) for r in
             ask(seed_store, "linked_to_person", person="Noam Razin")}
    assert ("Nadav Cohen", "collaborator named in a talk") in razin
    assert ("Simran Kaur", "organizer of an event they spoke at") in razin


def test_talks_by_institution_include_departments_and_shared_affiliations(seed_store):
    rows = ask(seed_store, "talks_by_institution", organization="UC Berkeley")
    assert {r["speakerName"] for r in rows} >= {"Bin Yu", "Jingfeng Wu", "Michael W. Mahoney"}


def test_collaborators_named_in_abstracts(seed_store):
    rows = ask(seed_store, "linked_to_person", person="Adam Tauman Kalai")
    assert ("Santosh Vempala", "collaborator named in a talk") in {
        (r["otherName"], r["relation"]) for r in rows}


def test_the_built_graph_passes_the_shapes(seed_store):
    report = validate_graph(store_graph(seed_store))
    assert report.conforms, report.violations[:5]


def test_event_roles_organizers_contacts_hosts(seed_store):
    roles = {(r["eventName"], r["role"], r["name"], r["roleName"], r["phone"])
             for r in ask(seed_store, "event_roles")}
    meeting = "2024 Mathematical and Scientific Foundations of Deep Learning Annual Meeting"
    assert (meeting, "contact", "Christina Darras", "Event Manager", None) in roles
    assert (meeting, "host", "Simons Foundation", None, None) in roles
    assert any(r[2] == "Wynante R Charles" and r[4] == "(847) 467-8174" for r in roles)
    groups = {r[2] for r in roles if r[0] == "Princeton Alg-ML Seminar"
              and r[1] == "research group attends"}
    assert groups == {"Sanjeev Arora", "Elad Hazan", "Jason Lee", "Chi Jin"}


def test_talk_details_keep_abstract_place_and_collaborators(seed_store):
    rows = ask(seed_store, "talk_details", talk=ID + "talk/alg-ml-2023-12-04-noam-razin")
    values = {(r["property"], r["value"]) for r in rows}
    assert ("place", "Computer Science 302") in values
    assert ("collaborator", "Etai Littwin") in values
    abstract = next(v for p, v in values if p == "abstract")
    assert abstract.startswith("The resurgence of deep learning")


def test_education_and_awards_from_bios(seed_store):
    degrees = {(r["personName"], r["degree"], r["institutionName"], r["year"])
               for r in ask(seed_store, "education")}
    assert ("Rebecca Willett", "PhD", "Rice University", "2005") in degrees
    assert ("Pengtao Xie", "PhD", "Carnegie Mellon University", "2018") in degrees
    awards = {(r["personName"], r["award"]) for r in ask(seed_store, "awards")}
    assert any(p == "Sadhika Malladi" and "Siebel" in a for p, a in awards)


def test_affiliations_keep_what_each_source_printed(seed_store):
    rows = ask(seed_store, "affiliations")
    willett_duke = [r for r in rows if r["personName"] == "Rebecca Willett"
                    and r["organizationName"] == "Duke University"]
    assert willett_duke and willett_duke[0]["current"] == "false"
    assert (willett_duke[0]["startYear"], willett_duke[0]["endYear"]) == ("2005", "2013")
