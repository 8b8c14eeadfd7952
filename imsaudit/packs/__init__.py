"""Clause packs: the pydantic model, the YAML loader with file:line:col errors, validation."""
