"""Records → RDF quads: the only mapping, the ``kg:`` vocabulary, the ontology and its shapes."""
