"""Data files shipped with the app (the list of Dutch municipalities)."""
