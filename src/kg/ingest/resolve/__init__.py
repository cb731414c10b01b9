"""Printed names → people and institutions: name keys, institution strings, the resolver."""
