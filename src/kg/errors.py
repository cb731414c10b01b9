"""Errors a user can act on: each message is one line naming what went wrong and where."""


class KGError(Exception):
    """Base class of every expected error in kg."""


class DataError(KGError):
    """A record file is unreadable, invalid, or refers to something that does not exist."""


class QueryError(KGError):
    """A named query is missing, malformed, or was given bad parameters."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class ShapeViolation(KGError):
    """The graph does not conform to the SHACL shapes."""


class UsageError(KGError):
    """Options that do not fit together or do not fit the input: the command line exits 2."""
