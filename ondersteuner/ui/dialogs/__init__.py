"""Dialogs: edit forms over snapshots; they call operations and never hold ORM objects."""
