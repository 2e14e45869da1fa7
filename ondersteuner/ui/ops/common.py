"""Shared pieces of the operations: the session scope and the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ondersteuner.models import AuditRegel
from ondersteuner.vault import DiskProblem, Vault


@contextmanager
def write_session(vault: Vault) -> Iterator[Session]:
    """A short session that commits on success and rolls back on any error.

    A write that fails because the disk is full or read-only becomes
    :class:`DiskProblem` (a Dutch message); the caller keeps the user's input.
    """
    with vault.session() as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            text = str(exc).lower()
            if any(w in text for w in ("full", "readonly", "read-only", "disk i/o", "locked")):
                raise DiskProblem() from exc
            raise
        except BaseException:
            session.rollback()
            raise


def audit(session: Session, actie: str, omschrijving: str = "") -> None:
    """Record a sensitive action. ``omschrijving`` must not contain client data."""
    session.add(AuditRegel(actie=actie, omschrijving=omschrijving))
