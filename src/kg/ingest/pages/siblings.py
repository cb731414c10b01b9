"""Siblings alike: the children of one element grouped by their tag and class.

A page that repeats a unit (a talk, a paper) prints it as siblings of one tag and one class under
one parent: list items, cards, table rows. The readers of repeated units (``paper_units`` for
papers, ``units`` for talks) start from these groups; each decides which tags can be a unit and
how many units make a group.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Signature = tuple[str, str]
"""The tag and class that the units of one group share."""


def tag_of(element: Any) -> str:
    """An element's tag in lower case; ``""`` for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def element_children(parent: Any) -> list[Any]:
    """The children of ``parent`` that are elements (comments left out)."""
    return [c for c in parent if isinstance(c.tag, str)]


def alike(children: list[Any], tags: frozenset[str]) -> dict[Signature, list[list[Any]]]:
    """Children of the given tags grouped by tag and class, in page order, each a unit of one element."""
    groups: dict[Signature, list[list[Any]]] = {}
    for child in children:
        tag = tag_of(child)
        if tag in tags:
            groups.setdefault((tag, child.get("class") or ""), []).append([child])
    return groups


def parents(root: Any) -> Iterator[tuple[Any, list[Any]]]:
    """Every element of the tree under ``root`` (itself included) with its element children."""
    for parent in root.iter():
        if isinstance(parent.tag, str):
            yield parent, element_children(parent)


__all__ = ["Signature", "alike", "element_children", "parents", "tag_of"]
