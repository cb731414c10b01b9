"""Graphs and rows → what people read: graph pages, tables in text formats, calendars."""
