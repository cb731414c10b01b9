"""kg: a knowledge graph of machine-learning theory."""

__version__ = "0.1.0"
