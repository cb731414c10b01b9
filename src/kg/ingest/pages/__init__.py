"""Pages people already have, any layout, as Markdown/plain text or HTML → talks, papers, events.

The flow, once per page: ``document`` reads the file into one element tree (markdown-it-py and
lxml; front matter and JSON-LD apart); ``blocks`` cuts it into blocks and tables; ``fields`` tells
dates, times, names and organizations; ``entries`` reads the fields of one piece of text;
``talks`` and ``papers`` find the talks and publications of the page; ``extract`` labels the page
with its kind and builds the ``PageExtract`` (``extracted``). ``pipeline.extract_file`` runs it,
with the five layout readers of the seed pages (``seminar``, ``event``, ``listing``, ``meeting``,
``author``, on ``text``'s lines) beside it. ``relations`` reads advisors, degrees and positions
from biographies; ``records`` resolves names to ids and makes a ``SourceDocument``; ``writer``
merges it into ``data/`` atomically.
"""
