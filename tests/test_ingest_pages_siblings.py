"""Siblings alike: the children of one element grouped by tag and class, as readers of repeated
units start from them."""

from __future__ import annotations

import lxml.html

from kg.ingest.pages.siblings import alike, element_children, parents, tag_of


def test_list_items_and_cards_group_by_tag_and_class():
    root = lxml.html.fromstring("<div><li>a</li><!-- note --><li>b</li><div class='card'>c</div>"
                                "<div class='card'>d</div><p>e</p></div>")
    groups = alike(element_children(root), frozenset({"li", "div"}))
    assert {signature: [unit[0].text for unit in units] for signature, units in groups.items()} == {
        ("li", ""): ["a", "b"], ("div", "card"): ["c", "d"]}


def test_every_element_is_a_parent_once_and_comments_are_no_children():
    root = lxml.html.fromstring("<ul><li>a<!-- x --></li><li>b</li></ul>")
    assert [(tag_of(parent), len(children)) for parent, children in parents(root)] == [
        ("ul", 2), ("li", 0), ("li", 0)]
