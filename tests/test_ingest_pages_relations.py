"""Relations in biographies: advisors, degrees and positions, each with its sentence."""

from kg.ingest.pages.relations import degree_name, institution_names, relations


def advisors(text, person="X"):
    return [(a.advisor, a.kind, a.institution) for a in relations(person, text).advising]


def test_advised_by_names_phd_advisors_at_the_degree_institution():
    text = "Jason received his PhD at Stanford University advised by Trevor Hastie and Jonathan Taylor."
    assert advisors(text) == [("Trevor Hastie", "phd", "Stanford University"),
                              ("Jonathan Taylor", "phd", "Stanford University")]
    found = relations("Jason Lee", text)
    assert [(e.institution, e.degree) for e in found.education] == [("Stanford University", "PhD")]
    assert found.advising[0].evidence == text


def test_a_postdoc_working_with_someone_is_a_postdoc_mentor():
    text = ("Prior to that, he was a postdoctoral researcher at UC Berkeley working with "
            "Michael I. Jordan.")
    assert advisors(text) == [("Michael I. Jordan", "postdoc", "UC Berkeley")]


def test_supervision_clauses_with_titles_and_two_institutions():
    text = ("His previous appointments include VP at Qualcomm Technologies, postdoc at U. Toronto and "
            "UCL under supervision of prof. Geoffrey Hinton, and postdoc at Caltech under supervision "
            "of prof. Pietro Perona. He finished his PhD in theoretical high energy physics under "
            "supervision of Nobel laureate Prof. Gerard ‘t Hooft.")
    assert advisors(text) == [("Geoffrey Hinton", "postdoc", None),  # two institutions: neither
                              ("Pietro Perona", "postdoc", "Caltech"),
                              ("Gerard ‘t Hooft", "phd", None)]


def test_several_degrees_in_one_sentence_with_years_and_a_joint_supervision():
    text = ("Dr. Kocaoglu received his B.S. degree in Electrical-Electronics Engineering from the "
            "Middle East Technical University in 2010, his M.S. degree from the Koc University, Turkey "
            "in 2012, and his Ph.D. degree from The University of Texas at Austin in 2018 under the "
            "supervision of Prof. Alex Dimakis and Prof. Sriram Vishwanath.")
    found = relations("Murat Kocaoglu", text)
    assert [(e.degree, e.institution, e.year, e.field) for e in found.education] == [
        ("BS", "the Middle East Technical University", 2010, "Electrical-Electronics Engineering"),
        ("MS", "the Koc University, Turkey", 2012, None),
        ("PhD", "The University of Texas at Austin", 2018, None)]
    assert [(a.advisor, a.institution) for a in found.advising] == [
        ("Alex Dimakis", "The University of Texas at Austin"),
        ("Sriram Vishwanath", "The University of Texas at Austin")]
    assert found.positions == []


def test_current_and_past_positions_with_years():
    text = ("Pengtao Xie is an assistant professor at UC San Diego. She was an Assistant and then "
            "tenured Associate Professor of Electrical and Computer Engineering at Duke University "
            "from 2005 to 2013.")
    found = relations("X", text)
    assert [(p.institution, p.role, p.current, p.start_year, p.end_year) for p in found.positions] == [
        ("UC San Diego", "assistant professor", True, None, None),
        ("Duke University", "Assistant and then tenured Associate Professor of Electrical and Computer "
                            "Engineering", False, 2005, 2013)]


def test_a_student_advised_at_a_university_is_a_phd_relation_not_a_degree():
    text = ("Sadhika Malladi is a final-year PhD student in Computer Science at Princeton University "
            "advised by Sanjeev Arora.")
    found = relations("Sadhika Malladi", text)
    assert advisors(text) == [("Sanjeev Arora", "phd", "Princeton University")]
    assert found.education == []
    assert [(p.role, p.current) for p in found.positions] == [("final-year PhD student", True)]


def test_working_with_a_colleague_is_not_advising():
    assert advisors("She works at OpenAI working with Ada Lovelace on safety.") == []


def test_degree_names_and_institution_names():
    assert [degree_name(d) for d in ("Ph.D.", "B.S.", "M.S.", "Masters", "Bachelors")] == [
        "PhD", "BS", "MS", "Masters", "Bachelors"]
    assert institution_names("Computer Science at Princeton University") == "Princeton University"
    assert institution_names("The University of Texas at Austin") == "University of Texas at Austin"
    assert institution_names("MIT-IBM Watson AI Lab in IBM Research",
                             frozenset({"mit ibm watson ai lab"})) == "MIT-IBM Watson AI Lab; IBM Research"
