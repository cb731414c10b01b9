"""Named SPARQL queries (``queries/*.rq``), their typed parameters, and the one name-or-IRI resolver."""
