"""Word documents the app makes (python-docx, imported only when used)."""
