"""Record ids: readable ASCII slugs of names and titles."""

from kg.records.ids import slugify


def test_accents_are_dropped_and_words_joined_by_hyphens():
    assert slugify("René Vidal") == "rene-vidal"
    assert slugify("  Learning, with Errors!  ") == "learning-with-errors"


def test_letters_without_an_ascii_decomposition_are_transliterated_not_lost():
    assert slugify("Kristoffer Holsbø") == "kristoffer-holsbo"
    assert slugify("Łukasz Kaiser") == "lukasz-kaiser"
    assert slugify("Straße") == "strasse"


def test_two_names_differing_by_such_a_letter_keep_distinct_ids():
    assert slugify("Holsbø") != slugify("Holsb")


def test_text_with_no_letters_or_digits_still_gets_an_id():
    assert slugify("—") == "x"
