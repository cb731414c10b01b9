"""Rows of the store → NetworkX graphs → metrics, paths, lineage, suggestions and their evaluation."""
