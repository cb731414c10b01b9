"""A talk written as the speaker's name, then its title in brackets."""

from kg.ingest.pages.extract import extract_path


def _read(tmp_path, text: str):
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    return extract_path(path)


def test_a_name_then_its_title_in_brackets_gives_the_title_not_an_affiliation(tmp_path):
    page = _read(tmp_path, "## Fall 2022 Schedule\n\n- Sep 30: Eric Evans (Heisenberg Lie algebra)\n\n"
                 "- Nov 4: Allison Moore (What is homology)\n\n- Nov 11: Sam Bevins (grad student at NCSU)\n")
    found = [(t.speakers[0].name, t.title, t.speakers[0].affiliation) for t in page.talks]
    assert found == [("Eric Evans", "Heisenberg Lie algebra", None),
                     ("Allison Moore", "What is homology", None),
                     ("Sam Bevins", None, "grad student at NCSU")]
