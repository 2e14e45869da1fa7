"""Alembic environment: always run against an already keyed vault engine.

The vault passes its engine in ``config.attributes["engine"]`` (the key never
goes through a URL). Batch mode, because SQLite cannot ALTER most things.
"""

from __future__ import annotations

from alembic import context

from ondersteuner.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    if engine is None:
        raise RuntimeError("migrations run only through ondersteuner.vault.schema")
    with engine.begin() as conn:
        _run(conn)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
