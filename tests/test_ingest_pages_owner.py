"""The owner of a personal page: from the page, else from its site's Jekyll configuration."""

from kg.ingest.pages.document import read_document
from kg.ingest.pages.owner import bio_owner, owner_by, page_owner, site_owner


def test_the_site_configuration_names_the_owner(tmp_path):
    site = tmp_path / "site"
    (site / "_pages").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Homepage\nauthor:\n\tname: 'Ada Lovelace'\n", encoding="utf-8")
    page = site / "_pages" / "talks.md"
    page.write_text("---\ntitle: Talks\n---\n\n**Engines.**  \n*Royal Society*, May 2019\n", encoding="utf-8")
    assert site_owner(page) == "Ada Lovelace"  # a tab in the YAML, as Jekyll allows
    assert page_owner(read_document(page)) == "Ada Lovelace"


def test_al_folio_first_and_last_names_and_no_config_at_all(tmp_path):
    (tmp_path / "_config.yml").write_text("title: blank\nfirst_name: Hugues\nlast_name: Van Assel\n",
                                          encoding="utf-8")
    assert site_owner(tmp_path / "talks.md") == "Hugues Van Assel"
    alone = tmp_path / "inner" / "deeper" / "x" / "y" / "talks.md"
    assert site_owner(alone) is None  # more than three folders up: not this page's site


def test_the_page_itself_names_its_owner_first(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<html><head><title>Spencer Frei</title></head><body><p>News</p></body></html>",
                    encoding="utf-8")
    (tmp_path / "_config.yml").write_text("name: Someone Else\n", encoding="utf-8")
    assert page_owner(read_document(page)) == "Spencer Frei"


def test_a_hugo_academic_site_names_its_owner_on_the_superusers_author_page(tmp_path):
    for who, superuser in (("charles-babbage", "false"), ("ada-lovelace", "true")):
        folder = tmp_path / "content" / "authors" / who
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text(f"---\ntitle: {who.replace('-', ' ').title()}\n"
                                          f"superuser: {superuser}\n---\n", encoding="utf-8")
    (tmp_path / "content" / "misc").mkdir()
    assert site_owner(tmp_path / "content" / "misc" / "talks.md") == "Ada Lovelace"


def test_an_email_address_the_page_confirms_names_its_owner():
    from kg.ingest.pages.owner import mail_owner

    text = ("[ada.lovelace@example.org](mailto:ada.lovelace@example.org)\n\n"
           "Welcome! I'm Ada, I work on engines.")
    assert mail_owner(text) == "Ada Lovelace"
    assert mail_owner("Write to seminar.office@example.org for the Zoom link.") is None  # nobody introduced


def test_a_description_that_gives_the_talks_to_a_person_names_the_owner(tmp_path):
    page = tmp_path / "alone" / "talks.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: Talks\ndescription: Selected invited and conference talks by Ada Lovelace.\n"
                    "---\n\n- *Notes on the Engine.* Royal Society, London, UK, 2019.\n", encoding="utf-8")
    assert page_owner(read_document(page)) == "Ada Lovelace"
    assert owner_by("Talks sorted by Year") is None  # "by" and a capital: no person
    assert owner_by("Slides by topic") is None


def test_whose_works_a_title_names():
    from kg.ingest.pages.owner import owner_by

    assert owner_by("Publications of Jeremy L. Martin") == "Jeremy L. Martin"
    assert owner_by("Ada Lovelace's papers") == "Ada Lovelace"
    assert owner_by("Ada Lovelace | Publications") == "Ada Lovelace"
    assert owner_by("Publications - Ada Lovelace") == "Ada Lovelace"
    assert owner_by("Papers of the week") is None


def test_a_footer_that_gives_the_copyright_to_a_person_names_the_owner(tmp_path):
    from kg.ingest.pages.owner import copyright_owner

    assert copyright_owner("News ... © 2026 Ada Lovelace. Powered by Jekyll") == "Ada Lovelace"
    assert copyright_owner("Talks ... Ada Lovelace © 2019–2024") == "Ada Lovelace"
    assert copyright_owner("© 2025 Carnegie Mellon AI Safety Initiative") is None  # an organization
    assert copyright_owner("Copyright © 2023 CIS Lab") is None
    page = tmp_path / "alone" / "talks.html"
    page.parent.mkdir()
    page.write_text("<html><head><title>Talks</title></head><body><h2>Talks</h2><ul>"
                    "<li><i>Notes on the Analytical Engine.</i> Royal Society, London, UK, 2019.</li></ul>"
                    "<footer>&copy; 2026 Ada Lovelace &middot; Powered by Hugo</footer></body></html>",
                    encoding="utf-8")
    assert page_owner(read_document(page)) == "Ada Lovelace"


def test_a_biography_in_the_third_person_names_the_owner():
    bio = "Ada Lovelace has been an Assistant Professor of Mathematics since 1843."
    assert bio_owner(["Short Bio", bio]) == "Ada Lovelace"
    assert bio_owner(["Ada Lovelace is a Research Scientist at the Analytical Society."]) == "Ada Lovelace"
    assert bio_owner(["The Analytical Engine is a machine.", "Talks are listed below."]) is None


def test_a_quarto_site_names_its_owner_in_its_configured_footer(tmp_path):
    (tmp_path / "_quarto.yml").write_text(
        'project:\n  type: website\nwebsite:\n  title: "Curious Engines"\n  page-footer:\n'
        '    center: |\n      &copy; [Ada Lovelace](https://example.org) 2013-25 | [Github](https://github.com)\n',
        encoding="utf-8")
    assert site_owner(tmp_path / "talks.qmd") == "Ada Lovelace"  # not the site's title, which reads as a name
    (tmp_path / "_quarto.yml").write_text("website:\n  title: Notes\n  page-footer: Made with Quarto\n",
                                          encoding="utf-8")
    assert site_owner(tmp_path / "talks.qmd") is None
