"""Preparing and taking notes during the gesprek; pure, no Qt."""
