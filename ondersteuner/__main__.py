"""``python -m ondersteuner``: same as the ``ondersteuner`` GUI script."""

from ondersteuner.app import main

if __name__ == "__main__":
    raise SystemExit(main())
