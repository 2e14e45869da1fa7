"""Alembic migrations of the vault schema (shipped as ``ondersteuner.migrations``)."""
