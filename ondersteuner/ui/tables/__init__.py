"""Qt list models over row snapshots (``models`` alone means the ORM)."""
