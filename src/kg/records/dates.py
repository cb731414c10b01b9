"""Which dates kg believes: from 1900 to ten years after today.

A talk dated 2200 or a paper of 1066 is a typo, not a fact; left in, one such date would set the
recency of every candidate ``kg suggest`` ranks for its event to zero. Record fields refuse them
(``records.models``), and so do the bulk importers, each naming the field.
"""

from __future__ import annotations

from datetime import date, datetime

EARLIEST_YEAR = 1900
YEARS_AHEAD = 10


def latest_year() -> int:
    """The last year kg accepts: ten years after the current one."""
    return date.today().year + YEARS_AHEAD


def implausible_year(year: int) -> str | None:
    """Why ``year`` cannot be right (outside 1900 to ten years ahead), or ``None`` when it can."""
    last = latest_year()
    if EARLIEST_YEAR <= year <= last:
        return None
    return f"{year} is not a plausible year: give one from {EARLIEST_YEAR} to {last}"


def implausible_date(value: date | datetime) -> str | None:
    """Why a date or date-time cannot be right, or ``None`` when it can."""
    last = latest_year()
    if EARLIEST_YEAR <= value.year <= last:
        return None
    return f"{value.isoformat()} is not a plausible date: give one from {EARLIEST_YEAR} to {last}"
