"""ondersteuner: dossier and procedure tool for onafhankelijke cliëntondersteuners.

Layering (see DESIGN.md): ``ui`` → core (``vault``, ``settings``, later ``termijnen``,
``compare``, ``letters``, ``importers``) → ``models``. The core never imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "ondersteuner"
