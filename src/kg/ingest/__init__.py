"""Growing the graph from documents people already have: pages, bibliographies, calendars.

One module per document kind or importer; ``names`` resolves people and institutions to ids;
``imports`` streams registered bulk files (BibTeX, authorship tables) into a build.
"""
