"""claimtrack: a terminal desk for fact-checkers."""

__version__ = "0.1.0"
