"""Letter templates (one text template per letter kind) and the default letterhead.

Filled by the letters issue; an organisation can override any template from the
data directory.
"""
