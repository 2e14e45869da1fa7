"""Helper programs that tests start as separate processes."""
