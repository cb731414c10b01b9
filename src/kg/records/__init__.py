"""The hand-off format between steps: pydantic records, reading and writing ``data/``."""
