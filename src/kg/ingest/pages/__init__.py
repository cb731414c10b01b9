"""Pages people already have: seminar announcements, event pages, talk listings, meeting
programmes and author pages, as Markdown/plain text or HTML.

``text`` turns a file into numbered lines; one module per kind (``seminar``, ``event``,
``listing``, ``meeting``, ``author``) extracts talks, events and papers with names still as
printed; ``relations`` reads advisors, degrees, positions and collaborators from biographies;
``records`` resolves names to ids and makes a ``SourceDocument``; ``writer`` merges it into
``data/`` atomically.
"""
