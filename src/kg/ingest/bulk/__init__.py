"""Bulk files → records: bibliographies, authorship tables, calendars and DBLP dumps."""
